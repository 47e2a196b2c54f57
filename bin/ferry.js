#!/usr/bin/env -S node --v8-pool-size=1
// The `ferry` command: runs the built command line (out/main/cli.js), building it first
// when a checkout has no build yet.
// One V8 helper thread instead of Node's four: V8 compiles hot code on those threads, and on a
// machine with two cores four of them take the cores the transfer and a local server need
// (2,000 small files: 8-20 % less wall time with one; docs/benchmarks.md, Measurements behind
// the code). `env -S` passes the option where the command is run as a program (an installed
// `ferry`); `node bin/ferry.js` runs without it.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out/main/cli.js');
if (!existsSync(cli)) {
  // Loaded only here: a checkout that is built (every run but the first) need not pay for it.
  const { spawnSync } = await import('node:child_process');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) {
    console.error('ferry: the build failed; run `npm run build` to see why');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
