/**
 * Whole listings of every dialect through the registry with no hint: the format is detected from
 * the lines themselves (headings included), every entry is read, nothing is left unparsed; a VMS
 * name printed on a line of its own is joined with its columns; a stray word is not taken for an
 * MVS member or a VMS file outside such listings; SYST suggests the first format to try.
 */
import { describe, expect, it } from 'vitest';
import { formatForSystem, parseListing, type ListFormat } from '../../../../electron/ftp/list';

const NOW = Date.UTC(2024, 5, 1);

const LISTINGS: Array<{ format: ListFormat; lines: string[]; names: string[] }> = [
  {
    format: 'vms',
    lines: [
      'Directory DISK$USER:[SMITH]',
      '',
      'LOGIN.COM;7            3/6        14-FEB-2024 09:05:12  [STAFF,SMITH]  (RWED,RWED,RE,)',
      'ARCHIVE.DIR;1          1/3         5-MAR-2024 16:40:00.55  [SMITH]  (RWE,RWE,RE,E)',
      'A_VERY_LONG_FILE_NAME_THAT_DID_NOT_FIT_ITS_COLUMN.TXT;1',
      '                       18         15-MAR-2024 08:00  [300,1]  (RWED,RWED,,)',
      'REPORT.TXT;12          18         15-Mar-2024 08:00  [300,1]  (RWED,RWED,,)',
      '',
      'Total of 4 files, 40/47 blocks.',
    ],
    names: ['LOGIN.COM', 'ARCHIVE', 'A_VERY_LONG_FILE_NAME_THAT_DID_NOT_FIT_ITS_COLUMN.TXT', 'REPORT.TXT'],
  },
  {
    format: 'mvs-dataset',
    lines: [
      'Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname',
      'WYOSPT 3420   2024/03/05  1    2  FB      80  6160  PO  SOURCE.LIB',
      'PRD002 3390   2022/07/01  1    4  FB      80 27920  PO-E COBOL.COPYLIB',
      'APCSP2 3380D 09/21/98  1    1  FB      80  3120  PS  OLD.PROFILE',
      'Migrated                                                HSM.DATASET',
    ],
    names: ['SOURCE.LIB', 'COBOL.COPYLIB', 'OLD.PROFILE', 'HSM.DATASET'],
  },
  {
    format: 'mvs-member',
    lines: [
      ' Name     VV.MM   Created       Changed      Size  Init   Mod   Id',
      'MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01',
      'PAYCALC   02.11 2019/06/03 2023/12/31 23:59  1204   980    37 DEVJOE',
      'NOSTATS',
    ],
    names: ['MEMBER1', 'PAYCALC', 'NOSTATS'],
  },
  {
    format: 'jes',
    lines: ['JOBNAME  JOBID    OWNER    STATUS CLASS', 'MYJOB1   JOB12345 USER01   OUTPUT A        RC=0000 3 spool files', 'MYJOB2   JOB12346 USER01   ACTIVE A'],
    names: ['JOB12345', 'JOB12346'],
  },
  {
    format: 'os2',
    lines: ['     0           DIR   05-12-97   16:44  FONTS', ' 36611      A          04-23-103   10:57  OS2 report.txt', '  1180    RHS          11-02-99   08:05  SWAPPER.DAT'],
    names: ['FONTS', 'OS2 report.txt', 'SWAPPER.DAT'],
  },
  {
    format: 'os400',
    lines: [
      'QSYS           77824 02/23/00 15:09:55 *DIR       QOpenSys/',
      'QDOC          24576 09/20/99 13:36:43 *FLR       QDLS/',
      'QSYS                                    *MEM       MYLIB.FILE/MBR.MBR',
      'USER01        2048 2024-03-05 12:00:00 *STMF      data.txt',
    ],
    names: ['QOpenSys', 'QDLS', 'MYLIB.FILE/MBR.MBR', 'data.txt'],
  },
  {
    format: 'netware',
    lines: ['d [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC', '- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt', '- [R----F--] mlee             731004       Dec 24 22:10    setup.exe'],
    names: ['PUBLIC', 'notes.txt', 'setup.exe'],
  },
  {
    format: 'connect-enterprise',
    lines: ['-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:00 INVOICES', '-ARTE-----FTP B ACMEBOX      20418   155230 Feb 29 23:59 PAYROLL.ZIP', '-C--E-----FTS A RETAIL01         7        0 Dec 31 08:30 EMPTYBATCH'],
    names: ['INVOICES', 'PAYROLL.ZIP', 'EMPTYBATCH'],
  },
  {
    format: 'zvm',
    lines: ['PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:01 MAINT191', 'SYSTEM   NETLOG   F         80        250          5 2023-11-20 09:15:42 -', 'PROJECTS          DIR        -          -          - 2024-01-02 08:00:00 PAYROLL'],
    names: ['PROFILE.EXEC', 'SYSTEM.NETLOG', 'PROJECTS'],
  },
  {
    format: 'tandem',
    lines: ['File         Code             EOF  Last Modification    Owner  RWEP', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "oooo"', 'BACCHUS       101            13578 25-Jan-23 09:15:42 100,1   "nunu"'],
    names: ['ALTERN', 'BACCHUS'],
  },
  {
    format: 'vxworks',
    lines: ['        1024    MAR-05-2024  12:00:00   CONFIG.TXT', '         512    JAN-01-1980  00:00:00   TMP             <DIR>', '     1458176    FEB-29-2024  23:59:59   VXWORKS.ST'],
    names: ['CONFIG.TXT', 'TMP', 'VXWORKS.ST'],
  },
  {
    format: 'os9',
    lines: ['  0.0     24/03/05 1200  d-ewrewr      2A0       128 CMDS', ' 12.4     23/11/20 0915  ----r-wr     1B40      5120 startup', '  0.0     24/03/14 1845  ------wr       58       322 .login'],
    names: ['CMDS', 'startup', '.login'],
  },
];

describe('detecting the dialect of a whole listing', () => {
  it.each(LISTINGS)('$format', ({ format, lines, names }) => {
    const result = parseListing(`${lines.join('\r\n')}\r\n`, { nowMs: NOW });
    expect(result.unparsed).toEqual([]);
    expect(result.format).toBe(format);
    expect(result.entries.map((e) => e.name)).toEqual(names);
  });

  it('reads every dialect in a mixed set of listings, each on its own, without a hint', () => {
    const formats = LISTINGS.map(({ lines }) => parseListing(lines.join('\n'), { nowMs: NOW }).format);
    expect(formats).toEqual(LISTINGS.map((l) => l.format));
  });

  it('joins a VMS name printed alone with the columns on the next line, and keeps a lone name as an entry', () => {
    const joined = parseListing('LONG_NAME.TXT;3\r\n     12  5-MAR-2024 12:00\r\nSHORT.TXT;1  1  5-MAR-2024 12:00\r\n', { nowMs: NOW });
    expect(joined.entries).toEqual([
      expect.objectContaining({ name: 'LONG_NAME.TXT', sizeBytes: 12 * 512, modifiedMs: Date.UTC(2024, 2, 5, 12, 0) }),
      expect.objectContaining({ name: 'SHORT.TXT', sizeBytes: 512 }),
    ]);
    const alone = parseListing('SHORT.TXT;1  1  5-MAR-2024 12:00\r\nNAME_ONLY.TXT;2\r\n', { nowMs: NOW });
    expect(alone.entries.map((e) => e.name)).toEqual(['SHORT.TXT', 'NAME_ONLY.TXT']);
  });

  it('does not take a stray word for an MVS member or a VMS file in a listing of another kind', () => {
    const unix = parseListing('-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt\r\nHELLO\r\nSTRAY;1\r\n', { nowMs: NOW });
    expect(unix.entries.map((e) => e.name)).toEqual(['a.txt']);
    expect(unix.unparsed).toEqual(['HELLO', 'STRAY;1']);
  });
});

describe('formatForSystem', () => {
  it.each([
    ['MVS is the operating system of this server. FTP Server is running on z/OS.', 'mvs-dataset'],
    ['VMS MultiNet V5.5(50)', 'vms'],
    ['OS/400 is the remote operating system. The TCP/IP version is "V7R4M0".', 'os400'],
    ['OS/2', 'os2'],
    ['NETWARE  Type: L8', 'netware'],
    ['z/VM is the operating system of this server.', 'zvm'],
    ['NONSTOP Type: L8', 'tandem'],
    ['UNIX Type: L8', 'unix'],
    ['Windows_NT', undefined],
    [undefined, undefined],
  ])('%s -> %s', (system, format) => {
    expect(formatForSystem(system)).toBe(format);
  });
});
