/**
 * The SFTP engine's file operations and listings against a real OpenSSH server: what a listing
 * says (types, sizes, times, symbolic permissions, owner and group names, link targets and their
 * types), folders made and removed, renames (replacing through posix-rename), deletes, chmod,
 * set times, and refusals as SftpStatusError with the status name, the server's words and the
 * request.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, statSync, symlinkSync, utimesSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SftpStatusError, type SftpLogEvent, type SftpSession } from '../../../electron/sftp';
import { connect, sshSuite } from './harness';

describe('SFTP listings and operations', () => {
  const suite = sshSuite();
  let session: SftpSession;
  const log: SftpLogEvent[] = [];
  let home: string;
  beforeAll(async () => {
    home = suite.server.homeDir;
    mkdirSync(path.join(home, 'docs'));
    writeFileSync(path.join(home, 'docs', 'a.txt'), 'hello');
    writeFileSync(path.join(home, 'run.sh'), '#!/bin/sh\n', { mode: 0o4755 });
    writeFileSync(path.join(home, '.hidden'), '');
    symlinkSync('docs/a.txt', path.join(home, 'to-file'));
    symlinkSync('docs', path.join(home, 'to-dir'));
    symlinkSync('nowhere', path.join(home, 'dangling'));
    utimesSync(path.join(home, 'docs', 'a.txt'), 1_600_000_000, 1_600_000_000);
    await suite.server.chownToServer(home);
    // After the chown, which clears the setuid bit.
    chmodSync(path.join(home, 'run.sh'), 0o4755);
    session = await connect(suite.server, {}, log);
  });
  afterAll(() => session?.close());

  it('lists names, types, sizes, times, permissions, owner, group and links, without . and ..', async () => {
    const entries = await session.list(home);
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect([...byName.keys()].sort()).toEqual(['.hidden', 'dangling', 'docs', 'run.sh', 'to-dir', 'to-file']);
    expect(byName.get('docs')).toMatchObject({ type: 'dir', permissions: 'rwxr-xr-x', owner: 'ferrytest', group: 'ferrytest' });
    expect(byName.get('docs')!.sizeBytes).toBeUndefined();
    expect(byName.get('run.sh')).toMatchObject({ type: 'file', sizeBytes: 10, permissions: 'rwsr-xr-x' });
    expect(byName.get('.hidden')).toMatchObject({ type: 'file', sizeBytes: 0, isHidden: true });
    expect(byName.get('to-file')).toMatchObject({ type: 'link', linkTarget: 'docs/a.txt', targetType: 'file' });
    expect(byName.get('to-dir')).toMatchObject({ type: 'link', linkTarget: 'docs', targetType: 'dir' });
    expect(byName.get('dangling')).toMatchObject({ type: 'link', linkTarget: 'nowhere' });
    expect(byName.get('dangling')!.targetType).toBeUndefined();
    const inDocs = await session.list(`${home}/docs`);
    expect(inDocs).toEqual([expect.objectContaining({ name: 'a.txt', sizeBytes: 5, modifiedMs: 1_600_000_000_000, timePrecision: 'second', permissions: 'rw-r--r--' })]);
    expect(log.some((e) => e.kind === 'reply' && /6 entries in \d+ READDIR request/.test(e.text))).toBe(true);
  });

  it('lists a big folder over several READDIR answers', async () => {
    const dir = path.join(home, 'many');
    mkdirSync(dir);
    for (let i = 0; i < 1500; i++) writeFileSync(path.join(dir, `f${i}`), '');
    const entries = await session.list(`${home}/many`);
    expect(entries).toHaveLength(1500);
    expect(new Set(entries.map((e) => e.name)).size).toBe(1500);
  });

  it('stats, sizes and times files, following links', async () => {
    expect(await session.stat(`${home}/to-file`)).toEqual({ type: 'file', sizeBytes: 5, modifiedMs: 1_600_000_000_000 });
    expect((await session.stat(`${home}/to-dir`)).type).toBe('dir');
    expect(await session.size(`${home}/docs/a.txt`)).toBe(5);
    expect(await session.modifiedTime(`${home}/docs/a.txt`)).toBe(1_600_000_000_000);
    expect(await session.realPath('docs/../docs')).toBe(`${home}/docs`);
  });

  it('makes, renames, chmods, times, deletes and removes', async () => {
    await session.mkdir(`${home}/new`);
    expect(statSync(path.join(home, 'new')).isDirectory()).toBe(true);
    writeFileSync(path.join(home, 'new', 'x.txt'), 'x');
    writeFileSync(path.join(home, 'new', 'y.txt'), 'y');
    await suite.server.chownToServer(path.join(home, 'new'));
    // posix-rename@openssh.com replaces the target, as FTP's RNFR/RNTO do.
    await session.rename(`${home}/new/x.txt`, `${home}/new/y.txt`);
    expect(readFileSync(path.join(home, 'new', 'y.txt'), 'utf8')).toBe('x');
    expect(existsSync(path.join(home, 'new', 'x.txt'))).toBe(false);
    await session.chmod(`${home}/new/y.txt`, 0o600);
    expect(statSync(path.join(home, 'new', 'y.txt')).mode & 0o7777).toBe(0o600);
    await session.setModifiedTime(`${home}/new/y.txt`, 1_500_000_000_500);
    expect(statSync(path.join(home, 'new', 'y.txt')).mtimeMs).toBe(1_500_000_000_000);
    await session.delete(`${home}/new/y.txt`);
    await session.rmdir(`${home}/new`);
    expect(existsSync(path.join(home, 'new'))).toBe(false);
    expect(log.filter((e) => e.kind === 'command').map((e) => e.text)).toEqual(expect.arrayContaining([
      `MKDIR ${home}/new`, `POSIX-RENAME ${home}/new/x.txt → ${home}/new/y.txt`, `SETSTAT ${home}/new/y.txt mode 600`, `REMOVE ${home}/new/y.txt`, `RMDIR ${home}/new`,
    ]));
  });

  it('refuses with SftpStatusError: the status, the server\'s words and the request', async () => {
    const missing = await session.stat(`${home}/missing`).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SftpStatusError);
    expect(missing).toMatchObject({ kind: 'sftp-status', code: 2, codeName: 'NO_SUCH_FILE', command: `STAT ${home}/missing` });
    expect((missing as Error).message).toMatch(/No such file/);
    const notEmpty = await session.rmdir(`${home}/docs`).catch((e: unknown) => e);
    expect(notEmpty).toMatchObject({ codeName: 'FAILURE', command: `RMDIR ${home}/docs` });
    execFileSync('chmod', ['555', path.join(home, 'docs')]);
    try {
      const denied = await session.mkdir(`${home}/docs/sub`).catch((e: unknown) => e);
      expect(denied).toMatchObject({ code: 3, codeName: 'PERMISSION_DENIED' });
      expect((denied as Error).message).toMatch(/Permission denied/);
    } finally {
      execFileSync('chmod', ['755', path.join(home, 'docs')]);
    }
    expect(log.some((e) => e.kind === 'error' && e.text.includes('status 2 NO_SUCH_FILE'))).toBe(true);
  });

  it('logs an expected refusal (a probe, a folder that may exist) as an answer, not an error', async () => {
    const before = log.length;
    await expect(session.size(`${home}/nothing-here`, { isProbe: true })).rejects.toMatchObject({ codeName: 'NO_SUCH_FILE' });
    await expect(session.mkdir(`${home}/docs`, { mayExist: true })).rejects.toBeInstanceOf(SftpStatusError);
    const lines = log.slice(before);
    expect(lines.filter((e) => e.kind === 'error')).toEqual([]);
    expect(lines.filter((e) => e.kind === 'reply')).toHaveLength(2);
  });
});
