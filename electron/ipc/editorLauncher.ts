/**
 * Electron glue of View/Edit: opens an edited copy with the system's default application for its
 * type (`shell.openPath`), or with the editor command chosen in Settings, started directly (no
 * shell, so nothing in the command or the file name is expanded or run but the program). A file
 * the system would run rather than open (a server's `.exe`, `.bat`, `.desktop`, …) is never
 * handed to the default application. Quitting asks first while copies hold changes not uploaded.
 */
import { dialog, shell, type BrowserWindow } from 'electron';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { commandForFile, splitCommandLine } from '../../shared/commandLine';
import type { EditInfo } from '../../shared/edit';

/** Extensions each system runs when asked to open them (Windows runs `.js` with its script host). */
const RUNNABLE: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  win32: ['exe', 'com', 'bat', 'cmd', 'scr', 'pif', 'msi', 'msp', 'ps1', 'psm1', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'hta', 'cpl', 'lnk', 'jar', 'reg', 'url', 'appref-ms', 'application', 'msc', 'inf', 'gadget'],
  darwin: ['app', 'command', 'tool', 'terminal', 'jar', 'pkg', 'mpkg', 'workflow', 'scpt', 'applescript', 'webloc', 'inetloc', 'fileloc'],
  linux: ['desktop', 'jar', 'appimage', 'run', 'bin', 'sh', 'deb', 'rpm'],
};

/** Whether the system's default application would run a file of this name instead of opening it. */
export function wouldRun(fileName: string, platform: NodeJS.Platform = process.platform): boolean {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  return extension !== '' && (RUNNABLE[platform] ?? RUNNABLE.linux!).includes(extension);
}

/** The editor could not be started; the message says which and why. */
export class EditorLaunchError extends Error {
  readonly kind = 'editor-failed';
}

/** Starts `argv` detached from Ferry, resolving once it runs (the editor lives on after Ferry quits). */
function startDetached(argv: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { detached: true, stdio: 'ignore' });
    child.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'ENOENT' ? 'the program was not found' : err.message;
      reject(new EditorLaunchError(`Could not start the editor ${argv[0]}: ${why} (change it in Settings)`));
    });
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Opens `localPath` in `editorCommand` (`%f` stands for the file, else it is added last), or in the system's default application when the command is empty. */
export async function openInEditor(localPath: string, editorCommand: string): Promise<void> {
  if (editorCommand.trim() === '') {
    if (wouldRun(localPath)) {
      throw new EditorLaunchError(`${path.basename(localPath)} would be run rather than opened: choose an editor for View/Edit in Settings to edit it`);
    }
    // openPath resolves with an error message, empty on success.
    const problem = await shell.openPath(localPath);
    if (problem) throw new EditorLaunchError(`Could not open ${localPath} with the system's default application: ${problem}`);
    return;
  }
  const split = splitCommandLine(editorCommand);
  if ('problem' in split) throw new EditorLaunchError(`${split.problem} (Settings → editor command)`);
  await startDetached(commandForFile(split.argv, localPath));
}

/**
 * Whether quitting may throw away the changes of copies that were not uploaded (`unsaved` lists
 * their edits): asks once, before the window closes or the app quits (which removes every copy),
 * and remembers a "quit" answer so closing the window and quitting do not ask twice.
 */
export function unsavedEditsGuard(unsaved: () => EditInfo[]): (win?: BrowserWindow | null) => boolean {
  let isDiscardChosen = false;
  return (win) => {
    const waiting = unsaved();
    if (isDiscardChosen || waiting.length === 0) return true;
    const options = {
      type: 'warning' as const,
      title: 'Changes not uploaded',
      message: `${waiting.length === 1 ? 'A file being edited has' : `${waiting.length} files being edited have`} changes that were not uploaded. Quitting removes them.`,
      detail: waiting.map((e) => `${e.name} (${e.server}${e.remotePath})`).join('\n'),
      buttons: ['Keep Ferry open', 'Quit and discard the changes'],
      defaultId: 0,
      cancelId: 0,
    };
    const parent = win && !win.isDestroyed() ? win : undefined;
    isDiscardChosen = (parent ? dialog.showMessageBoxSync(parent, options) : dialog.showMessageBoxSync(options)) === 1;
    return isDiscardChosen;
  };
}
