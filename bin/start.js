#!/usr/bin/env node
// `npm start`: runs Ferry in Electron when its binary is installed, otherwise says why in
// one line and starts browser mode, so the same command works on every machine.
// `--browser` (npm run start:browser) goes straight to browser mode.
import { existsSync, readFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const forceBrowser = args.includes('--browser');
const passOn = args.filter((a) => a !== '--browser');

if (!existsSync(path.join(root, 'out/main/browser.js')) || !existsSync(path.join(root, 'out/renderer/index.html'))) {
  console.log('ferry: no build found; building first (npm run build)...');
  const built = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function electronBinary() {
  // Checked by hand: requiring the electron package would try to download the binary.
  let pkgDir;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkgDir, 'dist');
  const binary = name ? path.join(distDir, name) : '';
  if (binary && existsSync(binary)) return { binary };
  return { reason: "its binary was never downloaded into node_modules/electron/dist (the install could not fetch it)" };
}

const found = forceBrowser ? null : electronBinary();
if (found?.binary) {
  const child = spawn(found.binary, [root, ...passOn], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (found) console.log(`ferry: Electron cannot run here, so starting browser mode instead: ${found.reason}.`);
  await import(pathToFileURL(path.join(root, 'out/main/browser.js')).href);
}
