#!/usr/bin/env node
// Makes this machine ready for `npm test`: Debian's Chromium for the end-to-end tests, the
// reference clients (lftp, curl), openssl for test certificates, and the real FTP and SSH servers
// (test/servers/install.sh). Installs what is missing when it can (root with apt-get);
// otherwise stops with one line naming what to install and how. Never lets a test run
// without what it needs, so nothing is skipped in silence.
//
// The decisions are `planSetup(facts)`, a pure function tested in test/unit/setup; probing
// the machine is quick, so a ready machine costs well under a second.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SERVERS_SCRIPT = join(here, 'servers', 'install.sh');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Commands the tests run, and the Debian package that brings each. */
export const TOOLS = [
  { command: 'lftp', pkg: 'lftp' },
  { command: 'curl', pkg: 'curl' },
  { command: 'openssl', pkg: 'openssl' },
];

/**
 * What to do, given what the machine has.
 *
 * facts: {
 *   isRoot: boolean, hasApt: boolean,
 *   chromium: { path: string, present: boolean, custom: boolean }  (custom: from FERRY_CHROMIUM)
 *   missingCommands: string[]   names from TOOLS that are not on PATH
 *   serversReady: boolean       test/servers/install.sh --check
 * }
 * returns { action: 'ready' }
 *       | { action: 'install', packages: string[], servers: boolean }
 *       | { action: 'stop', line: string }
 */
export function planSetup(facts) {
  const packages = [];
  const missing = [];
  if (!facts.chromium.present) {
    if (facts.chromium.custom) {
      return { action: 'stop', line: `FERRY_CHROMIUM is ${facts.chromium.path}, which is not an executable file: point it at Chromium, or unset it to use ${DEFAULT_CHROMIUM}` };
    }
    packages.push('chromium');
    missing.push(`Chromium (${DEFAULT_CHROMIUM})`);
  }
  for (const { command, pkg } of TOOLS) {
    if (facts.missingCommands.includes(command)) {
      packages.push(pkg);
      missing.push(command);
    }
  }
  if (!facts.serversReady) missing.push('the test FTP and SSH servers');

  if (missing.length === 0) {
    // The servers chroot their users and authenticate through PAM: they only start as root.
    if (!facts.isRoot) return { action: 'stop', line: 'npm test starts real FTP and SSH servers, which need root: run it as root (sudo npm test)' };
    return { action: 'ready' };
  }
  if (facts.isRoot && facts.hasApt) return { action: 'install', packages, servers: !facts.serversReady };

  const what = missing.join(', ');
  const steps = [];
  if (packages.length) steps.push(`apt-get install -y --no-install-recommends ${packages.join(' ')}`);
  if (!facts.serversReady) steps.push('bash test/servers/install.sh');
  if (!facts.hasApt) {
    return { action: 'stop', line: `npm test needs ${what}, and this machine has no apt-get: the test servers are Debian's packages, so run the tests on Debian or Ubuntu as root (there: ${steps.join(' && ')})` };
  }
  return { action: 'stop', line: `npm test needs ${what}: run as root \`${steps.join(' && ')}\`, or run npm test as root, which installs them` };
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && isExecutable(join(dir, command)));
}

/** Reads the facts planSetup needs from this machine. */
export function probe(env = process.env) {
  const custom = Boolean(env.FERRY_CHROMIUM);
  const chromiumPath = env.FERRY_CHROMIUM || DEFAULT_CHROMIUM;
  const check = spawnSync('bash', [SERVERS_SCRIPT, '--check'], { stdio: 'ignore' });
  return {
    isRoot: process.getuid?.() === 0,
    hasApt: onPath('apt-get'),
    chromium: { path: chromiumPath, present: isExecutable(chromiumPath), custom },
    missingCommands: TOOLS.map((t) => t.command).filter((c) => !onPath(c)),
    serversReady: check.status === 0,
  };
}

function run(cmd, args, env) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

function aptInstall(packages) {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const args = ['install', '-y', '-qq', '--no-install-recommends', ...packages];
  // A fresh machine may have empty package lists: update only when the first try fails.
  if (spawnSync('apt-get', args, { stdio: 'ignore', env: { ...process.env, ...env } }).status === 0) return true;
  return run('apt-get', ['update', '-qq'], env) && run('apt-get', args, env);
}

/** Plans, installs, and returns an exit code (0: ready to test). */
export function setup() {
  const plan = planSetup(probe());
  if (plan.action === 'ready') return 0;
  if (plan.action === 'stop') {
    console.error(`setup: ${plan.line}`);
    return 1;
  }
  if (plan.packages.length) {
    console.log(`setup: apt-get install ${plan.packages.join(' ')}`);
    if (!aptInstall(plan.packages)) {
      console.error(`setup: apt-get install ${plan.packages.join(' ')} failed (see above)`);
      return 1;
    }
  }
  if (plan.servers) {
    console.log('setup: bash test/servers/install.sh');
    if (!run('bash', [SERVERS_SCRIPT])) {
      console.error('setup: test/servers/install.sh failed (see above)');
      return 1;
    }
  }
  const after = planSetup(probe());
  if (after.action !== 'ready') {
    console.error(`setup: still not ready after installing: ${after.action === 'stop' ? after.line : 'see above'}`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(setup());
}
