/**
 * Starts Ferry exactly as a user does (`node bin/start.js`, i.e. `npm start`) with a
 * throwaway home and data folder, and reads the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A running Ferry in browser mode. */
export interface FerryApp {
  url: string;
  output: () => string;
  homeDir: string;
  dataDir: string;
  startedAtMs: number;
  stop(): Promise<void>;
}

/** Options of `startFerry`. */
export interface StartOptions {
  /** Reuse this data folder (e.g. to restart Ferry with its saved state); it is then left in place on stop. */
  dataDir?: string;
}

/** Starts Ferry with HOME set to `homeDir` (the local pane opens there). */
export async function startFerry(homeDir: string, extraEnv: NodeJS.ProcessEnv = {}, options: StartOptions = {}): Promise<FerryApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'ferry-data-')));
  const startedAtMs = Date.now();
  const child: ChildProcess = spawn(process.execPath, ['bin/start.js'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, HOME: homeDir, FERRY_DATA_DIR: dataDir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/[\w-]{20,}\//.exec(out);
      if (m) resolve(m[0]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`ferry exited with ${code} before printing a URL:\n${out}`)));
  });
  return {
    url,
    output: () => out,
    homeDir,
    dataDir,
    startedAtMs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
