/**
 * Remote files opened for editing ("View/Edit"), as the main process and the window share them:
 * an edit's state and what it knows of the remote file, a conflict and its answers, the text the
 * built-in editor shows, and the pure rules both sides use (the "save as" name, the size limit).
 * Must not import node:*, the DOM or React.
 */
import type { ErrorInfo } from './domain';

/** Where an edit's copy is worked on. */
export type EditMode =
  // The desktop app hands the copy to the system's default application or the chosen editor.
  | 'external'
  // The window's own text editor (browser mode).
  | 'builtin';

/** An edit's state; the main process moves between them only as `EDIT_MOVES` allows. */
export type EditState =
  // The remote file is being downloaded into the private copy.
  | 'opening'
  // The copy holds what the server has, as far as Ferry knows: nothing to upload.
  | 'clean'
  // The copy was saved with changes the server does not have yet.
  | 'modified'
  // The server's file is being looked at again, then the copy uploaded.
  | 'uploading'
  // The server's file changed since it was opened: the user chooses what happens to the upload.
  | 'conflict';

/** The states an edit may move to from each state. */
export const EDIT_MOVES: Readonly<Record<EditState, readonly EditState[]>> = {
  opening: ['clean'],
  clean: ['modified', 'uploading'],
  modified: ['modified', 'uploading', 'clean'],
  uploading: ['clean', 'modified', 'conflict'],
  conflict: ['uploading', 'modified', 'clean'],
};

/** What the server said about a remote file at one moment; a field it could not tell is absent. */
export interface RemoteFileState {
  sizeBytes?: number;
  modifiedMs?: number;
  /** The server's checksum (HASH or an X-command), when it offers one. */
  checksum?: { algorithm: string; hex: string };
}

/** One way the server's file differs from what the edit knew of it. */
export type RemoteChange =
  | { kind: 'deleted' }
  | { kind: 'size'; fromBytes: number; toBytes: number }
  | { kind: 'time'; fromMs: number; toMs: number }
  | { kind: 'content'; algorithm: string };

/** The server's file changed since the edit opened it (or was last uploaded). */
export interface EditConflict {
  /** What changed. */
  changes: RemoteChange[];
  /** The remote file now; absent when it is gone. */
  current?: RemoteFileState;
  /** The name "save mine as" proposes in the same folder, free when the conflict was found. */
  proposedName: string;
}

/** One file being edited, as the window lists it. */
export interface EditInfo {
  id: string;
  /** The remote file's name. */
  name: string;
  remotePath: string;
  /** The server, as the log names it (`user@host:port`). */
  server: string;
  /** The private copy on this machine. */
  localPath: string;
  mode: EditMode;
  state: EditState;
  /** Whether a browsing connection to its server is open; if not, uploading waits for a reconnect. */
  isConnected: boolean;
  /** Saves are uploaded without asking ("always upload this file"). */
  isAutoUpload: boolean;
  /** A save waits for the user's answer: upload once, always, or not now. */
  isOfferPending: boolean;
  conflict?: EditConflict;
  /** Why the last upload or reload failed; the changes are still in the copy. */
  lastError?: ErrorInfo;
  openedMs: number;
  uploadedMs?: number;
}

/** The user's answer when a save is offered for upload. */
export type UploadOfferAnswer = 'once' | 'always' | 'not-now';

/** The user's answer to a conflict. */
export type ConflictAnswer =
  // Upload the copy over the server's changed file.
  | 'overwrite'
  // Leave the server's file as it is (and, if asked, load it into the copy).
  | 'keep-theirs'
  // Upload the copy under another name in the same folder; the edit follows that file.
  | 'save-as';

/** How a text file's bytes become the editor's text and back, unchanged. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'latin1';

/** The line break a file uses, kept on save. */
export type LineSeparator = '\n' | '\r\n' | '\r';

/** A copy's content for the built-in editor. */
export interface EditText {
  text: string;
  encoding: TextEncoding;
  lineSeparator: LineSeparator;
}

/** What opening or reloading an edit gives the window: the edit, and its text for the built-in editor. */
export interface EditOpened {
  edit: EditInfo;
  text?: EditText;
}

/** The largest file the built-in editor opens; larger ones are offered for download. */
export const BUILTIN_EDIT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The name "save mine as" proposes for `name`: `report (edited).txt`, then `report (edited 2).txt`
 * for `attempt` 2 and on. The extension is what follows the last dot, unless that dot starts the name.
 */
export function editedName(name: string, attempt = 1): string {
  const tag = attempt <= 1 ? '(edited)' : `(edited ${attempt})`;
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return `${name} ${tag}`;
  return `${name.slice(0, dot)} ${tag}${name.slice(dot)}`;
}

/** Whether an edit's copy holds changes the server does not have. */
export function hasUnuploadedChanges(edit: Pick<EditInfo, 'state'>): boolean {
  return edit.state === 'modified' || edit.state === 'conflict' || edit.state === 'uploading';
}

/** Whether anything of a remote file's state can show a later change (a server without SIZE, MDTM and checksums cannot). */
export function canTellChanges(known: RemoteFileState): boolean {
  return known.sizeBytes !== undefined || known.modifiedMs !== undefined || known.checksum !== undefined;
}

/**
 * How the server's file differs from what the edit knew (`known`); empty when it does not, or
 * when nothing can tell. Equal checksums of one algorithm mean the same bytes, whatever the time
 * says (someone touched the file); times compare in whole seconds, MDTM's precision.
 */
export function remoteChanges(known: RemoteFileState, now: RemoteFileState | undefined): RemoteChange[] {
  if (!now) return [{ kind: 'deleted' }];
  const isSameChecksum = known.checksum && now.checksum && known.checksum.algorithm === now.checksum.algorithm;
  if (isSameChecksum && known.checksum!.hex.toLowerCase() === now.checksum!.hex.toLowerCase()) return [];
  const changes: RemoteChange[] = [];
  if (known.sizeBytes !== undefined && now.sizeBytes !== undefined && known.sizeBytes !== now.sizeBytes) {
    changes.push({ kind: 'size', fromBytes: known.sizeBytes, toBytes: now.sizeBytes });
  }
  if (known.modifiedMs !== undefined && now.modifiedMs !== undefined && Math.floor(known.modifiedMs / 1000) !== Math.floor(now.modifiedMs / 1000)) {
    changes.push({ kind: 'time', fromMs: known.modifiedMs, toMs: now.modifiedMs });
  }
  if (isSameChecksum) changes.push({ kind: 'content', algorithm: now.checksum!.algorithm });
  return changes;
}

/** A time as a change reads it: the local date and time to the second. */
function timeText(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** A change in words, for the conflict question and the log. */
export function describeRemoteChange(change: RemoteChange): string {
  switch (change.kind) {
    case 'deleted':
      return 'it was deleted on the server';
    case 'size':
      return `its size changed from ${change.fromBytes} to ${change.toBytes} bytes`;
    case 'time':
      return `it was modified at ${timeText(change.toMs)} (it was ${timeText(change.fromMs)})`;
    case 'content':
      return `its content differs (${change.algorithm} checksum)`;
  }
}
