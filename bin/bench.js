#!/usr/bin/env node
// `npm run bench`: builds the app (the CLI the benchmark runs) and the engine workers
// (test/bench/engineWorker.ts and sftpWorker.ts → out/bench/), then runs the benchmark runner
// test/bench/run.ts through Vite's module runner. Not part of `npm test`. Settings are
// environment variables, described in docs/benchmarks.md and at the top of test/bench/run.ts
// (FERRY_BENCH_MB=64 for a quick try).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (built.status !== 0) {
  console.error('bench: `npm run build` failed');
  process.exit(1);
}

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: path.join(root, 'out/bench'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      input: {
        engineWorker: path.join(root, 'test/bench/engineWorker.ts'),
        sftpWorker: path.join(root, 'test/bench/sftpWorker.ts'),
      },
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});

const { module } = await runnerImport(path.join(root, 'test/bench/run.ts'), { root, configFile: false, logLevel: 'warn' });
try {
  process.exitCode = await module.main();
} catch (err) {
  console.error(`bench: ${err instanceof Error ? err.stack : String(err)}`);
  process.exitCode = 1;
}
