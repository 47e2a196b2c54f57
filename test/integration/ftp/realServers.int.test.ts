import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataStrategy } from '../../../shared/domain';
import { FtpAbortedError, FtpReplyError, FtpTlsError, isTransient, normalizeFingerprint, type FtpLogEvent } from '../../../electron/ftp';
import { SERVER_KINDS, kindsWith, startServer, type RunningServer, type ServerKind } from '../../servers';
import { FileSink } from '../../../electron/cli/fileSink';
import { FileSource } from '../../../electron/cli/fileSource';
import { collect, open, sha256, tempDir, withSession } from './harness';

const STRATEGIES: DataStrategy[] = ['EPSV', 'PASV', 'EPRT', 'PORT'];
const DATA = randomBytes(300 * 1024 + 17);
/** For the direct path (local files that read and write synchronously): several times its 1 MiB buffer. */
const BIG = randomBytes(2 * 1024 * 1024 + 4321);
const local = tempDir('ferry-engine-');

describe.each(SERVER_KINDS)('engine against %s', (kind) => {
  let srv: RunningServer;

  beforeAll(async () => {
    srv = await startServer(kind, { tls: true });
    writeFileSync(join(srv.homeDir, 'data.bin'), DATA);
    writeFileSync(join(srv.homeDir, 'big.bin'), BIG);
  });

  afterAll(async () => {
    await srv?.stop();
  });

  it('moves files byte-identical on the direct path (FileSink, FileSource) in every data strategy, plain and explicit FTPS', async () => {
    for (const tls of ['none', 'explicit'] as const) {
      for (const strategy of STRATEGIES) {
        await withSession(srv, { tls, trustedFingerprint: srv.certFingerprint256, dataStrategy: strategy }, async (s) => {
          const path = join(local, `${kind}-direct-${tls}-${strategy}.bin`);
          expect((await s.download('big.bin', new FileSink(path))).bytes).toBe(BIG.length);
          expect(sha256(readFileSync(path))).toBe(sha256(BIG));
          const name = `direct-${tls}-${strategy}.bin`;
          expect((await s.upload(new FileSource(path), name)).bytes).toBe(BIG.length);
          expect(sha256(readFileSync(join(srv.homeDir, name)))).toBe(sha256(BIG));
          expect(s.lastDataStrategy).toBe(strategy);
          // Resume on the direct path: REST + RETR appended to the partial file.
          writeFileSync(path, BIG.subarray(0, 1_500_000));
          expect((await s.download('big.bin', new FileSink(path, { isAppend: true }), { offset: 1_500_000 })).bytes).toBe(BIG.length - 1_500_000);
          expect(sha256(readFileSync(path))).toBe(sha256(BIG));
        });
      }
    }
  });

  it('logs in as a user, reads features, and lists the home directory', async () => {
    await withSession(srv, {}, async (s) => {
      expect(s.features.size).toBeGreaterThan(0);
      expect(await s.pwd()).toBe(s.initialDirectory);
      const entries = await s.list();
      const data = entries.find((e) => e.name === 'data.bin');
      expect(data).toMatchObject({ type: 'file', sizeBytes: DATA.length });
      expect(entries.some((e) => e.name === '.' || e.name === '..')).toBe(false);
      expect(await s.size('data.bin')).toBe(DATA.length);
      const mtime = await s.modifiedTime('data.bin');
      expect(Math.abs(mtime - statSync(join(srv.homeDir, 'data.bin')).mtimeMs)).toBeLessThan(2000);
    });
  });

  it('logs in anonymously and lists the public directory', async () => {
    await withSession(srv, { user: undefined, password: undefined }, async (s) => {
      expect((await s.list()).map((e) => e.name)).toContain('readme.txt');
      expect((await collect((to) => s.download('readme.txt', to))).equals(readFileSync(join(srv.anonDir, 'readme.txt')))).toBe(true);
    });
  });

  it('refuses a wrong password with 530 as a permanent FtpReplyError', async () => {
    const err = await open(srv, { password: 'not-the-password' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpReplyError);
    expect((err as FtpReplyError).code).toBe(530);
    expect(isTransient(err)).toBe(false);
  });

  it.each(STRATEGIES)('downloads and uploads byte-identical with %s', async (strategy) => {
    await withSession(srv, { dataStrategy: strategy }, async (s) => {
      const got = await collect((to) => s.download('data.bin', to));
      expect(sha256(got)).toBe(sha256(DATA));
      const name = `up-${strategy}.bin`;
      const sent = await s.upload(Readable.from([DATA.subarray(0, 100_000), DATA.subarray(100_000)]), name);
      expect(sent.bytes).toBe(DATA.length);
      expect(sha256(readFileSync(join(srv.homeDir, name)))).toBe(sha256(DATA));
      expect(s.lastDataStrategy).toBe(strategy);
      expect((await s.list()).some((e) => e.name === name)).toBe(true);
    });
  });

  it('transfers text in ASCII mode with line endings converted', async () => {
    await withSession(srv, {}, async (s) => {
      await s.upload(Readable.from([Buffer.from('alpha\nbeta\ngamma\n')]), 'text.txt', { type: 'ascii' });
      // Servers differ in whether they store CRLF or translate it back to LF; both are correct.
      expect(['alpha\nbeta\ngamma\n', 'alpha\r\nbeta\r\ngamma\r\n']).toContain(readFileSync(join(srv.homeDir, 'text.txt'), 'latin1'));
      expect((await collect((to) => s.download('text.txt', to, { type: 'ascii' }))).toString()).toBe('alpha\nbeta\ngamma\n');
      // Back in binary the data file is untouched by conversion.
      expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
    });
  });

  it('resumes a download from an offset (REST + RETR) into a partial local file', async () => {
    await withSession(srv, {}, async (s) => {
      const path = join(local, `${kind}-resume.bin`);
      writeFileSync(path, DATA.subarray(0, 123_456));
      const result = await s.download('data.bin', createWriteStream(path, { flags: 'a' }), { offset: 123_456 });
      expect(result.bytes).toBe(DATA.length - 123_456);
      expect(sha256(readFileSync(path))).toBe(sha256(DATA));
    });
  });

  it('resumes an upload with REST + STOR and with APPE (where the server allows it)', async () => {
    // proftpd refuses both REST before STOR and APPE unless its config says AllowStoreRestart on:
    // 451 "Append/Restart not permitted". That is a server setting, so only that refusal is accepted.
    const isRestartRefusal = (e: unknown) => kind === 'proftpd' && e instanceof FtpReplyError && e.code === 451 && /Append\/Restart not permitted/.test(e.text);
    await withSession(srv, {}, async (s) => {
      await s.upload(Readable.from([DATA.subarray(0, 100_000)]), 'resume-rest.bin');
      const rest = await s.upload(Readable.from([DATA.subarray(100_000)]), 'resume-rest.bin', { offset: 100_000 }).catch((e: unknown) => e);
      if (!isRestartRefusal(rest)) {
        expect(rest).toEqual({ bytes: DATA.length - 100_000 });
        expect(sha256(readFileSync(join(srv.homeDir, 'resume-rest.bin')))).toBe(sha256(DATA));
      }
      await s.upload(Readable.from([DATA.subarray(0, 50_000)]), 'resume-appe.bin');
      const appe = await s.upload(createReadStream(join(srv.homeDir, 'data.bin'), { start: 50_000 }), 'resume-appe.bin', { append: true })
        .catch((e: unknown) => e);
      if (!isRestartRefusal(appe)) {
        expect(appe).toEqual({ bytes: DATA.length - 50_000 });
        expect(sha256(readFileSync(join(srv.homeDir, 'resume-appe.bin')))).toBe(sha256(DATA));
      }
      expect(await s.pwd()).toBe(s.initialDirectory);
    });
  });


  it('makes, renames, lists, deletes and removes directories and files', async () => {
    await withSession(srv, {}, async (s) => {
      await s.mkdir('work dir');
      await s.upload(Readable.from([Buffer.from('x')]), 'work dir/a.txt');
      await s.rename('work dir/a.txt', 'work dir/b.txt');
      await s.cd('work dir');
      expect((await s.list()).map((e) => e.name)).toEqual(['b.txt']);
      expect(await s.nlst()).toEqual(expect.arrayContaining([expect.stringMatching(/b\.txt$/)]));
      await s.cdup();
      expect((await s.list('work dir')).map((e) => e.name)).toEqual(['b.txt']);
      await s.delete('work dir/b.txt');
      await s.rmdir('work dir');
      const err = await s.delete('no-such-file').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FtpReplyError);
      expect((err as FtpReplyError).code).toBe(550);
      expect((await s.list()).some((e) => e.name === 'work dir')).toBe(false);
    });
  });

  it('changes permissions with SITE CHMOD where the server supports it', async () => {
    await withSession(srv, {}, async (s) => {
      await s.upload(Readable.from([Buffer.from('x')]), 'mode.txt');
      if (srv.supports.chmod) {
        await s.chmod('mode.txt', '600');
        expect(statSync(join(srv.homeDir, 'mode.txt')).mode & 0o777).toBe(0o600);
      } else {
        await expect(s.chmod('mode.txt', '600')).rejects.toBeInstanceOf(FtpReplyError);
      }
    });
  });

  it('reads facts with MLST and sets the modification time where the server can', async () => {
    await withSession(srv, {}, async (s) => {
      await s.upload(Readable.from([Buffer.from('t')]), 'times.txt');
      if (s.features.has('MLST')) {
        expect(await s.mlst('times.txt')).toMatchObject({ name: 'times.txt', type: 'file', sizeBytes: 1 });
      }
      const when = Date.UTC(2020, 1, 3, 4, 5, 6);
      const set = await s.setModifiedTime('times.txt', when).then(() => true, (e: unknown) => e);
      if (set === true) {
        expect(statSync(join(srv.homeDir, 'times.txt')).mtimeMs).toBe(when);
        expect(await s.modifiedTime('times.txt')).toBe(when);
      } else {
        expect(set).toBeInstanceOf(FtpReplyError);
        expect(s.features.has('MFMT')).toBe(false);
      }
    });
  });

  it('offers a checksum only when the server has one, and it matches', async () => {
    await withSession(srv, {}, async (s) => {
      const sum = await s.checksum('data.bin');
      if (sum) {
        const algorithm = { 'SHA-256': 'sha256', 'SHA-1': 'sha1', MD5: 'md5', 'SHA-512': 'sha512' }[sum.algorithm];
        if (algorithm) expect(sum.hex).toBe(createHash(algorithm).update(DATA).digest('hex'));
      }
    });
  });

  it('aborts a download and lists afterwards on the same session', async () => {
    await withSession(srv, {}, async (s) => {
      const controller = new AbortController();
      const err = await s.download('data.bin', new PassThrough().resume(), {
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FtpAbortedError);
      expect((await s.list()).some((e) => e.name === 'data.bin')).toBe(true);
      expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
    });
  });

  it('refuses the self-signed certificate without a fingerprint and accepts it with one', async () => {
    const err = await open(srv, { tls: 'explicit' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FtpTlsError);
    expect(normalizeFingerprint((err as FtpTlsError).certificate?.fingerprint256 ?? '')).toBe(normalizeFingerprint(srv.certFingerprint256));
    // What the window shows to decide: the names, whether they match the host, validity and key.
    const certificate = (err as FtpTlsError).certificate!;
    expect(certificate).toMatchObject({ altNames: ['IP Address:127.0.0.1'], isHostMatch: true, keyType: expect.stringMatching(/^(RSA \d+ bits|EC )/) });
    expect(certificate.validFromMs).toBeLessThan(certificate.validToMs!);
    expect(isTransient(err)).toBe(false);
    const lowerNoColons = normalizeFingerprint(srv.certFingerprint256).toLowerCase();
    await withSession(srv, { tls: 'explicit', trustedFingerprint: lowerNoColons }, async (s) => {
      expect(s.isSecure).toBe(true);
      expect(s.certificate?.fingerprint256).toBe(srv.certFingerprint256);
    });
  });

  it('runs explicit FTPS with protected data in every data strategy', async () => {
    for (const strategy of STRATEGIES) {
      await withSession(srv, { tls: 'explicit', trustedFingerprint: srv.certFingerprint256, dataStrategy: strategy }, async (s) => {
        expect(s.isDataProtected).toBe(true);
        expect((await s.list()).some((e) => e.name === 'data.bin')).toBe(true);
        expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
        await s.upload(Readable.from([DATA]), `tls-${strategy}.bin`);
        expect(sha256(readFileSync(join(srv.homeDir, `tls-${strategy}.bin`)))).toBe(sha256(DATA));
      });
    }
  });
});

/** Starts a server for one test and stops it afterwards. */
async function withServer(kind: ServerKind, options: Parameters<typeof startServer>[1], fn: (srv: RunningServer) => Promise<void>): Promise<void> {
  const srv = await startServer(kind, options);
  try {
    writeFileSync(join(srv.homeDir, 'data.bin'), DATA);
    await fn(srv);
  } finally {
    await srv.stop();
  }
}

describe.each(kindsWith('passiveDisabled'))('passive disabled on %s', (kind) => {
  it('falls back from passive to active and says why', async () => {
    await withServer(kind, { passiveDisabled: true }, async (srv) => {
      const log: FtpLogEvent[] = [];
      await withSession(srv, {}, async (s) => {
        expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
        expect(['EPRT', 'PORT']).toContain(s.lastDataStrategy);
        expect((await s.list()).some((e) => e.name === 'data.bin')).toBe(true);
      }, log);
      expect(log.some((e) => /passive to active/.test(e.hint ?? ''))).toBe(true);
    });
  });
});

describe.each(kindsWith('activeDisabled'))('active disabled on %s', (kind) => {
  it('falls back from active to passive and says why', async () => {
    await withServer(kind, { activeDisabled: true }, async (srv) => {
      const log: FtpLogEvent[] = [];
      await withSession(srv, { dataMode: 'auto' }, async (s) => {
        s.lastDataStrategy = 'EPRT';
        expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
        expect(['EPSV', 'PASV']).toContain(s.lastDataStrategy);
      }, log);
      expect(log.some((e) => /active to passive/.test(e.hint ?? ''))).toBe(true);
    });
  });
});

describe.each(kindsWith('implicitTls'))('implicit FTPS on %s', (kind) => {
  it('speaks TLS from the first byte and protects data', async () => {
    await withServer(kind, { implicitTls: true }, async (srv) => {
      await withSession(srv, { tls: 'implicit', trustedFingerprint: srv.certFingerprint256 }, async (s) => {
        expect(s.isSecure).toBe(true);
        expect(s.isDataProtected).toBe(true);
        expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
        await s.upload(Readable.from([DATA]), 'implicit.bin');
        expect(sha256(readFileSync(join(srv.homeDir, 'implicit.bin')))).toBe(sha256(DATA));
        const path = join(local, `${kind}-implicit-direct.bin`);
        await s.download('data.bin', new FileSink(path));
        expect(sha256(readFileSync(path))).toBe(sha256(DATA));
        await s.upload(new FileSource(path), 'implicit-direct.bin');
        expect(sha256(readFileSync(join(srv.homeDir, 'implicit-direct.bin')))).toBe(sha256(DATA));
      });
      const err = await open(srv, { tls: 'implicit' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FtpTlsError);
    });
  });
});

describe.each(kindsWith('requireTlsReuse'))('TLS session reuse required on %s', (kind) => {
  it('reuses the control session on passive and active data connections', async () => {
    await withServer(kind, { requireTlsReuse: true }, async (srv) => {
      for (const strategy of ['EPSV', 'EPRT'] as const) {
        await withSession(srv, { tls: 'explicit', trustedFingerprint: srv.certFingerprint256, dataStrategy: strategy }, async (s) => {
          expect((await s.list()).some((e) => e.name === 'data.bin')).toBe(true);
          expect(sha256(await collect((to) => s.download('data.bin', to)))).toBe(sha256(DATA));
          await s.upload(Readable.from([DATA]), `reuse-${strategy}.bin`);
          expect(sha256(readFileSync(join(srv.homeDir, `reuse-${strategy}.bin`)))).toBe(sha256(DATA));
          // The direct path dials passive TLS connections itself: it must resume the session too.
          const path = join(local, `${kind}-reuse-direct-${strategy}.bin`);
          await s.download('data.bin', new FileSink(path));
          expect(sha256(readFileSync(path))).toBe(sha256(DATA));
          await s.upload(new FileSource(path), `reuse-direct-${strategy}.bin`);
          expect(sha256(readFileSync(join(srv.homeDir, `reuse-direct-${strategy}.bin`)))).toBe(sha256(DATA));
        });
      }
    });
  });
});

describe('proftpd with AllowStoreRestart on', () => {
  it('resumes uploads with REST + STOR and with APPE', async () => {
    const permissive = await startServer('proftpd', { allowStoreRestart: true });
    try {
      await withSession(permissive, {}, async (s) => {
        await s.upload(Readable.from([DATA.subarray(0, 100_000)]), 'resume-rest.bin');
        expect(await s.upload(Readable.from([DATA.subarray(100_000)]), 'resume-rest.bin', { offset: 100_000 })).toEqual({ bytes: DATA.length - 100_000 });
        expect(sha256(readFileSync(join(permissive.homeDir, 'resume-rest.bin')))).toBe(sha256(DATA));
        await s.upload(Readable.from([DATA.subarray(0, 50_000)]), 'resume-appe.bin');
        expect(await s.upload(Readable.from([DATA.subarray(50_000)]), 'resume-appe.bin', { append: true })).toEqual({ bytes: DATA.length - 50_000 });
        expect(sha256(readFileSync(join(permissive.homeDir, 'resume-appe.bin')))).toBe(sha256(DATA));
      });
    } finally {
      await permissive.stop();
    }
  });
});
