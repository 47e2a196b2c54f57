/** OpenVMS LIST lines (`NAME.EXT;1  used/alloc  DD-MON-YYYY HH:MM:SS  [GROUP,OWNER]  (RWED,RWED,RE,)`): fields, skips, other formats, wrapped names, hostile lines. */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { isVmsNameOnlyLine, readVmsLine } from '../../../../electron/ftp/list/vms';

const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

/** How the registry puts a wrapped entry back together. */
const join = (first: string, second: string): string => `${first} ${second.trimStart()}`;

describe('readVmsLine entries', () => {
  const cases: Array<[string, FileEntry]> = [
    [
      'LOGIN.COM;7            3/6        14-FEB-2024 09:05:12  [STAFF,SMITH]  (RWED,RWED,RE,)',
      { name: 'LOGIN.COM', type: 'file', sizeBytes: 3 * 512, modifiedMs: t(2024, 2, 14, 9, 5, 12), owner: 'SMITH', group: 'STAFF', permissions: '(RWED,RWED,RE,)' },
    ],
    [
      'ARCHIVE.DIR;1          1/3         5-MAR-2024 16:40:00.55  [SMITH]  (RWE,RWE,RE,E)',
      { name: 'ARCHIVE', type: 'dir', modifiedMs: t(2024, 3, 5, 16, 40, 0), owner: 'SMITH', permissions: '(RWE,RWE,RE,E)' },
    ],
    [
      'REPORT.TXT;12          18         15-Mar-2024 08:00  [300,1]  (RWED,RWED,,)',
      { name: 'REPORT.TXT', type: 'file', sizeBytes: 18 * 512, modifiedMs: t(2024, 3, 15, 8, 0), owner: '1', group: '300', permissions: '(RWED,RWED,,)' },
    ],
    [
      'BACKUP_2023.ZIP;1  40960/40960  31-DEC-2023 23:59:59  [OPS,BACKUP]  (RWED,RWED,R,)',
      { name: 'BACKUP_2023.ZIP', type: 'file', sizeBytes: 40960 * 512, modifiedMs: t(2023, 12, 31, 23, 59, 59), owner: 'BACKUP', group: 'OPS', permissions: '(RWED,RWED,R,)' },
    ],
    // No owner, no protection, a one-digit hour.
    ['DATA.CSV;2   12   9-AUG-2024 7:30', { name: 'DATA.CSV', type: 'file', sizeBytes: 12 * 512, modifiedMs: t(2024, 8, 9, 7, 30) }],
    // No protection; a leap day.
    [
      'PROG.EXE;4  130/132  29-FEB-2024 12:00:00  [DEV,JONES]',
      { name: 'PROG.EXE', type: 'file', sizeBytes: 130 * 512, modifiedMs: t(2024, 2, 29, 12, 0, 0), owner: 'JONES', group: 'DEV' },
    ],
    // No owner.
    [
      'README.TXT;1  2/3  1-APR-2023 10:15:30  (RWED,RWED,RE,RE)',
      { name: 'README.TXT', type: 'file', sizeBytes: 2 * 512, modifiedMs: t(2023, 4, 1, 10, 15, 30), permissions: '(RWED,RWED,RE,RE)' },
    ],
    // No size column.
    [
      'EMPTY.LOG;1  7-JUL-2021 06:07:08  [SMITH]  (RWED,RWED,,)',
      { name: 'EMPTY.LOG', type: 'file', modifiedMs: t(2021, 7, 7, 6, 7, 8), owner: 'SMITH', permissions: '(RWED,RWED,,)' },
    ],
    // ODS-5 disks keep lower-case names.
    [
      'web_page.html;3  4/5  03-May-2024 11:11:11  [WWW]  (RWED,RWED,RE,RE)',
      { name: 'web_page.html', type: 'file', sizeBytes: 4 * 512, modifiedMs: t(2024, 5, 3, 11, 11, 11), owner: 'WWW', permissions: '(RWED,RWED,RE,RE)' },
    ],
    [
      'SUB.dir;1  1/1  10-OCT-2010 10:10  [STAFF,SMITH]  (RWE,RWE,RE,RE)',
      { name: 'SUB', type: 'dir', modifiedMs: t(2010, 10, 10, 10, 10), owner: 'SMITH', group: 'STAFF', permissions: '(RWE,RWE,RE,RE)' },
    ],
    // RMS only uses version 1 of a directory file; a later version is an ordinary file.
    ['OLD.DIR;2  1/1  10-OCT-2010 10:10', { name: 'OLD.DIR', type: 'file', sizeBytes: 512, modifiedMs: t(2010, 10, 10, 10, 10) }],
    // Protection only, as DIRECTORY/PROTECTION prints it.
    ['JUNE.LIS;1          (RWED,RWED,RE,)', { name: 'JUNE.LIS', type: 'file', permissions: '(RWED,RWED,RE,)' }],
    // A date without a time is midnight.
    ['NIGHT.DAT;5  0/3  2-JAN-1999', { name: 'NIGHT.DAT', type: 'file', sizeBytes: 0, modifiedMs: t(1999, 1, 2) }],
    // A name alone: a name-only listing, or a wrapped entry whose continuation never came.
    ['SHORT.TXT;1', { name: 'SHORT.TXT', type: 'file' }],
    ['TAB.TXT;1\t4/4\t8-SEP-2020 08:08:08\t[X]\t(R,R,R,R)', { name: 'TAB.TXT', type: 'file', sizeBytes: 2048, modifiedMs: t(2020, 9, 8, 8, 8, 8), owner: 'X', permissions: '(R,R,R,R)' }],
  ];

  it.each(cases)('%s', (line, expected) => {
    expect(readVmsLine(line)).toEqual(expected);
  });

  it('applies the site zone: dates are the server\'s local time', () => {
    const entry = readVmsLine('A.TXT;1  1/1  5-MAR-2024 10:00:00', { timezoneOffsetMinutes: 60 });
    expect(entry).toMatchObject({ modifiedMs: t(2024, 3, 5, 9, 0, 0) });
    const west = readVmsLine('A.TXT;1  1/1  5-MAR-2024 10:00:00', { timezoneOffsetMinutes: -300 });
    expect(west).toMatchObject({ modifiedMs: t(2024, 3, 5, 15, 0, 0) });
  });

  it('ignores trailing blanks', () => {
    expect(readVmsLine('A.TXT;1  1/1  5-MAR-2024 10:00   ')).toMatchObject({ name: 'A.TXT', sizeBytes: 512 });
  });
});

describe('readVmsLine skips', () => {
  it.each([
    'Directory DISK$USER:[SMITH]',
    'Directory SYS$SYSDEVICE:[ANONYMOUS.PUB.KITS]',
    'Directory NODE::DKA100:<OLD.STYLE>',
    'Directory DKA300:[528,7036,0]',
    'Total of 12 files, 345/678 blocks.',
    'Total of 1 file.',
    'Total of 3 files, 90/176 blocks',
    'Grand total of 2 directories, 14 files, 400/812 blocks.',
    '',
    '   ',
    '\t ',
    // An empty name and type, which would read as the current folder.
    '.;1  1/1  5-MAR-2024 10:00',
  ])('%j', (line) => {
    expect(readVmsLine(line)).toBe('skip');
  });
});

describe('readVmsLine on lines of other formats', () => {
  it.each([
    // Unix ls -l, including names that end like a VMS version.
    '-rw-r--r--   1 ftp  ftp      1024 Mar  5 12:00 notes;1',
    'drwxr-xr-x   2 user group    4096 Jan 31  2024 dir',
    'lrwxrwxrwx   1 a    b           7 Jan  1 12:00 link;1 -> target;1',
    'total 24',
    // DOS/IIS.
    '01-31-24  02:15PM       <DIR>          name',
    '01-31-24  02:15PM                 1234 file.txt',
    '2024-01-31  14:15             5 a;1',
    // MLSD.
    'type=file;size=3; a.txt',
    'type=dir;modify=20240101120000; sub',
    'type=file;size=1;modify=20240101120000; b;1',
    // EPLF.
    '+i8388621.48594,m825718503,r,s280,\tdjb.html',
    '+i1.2,m1700000000,/,\tpub',
  ])('%j', (line) => {
    expect(readVmsLine(line)).toBeNull();
  });
});

describe('readVmsLine on malformed VMS lines', () => {
  it.each([
    ['day 36', 'A.TXT;1  1/1  36-JAN-2024 10:00'],
    ['Feb 30', 'A.TXT;1  1/1  30-FEB-2024 10:00'],
    ['hour 25', 'A.TXT;1  1/1  5-MAR-2024 25:00'],
    ['minute 60', 'A.TXT;1  1/1  5-MAR-2024 10:60'],
    ['second 60', 'A.TXT;1  1/1  5-MAR-2024 10:00:60'],
    ['unknown month', 'A.TXT;1  1/1  5-MRZ-2024 10:00'],
    ['continuation line alone', '                        24/27  12-JAN-2024 13:14:15  [STAFF,SMITH]  (RWED,RWED,RE,)'],
    ['empty name', ';1  1/1  5-MAR-2024 10:00'],
    ['folder with an empty name', '.DIR;1  1/1  5-MAR-2024 10:00'],
    ['no version', 'A.TXT  1/1  5-MAR-2024 10:00'],
    ['empty version', 'A.TXT;  1/1  5-MAR-2024 10:00'],
    ['version 0', 'A.TXT;0  1/1  5-MAR-2024 10:00'],
    ['version beyond 32767', 'A.TXT;40000  1/1  5-MAR-2024 10:00'],
    ['escaped semicolon', 'A^;1  1/1  5-MAR-2024 10:00'],
    ['leading blank', ' A.TXT;1  1/1  5-MAR-2024 10:00'],
    ['columns out of order', 'A.TXT;1  1/1  [SMITH]  5-MAR-2024 10:00'],
    ['a column too many', 'A.TXT;1  1/1  5-MAR-2024 10:00  [SMITH]  (RWED,RWED,RE,)  extra'],
    ['unknown column', 'A.TXT;1  1/1  5-MAR-2024 10:00  owner'],
    ['empty owner', 'A.TXT;1  1/1  5-MAR-2024 10:00  []'],
    ['three-part owner', 'A.TXT;1  1/1  5-MAR-2024 10:00  [A,B,C]'],
    ['protection with three fields', 'A.TXT;1  1/1  5-MAR-2024 10:00  (RWED,RWED,RE)'],
    ['protection with other letters', 'A.TXT;1  1/1  5-MAR-2024 10:00  (RWXD,RWED,RE,)'],
    ['two-digit year', 'A.TXT;1  1/1  5-MAR-24 10:00'],
    ['name alone followed by another name', 'A.TXT;1 B.TXT;1'],
  ])('%s', (_label, line) => {
    expect(readVmsLine(line)).toBeNull();
  });

  it('keeps an entry whose size is beyond exact numbers, without the size', () => {
    expect(readVmsLine(`HUGE.DAT;1  ${'9'.repeat(20)}  5-MAR-2024 10:00`)).toEqual({ name: 'HUGE.DAT', type: 'file', modifiedMs: t(2024, 3, 5, 10, 0) });
  });
});

describe('isVmsNameOnlyLine and wrapped entries', () => {
  it.each([
    ['A_VERY_LONG_FILE_NAME_THAT_DOES_NOT_FIT.TXT;1', true],
    ['A_VERY_LONG_FOLDER_NAME_THAT_DOES_NOT_FIT.DIR;1', true],
    ['LONG.TXT;2   ', true],
    ['SHORT.TXT;1  1/1  5-MAR-2024 10:00', false],
    ['                        24/27  12-JAN-2024 13:14:15  [STAFF,SMITH]  (RWED,RWED,RE,)', false],
    [' LEADING.TXT;1', false],
    ['Directory DISK$USER:[SMITH]', false],
    ['Total of 12 files, 345/678 blocks.', false],
    ['', false],
    ['   ', false],
    ['NOVERSION.TXT', false],
    ['NAME.TXT;', false],
    ['.DIR;1', false],
    ['-rw-r--r-- 1 a b 1 Jan 31 12:00 x;1', false],
    ['type=file;size=3; a;1', false],
  ])('%j -> %j', (line, expected) => {
    expect(isVmsNameOnlyLine(line)).toBe(expected);
  });

  it('reads a wrapped file entry once joined with its continuation', () => {
    const first = 'A_VERY_LONG_FILE_NAME_THAT_DOES_NOT_FIT.TXT;1';
    const second = '                        24/27      12-JAN-2024 13:14:15  [STAFF,SMITH]  (RWED,RWED,RE,)';
    expect(isVmsNameOnlyLine(first)).toBe(true);
    expect(readVmsLine(join(first, second))).toEqual({
      name: 'A_VERY_LONG_FILE_NAME_THAT_DOES_NOT_FIT.TXT',
      type: 'file',
      sizeBytes: 24 * 512,
      modifiedMs: t(2024, 1, 12, 13, 14, 15),
      owner: 'SMITH',
      group: 'STAFF',
      permissions: '(RWED,RWED,RE,)',
    });
  });

  it('reads a wrapped folder entry once joined, with a single-number size and no protection', () => {
    const first = 'PROJECT_DOCUMENTATION_AND_NOTES.DIR;1';
    const second = '\t  1  28-Jun-2022 17:01  [DOCS]';
    expect(readVmsLine(join(first, second))).toEqual({ name: 'PROJECT_DOCUMENTATION_AND_NOTES', type: 'dir', modifiedMs: t(2022, 6, 28, 17, 1), owner: 'DOCS' });
  });

  it('does not read two name-only lines joined as one entry', () => {
    expect(readVmsLine(join('FIRST_LONG_NAME.TXT;1', 'SECOND_LONG_NAME.TXT;1'))).toBeNull();
  });

  it('reads a whole listing with headings, a wrapped entry and totals', () => {
    const listing = [
      'Directory DISK$USER:[SMITH]',
      '',
      'ARCHIVE.DIR;1          1/3         5-MAR-2024 16:40:00  [SMITH]  (RWE,RWE,RE,E)',
      'A_VERY_LONG_FILE_NAME_THAT_DOES_NOT_FIT.TXT;1',
      '                       24/27      12-JAN-2024 13:14:15  [SMITH]  (RWED,RWED,RE,)',
      'LOGIN.COM;7            3/6        14-FEB-2024 09:05:12  [SMITH]  (RWED,RWED,RE,)',
      'LOGIN.COM;6            3/6        13-FEB-2024 17:00:00  [SMITH]  (RWED,RWED,RE,)',
      '',
      'Total of 4 files, 31/42 blocks.',
    ];
    const names: string[] = [];
    for (let i = 0; i < listing.length; i++) {
      let line = listing[i];
      if (isVmsNameOnlyLine(line) && i + 1 < listing.length) line = join(line, listing[++i]);
      const outcome = readVmsLine(line);
      expect(outcome).not.toBeNull();
      if (outcome !== null && outcome !== 'skip') names.push(outcome.name);
    }
    // Each version is an entry of its own; both carry the name commands use for the newest.
    expect(names).toEqual(['ARCHIVE', 'A_VERY_LONG_FILE_NAME_THAT_DOES_NOT_FIT.TXT', 'LOGIN.COM', 'LOGIN.COM']);
  });
});

describe('VMS reader on hostile 64 KiB lines', () => {
  const LINE = 64 * 1024;
  const fill = (unit: string, length = LINE): string => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

  const SHAPES: Record<string, string> = {
    'blanks only': fill(' '),
    'digits only': fill('1'),
    'versioned names repeated': fill('A;1 '),
    'VMS dates repeated': fill('1-JAN-2024 '),
    'one huge name': `${fill('A', LINE - 2)};1`,
    'huge name ending in carets': `${fill('^', LINE - 2)};1`,
    'name, blanks, size': `A;1${fill(' ', LINE - 10)}1/1`,
    'name and a size of digits and slashes': `A;1 ${fill('1/', LINE - 4)}`,
    'name and an endless owner': `A;1 1/1 [${fill('A,', LINE - 10)}`,
    'name and an endless protection': `A;1 1/1 (${fill('RWED,', LINE - 10)}`,
    'heading with blanks': `Directory ${fill(' ', LINE - 12)}[`,
    'totals of digits': `Total of ${fill('1', LINE - 9)}`,
    tabs: fill('\t1;1\t'),
  };

  for (const [shape, line] of Object.entries(SHAPES)) {
    it(`reads "${shape}" in linear time`, () => {
      readVmsLine(line);
      expect(typeof isVmsNameOnlyLine(line)).toBe('boolean');
    });
  }

  it('rejects the hostile shapes that are not entries', () => {
    expect(readVmsLine(fill('A;1 '))).toBeNull();
    expect(readVmsLine(fill('1-JAN-2024 '))).toBeNull();
    expect(readVmsLine(fill('1'))).toBeNull();
    expect(readVmsLine(fill(' '))).toBe('skip');
    expect(isVmsNameOnlyLine(fill('A;1 '))).toBe(false);
    expect(isVmsNameOnlyLine(`${fill('A', LINE - 2)};1`)).toBe(true);
  });
});
