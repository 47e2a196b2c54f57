/**
 * Names in ISO-8859-1 on a server that announces no UTF8 (vsftpd serving its file system's
 * bytes): `ferry` shows them as they are meant, and fetches them by the name a user types, by
 * the server's own octets (%E9), and inside a folder, sending exactly the server's octets back.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../servers';
import { ensureCliBuilt, ferry } from './harness';

/** A path on the server's disk whose last name is in ISO-8859-1 octets. */
const latin1Path = (dir: string, name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);

let srv: RunningServer;
let base: string;
const work = mkdtempSync(join(tmpdir(), 'ferry-charset-'));

beforeAll(async () => {
  await ensureCliBuilt();
  srv = await startServer('vsftpd');
  base = `ftp://${encodeURIComponent(srv.user)}:${encodeURIComponent(srv.password)}@127.0.0.1:${srv.port}/~`;
  writeFileSync(latin1Path(srv.homeDir, 'café.txt'), 'latin-1 name');
  writeFileSync(join(srv.homeDir, 'plain.txt'), 'ascii name');
  mkdirSync(join(srv.homeDir, 'dir'));
  writeFileSync(latin1Path(join(srv.homeDir, 'dir'), 'résumé.txt'), 'inside');
  // A UTF-8 name beside them: its octets read as ISO-8859-1 would be "naÃ¯ve".
  writeFileSync(join(srv.homeDir, 'dir', 'naïve.txt'), 'utf-8 name');
}, 180_000);
afterAll(async () => {
  await srv?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('a server whose names are ISO-8859-1', () => {
  it('lists them readably, a UTF-8 name among them too', async () => {
    const ls = await ferry(['ls', '-v', `${base}/`]);
    expect(ls.status).toBe(0);
    expect(ls.stdout).toMatch(/ café\.txt$/m);
    expect(ls.stderr).toContain('not UTF-8: reading and sending them as ISO-8859-1');
    const inDir = await ferry(['ls', '--json', `${base}/dir/`]);
    const names = (JSON.parse(inDir.stdout) as Array<{ name: string; displayName?: string }>).map((e) => e.displayName ?? e.name).sort();
    expect(names).toEqual(['naïve.txt', 'résumé.txt']);
  });

  it('fetches a file by the name the user types', async () => {
    const got = await ferry(['get', `${base}/café.txt`, join(work, 'typed.txt')]);
    expect(got.stderr).toBe('');
    expect(got.status).toBe(0);
    expect(readFileSync(join(work, 'typed.txt'), 'utf8')).toBe('latin-1 name');
  });

  it('fetches a file by the server\'s own octets, %E9, into a local file with the readable name', async () => {
    const dir = mkdtempSync(join(work, 'octets-'));
    const got = await ferry(['get', `${base}/caf%E9.txt`, `${dir}/`]);
    expect(got.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['café.txt']);
  });

  it('downloads a folder of such names into readable local names, byte for byte', async () => {
    const dir = mkdtempSync(join(work, 'tree-'));
    const got = await ferry(['get', '-r', `${base}/dir`, dir]);
    expect(got.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['naïve.txt', 'résumé.txt']);
    expect(readFileSync(join(dir, 'résumé.txt'), 'utf8')).toBe('inside');
    expect(readFileSync(join(dir, 'naïve.txt'), 'utf8')).toBe('utf-8 name');
  });

  it('shows what --charset utf8 asks for: the octets are not UTF-8, so they cannot be read as such', async () => {
    const ls = await ferry(['ls', '--charset', 'utf8', `${base}/`]);
    expect(ls.stdout).toMatch(/ caf\uFFFD\.txt$/m);
    const refused = await ferry(['get', '--charset', 'utf8', `${base}/caf%E9.txt`, join(work, 'x')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not UTF-8.*--charset auto or latin1/);
  });
});
