#!/usr/bin/env node
// `npm test`: setup (test/setup.js installs what the tests need, or stops with one line saying
// what to install), then typecheck, lint, build, vitest (unit + integration against real servers),
// Playwright (browser mode in Chromium); then one line `N passed, N failed` counted from the
// runners' JSON reports, because CI reads that line. Every step runs even after a failure,
// so one run shows everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { setup } from './setup.js';

const setupStarted = Date.now();
if (setup() !== 0) process.exit(1);
const setupSeconds = ((Date.now() - setupStarted) / 1000).toFixed(1);

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['vitest', 'npx', ['vitest', 'run']],
  ['playwright', 'npx', ['playwright', 'test']],
];

rmSync('test-results/vitest.json', { force: true });
rmSync('test-results/playwright.json', { force: true });
rmSync('test-results/metrics.txt', { force: true });
mkdirSync('test-results', { recursive: true });

const failedSteps = [];
const timings = [`setup ${setupSeconds}s`];
for (const [name, cmd, args] of steps) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (status !== 0) failedSteps.push(name);
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}
const vitest = readJson('test-results/vitest.json');
const playwright = readJson('test-results/playwright.json');
let passed = 0;
let failed = 0;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
  // A file that crashed before running tests counts as a failure too.
  failed += vitest.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  failed += (playwright.errors ?? []).length;
}
if (!vitest && !failedSteps.includes('vitest')) failedSteps.push('vitest (no report)');
if (!playwright && !failedSteps.includes('playwright')) failedSteps.push('playwright (no report)');

console.log(`\nsteps: ${timings.join(', ')}`);
if (existsSync('test-results/metrics.txt')) console.log(readFileSync('test-results/metrics.txt', 'utf8').trim());
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed + (failed === 0 && failedSteps.length ? failedSteps.length : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
