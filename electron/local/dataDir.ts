/** Where Ferry keeps its files when Electron's userData folder is not available (browser mode, CLI). */
import os from 'node:os';
import path from 'node:path';

/** Returns `$FERRY_DATA_DIR`, else `$XDG_CONFIG_HOME/ferry`, else `~/.config/ferry`. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FERRY_DATA_DIR) return path.resolve(env.FERRY_DATA_DIR);
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'ferry');
}
