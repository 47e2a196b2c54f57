/**
 * The help texts of the command line: the overview (`ferry --help`) and each command's usage
 * (`ferry help get`, `ferry get --help`). Plain strings, no I/O.
 * Must not import electron.
 */
import { OPERANDS } from './args';
import type { CommandName } from './commandNames';
import { PASSWORD_ENV } from './connect';
import { CLI_EXISTS_POLICIES } from './queueOptions';
import { PASSPHRASE_ENV } from './sshLogin';

/** What each command does, in one line. */
const SUMMARY: Record<CommandName, string> = {
  ls: 'list a remote folder',
  get: 'download a file (-r: a folder)',
  put: 'upload a file (-r: a folder)',
  rm: 'delete a remote file',
  mkdir: 'create a remote folder',
  rmdir: 'remove an empty remote folder',
  mv: 'rename or move a remote file or folder',
  hash: "print the server's checksum of a file",
  mirror: 'the same as sync --direction down (-R: up), like lftp\'s mirror',
  compare: 'compare a local folder with a remote one, like diff -r',
  sync: 'make a local and a remote folder agree (--direction up, down or both)',
};

/** Details shown in a command's own usage. */
const DETAILS: Record<CommandName, string> = {
  ls: 'Prints an `ls -l`-like table (type and permissions, owner, group, size, time, name),\nfolders first; --json prints a JSON array with one entry per line.',
  get: [
    'LOCAL is a file name, an existing folder to download into, or - for stdout; without it the',
    'file lands in the current folder under its remote name. The download is written to',
    'LOCAL.part and renamed when complete; after a failure the .part file stays, and --resume',
    'continues it (REST) instead of starting again. With -r, URL is a folder and LOCAL the folder',
    'to download it into (default: the remote folder\'s name), through the transfer queue.',
  ].join('\n'),
  put: [
    'A URL ending in / (or with no path) names a folder: the file keeps its local name there.',
    'LOCAL - reads stdin. --resume asks the server for the size already there (SIZE) and appends',
    'the rest (APPE, else REST + STOR). With -r, LOCAL is a folder uploaded into URL.',
  ].join('\n'),
  rm: 'Deletes one file (DELE; SFTP: REMOVE).',
  mkdir: 'Creates one folder (MKD; SFTP: MKDIR); its parent must exist.',
  rmdir: 'Removes one empty folder (RMD; SFTP: RMDIR).',
  mv: 'NEWNAME is a name in the same folder, a path relative to it, an absolute path, or a URL on\nthe same server (RNFR/RNTO; SFTP: RENAME, replacing an existing name where the server can).',
  hash: 'The server computes the checksum (HASH with SHA-256 preferred, else XSHA256, XSHA512, XSHA1,\nXSHA, XMD5 or XCRC) and ferry prints `ALGORITHM (path) = hex`. Fails when the server offers none\n(OpenSSH\'s SFTP server offers none).',
  mirror: [
    '`ferry mirror URL LOCALDIR` is `ferry sync LOCALDIR URL --direction down`: it downloads what is',
    'new or changed on the server into LOCALDIR; `ferry mirror -R LOCALDIR URL` (--reverse) is',
    '--direction up. The operands may come in either order. Everything else is sync\'s: its options,',
    'its output, its conflicts (a copy newer than its source is left alone, exit status 1), and',
    '--delete to remove what the source side does not have.',
  ].join('\n'),
  compare: [
    'Lists both folders (the remote one over --parallel connections, default 4) and prints each',
    'path that differs: only here, only on server, newer here, newer on server, size differs,',
    'content differs, type differs, with the reason; then a summary. Times within a second agree',
    '(a minute for LIST times, a day for dates without a time). The operands may come in either',
    'order. Exit status 0 when the folders agree, 1 when they differ or the compare failed.',
  ].join('\n'),
  sync: [
    'Compares the folders as compare does, then makes them agree: --direction up copies what is new',
    'or changed here to the server, down the other way, both each way by what changed since the last',
    'sync of this pair (kept in the data folder). A copy newer than its source, a file changed on both',
    'sides, or a file/folder clash is a conflict: printed, never resolved, exit status 1. --delete',
    'also removes what the source side does not have; --dry-run (-n) prints the plan and changes',
    'nothing. Files go through the transfer queue (--parallel, --retries), one line per file. The',
    'files it uploads tell the server\'s clock offset, kept for the server when none is yet.',
  ].join('\n'),
};

const COMPARE_OPTIONS = [
  '  --by size,time|size|time|checksum  what to compare (default size,time); checksum hashes files of',
  "                                equal size on both sides with the server's algorithm (HASH, XSHA...)",
  '  --exclude GLOB                leave out names (*.tmp) or paths from the folder (build/, docs/**);',
  '                                repeatable; a trailing / matches folders only',
  '  --no-recursion                compare only the folder itself, not its subfolders',
  "  --clock-offset SECONDS        the server's clock minus this machine's (e.g. 3600 for a server",
  '                                that lists its times an hour ahead); default: the offset kept for',
  "                                the server (its site's, or one detected from files ferry put",
  '                                there), 0 if none',
  '  -P, --parallel N              listing connections at once (default 4)',
];

const COMMON_OPTIONS = [
  '  --mode auto|passive|active    data connections: auto tries EPSV, PASV, then EPRT, PORT (default)',
  '  --data EPSV|PASV|EPRT|PORT    use only this data connection method',
  '  --tls none|explicit|implicit  TLS (default none; an ftps:// URL means implicit, port 990)',
  '  --fingerprint SHA256          trust the server certificate with this SHA-256 fingerprint (hex), or',
  '                                for sftp:// the host key with this one (SHA256:… as ssh-keygen -l prints)',
  '  -i, --identity FILE           sftp://: log in with this private key (OpenSSH or PEM format)',
  '  -k, --insecure                accept any server certificate (unsafe)',
  '  --timeout SECONDS             connect, reply and data timeout (default 20)',
  '  --charset auto|utf8|latin1    how the server\'s names are encoded (default auto: UTF-8 unless they are not)',
  '  --server-type TYPE            the system whose listings to read: auto (default: detected), unix, dos, vms, mvs,',
  '                                os2, os400, netware, connect-enterprise, zvm, tandem, vxworks, os9',
  '  -v, --verbose                 print every command and reply (SFTP: request and status) to stderr',
  '  --json                        machine-readable output on stdout',
];

const TRANSFER_OPTIONS = [
  '  --type auto|ascii|binary      transfer type: ascii (TYPE A) converts line endings, binary (TYPE I) copies',
  '                                bytes, auto picks ascii for text extensions (txt, html, php, ...); default:',
  '                                the Settings dialog\'s choice (same data folder, FERRY_DATA_DIR), else binary',
  '  -a, --ascii                   the same as --type ascii',
  '  -c, --resume                  continue a partial download or upload (binary only)',
  '  -r, --recursive               transfer a whole folder through the transfer queue',
];

const TYPE_OPTIONS = TRANSFER_OPTIONS.slice(0, 4);

const FOLDER_OPTIONS = [
  '  -P, --parallel N              files at once with -r (default 1)',
  '  --retries N                   retries of a transient failure per file (default 3)',
  `  --on-exists POLICY            with -r: ${CLI_EXISTS_POLICIES.join('|')}`,
  '                                (default overwrite)',
];

const DIRECTION_OPTION = '  --direction up|down|both      which way to copy (required)';
const REVERSE_OPTION = '  -R, --reverse                 mirror: upload LOCALDIR into the remote folder (--direction up)';

const SYNC_OPTIONS = [
  '  --delete                      also remove what the source side does not have (off by default)',
  '  -n, --dry-run                 print the plan and change nothing',
];

/** What a sync copies with: files at once and retries through the queue, and the transfer type. */
const SYNC_TRANSFER_OPTIONS = [
  '  -P, --parallel N              listing connections and files at once (default 4 and 1)',
  FOLDER_OPTIONS[1],
  ...TYPE_OPTIONS,
];

const URL_HELP = [
  'URL: ftp://[user[:password]@]host[:port]/path, ftps://... for implicit TLS, or sftp://... (SSH, port 22).',
  '  No user means anonymous (sftp://: your local user name). Percent-encode @ : / % in user, password',
  '  or path (%40 %3A %2F %25). The path is sent as written (/pub/a.txt); /~/a.txt is relative to the',
  '  login folder.',
  `  ${PASSWORD_ENV}: the password when the URL has a user but no password; it keeps the password`,
  `  out of the process list and shell history: ${PASSWORD_ENV}=secret ferry ls ftp://me@host/`,
  `  sftp://: the keys of the SSH agent (SSH_AUTH_SOCK) are tried first; ${PASSPHRASE_ENV} is the passphrase`,
  '  of the --identity key (else asked on the terminal). The host key must be in ~/.ssh/known_hosts or',
  "  Ferry's known_hosts (trusted in the app), or given with --fingerprint; an unknown one stops the",
  '  command with its fingerprint.',
];

function synopsis(command: CommandName): string {
  const operands = OPERANDS[command].join(' ');
  if (command === 'get') return `ferry get ${operands} [options]\n       ferry get -r URL [LOCALDIR] [options]`;
  if (command === 'put') return `ferry put ${operands} [options]\n       ferry put -r LOCALDIR URL [options]`;
  if (command === 'mirror') return `ferry mirror ${operands} [options]\n       ferry mirror -R LOCALDIR URL [options]`;
  return `ferry ${command} ${operands} [options]`;
}

/** The overview printed by `ferry --help`. */
export function overviewHelp(version: string): string {
  const commands = (Object.keys(SUMMARY) as CommandName[]).map((command) => {
    const head = `${command} ${OPERANDS[command].join(' ')}`;
    return `  ${head.padEnd(26)} ${SUMMARY[command]}`;
  });
  return [
    `ferry ${version}: FTP, FTPS and SFTP from the command line`,
    '',
    'Usage: ferry COMMAND OPERANDS [options]',
    '',
    'Commands:',
    ...commands,
    '  help [COMMAND]             this text, or the usage of one command',
    '',
    ...URL_HELP,
    '',
    'Options:',
    ...COMMON_OPTIONS,
    ...TRANSFER_OPTIONS,
    ...FOLDER_OPTIONS,
    DIRECTION_OPTION.replace('(required)', '(sync: required)'),
    ...SYNC_OPTIONS,
    REVERSE_OPTION,
    ...COMPARE_OPTIONS.slice(0, -1),
    '  -h, --help                    help; -V, --version: the version',
    '',
    'Exit status: 0 done (compare: the folders agree); 1 failed, or compare found differences (the',
    'one-line error names the reply code, e.g.',
    '`ferry: 550 No such file (after RETR /x)`); 2 bad command line; 130 interrupted;',
    '141 the output pipe closed (`ferry ls URL | head`).',
  ].join('\n');
}

/** The usage of one command. */
export function commandHelp(command: CommandName): string {
  const extra = command === 'get' || command === 'put'
    ? [...TRANSFER_OPTIONS, ...FOLDER_OPTIONS]
    : command === 'mirror' ? [REVERSE_OPTION, ...SYNC_OPTIONS, ...COMPARE_OPTIONS.slice(0, -1), ...SYNC_TRANSFER_OPTIONS]
    : command === 'compare' ? COMPARE_OPTIONS
    : command === 'sync' ? [DIRECTION_OPTION, ...SYNC_OPTIONS, ...COMPARE_OPTIONS.slice(0, -1), ...SYNC_TRANSFER_OPTIONS] : [];
  return [
    `Usage: ${synopsis(command)}`,
    '',
    `${SUMMARY[command][0].toUpperCase()}${SUMMARY[command].slice(1)}.`,
    DETAILS[command],
    '',
    ...URL_HELP,
    '',
    'Options:',
    ...COMMON_OPTIONS,
    ...extra,
  ].join('\n');
}

/** The hint after a usage error. */
export function usageHint(command?: CommandName): string {
  return command ? `see: ferry help ${command}` : 'see: ferry --help';
}
