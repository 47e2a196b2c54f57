/**
 * One edit as the main process keeps it: what the window sees (EditInfo), what the server had
 * when the copy was opened or last uploaded, the hashes that tell a real save from a touch, and
 * the edit's state with every move in one place (`move`, as EDIT_MOVES allows). Its operations
 * run one at a time (`serial`). No I/O here. Must not import electron.
 */
import { EDIT_MOVES, type EditConflict, type EditInfo, type EditState, type RemoteFileState, type TextEncoding } from '../../shared/edit';
import type { EditWatcher } from './EditWatcher';
import { EditStateError } from './editErrors';

/** Keeps one edit's state. */
export class EditRecord {
  /** The server's file as it was opened or last uploaded: any other state is someone else's change. */
  known: RemoteFileState = {};
  /** The hash of the copy as last seen or written, to tell a real save from a touch. */
  seenHash: string | undefined;
  /** The hash of the bytes the server has from this edit (downloaded or uploaded). */
  serverHash: string | undefined;
  /** How the built-in editor's text becomes the copy's bytes, as the copy was last read. */
  encoding: TextEncoding = 'utf-8';
  watcher: EditWatcher | undefined;
  /** The tail of this edit's operations. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    readonly info: EditInfo,
    /** The server, the same for every browsing connection to it. */
    readonly serverKey: string,
    /** The browsing connection it last used. */
    public sessionId: string,
    /** Its private folder. */
    readonly dir: string,
    /** Hears every change of what the window sees. */
    private readonly onChange: () => void,
  ) {}

  /** Runs `work` after every operation on this edit that came before it. */
  serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  /** The one place the state changes; a move EDIT_MOVES does not list is a fault. */
  move(to: EditState): void {
    const from = this.info.state;
    if (from === to && !EDIT_MOVES[from].includes(to)) return;
    if (!EDIT_MOVES[from].includes(to)) throw new EditStateError(`${this.info.name} cannot go from ${from} to ${to}`);
    this.info.state = to;
    this.onChange();
  }

  /** The copy was saved with content `hash`: modified, unless that is what the server has (a change undone). */
  saved(hash: string): void {
    this.seenHash = hash;
    // A conflict's answer uploads whatever the copy holds by then.
    if (this.info.state === 'conflict') return;
    if (hash !== this.serverHash) return this.move('modified');
    this.info.isOfferPending = false;
    if (this.info.state === 'modified') this.move('clean');
  }

  /** Waits for the user: a save to upload or not. */
  offer(): void {
    this.info.isOfferPending = true;
    this.onChange();
  }

  /** The server has the copy's bytes `hash` now, in the state `known`. */
  uploaded(hash: string | undefined, known: RemoteFileState): void {
    this.known = known;
    this.serverHash = hash;
    this.info.lastError = undefined;
    this.info.conflict = undefined;
    this.info.isOfferPending = false;
    this.info.uploadedMs = Date.now();
    // Saved again while the upload ran: that save is still to go.
    this.move(hash !== undefined && hash !== this.seenHash ? 'modified' : 'clean');
  }

  /** The copy now holds the server's file again (opened, or reloaded), with content `hash`. */
  loaded(hash: string | undefined, known: RemoteFileState): void {
    this.known = known;
    this.serverHash = this.seenHash = hash;
    this.info.conflict = undefined;
    this.info.lastError = undefined;
    this.info.isOfferPending = false;
    this.move('clean');
  }

  /** Someone changed the server's file: the upload waits for the user's answer. */
  conflicted(conflict: EditConflict): void {
    this.info.conflict = conflict;
    this.info.isOfferPending = false;
    this.move('conflict');
  }

  /** "Keep theirs" without reloading: the copy keeps the user's changes, and the next upload asks again. */
  keptTheirs(): void {
    this.info.conflict = undefined;
    this.move('modified');
  }

  /** An upload or reload failed with `error`; the copy keeps its changes and the edit returns to `to`. */
  failed(error: EditInfo['lastError'], to: EditState): void {
    this.info.lastError = error;
    if (this.info.state !== to) this.move(to);
    else this.onChange();
  }
}
