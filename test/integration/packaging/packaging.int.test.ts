/**
 * Packaging, checked offline: the electron-builder config passes electron-builder's own
 * schema, and a real packaging run with a stub Electron dist packs exactly what ships
 * (main, preload, renderer bundle, runtime dependencies) and no dev-only package.
 * Needs the build output (`npm run build`, which `npm test` runs first).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { chmod, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../../..');
const configPath = path.join(root, 'build/electron-builder.json');
const temp: string[] = [];
/** Where Electron's binary keeps its fuse wire (@electron/fuses). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
afterAll(async () => Promise.all(temp.map((d) => rm(d, { recursive: true, force: true }))));

async function loadConfig(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(configPath, 'utf8'));
}

async function validate(config: Record<string, unknown>): Promise<void> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config');
  const { DebugLogger } = require('builder-util');
  await validateConfiguration(config, new DebugLogger(false));
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('is really checked: an unknown key is refused', async () => {
    await expect(validate({ ...(await loadConfig()), notAnOption: true })).rejects.toThrow(/unknown property 'notAnOption'/);
  });

  it('names Ferry, its icon and an installer for each platform, without rebuilding native modules', async () => {
    const config = (await loadConfig()) as {
      productName: string;
      npmRebuild: boolean;
      icon: string;
      linux: { target: string[] };
      mac: { target: string[] };
      win: { target: string[] };
    };
    expect(config.productName).toBe('Ferry');
    expect(config.npmRebuild).toBe(false);
    expect(existsSync(path.join(root, config.icon))).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });
});

describe('packaging with a stub Electron', () => {
  it('packs main, preload, renderer and runtime dependencies only', async () => {
    expect(existsSync(path.join(root, 'out/main/main.js')), 'run npm run build first').toBe(true);
    const work = await mkdtemp(path.join(os.tmpdir(), 'ferry-pack-'));
    temp.push(work);
    const dist = path.join(work, 'electron-dist');
    await mkdir(dist);
    // The stub carries a fuse wire as Electron's binary does (sentinel, version 1, 8 fuses, all
    // inherited), so electron-builder flips the fuses the config names and the test reads them back.
    await writeFile(path.join(dist, 'electron'), `#!/bin/sh\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${'\x90'.repeat(8)}\n`, 'latin1');
    await chmod(path.join(dist, 'electron'), 0o755);
    const electronVersion = JSON.parse(await readFile(require.resolve('electron/package.json'), 'utf8')).version as string;
    await writeFile(path.join(dist, 'version'), electronVersion);
    const output = path.join(work, 'release');
    await promisify(execFile)(
      process.execPath,
      [require.resolve('electron-builder/cli.js'), '--config', configPath, '--linux', 'dir', `-c.electronDist=${dist}`, `-c.directories.output=${output}`],
      { cwd: root, timeout: 180_000 },
    );
    const asar = require('@electron/asar') as { listPackage(p: string): string[]; extractFile(p: string, f: string): Buffer };
    const archive = path.join(output, 'linux-unpacked/resources/app.asar');
    const files = asar.listPackage(archive).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/out/main/main.js', '/out/main/browser.js', '/out/preload/preload.cjs', '/out/renderer/index.html', '/node_modules/ws/package.json', '/node_modules/zod/package.json']) {
      expect(files).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('/out/renderer/assets/') && f.endsWith('.js'))).toBe(true);
    const devOnly = ['react', 'react-dom', 'zustand', 'vite', 'electron', 'typescript', 'vitest', '@playwright', 'electron-builder', 'eslint'];
    for (const pkg of devOnly) expect(files.filter((f) => f.startsWith(`/node_modules/${pkg}/`))).toEqual([]);
    for (const source of ['/electron/', '/renderer/', '/test/', '/shared/']) expect(files.filter((f) => f.startsWith(source))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    const packed = JSON.parse(asar.extractFile(archive, 'package.json').toString());
    expect(packed.main).toBe('out/main/main.js');

    // The executable's fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; only the checked
    // app.asar is loaded; cookies encrypted; file:// gets no extra privileges.
    const binary = await readFile(path.join(output, 'linux-unpacked/ferry'));
    const wireAt = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length + 2;
    const fuse = (i: number) => ({ 48: 'off', 49: 'on', 144: 'inherit' })[binary[wireAt + i]];
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(fuse)).toEqual(['off', 'on', 'off', 'off', 'on', 'on', 'inherit', 'off']);
  });
});
