#!/usr/bin/env node
// The `ferry` command: runs the built command line (out/main/cli.js), building it first
// when a checkout has no build yet.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out/main/cli.js');
if (!existsSync(cli)) {
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('ferry: the build failed; run `npm run build` to see why');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
