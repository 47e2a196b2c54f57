/** Every request is validated before a handler runs; bad ones get an error envelope, never a crash. */
import { describe, expect, it, vi } from 'vitest';
import os from 'node:os';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createServices } from '../../../electron/services/createServices';

const ctx = { transport: 'browser' as const, clientId: 't' };

const services = await createServices({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'ferry-services-')) });

describe('dispatch', () => {
  const localList = vi.spyOn(services.handlers, 'localList');
  const refused: string[] = [];
  const dispatch = createDispatcher(services.handlers, (reason) => refused.push(reason));

  it.each([
    ['an unknown method', 'deleteEverything', {}],
    ['a wrong input type', 'localList', { path: 42 }],
    ['an extra field', 'localList', { path: '/', evil: true }],
    ['a NUL byte in a path', 'localList', { path: '/tmp\0/x' }],
    ['a missing required field', 'localRename', { from: '/a' }],
    ['a non-object input', 'localDelete', 'rm -rf /'],
    ['an empty list', 'localDelete', { paths: [] }],
  ])('refuses %s before any handler runs, and logs it', async (_what, method, input) => {
    localList.mockClear();
    const before = refused.length;
    const result = await dispatch(method, input, ctx);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    expect(refused.length).toBe(before + 1);
    expect(localList).not.toHaveBeenCalled();
  });

  it('wraps a handler failure in an error envelope with a readable message', async () => {
    const result = await dispatch('localList', { path: '/definitely/not/here' }, ctx);
    expect(result).toEqual({
      ok: false,
      error: { kind: 'system', message: 'No such file or folder: /definitely/not/here' },
    });
  });

  it('keeps an FTP reply code and command from a typed error', async () => {
    const failing = createDispatcher({
      ...services.handlers,
      appInfo: async () => {
        throw Object.assign(new Error('550 No such file'), { kind: 'ftp-reply', code: 550, command: 'RETR x' });
      },
    });
    expect(await failing('appInfo', {}, ctx)).toEqual({
      ok: false,
      error: { kind: 'ftp-reply', message: '550 No such file', ftpCode: 550, command: 'RETR x' },
    });
  });

  it('passes a valid request through', async () => {
    const result = await dispatch('appInfo', {}, ctx);
    expect(result).toMatchObject({ ok: true, value: { transport: 'browser', homeDir: os.homedir() } });
  });
});
