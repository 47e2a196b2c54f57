/**
 * View/Edit of remote files, as FileZilla and WinSCP do it: the remote file is downloaded into a
 * private copy (EditTempFolder), what the server had is remembered (size, time, checksum), and
 * each save of the copy (seen by EditWatcher, or written by the built-in editor) is offered for
 * upload. Before uploading, the server's file is looked at again: if someone changed it since,
 * the user chooses (overwrite, keep theirs, save mine under another name). After an upload, what
 * the server has is remembered anew. An edit outlives its browsing connection: its changes wait
 * in the copy until a connection to the same server is open again. Each edit's state lives in its
 * EditRecord. Must not import electron.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TransferSession } from '../queue/types';
import { nodeLocalFs } from '../queue/nodeLocalFs';
import { unsafeNameReason } from '../queue/safeName';
import {
  BUILTIN_EDIT_MAX_BYTES,
  canTellChanges,
  describeRemoteChange,
  editedName,
  hasUnuploadedChanges,
  remoteChanges,
  type ConflictAnswer,
  type EditInfo,
  type EditMode,
  type EditOpened,
  type EditText,
  type UploadOfferAnswer,
} from '../../shared/edit';
import { joinRemotePath, remoteBaseName, remoteParent } from '../../shared/remotePath';
import { errorInfoOf } from '../../shared/errorText';
import { copyPath, type EditTempFolder } from './EditTempFolder';
import { EditRecord } from './EditRecord';
import { EditWatcher } from './EditWatcher';
import { downloadCopy, existsRemote, freeEditedName, remoteStateOf, uploadCopy } from './editRemoteFile';
import { decodeText, encodeText } from './editText';
import { EditGoneError, EditNameTakenError, EditNotTextError, EditOfflineError, EditStateError, EditTooLargeError, EditUnsavedError } from './editErrors';

/** The browsing connections as edits use them. */
export interface EditRemote {
  /** Runs `op` on the browsing connection `sessionId`; throws when it is not open. */
  use<T>(sessionId: string, op: (session: TransferSession) => Promise<T>): Promise<T>;
  /**
   * The server a browsing connection is logged in to: a key the same for every connection to it,
   * and its name for people. Throws when the connection is not open.
   */
  serverOf(sessionId: string): { key: string; label: string };
  /** The browsing connections open now. */
  sessionIds(): string[];
}

/** What the edit service works with. */
export interface EditServiceDeps {
  remote: EditRemote;
  folder: EditTempFolder;
  /** A line for the message log, under a connection's name. */
  log(connectionId: string, text: string, kind?: 'status' | 'error'): void;
  /** Hears the whole list of edits after every change. */
  emit(edits: EditInfo[]): void;
  /** Opens a copy in the desktop's editor; absent where there is no desktop (browser mode). */
  openExternally?(localPath: string): Promise<void>;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Owns every edit of the app. */
export class EditService {
  private readonly edits = new Map<string, EditRecord>();

  constructor(private readonly deps: EditServiceDeps) {}

  /** Every edit, as the window lists them. */
  list(): EditInfo[] {
    return [...this.edits.values()].map((e) => this.infoOf(e));
  }

  /**
   * Opens the remote file `remotePath` of browsing connection `sessionId` for editing: downloads
   * it into a private copy, then hands the copy to the desktop's editor (`external`) or returns
   * its text (`builtin`; refused for large or binary files). A file already being edited is not
   * downloaded again: its copy, with any changes, is opened.
   */
  async open(sessionId: string, remotePath: string, mode: EditMode): Promise<EditOpened> {
    const server = this.deps.remote.serverOf(sessionId);
    const existing = [...this.edits.values()].find((e) => e.serverKey === server.key && e.info.remotePath === remotePath);
    if (existing) return existing.serial(() => this.present(existing, mode));

    const name = remoteBaseName(remotePath);
    const dir = await this.deps.folder.newEditFolder();
    const info: EditInfo = {
      id: randomUUID(), name, remotePath, server: server.label, localPath: copyPath(dir, name), mode,
      state: 'opening', isConnected: true, isAutoUpload: false, isOfferPending: false, openedMs: Date.now(),
    };
    const edit = new EditRecord(info, server.key, sessionId, dir, () => this.changed());
    this.edits.set(info.id, edit);
    this.changed();
    try {
      return await edit.serial(async () => {
        const known = await this.deps.remote.use(sessionId, async (session) => {
          const before = await remoteStateOf(session, remotePath, false);
          if (mode === 'builtin' && before?.sizeBytes !== undefined && before.sizeBytes > BUILTIN_EDIT_MAX_BYTES) {
            throw new EditTooLargeError(name, before.sizeBytes, BUILTIN_EDIT_MAX_BYTES);
          }
          return downloadCopy(this.copyTransfer(edit, session), before ?? {});
        });
        edit.loaded(await this.hashCopy(edit), known);
        this.deps.log(sessionId, `Editing ${remotePath}: a private copy is at ${info.localPath}`);
        if (!canTellChanges(edit.known)) {
          this.deps.log(sessionId, `The server tells neither the size nor the time of ${remotePath}: Ferry cannot see whether someone else changes it before an upload`);
        }
        edit.watcher = new EditWatcher(dir, path.basename(info.localPath), () => void edit.serial(() => this.noticeSave(edit)));
        edit.watcher.start();
        return this.present(edit, mode);
      });
    } catch (err) {
      await this.discard(edit);
      throw err;
    }
  }

  /** Shows an open edit again: its copy in the desktop's editor, or its text for the built-in editor. */
  show(editId: string, mode: EditMode): Promise<EditOpened> {
    const edit = this.get(editId);
    return edit.serial(() => this.present(edit, mode));
  }

  /** Saves the built-in editor's text into the copy and uploads it (after the conflict check). */
  save(editId: string, text: string): Promise<EditInfo> {
    const edit = this.get(editId);
    return edit.serial(async () => {
      const bytes = encodeText(text, edit.encoding);
      edit.seenHash = sha256(bytes);
      await this.deps.folder.replaceFile(edit.info.localPath, bytes);
      edit.saved(edit.seenHash);
      if (edit.info.state === 'modified') await this.upload(edit);
      return this.infoOf(edit);
    });
  }

  /** The user's answer to a save offered for upload. */
  answerOffer(editId: string, answer: UploadOfferAnswer): Promise<EditInfo> {
    const edit = this.get(editId);
    return edit.serial(async () => {
      edit.info.isOfferPending = false;
      if (answer === 'always') edit.info.isAutoUpload = true;
      this.changed();
      if (answer !== 'not-now' && edit.info.state === 'modified') await this.upload(edit);
      return this.infoOf(edit);
    });
  }

  /**
   * The user's answer to a conflict: upload over the server's file, keep the server's (and with
   * `reload` load it into the copy, whose text is returned), or upload under `name` in the same folder.
   */
  resolveConflict(editId: string, answer: ConflictAnswer, options: { reload?: boolean; name?: string } = {}): Promise<EditOpened> {
    const edit = this.get(editId);
    return edit.serial(async () => {
      if (edit.info.state !== 'conflict') throw new EditStateError(`${edit.info.name} has no conflict to resolve`);
      if (answer === 'overwrite') await this.upload(edit, { isChecked: true });
      else if (answer === 'save-as') await this.saveAs(edit, options.name ?? edit.info.conflict?.proposedName ?? editedName(edit.info.name));
      else if (options.reload) await this.reload(edit);
      else edit.keptTheirs();
      const text = answer === 'keep-theirs' && options.reload && edit.info.mode === 'builtin' ? await this.textOf(edit) : undefined;
      return text ? { edit: this.infoOf(edit), text } : { edit: this.infoOf(edit) };
    });
  }

  /** Ends an edit and removes its copy; refused while the copy has changes not uploaded, unless `discardChanges`. */
  close(editId: string, discardChanges = false): Promise<void> {
    const edit = this.get(editId);
    return edit.serial(async () => {
      if (hasUnuploadedChanges(edit.info) && !discardChanges) throw new EditUnsavedError(edit.info.name);
      await this.discard(edit);
    });
  }

  /** A browsing connection opened or closed: the edits say whether they can upload now. */
  connectionsChanged(): void {
    if (this.edits.size > 0) this.changed();
  }

  /** Stops watching and removes every copy (the app is quitting). */
  async closeAll(): Promise<void> {
    for (const edit of this.edits.values()) edit.watcher?.close();
    this.edits.clear();
    await this.deps.folder.removeAll();
  }

  private get(editId: string): EditRecord {
    const edit = this.edits.get(editId);
    if (!edit) throw new EditGoneError();
    return edit;
  }

  private infoOf(edit: EditRecord): EditInfo {
    return { ...edit.info, isConnected: this.sessionFor(edit) !== undefined };
  }

  private changed(): void {
    this.deps.emit(this.list());
  }

  /** An open browsing connection to the edit's server: the one it used, else another to the same server. */
  private sessionFor(edit: EditRecord): string | undefined {
    const open = this.deps.remote.sessionIds();
    if (open.includes(edit.sessionId)) return edit.sessionId;
    const other = open.find((id) => {
      try {
        return this.deps.remote.serverOf(id).key === edit.serverKey;
      } catch {
        return false;
      }
    });
    if (other) edit.sessionId = other;
    return other;
  }

  /** The connection for an upload or reload, or the reason there is none. */
  private sessionOrOffline(edit: EditRecord): string {
    const sessionId = this.sessionFor(edit);
    if (!sessionId) throw new EditOfflineError(edit.info.name, edit.info.server);
    return sessionId;
  }

  private copyTransfer(edit: EditRecord, session: TransferSession, remotePath = edit.info.remotePath) {
    const log = (level: 'info' | 'warn' | 'error', text: string) => this.deps.log(edit.sessionId, text, level === 'error' ? 'error' : 'status');
    return { session, localPath: edit.info.localPath, remotePath, log };
  }

  private hashCopy(edit: EditRecord): Promise<string | undefined> {
    return nodeLocalFs.hashFile(edit.info.localPath, 'SHA-256').catch(() => undefined);
  }

  /** Opens an edit where the user asked: the desktop's editor, or the text for the window's. */
  private async present(edit: EditRecord, mode: EditMode): Promise<EditOpened> {
    edit.info.mode = mode;
    if (mode === 'builtin') return { edit: this.infoOf(edit), text: await this.textOf(edit) };
    if (!this.deps.openExternally) throw new EditStateError('There is no desktop editor to open files with here; use the built-in editor');
    await this.deps.openExternally(edit.info.localPath);
    return { edit: this.infoOf(edit) };
  }

  private async textOf(edit: EditRecord): Promise<EditText> {
    const bytes = await readFile(edit.info.localPath);
    if (bytes.length > BUILTIN_EDIT_MAX_BYTES) throw new EditTooLargeError(edit.info.name, bytes.length, BUILTIN_EDIT_MAX_BYTES);
    const decoded = decodeText(bytes);
    if ('kind' in decoded) throw new EditNotTextError(edit.info.name, decoded.reason);
    edit.encoding = decoded.encoding;
    return decoded;
  }

  /** The watcher saw the copy's folder change: a save if the content differs from what was last seen. */
  private async noticeSave(edit: EditRecord): Promise<void> {
    if (!this.edits.has(edit.info.id)) return;
    const hash = await this.hashCopy(edit);
    // Mid-save (the old file renamed away, the new one not yet in place), or nothing new.
    if (hash === undefined || hash === edit.seenHash) return;
    edit.saved(hash);
    if (edit.info.state !== 'modified') return;
    if (!edit.info.isAutoUpload) return edit.offer();
    // A failure is on the edit (lastError) and in the log; nobody awaits this upload.
    await this.upload(edit).catch(() => undefined);
  }

  /**
   * Uploads the copy: first looks at the server's file (unless the user already chose to
   * overwrite), and stops at a conflict if someone changed it. Offline, the changes stay.
   */
  private async upload(edit: EditRecord, options: { isChecked?: boolean } = {}): Promise<void> {
    const back = edit.info.state === 'conflict' ? 'conflict' : 'modified';
    let sessionId: string;
    try {
      sessionId = this.sessionOrOffline(edit);
    } catch (err) {
      edit.failed(errorInfoOf(err), back);
      throw err;
    }
    edit.move('uploading');
    try {
      await this.deps.remote.use(sessionId, async (session) => {
        if (!options.isChecked) {
          const now = await remoteStateOf(session, edit.info.remotePath, edit.known.checksum !== undefined);
          const changes = remoteChanges(edit.known, now);
          if (changes.length > 0) {
            const proposedName = await freeEditedName(session, edit.info.remotePath);
            this.deps.log(sessionId, `Not uploaded: ${edit.info.remotePath} changed on the server since it was opened (${changes.map(describeRemoteChange).join('; ')})`, 'error');
            return edit.conflicted({ changes, proposedName, ...(now ? { current: now } : {}) });
          }
        }
        const hash = await this.hashCopy(edit);
        edit.uploaded(hash, await uploadCopy(this.copyTransfer(edit, session)));
        this.deps.log(sessionId, `Uploaded the edited ${edit.info.remotePath}`);
      });
    } catch (err) {
      const error = errorInfoOf(err);
      this.deps.log(edit.sessionId, `Could not upload ${edit.info.remotePath}: ${error.message}; the changes are kept in the copy`, 'error');
      edit.failed(error, back);
      throw err;
    }
  }

  /** "Save mine as": uploads the copy as `name` beside the file; the edit follows the new file from then on. */
  private async saveAs(edit: EditRecord, name: string): Promise<void> {
    const problem = unsafeNameReason(name) ?? (/[\r\n]/.test(name) ? 'name contains a line break' : undefined);
    if (problem) throw new EditStateError(`Cannot save as "${name}": ${problem}`);
    const sessionId = this.sessionOrOffline(edit);
    const target = joinRemotePath(remoteParent(edit.info.remotePath) ?? '/', name);
    edit.move('uploading');
    try {
      await this.deps.remote.use(sessionId, async (session) => {
        if (await existsRemote(session, target)) throw new EditNameTakenError(name);
        const hash = await this.hashCopy(edit);
        const known = await uploadCopy(this.copyTransfer(edit, session, target));
        edit.info.remotePath = target;
        edit.info.name = name;
        edit.uploaded(hash, known);
        this.deps.log(sessionId, `Uploaded the edited copy as ${target}; the server's changed file was left as it is`);
      });
    } catch (err) {
      edit.failed(errorInfoOf(err), 'conflict');
      throw err;
    }
  }

  /** "Keep theirs" and reload: the server's file replaces the copy, and the edit starts from it. */
  private async reload(edit: EditRecord): Promise<void> {
    const sessionId = this.sessionOrOffline(edit);
    const known = await this.deps.remote.use(sessionId, async (session) => {
      const now = await remoteStateOf(session, edit.info.remotePath, false);
      if (!now) throw new EditStateError(`${edit.info.remotePath} is gone from the server: there is nothing to reload`);
      return downloadCopy(this.copyTransfer(edit, session), now);
    });
    edit.loaded(await this.hashCopy(edit), known);
    this.deps.log(sessionId, `Reloaded ${edit.info.remotePath} from the server; the changes in the copy were dropped`);
  }

  /** Forgets an edit and removes its copy. */
  private async discard(edit: EditRecord): Promise<void> {
    edit.watcher?.close();
    this.edits.delete(edit.info.id);
    await this.deps.folder.removeEditFolder(edit.dir).catch(() => undefined);
    this.changed();
  }
}
