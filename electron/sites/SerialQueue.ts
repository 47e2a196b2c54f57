/**
 * Runs async tasks one at a time in call order, so two saves never interleave their
 * read-modify-write of one file. Must not import electron.
 */

/** A FIFO of async tasks; a failed task does not block the ones after it. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Queues `task` and resolves or rejects with its own outcome. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
