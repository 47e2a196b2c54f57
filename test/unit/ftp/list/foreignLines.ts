/**
 * One line of each listing dialect the readers of the rarer systems must leave alone: every such
 * reader is tested against all of them but its own, so a line added here is checked by each. Test-only.
 */

/** The dialects the lines below belong to. */
export type Dialect = 'unix' | 'dos' | 'mlsd' | 'eplf' | 'vms' | 'mvs' | 'os2' | 'os400' | 'netware' | 'connect-enterprise' | 'zvm' | 'tandem' | 'vxworks' | 'os9';

const LINES: ReadonlyArray<readonly [Dialect, string, string]> = [
  ['connect-enterprise', 'Connect:Enterprise mailbox', '-ARTE-----TCP A MAILBOX1  1234   5120 Mar 05 12:00 BATCH01'],
  ['connect-enterprise', 'Connect:Enterprise batch', '-AR-------TCP A ACMEBOX      20417     8192 Mar 05 12:00 INVOICES'],
  ['connect-enterprise', 'Connect:Enterprise footer', 'Total Number of batches listed: 2'],
  ['dos', 'DOS folder', '01-31-24  02:15PM       <DIR>          name'],
  ['dos', 'DOS file', '01-31-24  02:15PM                 1234 a.txt'],
  ['dos', 'DOS folder, single spaces', '01-31-24  02:15PM  <DIR>  name'],
  ['dos', 'DOS file, single spaces', '01-31-24  02:15PM  1234 a.txt'],
  ['dos', 'Windows CE folder', '03-05-24  14:22       <DIR>          Windows'],
  ['dos', 'Windows CE file', '01-15-23  09:05                 4096 autorun.inf'],
  ['dos', 'DOS four-digit year', '03-05-2024  12:00                 1234 a.txt'],
  ['eplf', 'EPLF', '+i8388621.48594,m825718503,r,s280,\tdjb.html'],
  ['mlsd', 'MLSD', 'type=file;size=3; a.txt'],
  ['mvs', 'MVS data set', 'VOL001 3390   2024/03/05  1   15  FB      80 27920  PS  PROJ.DATA'],
  ['mvs', 'MVS data set, second volume', 'WORK01 3390   2024/03/05  1   15  FB      80  3120  PS  PAY.DATA'],
  ['netware', 'NetWare folder', 'd [RWCEAFMS] Admin                512 Mar 05 12:00 PUBLIC'],
  ['netware', 'NetWare file', '- [RWCEAFMS] jdoe              2048 Jan 15  2023 notes.txt'],
  ['os2', 'OS/2 folder', '     0           DIR   05-12-97   16:44  PSFONTS'],
  ['os2', 'OS/2 file', '  36611      A          04-23-103   10:57  OS2 test1.file'],
  ['os2', 'OS/2 folder, wide', '           0           DIR   03-05-24   12:00  PROJECTS'],
  ['os400', 'IBM i folder', 'QSYS           77824 02/23/00 15:09:55 *DIR       QOpenSys/'],
  ['os400', 'IBM i member', 'QSYS                                    *MEM       MYLIB.FILE/MBR.MBR'],
  ['os400', 'IBM i, anonymous', '                4096 03/05/24 08:30:00 *STMF      notes.txt'],
  ['os400', 'IBM i object', 'QSYSOPR       8192 03/05/24 12:00:01 *FILE      PAYFILE'],
  ['os9', 'OS-9 folder', '  0.0     24/03/05 1200  d-ewrewr      2A0       128 CMDS'],
  ['os9', 'OS-9 heading', ' Owner    Last modified  Attributes Sector Bytecount Name'],
  ['os9', 'OS-9 folder, narrow', '0.0  24/03/05 1200  d-ewrewr  1a4  512  CMDS'],
  ['os9', 'OS-9 rule', '-------   -------------  ---------- ------ --------- ----'],
  ['tandem', 'Tandem file', 'ALTERN          0             1024  5-Mar-24 12:00:01 255,255 "oooo"'],
  ['tandem', 'Tandem heading', 'File         Code             EOF  Last Modification    Owner  RWEP'],
  ['tandem', 'Tandem file, HP NonStop', 'REPORT   101    2048  5-Mar-24 12:00:00 100,255 "NUNU"'],
  ['tandem', 'Tandem padded owner', 'PAYROLL      1000           204800 29-Feb-24 23:59:59 155, 76 "gggo"'],
  ['unix', 'Unix file', '-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt'],
  ['unix', 'Unix folder', 'drwxr-xr-x 2 ftp ftp 4096 Jan  1  2024 dir'],
  ['unix', 'Unix setuid and sticky', '-rwSr-sr-T 1 ftp ftp 10 Mar  5 12:00 a.txt'],
  ['unix', 'Unix total', 'total 12'],
  ['vms', 'VMS file, OpenVMS', 'LOGIN.COM;2            3/4       5-MAR-2024 12:00:01  [STAFF,JDOE]  (RWED,RWED,RE,)'],
  ['vms', 'VMS file', 'PAY.DAT;3            12/18    5-MAR-2024 12:00:01  [GROUP,OWNER]    (RWED,RWED,RE,)'],
  ['vxworks', 'VxWorks file', '        1024    MAR-05-2024  12:00:00   CONFIG.TXT'],
  ['vxworks', 'VxWorks folder', '         512    JAN-01-1980  00:00:00   TMP             <DIR>'],
  ['vxworks', 'VxWorks heading', '  size          date       time       name'],
  ['vxworks', 'VxWorks folder, wide', '      4096    MAR-05-2024  12:00:00   DATA      <DIR>'],
  ['vxworks', 'VxWorks rule', '--------       ------     ------    --------'],
  ['zvm', 'z/VM file', 'PROFILE  EXEC     V         71         12          1 2024-03-05 12:00:01 MAINT191'],
  ['zvm', 'z/VM FILELIST file', 'NOTES    SCRIPT   A1 V        132        406          9  3/05/24  12:00:01'],
  ['zvm', 'z/VM directory', 'PROJECTS          DIR        -          -          - 2024-01-02 08:00:00 PAYROLL'],
  ['zvm', 'z/VM heading', 'Filename FileType  Fm Format Lrecl  Records Blocks Date      Time'],
  ['zvm', 'z/VM file, fixed format', 'NOTES    SCRIPT   F         80         40          1 2023-11-20 08:15:30 USR191'],
];

/** The lines of every dialect but `own`, by label (for `it.each(Object.entries(...))`). */
export function foreignTo(own: Dialect): Record<string, string> {
  return Object.fromEntries(LINES.filter(([dialect]) => dialect !== own).map(([, label, line]) => [label, line]));
}
