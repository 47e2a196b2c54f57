/**
 * The 1 MiB buffers of the direct data path (receiveDirect.ts, sendDirect.ts), kept for the next
 * transfer: a fresh 1 MiB buffer per transfer costs a small file more (allocation, page faults,
 * garbage collection) than the direct path saves it. A buffer comes back only when nothing can
 * still write into it or send from it. At most MAX_KEPT are kept (8 MiB).
 * Must not import electron or React.
 */

/** Size of every pooled buffer. */
export const POOL_BUFFER_BYTES = 1 << 20;
const MAX_KEPT = 8;

const kept: Buffer[] = [];

/** A buffer of POOL_BUFFER_BYTES with unspecified contents. */
export function takeBuffer(): Buffer {
  return kept.pop() ?? Buffer.allocUnsafe(POOL_BUFFER_BYTES);
}

/** Gives a buffer from takeBuffer() back; the caller must not touch it afterwards. */
export function returnBuffer(buffer: Buffer): void {
  if (kept.length < MAX_KEPT && buffer.length === POOL_BUFFER_BYTES) kept.push(buffer);
}
