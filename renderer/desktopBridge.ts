/** Connects what only the Electron preload can do (paths of files dropped from the OS) to the app. */
import type { FerryApi } from '../shared/api';
import { setLocalPathResolver } from './commands/externalFiles';

/** Installs the Electron-only helpers when running under the preload (`window.ferry`); browser mode has none. */
export function installDesktopBridge(bridge: FerryApi | undefined): void {
  const pathForFile = bridge?.pathForFile as ((file: File) => string) | undefined;
  if (!pathForFile) return;
  // An empty string means the File did not come from the file system (e.g. dragged text).
  setLocalPathResolver((file) => pathForFile(file) || undefined);
}
