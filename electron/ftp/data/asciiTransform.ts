/**
 * Line-ending conversion for TYPE A transfers (RFC 959 §3.1.1.1: ASCII data uses CRLF on the wire):
 * CRLF→LF on download, bare LF→CRLF on upload, as streaming Transforms that handle a CR and its
 * LF arriving in different chunks.
 * Must not import electron or React.
 */
import { Transform } from 'node:stream';

const CR = 0x0d;
const LF = 0x0a;

/** A Transform turning CRLF into LF (downloads); a lone CR is kept. */
export function crlfToLf(): Transform {
  let heldCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const out = Buffer.allocUnsafe(chunk.length + 1);
      let n = 0;
      let i = 0;
      if (heldCr) {
        heldCr = false;
        // The CR held from the previous chunk belongs to a CRLF only if this chunk starts with LF.
        if (chunk.length === 0 || chunk[0] !== LF) out[n++] = CR;
      }
      for (; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === CR) {
          if (i === chunk.length - 1) {
            heldCr = true;
            continue;
          }
          if (chunk[i + 1] === LF) continue;
        }
        out[n++] = byte;
      }
      callback(null, out.subarray(0, n));
    },
    flush(callback) {
      callback(null, heldCr ? Buffer.from([CR]) : undefined);
    },
  });
}

/** A Transform turning bare LF into CRLF (uploads); an existing CRLF is left alone. */
export function lfToCrlf(): Transform {
  let lastWasCr = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let count = 0;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === LF) count++;
      const out = Buffer.allocUnsafe(chunk.length + count);
      let n = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        const previousIsCr = i === 0 ? lastWasCr : chunk[i - 1] === CR;
        if (byte === LF && !previousIsCr) out[n++] = CR;
        out[n++] = byte;
      }
      if (chunk.length > 0) lastWasCr = chunk[chunk.length - 1] === CR;
      callback(null, out.subarray(0, n));
    },
  });
}
