/**
 * Argument parsing of the `ferry` command line: which command, its operands and its options,
 * checked for values and for options that do not apply to the command. No I/O.
 * Owns: the option table and the command names. Must not import electron or the engine.
 */
import { parseArgs } from 'node:util';
import { wireEncodingOf, type WireEncoding } from '../../shared/charset';
import { SERVER_TYPES, type ServerType } from '../../shared/serverType';
import { TRANSFER_TYPES, type TransferTypeSetting } from '../../shared/settings';
import type { DataMode, DataStrategy } from '../../shared/domain';
import { COMMANDS, type CommandName } from './commandNames';
import { parseOnExists, parseRetries, type QueueCliOptions } from './queueOptions';
import { parseClockOffset, parseCompareBy, parseSyncDirection, type CompareCliOptions } from './compareOptions';
import { UsageError } from './usageError';

/** TLS choices on the command line (the engine's `explicit-if-available` is not offered: a CLI should not fall back silently). */
export type CliTlsMode = 'none' | 'explicit' | 'implicit';

/** Options after checking, with defaults applied where the CLI has one (the folder-transfer ones are queueCommands.ts's). */
export interface CliOptions extends QueueCliOptions, CompareCliOptions {
  mode?: DataMode;
  data?: DataStrategy;
  /** --type (or -a, --ascii); absent: the transfer type of the saved settings (transferRule.ts). */
  transferType?: TransferTypeSetting;
  tls?: CliTlsMode;
  /** A TLS certificate's SHA-256 in hex, or an SSH host key's `SHA256:` fingerprint. */
  fingerprint?: string;
  /** SFTP: the private key file to log in with. */
  identity?: string;
  isInsecure: boolean;
  isResume: boolean;
  isVerbose: boolean;
  isJson: boolean;
  isRecursive: boolean;
  /** Transfers at once for recursive commands. */
  parallel?: number;
  timeoutMs?: number;
  /** How the server's names are encoded; Auto when absent. */
  charset?: WireEncoding;
  /** The system whose listing forms to read; Auto when absent. */
  serverType?: ServerType;
}

/** What the command line asks for. */
export type ParsedCommandLine =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | { kind: 'run'; command: CommandName; operands: string[]; options: CliOptions };

const OPTION_TABLE = {
  mode: { type: 'string' },
  data: { type: 'string' },
  ascii: { type: 'boolean', short: 'a' },
  type: { type: 'string' },
  tls: { type: 'string' },
  fingerprint: { type: 'string' },
  identity: { type: 'string', short: 'i' },
  insecure: { type: 'boolean', short: 'k' },
  resume: { type: 'boolean', short: 'c' },
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  recursive: { type: 'boolean', short: 'r' },
  parallel: { type: 'string', short: 'P' },
  timeout: { type: 'string' },
  charset: { type: 'string' },
  'server-type': { type: 'string' },
  retries: { type: 'string' },
  'on-exists': { type: 'string' },
  reverse: { type: 'boolean', short: 'R' },
  by: { type: 'string' },
  exclude: { type: 'string', multiple: true },
  'no-recursion': { type: 'boolean' },
  'clock-offset': { type: 'string' },
  direction: { type: 'string' },
  delete: { type: 'boolean' },
  'dry-run': { type: 'boolean', short: 'n' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

type OptionName = keyof typeof OPTION_TABLE;

/** Options every command accepts (connection, log and output). */
const COMMON: readonly OptionName[] = ['mode', 'data', 'tls', 'fingerprint', 'identity', 'insecure', 'verbose', 'json', 'timeout', 'charset', 'server-type', 'help'];

/** Options each command accepts beyond the common ones. */
const EXTRA: Record<CommandName, readonly OptionName[]> = {
  ls: [],
  get: ['ascii', 'type', 'resume', 'recursive', 'parallel', 'retries', 'on-exists'],
  put: ['ascii', 'type', 'resume', 'recursive', 'parallel', 'retries', 'on-exists'],
  rm: [],
  mkdir: [],
  rmdir: [],
  mv: [],
  hash: [],
  // `mirror` is sync one way: down, or up with -R (lftp's words).
  mirror: ['reverse', 'by', 'exclude', 'no-recursion', 'clock-offset', 'parallel', 'delete', 'dry-run', 'retries', 'ascii', 'type'],
  compare: ['by', 'exclude', 'no-recursion', 'clock-offset', 'parallel'],
  sync: ['direction', 'by', 'exclude', 'no-recursion', 'clock-offset', 'parallel', 'delete', 'dry-run', 'retries', 'ascii', 'type'],
};

/** The operands of each command, in order; a name in brackets is optional. */
export const OPERANDS: Record<CommandName, readonly string[]> = {
  ls: ['URL'],
  get: ['URL', '[LOCAL]'],
  put: ['LOCAL', 'URL'],
  rm: ['URL'],
  mkdir: ['URL'],
  rmdir: ['URL'],
  mv: ['URL', 'NEWNAME'],
  hash: ['URL'],
  mirror: ['URL', 'LOCALDIR'],
  compare: ['LOCALDIR', 'URL'],
  sync: ['LOCALDIR', 'URL'],
};

const DATA_MODES: readonly DataMode[] = ['auto', 'passive', 'active'];
const DATA_STRATEGIES: readonly DataStrategy[] = ['EPSV', 'PASV', 'EPRT', 'PORT'];
const TLS_MODES: readonly CliTlsMode[] = ['none', 'explicit', 'implicit'];
const PASSIVE: readonly DataStrategy[] = ['EPSV', 'PASV'];

/** The command as the option parsers name it in their usage errors. */
function queueCommand(command: CommandName): 'get' | 'put' | 'mirror' | 'sync' | undefined {
  return command === 'get' || command === 'put' || command === 'mirror' || command === 'sync' ? command : undefined;
}

/** The commands that compare a folder pair. */
function pairCommandOf(command: CommandName): 'compare' | 'sync' | 'mirror' {
  return command === 'sync' || command === 'mirror' ? command : 'compare';
}

function isCommand(word: string | undefined): word is CommandName {
  return (COMMANDS as readonly string[]).includes(word ?? '');
}

function oneOf<T extends string>(value: string, allowed: readonly T[], option: string, command?: CommandName, fold = false): T {
  const candidate = fold ? value.toUpperCase() : value.toLowerCase();
  const match = allowed.find((item) => item === candidate);
  if (!match) throw new UsageError(`--${option} must be one of ${allowed.join(', ')} (got "${value}")`, command);
  return match;
}

function positiveInteger(value: string, option: string, command?: CommandName): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${option} needs a whole number of 1 or more (got "${value}")`, command);
  return Number(value);
}

/** Rewrites node:util's parse errors into one short line. */
function describeParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `option ${missing[1].replace(/^-\w, /, '')} needs a value`;
  const ambiguous = /Option '([^']+?)' argument is ambiguous/.exec(message);
  if (ambiguous) return `option ${ambiguous[1].replace(/^-\w, /, '')} needs a value (write ${ambiguous[1].replace(/^-\w, /, '')}=-VALUE for one starting with -)`;
  const notString = /Option '([^']+?)' does not take an argument/.exec(message);
  if (notString) return `option ${notString[1].replace(/^-\w, /, '')} takes no value`;
  return message.split('.')[0];
}

/** Parses `argv` (without node and the script) into a command, its operands and checked options; throws UsageError. */
export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTION_TABLE; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTION_TABLE, allowPositionals: true, strict: true });
  } catch (err) {
    const first = argv.find((word) => !word.startsWith('-'));
    throw new UsageError(describeParseError(err), isCommand(first) ? first : undefined);
  }
  const { values, positionals } = parsed;
  const [word, ...operands] = positionals;

  if (word === 'help') {
    const topic = operands[0];
    if (topic !== undefined && !isCommand(topic)) throw new UsageError(`no help for "${topic}": unknown command`);
    return { kind: 'help', command: topic as CommandName | undefined };
  }
  if (values.version) return { kind: 'version' };
  if (word === undefined) {
    if (values.help) return { kind: 'help' };
    throw new UsageError('missing command');
  }
  if (!isCommand(word)) throw new UsageError(`unknown command "${word}"`);
  const command = word;
  if (values.help) return { kind: 'help', command };

  const allowed = new Set<string>([...COMMON, ...EXTRA[command]]);
  if (command === 'mirror' && values.direction !== undefined) {
    throw new UsageError('mirror copies down, or up with -R; for both ways use: ferry sync LOCALDIR URL --direction both', command);
  }
  for (const name of Object.keys(values)) {
    if (values[name as OptionName] !== undefined && !allowed.has(name)) throw new UsageError(`--${name} does not apply to ${command}`, command);
  }

  const names = OPERANDS[command];
  const required = names.filter((name) => !name.startsWith('[')).length;
  if (operands.length < required) throw new UsageError(`${command}: missing ${names[operands.length]}`, command);
  if (operands.length > names.length) throw new UsageError(`${command}: too many operands ("${operands[names.length]}")`, command);

  const options: CliOptions = {
    isInsecure: values.insecure ?? false,
    isResume: values.resume ?? false,
    isVerbose: values.verbose ?? false,
    isJson: values.json ?? false,
    isRecursive: values.recursive ?? false,
  };
  if (values.type !== undefined) options.transferType = oneOf(values.type, TRANSFER_TYPES, 'type', command);
  if (values.ascii) {
    if (options.transferType !== undefined && options.transferType !== 'ascii') throw new UsageError(`--ascii contradicts --type ${options.transferType}`, command);
    options.transferType = 'ascii';
  }
  if (values.mode !== undefined) options.mode = oneOf(values.mode, DATA_MODES, 'mode', command);
  if (values.data !== undefined) options.data = oneOf(values.data, DATA_STRATEGIES, 'data', command, true);
  if (values.tls !== undefined) options.tls = oneOf(values.tls, TLS_MODES, 'tls', command);
  if (values.fingerprint !== undefined) {
    // An SSH host key as ssh-keygen -l prints it: SHA256: and 43 characters of base64 (a padding = is dropped).
    const ssh = /^SHA256:([A-Za-z0-9+/]{43})=?$/.exec(values.fingerprint);
    // A certificate's SHA-256 is 32 bytes: 64 hex digits, with or without colons.
    const isHex = values.fingerprint.replace(/[^0-9a-f]/gi, '').length === 64 && /^[0-9a-f:\s]+$/i.test(values.fingerprint);
    if (!ssh && !isHex) {
      throw new UsageError('--fingerprint needs a SHA-256 fingerprint: SHA256:… for an SSH host key, or 64 hex digits (colons allowed) for a certificate', command);
    }
    options.fingerprint = ssh ? `SHA256:${ssh[1]}` : values.fingerprint;
  }
  if (values.identity !== undefined) {
    if (values.identity === '') throw new UsageError('--identity needs the path of a private key file', command);
    options.identity = values.identity;
  }
  if (values.parallel !== undefined) options.parallel = positiveInteger(values.parallel, 'parallel', command);
  if (values.retries !== undefined) options.retries = parseRetries(values.retries, queueCommand(command));
  if (values['on-exists'] !== undefined) options.onExists = parseOnExists(values['on-exists'], queueCommand(command));
  if (values.reverse) options.isReverse = true;
  const pairCommand = pairCommandOf(command);
  if (values.by !== undefined) options.by = parseCompareBy(values.by, pairCommand);
  if (values.exclude !== undefined) options.exclude = values.exclude;
  if (values['no-recursion']) options.isOneLevel = true;
  if (values['clock-offset'] !== undefined) options.clockOffsetSeconds = parseClockOffset(values['clock-offset'], pairCommand);
  if (values.direction !== undefined) options.syncDirection = parseSyncDirection(values.direction);
  if (command === 'mirror') options.syncDirection = options.isReverse ? 'upload' : 'download';
  if (values.delete) options.isDelete = true;
  if (values['dry-run']) options.isDryRun = true;
  if (command === 'sync' && !options.syncDirection) throw new UsageError('sync needs --direction up, down or both', command);
  if (values.timeout !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values.timeout) || Number(values.timeout) <= 0) {
      throw new UsageError(`--timeout needs a number of seconds above 0 (got "${values.timeout}")`, command);
    }
    options.timeoutMs = Math.round(Number(values.timeout) * 1000);
  }
  if (values.charset !== undefined) {
    const charset = wireEncodingOf(values.charset);
    if (!charset) throw new UsageError(`--charset must be auto, utf8 or latin1 (also iso-8859-1, windows-1252; got "${values.charset}")`, command);
    options.charset = charset;
  }
  if (values['server-type'] !== undefined) options.serverType = oneOf(values['server-type'], SERVER_TYPES, 'server-type', command);

  if (options.data && options.mode && options.mode !== 'auto') {
    const isPassive = PASSIVE.includes(options.data);
    if (isPassive !== (options.mode === 'passive')) {
      throw new UsageError(`--data ${options.data} contradicts --mode ${options.mode}`, command);
    }
  }
  if (options.isResume && options.transferType === 'ascii') {
    // Byte offsets of an ASCII transfer differ on each side (CRLF vs LF), so REST would land in the wrong place.
    throw new UsageError('--resume works only for binary transfers, not with --type ascii', command);
  }
  if (command !== 'mirror' && command !== 'compare' && command !== 'sync' && !options.isRecursive) {
    for (const name of ['parallel', 'retries', 'on-exists'] as const) {
      if (values[name] !== undefined) throw new UsageError(`--${name} applies only to folder transfers (-r), mirror and sync`, command);
    }
  }
  if (options.isRecursive && options.isResume) throw new UsageError('--resume does not apply to folder transfers; use --on-exists resume', command);
  if (options.isInsecure && options.fingerprint) throw new UsageError('give either --fingerprint or --insecure, not both', command);
  return { kind: 'run', command, operands, options };
}
