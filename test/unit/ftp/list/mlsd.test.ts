import { describe, expect, it } from 'vitest';
import { parseMlsdLine, parseMlstReply, parseTimeVal, readMlsdLine } from '../../../../electron/ftp/list';

const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe('parseMlsdLine', () => {
  it('reads fact names in any case (RFC 3659 §7.5)', () => {
    expect(parseMlsdLine('Size=435123;Modify=20141113182638;Type=file;Perm=radfw; blue.jpg')).toEqual({
      name: 'blue.jpg',
      type: 'file',
      sizeBytes: 435123,
      modifiedMs: t(2014, 11, 13, 18, 26, 38),
    });
    expect(parseMlsdLine('TYPE=DIR;MODIFY=20141113182638; Pics')).toMatchObject({ name: 'Pics', type: 'dir' });
  });

  it.each([
    ['type=cdir;modify=20240101000000; .', 'skip'],
    ['type=pdir;modify=20240101000000; ..', 'skip'],
    ['type=cdir;modify=20240101000000; /home/user', 'skip'],
    ['type=dir;modify=20240101000000; .', 'skip'],
    ['type=dir;modify=20240101000000; ..', 'skip'],
    ['-rw-r--r-- 1 a b 1 Jan 1 2020 x=y; z', null],
    ['hello; world', null],
    ['type=file;size=1;', null],
    ['; name', null],
    ['=file; name', null],
    ['type=file; ', null],
  ])('%j -> %j', (line, expected) => {
    expect(readMlsdLine(line)).toBe(expected);
    expect(parseMlsdLine(line)).toBeNull();
  });

  it('takes everything after the first "; " as the name', () => {
    expect(parseMlsdLine('type=file;size=3; a; b;c=d ')?.name).toBe('a; b;c=d ');
    expect(parseMlsdLine('type=file;size=3;  lead')?.name).toBe(' lead');
  });

  it('keeps only the last segment when a server sends a path', () => {
    expect(parseMlsdLine('type=file;size=3; /pub/sub/file.txt')?.name).toBe('file.txt');
    expect(parseMlsdLine('type=dir; pub/sub/')?.name).toBe('sub');
  });

  it.each([
    ['0644', 'rw-r--r--'],
    ['0o755', 'rwxr-xr-x'],
    ['644', 'rw-r--r--'],
    ['100600', 'rw-------'],
    ['04755', 'rwsr-xr-x'],
    ['01777', 'rwxrwxrwt'],
  ])('unix.mode=%s -> %s', (mode, symbolic) => {
    expect(parseMlsdLine(`type=file;UNIX.mode=${mode}; f`)?.permissions).toBe(symbolic);
  });

  it('ignores facts it cannot read', () => {
    expect(parseMlsdLine('type=file;size=12x;modify=2024;UNIX.mode=0999; f')).toEqual({ name: 'f', type: 'file' });
  });

  it('prefers owner and group names over ids', () => {
    expect(parseMlsdLine('type=file;UNIX.owner=1000;UNIX.ownername=ann;UNIX.group=100;UNIX.groupname=users; f')).toMatchObject({
      owner: 'ann',
      group: 'users',
    });
    expect(parseMlsdLine('type=file;unix.uid=1000;unix.gid=100; f')).toMatchObject({ owner: '1000', group: '100' });
    expect(parseMlsdLine('type=file;UNIX.owner=ann;UNIX.uid=1000; f')).toMatchObject({ owner: 'ann' });
  });

  it.each([
    ['OS.unix=symlink', { type: 'link' }],
    ['OS.unix=slink:/srv/target dir', { type: 'link', linkTarget: '/srv/target dir' }],
    ['OS.unix=slink:', { type: 'link' }],
    ['OS.unix=chr-1/3', { type: 'other' }],
    ['special', { type: 'other' }],
  ])('type=%s', (type, expected) => {
    const entry = parseMlsdLine(`type=${type};size=1; x`);
    expect(entry).toMatchObject(expected);
    if (!('linkTarget' in expected)) expect(entry).not.toHaveProperty('linkTarget');
  });

  it('infers the type when the client turned the type fact off', () => {
    expect(parseMlsdLine('sizd=4096;modify=20240101000000; d')).toMatchObject({ type: 'dir' });
    expect(parseMlsdLine('size=1;modify=20240101000000; f')).toMatchObject({ type: 'file', sizeBytes: 1 });
  });
});

describe('MLSD lines as servers really send them', () => {
  it.each([
    ['facts without the last ";"', 'type=file;size=3;modify=20240305120000 a b.txt', { name: 'a b.txt', sizeBytes: 3 }],
    ['a TAB before the name', 'type=file;size=3;\tnotes.txt', { name: 'notes.txt', sizeBytes: 3 }],
    ['a TAB and no last ";"', 'type=dir;modify=20240305120000\tsrc', { name: 'src', type: 'dir' }],
    ['one registered fact without ";"', 'type=file x.bin', { name: 'x.bin', type: 'file' }],
    ['unknown facts and upper-case names', 'TYPE=FILE;SIZE=12;X.Foo=bar;Unique=801g4; up.txt', { name: 'up.txt', type: 'file', sizeBytes: 12 }],
  ])('%s', (_what, line, expected) => {
    expect(parseMlsdLine(line)).toMatchObject(expected);
  });

  it('drops a malformed modify fact, not the entry', () => {
    const entry = parseMlsdLine('type=file;size=3;modify=2024-03-05; a.txt');
    expect(entry).toMatchObject({ name: 'a.txt', sizeBytes: 3 });
    expect(entry && 'modifiedMs' in entry).toBe(false);
    expect(parseMlsdLine('type=file;modify=20241399120000; b.txt')).toEqual({ name: 'b.txt', type: 'file' });
  });

  it('never produces an entry without a name, and takes no lone word=word for facts', () => {
    expect(parseMlsdLine('type=file;size=3; ')).toBeNull();
    expect(parseMlsdLine('type=file;size=3 ')).toBeNull();
    expect(parseMlsdLine('colour=blue sky')).toBeNull();
  });
});

describe('parseTimeVal', () => {
  it.each([
    ['20240131235959', t(2024, 1, 31, 23, 59, 59)],
    ['20240131235959.5', t(2024, 1, 31, 23, 59, 59, 500)],
    ['20240131235959.123456', t(2024, 1, 31, 23, 59, 59, 123)],
    ['20161231235960', t(2016, 12, 31, 23, 59, 59)],
    ['20240230000000', undefined],
    ['2024013123595', undefined],
    ['', undefined],
  ])('%s', (value, expected) => {
    expect(parseTimeVal(value)).toBe(expected);
  });
});

describe('parseMlstReply', () => {
  it('reads pure-ftpd style replies', () => {
    const reply = '250-Begin\r\n type=file;size=11;modify=20240101000000;UNIX.mode=0644;UNIX.uid=1;UNIX.gid=2;unique=1g2; /pub/a b.txt\r\n250 End.';
    expect(parseMlstReply(reply)).toEqual({
      path: '/pub/a b.txt',
      entry: { name: 'a b.txt', type: 'file', sizeBytes: 11, modifiedMs: t(2024, 1, 1), permissions: 'rw-r--r--', owner: '1', group: '2' },
    });
  });

  it('reports a cdir entry as a directory', () => {
    const lines = ['250-Start of list for /home/john', ' modify=20240103194429;perm=flcdmpe;type=cdir;UNIX.mode=0755; /home/john', '250 End of list'];
    expect(parseMlstReply(lines)).toMatchObject({ path: '/home/john', entry: { name: 'john', type: 'dir' } });
  });

  it('accepts an entry line without its leading space', () => {
    expect(parseMlstReply('250-Listing\ntype=dir; /\n250 End')).toMatchObject({ path: '/', entry: { name: '/', type: 'dir' } });
  });

  it('returns null when there is no entry', () => {
    expect(parseMlstReply('250-Listing\r\n250 End')).toBeNull();
    expect(parseMlstReply('550 No such file')).toBeNull();
  });
});
