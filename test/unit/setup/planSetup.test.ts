import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSetup, probe, type SetupFacts } from '../../setup.js';

const ready: SetupFacts = {
  isRoot: true,
  hasApt: true,
  chromium: { path: '/usr/bin/chromium', present: true, custom: false },
  missingCommands: [],
  serversReady: true,
};
const fresh: SetupFacts = {
  ...ready,
  chromium: { ...ready.chromium, present: false },
  missingCommands: ['lftp', 'curl', 'openssl'],
  serversReady: false,
};

function stopLine(facts: SetupFacts): string {
  const plan = planSetup(facts);
  if (plan.action !== 'stop') throw new Error(`expected stop, got ${JSON.stringify(plan)}`);
  expect(plan.line).not.toContain('\n');
  return plan.line;
}

describe('planSetup', () => {
  it('does nothing on a machine that has everything', () => {
    expect(planSetup(ready)).toEqual({ action: 'ready' });
  });

  it('installs everything on a fresh Debian machine as root', () => {
    expect(planSetup(fresh)).toEqual({ action: 'install', packages: ['chromium', 'lftp', 'curl', 'openssl'], servers: true });
  });

  it('installs only what is missing', () => {
    expect(planSetup({ ...ready, missingCommands: ['lftp'] })).toEqual({ action: 'install', packages: ['lftp'], servers: false });
    expect(planSetup({ ...ready, serversReady: false })).toEqual({ action: 'install', packages: [], servers: true });
    expect(planSetup({ ...ready, chromium: { ...ready.chromium, present: false } })).toEqual({ action: 'install', packages: ['chromium'], servers: false });
  });

  it('without root, names what is missing and the command that installs it', () => {
    const line = stopLine({ ...fresh, isRoot: false, missingCommands: ['lftp'] });
    expect(line).toContain('Chromium (/usr/bin/chromium), lftp, the test FTP and SSH servers');
    expect(line).toContain('apt-get install -y --no-install-recommends chromium lftp && bash test/servers/install.sh');
  });

  it('without root, asks for root even when everything is installed, since the servers need it', () => {
    expect(stopLine({ ...ready, isRoot: false })).toMatch(/need root.*sudo npm test/);
  });

  it('without apt-get, says so instead of trying', () => {
    const line = stopLine({ ...fresh, hasApt: false });
    expect(line).toContain('no apt-get');
    expect(line).toContain('lftp, curl, openssl');
  });

  it('takes a Chromium named by FERRY_CHROMIUM, and stops when that path is wrong instead of installing another', () => {
    const custom = { path: '/opt/chrome/chrome', present: true, custom: true };
    expect(planSetup({ ...ready, chromium: custom })).toEqual({ action: 'ready' });
    expect(stopLine({ ...ready, chromium: { ...custom, present: false } })).toContain('FERRY_CHROMIUM is /opt/chrome/chrome');
  });
});

describe('probe', () => {
  it('sees a Chromium path that does not exist as missing', () => {
    const facts = probe({ ...process.env, FERRY_CHROMIUM: '/nonexistent/chromium' });
    expect(facts.chromium).toEqual({ path: '/nonexistent/chromium', present: false, custom: true });
  });

  it('finds this machine ready, since npm test ran the setup before the tests', () => {
    expect(planSetup(probe())).toEqual({ action: 'ready' });
  });

  it('install.sh --check reports an empty servers folder as not ready, without root and without changing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-servers-'));
    try {
      const res = spawnSync('bash', ['test/servers/install.sh', '--check'], { env: { ...process.env, FERRY_SERVERS_DIR: dir } });
      expect(res.status).toBe(1);
      expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
