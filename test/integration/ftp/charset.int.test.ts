/**
 * How a session learns its server's charset, against the scripted fault server: a command about
 * a non-ASCII name while the charset is unknown looks at that folder's names once, and no more.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connect, faultServer, stopAll } from './harness';

afterEach(stopAll);

const WITHOUT_UTF8 = ['EPSV', 'PASV', 'SIZE', 'REST STREAM'];

describe('an Auto session without UTF8 announced', () => {
  it('looks at a folder once before commands about non-ASCII names in it, and not at all for ASCII ones', async () => {
    const s = await faultServer({ features: WITHOUT_UTF8, handlers: { SIZE: (session) => session.reply(550, 'No such file') } });
    const session = await connect(s);
    for (const name of ['/dir/plain.txt', '/dir/é1.txt', '/dir/é2.txt', '/dir/é3.txt']) await session.size(name).catch(() => undefined);
    expect(s.commands.filter((c) => c.startsWith('NLST'))).toEqual(['NLST /dir']);
    expect(session.isCharsetSettled).toBe(false);
    expect(session.encoding).toBe('utf8');
  });

  it('lists a folder with ISO-8859-1 names as such, names read as UTF-8 before the switch included', async () => {
    const listing = ['naïve.txt', 'plain.txt', 'café.txt'];
    const bytes = Buffer.concat([
      Buffer.from('-rw-r--r--    1 ftp      ftp            1 Jan 02  2024 naïve.txt\r\n', 'utf8'),
      Buffer.from('-rw-r--r--    1 ftp      ftp            1 Jan 02  2024 plain.txt\r\n', 'utf8'),
      Buffer.from('-rw-r--r--    1 ftp      ftp            1 Jan 02  2024 café.txt\r\n', 'latin1'),
    ]);
    const served = await faultServer({
      features: WITHOUT_UTF8,
      handlers: {
        LIST: async (sess) => {
          sess.reply(150, 'Here it comes');
          const data = await sess.dataSocket();
          await new Promise<void>((resolve) => data.end(bytes, () => resolve()));
          sess.reply(226, 'Done');
        },
      },
    });
    const other = await connect(served);
    const entries = await other.list();
    expect(entries.map((e) => e.displayName ?? e.name)).toEqual(listing);
    expect(entries.map((e) => Buffer.from(e.name, 'latin1').toString('hex'))).toEqual([
      Buffer.from('naïve.txt', 'utf8').toString('hex'),
      Buffer.from('plain.txt').toString('hex'),
      Buffer.from('café.txt', 'latin1').toString('hex'),
    ]);
    expect(other.encoding).toBe('latin1');
  });
});
