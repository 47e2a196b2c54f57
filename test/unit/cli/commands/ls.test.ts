import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeJsonListing } from '../../../../electron/cli/commands/ls';
import type { FileEntry } from '../../../../shared/domain';

/** Turns of the event loop, so anything the code would do without waiting for the reader gets done. */
async function settle(turns = 20): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('ls --json', () => {
  it('takes the next entry only once the output took the last (a slow reader holds the listing back)', async () => {
    let pulled = 0;
    async function* listing(): AsyncGenerator<FileEntry> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield { name: `f${i}`, type: 'file', sizeBytes: i };
      }
    }
    const held: Array<() => void> = [];
    let text = '';
    // A reader that takes one chunk and then waits: the pipe is full.
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, callback) {
        text += chunk.toString();
        held.push(callback);
      },
    });
    const done = writeJsonListing(listing(), out);
    await settle();
    expect(pulled).toBeLessThanOrEqual(2);
    // The reader catches up: everything arrives, as valid JSON.
    const release = () => {
      while (held.length) held.shift()!();
    };
    out.on('drain', () => setImmediate(release));
    release();
    await done;
    await new Promise<void>((resolve) => out.end(resolve));
    expect(pulled).toBe(1000);
    expect(JSON.parse(text)).toHaveLength(1000);
  });
});
