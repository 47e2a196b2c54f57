/**
 * Files dragged from the operating system's file manager onto the remote pane. Only the
 * Electron preload can turn a dropped `File` into a local path (`webUtils.getPathForFile`);
 * renderer/desktopBridge.ts installs it with `setLocalPathResolver`. Browser mode has none.
 */
import type { ErrorInfo } from '../../shared/domain';
import { useRemotePane } from '../stores/remotePane';
import { enqueueTransfer } from './transfer';

/** Gives the local path of a dropped file, or undefined when it has none. */
export type LocalPathResolver = (file: File) => string | undefined;

let resolveLocalPath: LocalPathResolver | null = null;

/** Installs how dropped files become local paths (the Electron preload's `webUtils.getPathForFile`). */
export function setLocalPathResolver(resolver: LocalPathResolver | null): void {
  resolveLocalPath = resolver;
}

const NO_PATHS: ErrorInfo = {
  kind: 'unsupported',
  message: 'Files dragged from the desktop can be uploaded in the Ferry app; in the browser, drag them from the local pane',
};

function splitPath(path: string): { folder: string; name: string } {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return { folder: cut <= 0 ? path.slice(0, cut + 1) || '/' : path.slice(0, cut), name: path.slice(cut + 1) };
}

/** Queues uploads of files dropped from the OS into the remote folder `toFolder`; `folders` marks the dropped folders. */
export function onExternalFiles(files: File[], toFolder: string, folders: ReadonlySet<File> = new Set()): boolean {
  const paths = files.map((f) => ({ file: f, path: resolveLocalPath?.(f) }));
  if (paths.length === 0) return false;
  if (paths.some((p) => !p.path)) {
    useRemotePane.getState().showError({ action: 'Upload dropped files', error: NO_PATHS });
    return false;
  }
  // One request per source folder: the queue takes items relative to one folder.
  const byFolder = new Map<string, { name: string; isFolder: boolean; sizeBytes?: number }[]>();
  for (const { file, path } of paths) {
    const { folder, name } = splitPath(path!);
    const isFolder = folders.has(file);
    const list = byFolder.get(folder) ?? [];
    list.push(isFolder ? { name, isFolder } : { name, isFolder, sizeBytes: file.size });
    byFolder.set(folder, list);
  }
  for (const [fromFolder, items] of byFolder) enqueueTransfer({ direction: 'upload', items, fromFolder, toFolder });
  return true;
}
