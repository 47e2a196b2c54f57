/**
 * The transfer type through the queue: each queued file records ASCII or binary by the queue's
 * rule (FileZilla's Auto by extension), the session is asked for that type, and an ASCII transfer
 * starts over where a binary one would resume, saying so in the log.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type TransferTypeRule } from '../../../../shared/settings';
import { bytes } from '../fakes';
import { rig } from './rig';

const AUTO: TransferTypeRule = { ...DEFAULT_SETTINGS.transfers, type: 'auto' };

describe('TransferQueue: transfer type', () => {
  it('records each file\'s type by the Auto rule and transfers it so; a binary file stays byte for byte', async () => {
    const r = rig({ transferType: AUTO });
    const png = bytes(40_000, 9);
    r.server.put('/remote/notes.TXT', 'a\r\nb\r\n');
    r.server.put('/remote/photo.png', png);
    r.server.put('/remote/Makefile', 'all:\r\n');
    const items = r.queue.addFiles(
      ['notes.TXT', 'photo.png', 'Makefile'].map((name) => ({ direction: 'download' as const, siteId: 's', remotePath: `/remote/${name}`, localPath: `/local/${name}` })),
    );
    expect(items.map((i) => i.transferType ?? 'binary')).toEqual(['ascii', 'binary', 'ascii']);
    await r.queue.whenIdle();
    expect(r.server.transfers.map((t) => `${t.path} ${t.type ?? 'binary'}`).sort()).toEqual(['/remote/Makefile ascii', '/remote/notes.TXT ascii', '/remote/photo.png binary']);
    expect(r.fs.read('/local/photo.png')?.equals(png)).toBe(true);
    expect(r.logs.filter((l) => l.includes('sizes are not compared'))).toHaveLength(2);
    await r.queue.close();
  });

  it('decides an upload by the local file\'s name, and the setting ASCII or Binary for every file', async () => {
    const r = rig({ transferType: { ...AUTO, type: 'binary' } });
    r.fs.put('/local/page.html', 'x\n');
    const [binary] = r.queue.addFiles([{ direction: 'upload', siteId: 's', remotePath: '/remote/page.html', localPath: '/local/page.html' }]);
    r.queue.setOptions({ transferType: { ...AUTO, type: 'ascii' } });
    r.fs.put('/local/image.jpg', 'y');
    const [ascii] = r.queue.addFiles([{ direction: 'upload', siteId: 's', remotePath: '/remote/image.jpg', localPath: '/local/image.jpg' }]);
    expect([binary.transferType ?? 'binary', ascii.transferType]).toEqual(['binary', 'ascii']);
    await r.queue.whenIdle();
    await r.queue.close();
  });

  it('starts an ASCII download over instead of resuming its partial file', async () => {
    const r = rig({ onExists: 'resume', transferType: { ...AUTO, type: 'ascii' } });
    r.fs.put('/local/half.txt.part', 'line 1\n');
    r.server.put('/remote/half.txt', 'line 1\r\nline 2\r\n');
    const [item] = r.queue.addFiles([{ direction: 'download', siteId: 's', remotePath: '/remote/half.txt', localPath: '/local/half.txt' }]);
    await r.queue.whenIdle();
    expect(r.queue.get(item.id)?.state).toBe('done');
    expect(r.server.transfers).toEqual([{ op: 'download', path: '/remote/half.txt', offset: 0, type: 'ascii' }]);
    expect(r.logs.some((l) => l.includes('/remote/half.txt: it cannot continue from where it stopped') && l.includes('starts over'))).toBe(true);
    await r.queue.close();
  });

  it('starts an ASCII upload over when the server already holds part of it', async () => {
    const r = rig({ onExists: 'resume', transferType: { ...AUTO, type: 'ascii' } });
    r.fs.put('/local/u.txt', 'one\ntwo\n');
    r.server.put('/remote/u.txt', 'one\r\n');
    r.queue.addFiles([{ direction: 'upload', siteId: 's', remotePath: '/remote/u.txt', localPath: '/local/u.txt' }]);
    await r.queue.whenIdle();
    expect(r.server.transfers).toEqual([{ op: 'upload', path: '/remote/u.txt', offset: 0, type: 'ascii' }]);
    expect(r.logs.some((l) => l.includes('starts over'))).toBe(true);
    await r.queue.close();
  });
});
