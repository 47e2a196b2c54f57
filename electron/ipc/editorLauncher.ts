/**
 * Electron glue of View/Edit: opens an edited copy with the system's default application for its
 * type (`shell.openPath`), or with the editor command chosen in Settings, started directly (no
 * shell, so nothing in the command or the file name is expanded or run but the program).
 */
import { shell } from 'electron';
import { spawn } from 'node:child_process';
import { commandForFile, splitCommandLine } from '../../shared/commandLine';

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
    // openPath resolves with an error message, empty on success.
    const problem = await shell.openPath(localPath);
    if (problem) throw new EditorLaunchError(`Could not open ${localPath} with the system's default application: ${problem}`);
    return;
  }
  const split = splitCommandLine(editorCommand);
  if ('problem' in split) throw new EditorLaunchError(`${split.problem} (Settings → editor command)`);
  await startDetached(commandForFile(split.argv, localPath));
}
