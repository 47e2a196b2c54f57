/**
 * The buffers of the direct data path (receiveDirect.ts, sendDirect.ts), kept for the next
 * transfer: a fresh megabyte-sized buffer per transfer costs a small file more (allocation, page
 * faults, garbage collection) than the direct path saves it. A buffer comes back only when
 * nothing can still write into it or send from it. Each size keeps at most MAX_KEPT_BYTES.
 * Must not import electron or React.
 */

/** What the pool keeps of each buffer size. */
const MAX_KEPT_BYTES = 16 << 20;

const kept = new Map<number, Buffer[]>();

/** A buffer of `size` bytes with unspecified contents. */
export function takeBuffer(size: number): Buffer {
  return kept.get(size)?.pop() ?? Buffer.allocUnsafe(size);
}

/** Gives a buffer from takeBuffer() back; the caller must not touch it afterwards. */
export function returnBuffer(buffer: Buffer): void {
  let list = kept.get(buffer.length);
  if (!list) {
    list = [];
    kept.set(buffer.length, list);
  }
  if ((list.length + 1) * buffer.length <= MAX_KEPT_BYTES) list.push(buffer);
}
