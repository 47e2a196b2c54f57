/** NetWare lines (`d [RWCEAFMS] owner  size Mon DD HH:MM|YYYY name`): rights, years, what is skipped and what is not NetWare. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readDosLine, readEplfLine, readMlsdLine, readUnixLine } from '../../../../electron/ftp/list';
import { readNetwareLine } from '../../../../electron/ftp/list/netware';

/** "Now" for yearless dates: 15 June 2024, noon UTC. */
const NOW = Date.UTC(2024, 5, 15, 12, 0);
const ctx = { nowMs: NOW };

/** Lines of the other dialects the registry knows or is gaining; none of them is NetWare. */
const FOREIGN: Record<string, string> = {
  'Unix, this year': '-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt',
  'Unix, older': 'drwxr-xr-x 2 ftp ftp 4096 Jan  1  2024 dir',
  'Unix total': 'total 12',
  'DOS folder': '01-31-24  02:15PM  <DIR>  name',
  'DOS file': '01-31-24  02:15PM  1234 a.txt',
  MLSD: 'type=file;size=3; a.txt',
  EPLF: '+i8388621.48594,m825718503,r,s280,\tdjb.html',
  'OS/2 folder': '     0           DIR   05-12-97   16:44  PSFONTS',
  'OS/2 file': '  36611      A          04-23-103   10:57  OS2 test1.file',
  'IBM i folder': 'QSYS           77824 02/23/00 15:09:55 *DIR       QOpenSys/',
  'IBM i member': 'QSYS                                    *MEM       MYLIB.FILE/MBR.MBR',
  'IBM i, anonymous': '                4096 03/05/24 08:30:00 *STMF      notes.txt',
  'Windows CE folder': '03-05-24  14:22       <DIR>          Windows',
  'Windows CE file': '01-15-23  09:05                 4096 autorun.inf',
  OpenVMS: 'LOGIN.COM;2            3/4       5-MAR-2024 12:00:01  [STAFF,JDOE]  (RWED,RWED,RE,)',
  VxWorks: '      4096    MAR-05-2024  12:00:00   DATA      <DIR>',
  'OS-9': '0.0  24/03/05 1200  d-ewrewr  1a4  512  CMDS',
  'HP NonStop': 'REPORT   101    2048  5-Mar-24 12:00:00 100,255 "NUNU"',
  'z/VM': 'NOTES    SCRIPT   F         80         40          1 2023-11-20 08:15:30 USR191',
  'MVS data set': 'VOL001 3390   2024/03/05  1   15  FB      80 27920  PS  PROJ.DATA',
  'Connect:Enterprise': '-ARTE-----TCP A MAILBOX1  1234   5120 Mar 05 12:00 BATCH01',
};

const FIXTURES: Array<[string, FileEntry]> = [
  [
    'd [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC',
    { name: 'PUBLIC', type: 'dir', permissions: '[RWCEAFMS]', owner: 'Admin', modifiedMs: Date.UTC(2024, 2, 5, 12, 0) },
  ],
  [
    '- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt',
    { name: 'notes.txt', type: 'file', permissions: '[RWCEAFMS]', owner: 'jdoe', sizeBytes: 2048, modifiedMs: Date.UTC(2023, 0, 15) },
  ],
  [
    'd [R----F--] operator              512       Feb 20 07:15    SYSTEM',
    { name: 'SYSTEM', type: 'dir', permissions: '[R----F--]', owner: 'operator', modifiedMs: Date.UTC(2024, 1, 20, 7, 15) },
  ],
  [
    // December lies ahead of a June "now", so the yearless date is last December.
    '- [R----F--] mlee             731004       Dec 24 22:10    setup.exe',
    { name: 'setup.exe', type: 'file', permissions: '[R----F--]', owner: 'mlee', sizeBytes: 731004, modifiedMs: Date.UTC(2023, 11, 24, 22, 10) },
  ],
  [
    '- [RWCEAFMS]          0                       1576 Feb 08  2000 READ.ME',
    { name: 'READ.ME', type: 'file', permissions: '[RWCEAFMS]', owner: '0', sizeBytes: 1576, modifiedMs: Date.UTC(2000, 1, 8) },
  ],
  [
    // Less than a day ahead of "now": a server zone east of UTC, still this year.
    '- [RW-E-F--] pat                 12 Jun 16 09:30 tomorrow.txt',
    { name: 'tomorrow.txt', type: 'file', permissions: '[RW-E-F--]', owner: 'pat', sizeBytes: 12, modifiedMs: Date.UTC(2024, 5, 16, 9, 30) },
  ],
  [
    '- [RWCEAFMS] ann                 99 Feb 29 10:00 leap.txt',
    { name: 'leap.txt', type: 'file', permissions: '[RWCEAFMS]', owner: 'ann', sizeBytes: 99, modifiedMs: Date.UTC(2024, 1, 29, 10, 0) },
  ],
  [
    '- [RWCEAFMS] bob                 10 Mar 05 12:00 my file with  spaces.txt',
    {
      name: 'my file with  spaces.txt',
      type: 'file',
      permissions: '[RWCEAFMS]',
      owner: 'bob',
      sizeBytes: 10,
      modifiedMs: Date.UTC(2024, 2, 5, 12, 0),
    },
  ],
  [
    '- [RWCEAFMS] bob                 10 Mar  5  1999 .login',
    { name: '.login', type: 'file', permissions: '[RWCEAFMS]', owner: 'bob', sizeBytes: 10, modifiedMs: Date.UTC(1999, 2, 5), isHidden: true },
  ],
  [
    'd [--------] guest              512 Apr 01 08:00 LOCKED',
    { name: 'LOCKED', type: 'dir', permissions: '[--------]', owner: 'guest', modifiedMs: Date.UTC(2024, 3, 1, 8, 0) },
  ],
];

describe('readNetwareLine', () => {
  it.each(FIXTURES)('%j', (line, expected) => {
    expect(readNetwareLine(line, ctx)).toEqual(expected);
  });

  it('applies the site zone offset to yearless and dated lines alike', () => {
    const zoned = { nowMs: NOW, timezoneOffsetMinutes: 60 };
    const recent = readNetwareLine('d [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC', zoned);
    const dated = readNetwareLine('- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt', zoned);
    expect(recent).toMatchObject({ modifiedMs: Date.UTC(2024, 2, 5, 11, 0) });
    expect(dated).toMatchObject({ modifiedMs: Date.UTC(2023, 0, 14, 23, 0) });
  });

  it.each([
    ['d [RWCEAFMS] Admin                512 Mar 05 12:00 .', 'skip'],
    ['d [RWCEAFMS] Admin                512 Mar 05 12:00 ..', 'skip'],
  ])('%j -> %j', (line, expected) => {
    expect(readNetwareLine(line, ctx)).toBe(expected);
  });

  it.each([
    ['unknown month', '- [RWCEAFMS] x 1 Foo 05 12:00 a'],
    ['day 36', '- [RWCEAFMS] x 1 Mar 36 12:00 a'],
    ['Feb 30', '- [RWCEAFMS] x 1 Feb 30  2020 a'],
    ['hour 25', '- [RWCEAFMS] x 1 Mar 05 25:00 a'],
    ['minute 60', '- [RWCEAFMS] x 1 Mar 05 12:60 a'],
    ['two-digit year', '- [RWCEAFMS] x 1 Mar 05 99 a'],
    ['no name', '- [RWCEAFMS] x 1 Mar 05 12:00'],
    ['blank name', '- [RWCEAFMS] x 1 Mar 05 12:00    '],
    ['size not a number', '- [RWCEAFMS] x 1k Mar 05 12:00 a'],
    ['other type character', 'l [RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['upper-case type', 'D [RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['unknown right', '- [RWCEAFXS] x 1 Mar 05 12:00 a'],
    ['seven rights', '- [RWCEAFM] x 1 Mar 05 12:00 a'],
    ['nine rights', '- [RWCEAFMS-] x 1 Mar 05 12:00 a'],
    ['no blank before the bracket', '-[RWCEAFMS] x 1 Mar 05 12:00 a'],
    ['no blank after the bracket', '- [RWCEAFMS]x 1 Mar 05 12:00 a'],
    ['nothing after the rights', '- [RWCEAFMS]'],
    ['no owner', 'd [RWCEAFMS]                512 Mar 05 12:00 PUBLIC'],
    ['empty', ''],
  ])('%s is not a NetWare line', (_label, line) => {
    expect(readNetwareLine(line, ctx)).toBeNull();
  });

  it.each(Object.entries(FOREIGN))('leaves a %s line to its reader', (_label, line) => {
    expect(readNetwareLine(line, ctx)).toBeNull();
  });

  it('is not claimed by the readers already registered', () => {
    for (const [line] of FIXTURES) {
      expect([readUnixLine(line, ctx), readDosLine(line), readMlsdLine(line), readEplfLine(line)]).toEqual([null, null, null, null]);
    }
  });

  it('reads hostile 64 KiB lines in linear time', () => {
    const LINE = 64 * 1024;
    const fill = (unit: string, length = LINE): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const shapes = [
      fill(' '),
      fill('1'),
      fill('\t1\t'),
      fill('[RWCEAFMS] '),
      `- ${fill('[RWCEAFMS] ')}`,
      `d [RWCEAFMS] ${fill('[RWCEAFMS] ', LINE - 20)}`,
      `d [RWCEAFMS] ${fill(' ', LINE - 40)}Admin 512 Mar 05 12:00 x`,
      `- [RWCEAFMS] x ${fill('1', LINE - 40)} Mar 05 12:00 x`,
      `- [RWCEAFMS] x 1 ${fill('Mar 05 ', LINE - 20)}`,
      `- [RWCEAFMS] x 1 Mar 05 12:00${fill(' ', LINE - 40)}`,
      fill('Mar 05 12:00 '),
      `- [RWCEAFMS] x 1 Mar 05 12:00 ${fill('n', LINE - 40)}`,
    ];
    for (const line of shapes) expect(readNetwareLine(line, ctx)).not.toBeUndefined();
    expect(readNetwareLine(shapes[shapes.length - 1], ctx)).toMatchObject({ type: 'file' });
  });
});
