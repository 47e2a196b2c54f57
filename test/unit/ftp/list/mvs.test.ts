/**
 * z/OS (MVS) FTP server listings: the data set list, the member list (ISPF statistics, load
 * modules, bare names) and the JES job list. The lines follow the shapes of IBM's z/OS
 * Communications Server documentation (DIR examples, JESINTERFACELEVEL 1 and 2 samples); the
 * names, volumes and numbers are made up.
 */
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { readJesLine, readMvsDatasetLine, readMvsMemberLine } from '../../../../electron/ftp/list/mvs';
import { fill, LONG_LINE as LINE } from './longLines';

const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s);

/** Lines of the dialects other readers own; none is an MVS line. */
const OTHER_DIALECTS = [
  '-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt',
  '-rw-r--r-- 1 0 0 10 Mar  5 12:00 a.txt',
  'drwxr-xr-x 2 ftp ftp 4096 Jan 1 2024 pub',
  'total 12',
  '01-31-24  02:15PM  <DIR>  name',
  '01-31-24  02:15PM             1234 name.txt',
  'type=file;size=3; a.txt',
  '+i8388621.48594,m825718503,r,s280,\tdjb.html',
];

const DATASET_HEADING = 'Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname';
const MEMBER_HEADING = ' Name     VV.MM   Created       Changed      Size  Init   Mod   Id';
const LOAD_HEADING = ' Name      Size     TTR   Alias-of AC --------- Attributes --------- Amode Rmode';
const JES_HEADING = 'JOBNAME  JOBID    OWNER    STATUS CLASS';

/** One line of each MVS kind (name-only members aside, see below), for the readers of the other kinds. */
const DATASET_LINES = [
  'WYOSPT 3420   2024/03/05  1    2  FB      80  6160  PO  SOURCE.LIB',
  'PRD1 3390   2023/11/20  2   15  VB     255 27998  PS  DATA.SET.NAME',
  'Migrated                                                HSM.DATASET',
  'ARCIVE Not Direct Access Device                          KJ.IOP998.ERROR.PL.UNITTEST',
  'Pseudo Directory TCPIP',
];
const MEMBER_LINES = [
  'MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01',
  'MEM1      01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01',
  'IEFBR14   000008   00000F          00 FO             RN RU            31    ANY',
  'HELLO1    0001A0   00001B          00 FO             RN RU            31    ANY',
];
const JES_LINES = [
  'MYJOB1   JOB12345 USER01   OUTPUT A        RC=0000 3 spool files',
  'MYJOB2   JOB12346 USER01   ACTIVE A',
  'MYJOB3   JOB12347 USER01   INPUT  A        -DUP-',
  'ABC      JOB05444 OUTPUT 3 spool Files',
];

describe('readMvsDatasetLine', () => {
  it.each<[string, FileEntry]>([
    ['WYOSPT 3420   2024/03/05  1    2  FB      80  6160  PO  SOURCE.LIB', { name: 'SOURCE.LIB', type: 'dir', modifiedMs: t(2024, 3, 5) }],
    ['WYOSPT 3390   2023/11/20  2   15  VB     255 27998  PS  DATA.SET.NAME', { name: 'DATA.SET.NAME', type: 'file', modifiedMs: t(2023, 11, 20) }],
    // A PDSE under LISTLEVEL 1.
    ['PRD002 3390   2022/07/01  1    4  FB      80 27920  PO-E COBOL.COPYLIB', { name: 'COBOL.COPYLIB', type: 'dir', modifiedMs: t(2022, 7, 1) }],
    ['USR014 3380D  2024/02/29  3  120  U        0 32760  PO  LOAD.LIB', { name: 'LOAD.LIB', type: 'dir', modifiedMs: t(2024, 2, 29) }],
    ['SYSDA9 3390   2019/12/31  1    1  FBA    133 13300  DA  REPORT.DIRECT', { name: 'REPORT.DIRECT', type: 'file', modifiedMs: t(2019, 12, 31) }],
    // Without the Unit column, as in IBM's z/OS V2R3 DIR example.
    ['CPDLB7 2021/06/14  1    1  VBS   4000  2000  PS  TRACE.OUT', { name: 'TRACE.OUT', type: 'file', modifiedMs: t(2021, 6, 14) }],
    // The older `Date` column, MM/DD/YY.
    ['APCSP2 3380D 09/21/98  1    1  FB      80  3120  PS  OLD.PROFILE', { name: 'OLD.PROFILE', type: 'file', modifiedMs: t(1998, 9, 21) }],
    ['APCSP2 3380D 01/02/03  1    1  FB      80  3120  PO  OLD.MACLIB', { name: 'OLD.MACLIB', type: 'dir', modifiedMs: t(2003, 1, 2) }],
    // Never referred to since it was created.
    ['SCR001 3390   **NONE**    1    1  FB      80  3120  PS  NEVER.OPENED', { name: 'NEVER.OPENED', type: 'file' }],
    // VSAM components: attributes the server cannot tell show as `?`, or not at all.
    ['VSM001 3390   2024/01/08  1   45  ?        ?     ?  VS  ORDERS.KSDS.DATA', { name: 'ORDERS.KSDS.DATA', type: 'file', modifiedMs: t(2024, 1, 8) }],
    ['VSM001 3390   **NONE**                                VS  ORDERS.KSDS.INDEX', { name: 'ORDERS.KSDS.INDEX', type: 'file' }],
    ['Migrated                                                HSM.DATASET', { name: 'HSM.DATASET', type: 'file' }],
    ['ARCIVE Not Direct Access Device                          KJ.IOP998.ERROR.PL.UNITTEST', { name: 'KJ.IOP998.ERROR.PL.UNITTEST', type: 'file' }],
    // A data set on a tape volume: no VTOC to read attributes from.
    ['T40211 Not Direct Access Device                          BACKUP.WEEKLY.G0042V00', { name: 'BACKUP.WEEKLY.G0042V00', type: 'file' }],
    ['T40212 3590   Not Direct Access Device                   BACKUP.MONTHLY.G0007V00', { name: 'BACKUP.MONTHLY.G0007V00', type: 'file' }],
    ['BAD001 3390   Error determining attributes               BROKEN.CATALOG.ENTRY', { name: 'BROKEN.CATALOG.ENTRY', type: 'file' }],
    ['Error determining attributes                             NO.VOLUME.KNOWN', { name: 'NO.VOLUME.KNOWN', type: 'file' }],
    ['OFF001 3390   Not Mounted                                OFFLINE.DATA', { name: 'OFFLINE.DATA', type: 'file' }],
    // A qualifier level under SITE DIRECTORYMODE.
    ['Pseudo Directory TCPIP', { name: 'TCPIP', type: 'dir' }],
  ])('%s', (line, expected) => {
    expect(readMvsDatasetLine(line)).toEqual(expected);
  });

  it('never reports a byte size: Used counts tracks', () => {
    const entry = readMvsDatasetLine('WYOSPT 3390   2023/11/20  2 9999  VB     255 27998  PS  BIG.DATA');
    expect(entry).not.toBeNull();
    expect((entry as FileEntry).sizeBytes).toBeUndefined();
  });

  it('reads the Referred date in the server zone', () => {
    const entry = readMvsDatasetLine('WYOSPT 3390   2024/03/05  1    2  FB      80  6160  PS  A.B', { timezoneOffsetMinutes: 60 });
    expect((entry as FileEntry).modifiedMs).toBe(t(2024, 3, 5) - 60 * 60_000);
  });

  it.each([DATASET_HEADING, 'Volume Unit Date Ext Used Recfm Lrecl BlkSz Dsorg Dsname', 'Volume Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname'])(
    'skips the heading %j',
    (line) => {
      expect(readMvsDatasetLine(line)).toBe('skip');
    },
  );

  it.each([
    // Impossible dates make the whole line untrustworthy.
    'WYOSPT 3390   2023/02/29  1    2  FB      80  6160  PS  NOT.LEAP',
    'WYOSPT 3390   2024/13/01  1    2  FB      80  6160  PS  BAD.MONTH',
    'APCSP2 3380D 02/30/99  1    1  FB      80  3120  PS  BAD.SHORT',
    // Too many attribute columns, a lowercase volume serial, no Dsorg, no name.
    'WYOSPT 3390   2024/03/05  1    2  FB      80  6160  9  PS  EXTRA.COLUMN',
    'wyospt 3390   2024/03/05  1    2  FB      80  6160  PS  LOWER.VOLSER',
    'WYOSPT 3390   2024/03/05  NAME.ONLY',
    'Migrated',
    'Pseudo Directory',
    'Pseudo Directory TWO WORDS',
    'ARCIVE Not Direct Access Device',
    ' ',
    '',
    ...OTHER_DIALECTS,
    ...MEMBER_LINES,
    MEMBER_HEADING,
    LOAD_HEADING,
    ...JES_LINES,
    JES_HEADING,
  ])('%j is not a data set line', (line) => {
    expect(readMvsDatasetLine(line)).toBeNull();
  });
});

describe('readMvsMemberLine', () => {
  it.each<[string, FileEntry]>([
    ['MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01', { name: 'MEMBER1', type: 'file', modifiedMs: t(2024, 3, 5, 14, 22) }],
    ['PAYCALC   02.11 2019/06/03 2023/12/31 23:59  1204   980    37 DEVJOE', { name: 'PAYCALC', type: 'file', modifiedMs: t(2023, 12, 31, 23, 59) }],
    ['$INDEX    01.00 2024/02/29 2024/02/29 00:00     0     0     0 IBMUSER', { name: '$INDEX', type: 'file', modifiedMs: t(2024, 2, 29, 0, 0) }],
    ['#JCL01    01.05 2020/05/05 2021/07/08 09:15:42    18    12     3 OPS01', { name: '#JCL01', type: 'file', modifiedMs: t(2021, 7, 8, 9, 15, 42) }],
    // Statistics written without a user id.
    ['NOSTATID  01.00 2022/10/10 2022/10/11 08:00     5     5     0', { name: 'NOSTATID', type: 'file', modifiedMs: t(2022, 10, 11, 8, 0) }],
    ['A         99.99 1999/12/31 2000/01/01 12:00 65535 65535 65535 X', { name: 'A', type: 'file', modifiedMs: t(2000, 1, 1, 12, 0) }],
    // Load modules: the hex Size is the loaded length, not the download's bytes.
    ['IEFBR14   000008   00000F          00 FO             RN RU            31    ANY', { name: 'IEFBR14', type: 'file' }],
    ['HELLOA    0001A0   00001C HELLO1   00 FO             RN RU            31    ANY', { name: 'HELLOA', type: 'file' }],
    ['OLDMOD    000F10   000005          00                                24    24', { name: 'OLDMOD', type: 'file' }],
    ['NOEXEC    000200   000011          00 NX', { name: 'NOEXEC', type: 'file' }],
    // Members without statistics: the name alone, often padded with blanks.
    ['NOSTATS1', { name: 'NOSTATS1', type: 'file' }],
    ['NOSTATS2                                                         ', { name: 'NOSTATS2', type: 'file' }],
  ])('%s', (line, expected) => {
    expect(readMvsMemberLine(line)).toEqual(expected);
  });

  it('reads Changed in the server zone', () => {
    const entry = readMvsMemberLine('MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01', { timezoneOffsetMinutes: -300 });
    expect((entry as FileEntry).modifiedMs).toBe(t(2024, 3, 5, 19, 22));
  });

  it.each([MEMBER_HEADING, LOAD_HEADING, ' Name      Size     TTR   Alias-of AC--------- Attributes--------- Amode Rmode'])('skips the heading %j', (line) => {
    expect(readMvsMemberLine(line)).toBe('skip');
  });

  it.each([
    // Impossible Changed or Created dates and times.
    'MEMBER1   01.03 2023/01/15 2023/02/29 14:22    52    40     0 USER01',
    'MEMBER1   01.03 2023/02/30 2024/03/05 14:22    52    40     0 USER01',
    'MEMBER1   01.03 2023/01/15 2024/03/05 24:00    52    40     0 USER01',
    'MEMBER1   01.03 2023/01/15 2024/03/05 14:60    52    40     0 USER01',
    // Malformed columns.
    'MEMBER1   1.3   2023/01/15 2024/03/05 14:22    52    40     0 USER01',
    'MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40',
    'MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01 EXTRA',
    'IEFBR14   00000G   00000F          00 FO RN RU 31 ANY',
    'IEFBR14   000008   0F              00 FO RN RU 31 ANY',
    'IEFBR14   000008   00000F          00 FO RN RU 31 ANY 64',
    // One word without member-name syntax.
    'readme',
    '1STCHAR',
    'TOOLONGNAME',
    ' ',
    '',
    ...OTHER_DIALECTS,
    ...DATASET_LINES,
    DATASET_HEADING,
    ...JES_LINES,
    JES_HEADING,
  ])('%j is not a member line', (line) => {
    expect(readMvsMemberLine(line)).toBeNull();
  });
});

describe('readJesLine', () => {
  it.each<[string, FileEntry]>([
    ['MYJOB1   JOB12345 USER01   OUTPUT A        RC=0000 3 spool files', { name: 'JOB12345', displayName: 'MYJOB1.JOB12345', type: 'file', owner: 'USER01' }],
    ['MYJOB2   JOB12346 USER01   ACTIVE A', { name: 'JOB12346', displayName: 'MYJOB2.JOB12346', type: 'file', owner: 'USER01' }],
    ['MYJOB3   JOB12347 USER01   INPUT  A        -DUP-', { name: 'JOB12347', displayName: 'MYJOB3.JOB12347', type: 'file', owner: 'USER01' }],
    ['NIGHTLY  JOB00412 BATCH01  OUTPUT B        ABEND=622 4 spool files', { name: 'JOB00412', displayName: 'NIGHTLY.JOB00412', type: 'file', owner: 'BATCH01' }],
    ['BADJCL   JOB00413 BATCH01  OUTPUT A        (JCL error) 2 spool files', { name: 'JOB00413', displayName: 'BADJCL.JOB00413', type: 'file', owner: 'BATCH01' }],
    ['DEVJOE   TSU00077 DEVJOE   ACTIVE TSU', { name: 'TSU00077', displayName: 'DEVJOE.TSU00077', type: 'file', owner: 'DEVJOE' }],
    ['SYSLOGR  STC00003 START1   ACTIVE STC', { name: 'STC00003', displayName: 'SYSLOGR.STC00003', type: 'file', owner: 'START1' }],
    ['devjoeq  J0104567 OPS01    INPUT  A        -HELD-', { name: 'J0104567', displayName: 'devjoeq.J0104567', type: 'file', owner: 'OPS01' }],
    // JESINTERFACELEVEL 1: no owner, no class.
    ['DEVJOEA  JOB05501 OUTPUT 3 spool Files', { name: 'JOB05501', displayName: 'DEVJOEA.JOB05501', type: 'file' }],
    ['DEVJOEB  JOB05502 ACTIVE', { name: 'JOB05502', displayName: 'DEVJOEB.JOB05502', type: 'file' }],
    ['DEVJOEC  JOB05503 INPUT', { name: 'JOB05503', displayName: 'DEVJOEC.JOB05503', type: 'file' }],
  ])('%s', (line, expected) => {
    expect(readJesLine(line)).toEqual(expected);
  });

  it('skips the heading', () => {
    expect(readJesLine(JES_HEADING)).toBe('skip');
  });

  it.each([
    'MYJOB1   JOB1234  USER01   OUTPUT A',
    'MYJOB1   JOBS1234 USER01   OUTPUT A',
    'MYJOB1   ABC12345 USER01   OUTPUT A',
    'MYJOB1   JOB12345 USER01   WAITING A',
    'MYJOB1   JOB12345',
    'TOOLONGJOB JOB12345 USER01 OUTPUT A',
    // The per-job detail of `DIR jobid`: a spool file's name needs the job id of another line.
    '--------',
    '         ID  STEPNAME PROCSTEP C DDNAME   BYTE-COUNT',
    '         001 JES2              A JESMSGLG      1180',
    ' ',
    '',
    ...OTHER_DIALECTS,
    ...DATASET_LINES,
    DATASET_HEADING,
    ...MEMBER_LINES,
    MEMBER_HEADING,
    LOAD_HEADING,
  ])('%j is not a job line', (line) => {
    expect(readJesLine(line)).toBeNull();
  });
});

describe('telling the MVS kinds apart', () => {
  // Every line above is claimed by exactly one reader, except a member line of one word: it has no
  // columns to tell it by, so only a listing known to be a member list (the site's server type)
  // makes it one. The other readers still refuse it.
  it('leaves a name-only member line to the member reader', () => {
    expect(readMvsDatasetLine('NOSTATS1')).toBeNull();
    expect(readJesLine('NOSTATS1')).toBeNull();
    expect(readMvsMemberLine('NOSTATS1')).toEqual({ name: 'NOSTATS1', type: 'file' });
  });
});

describe('MVS readers on hostile 64 KiB lines', () => {
  const SHAPES: Record<string, string> = {
    'blanks only': fill(' '),
    'digits only': fill('1'),
    'dates repeated': fill('2024/03/05 '),
    'one-letter tokens repeated': fill('A '),
    'tabs and digits': fill('\t1'),
    'a data set line padded with blanks': `WYOSPT 3390   2024/03/05${fill(' ', LINE - 40)}PS X`,
    'a data set line with a long name': `WYOSPT 3390   2024/03/05  1 2 FB 80 6160 PS ${fill('A.', LINE - 50)}`,
    'Migrated then blanks': `Migrated${fill(' ', LINE - 10)}X`,
    'member statistics then digits': `MEMBER1   01.03 2023/01/15 2024/03/05 14:22 ${fill('1 ', LINE - 60)}`,
    'load-module attributes repeated': `IEFBR14   000008   00000F          00 ${fill('RN ', LINE - 50)}`,
    'a job line with a long tail': `MYJOB1   JOB12345 USER01   OUTPUT A ${fill('RC=0000 ', LINE - 50)}`,
  };
  const READERS = { readMvsDatasetLine, readMvsMemberLine, readJesLine };

  for (const [shape, line] of Object.entries(SHAPES)) {
    for (const [readerName, read] of Object.entries(READERS)) {
      it(`${readerName} reads "${shape}" in linear time`, () => {
        const outcome = read(line);
        if (outcome !== null && outcome !== 'skip') expect(outcome.name).not.toBe('');
      });
    }
  }

  it('still reads the legitimate long lines', () => {
    expect(readMvsDatasetLine(SHAPES['a data set line padded with blanks'])).toEqual({ name: 'X', type: 'file', modifiedMs: t(2024, 3, 5) });
    expect(readMvsDatasetLine(SHAPES['Migrated then blanks'])).toEqual({ name: 'X', type: 'file' });
  });
});
