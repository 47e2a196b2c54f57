/**
 * Watches one edited copy for saves. It watches the copy's folder, not the file: many editors
 * save by writing a new file and renaming it over the old one, which a watch on the file itself
 * would lose. A burst of events (write, rename, attribute change) is reported once, after it
 * settles; whether the content really changed is the caller's question. Must not import electron.
 */
import { watch, type FSWatcher } from 'node:fs';

/** How long after the last event of a burst the save is reported. */
export const SAVE_SETTLE_MS = 150;

/** Reports saves of `fileName` in `dir` until closed. */
export class EditWatcher {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string,
    private readonly fileName: string,
    private readonly onSaved: () => void,
  ) {}

  /** Starts watching. */
  start(): void {
    this.watcher = watch(this.dir, { persistent: false }, (_event, name) => {
      // Some systems do not say which file changed; anything else in the folder (an editor's swap
      // or backup file, Ferry's own `.part`) is not the copy.
      if (name !== null && name.toString() !== this.fileName) return;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.onSaved();
      }, SAVE_SETTLE_MS);
    });
    // The folder went away (the edit is closing): nothing more to watch.
    this.watcher.on('error', () => this.close());
  }

  /** Stops watching; a save still settling is not reported. */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
  }
}
