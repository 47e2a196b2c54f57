import { describe, expect, it } from 'vitest';
import { parseCommandLine, type ParsedCommandLine } from '../../../electron/cli/args';
import { UsageError } from '../../../electron/cli/usageError';

function run(argv: string[]): Extract<ParsedCommandLine, { kind: 'run' }> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind !== 'run') throw new Error(`expected a command, got ${parsed.kind}`);
  return parsed;
}

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv);
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseCommandLine', () => {
  it('reads a command, its operands and defaults', () => {
    const parsed = run(['get', 'ftp://h/a.bin', 'out.bin']);
    expect(parsed.command).toBe('get');
    expect(parsed.operands).toEqual(['ftp://h/a.bin', 'out.bin']);
    expect(parsed.options).toEqual({ isInsecure: false, isResume: false, isVerbose: false, isJson: false, isRecursive: false });
  });

  it('accepts options before and after operands, long and short', () => {
    const parsed = run(['-v', 'get', '--resume', 'ftp://h/a', '-k', '--tls', 'explicit', '--json']);
    expect(parsed.operands).toEqual(['ftp://h/a']);
    expect(parsed.options).toMatchObject({ isVerbose: true, isResume: true, isInsecure: true, tls: 'explicit', isJson: true });
  });

  it.each([
    [['--data', 'epsv'], { data: 'EPSV' }],
    [['--data', 'PORT'], { data: 'PORT' }],
    [['--mode', 'Active'], { mode: 'active' }],
    [['--data=PASV', '--mode=passive'], { data: 'PASV', mode: 'passive' }],
    [['--data', 'EPRT', '--mode', 'auto'], { data: 'EPRT', mode: 'auto' }],
    [['--tls', 'implicit'], { tls: 'implicit' }],
    [['--timeout', '2.5'], { timeoutMs: 2500 }],
    [['--ascii'], { transferType: 'ascii' }],
    [['-a'], { transferType: 'ascii' }],
    [['--type', 'Auto'], { transferType: 'auto' }],
    [['--type=binary'], { transferType: 'binary' }],
    [['--type', 'ascii', '-a'], { transferType: 'ascii' }],
    [['-c'], { isResume: true }],
  ])('parses %j', (extra, expected) => {
    expect(run(['get', 'ftp://h/a', ...extra]).options).toMatchObject(expected);
  });

  it('takes a fingerprint with or without colons', () => {
    const hex = 'ab'.repeat(32);
    const colons = hex.match(/../g)!.join(':').toUpperCase();
    expect(run(['ls', 'ftp://h/', '--tls', 'explicit', '--fingerprint', hex]).options.fingerprint).toBe(hex);
    expect(run(['ls', 'ftp://h/', '--tls', 'explicit', '--fingerprint', colons]).options.fingerprint).toBe(colons);
  });

  it('takes an SSH host key fingerprint as ssh-keygen prints it, and --identity', () => {
    const ssh = `SHA256:${'A1b+/'.repeat(8)}xyz`;
    expect(run(['ls', 'sftp://h/', '--fingerprint', ssh]).options.fingerprint).toBe(ssh);
    expect(run(['ls', 'sftp://h/', '--fingerprint', `${ssh}=`]).options.fingerprint).toBe(ssh);
    expect(() => run(['ls', 'sftp://h/', '--fingerprint', 'SHA256:short'])).toThrow(/SHA256:… for an SSH host key/);
    expect(run(['get', '-i', '/k/id_ed25519', 'sftp://h/a']).options.identity).toBe('/k/id_ed25519');
    expect(run(['sync', 'l', 'sftp://h/d', '--direction', 'up', '--identity', 'key']).options.identity).toBe('key');
  });

  it('takes a transfer type for folder transfers and mirror too', () => {
    expect(run(['get', '-r', '-a', 'ftp://h/d/', 'local']).options).toMatchObject({ isRecursive: true, transferType: 'ascii' });
    expect(run(['mirror', '--type', 'auto', 'ftp://h/d/', 'local']).options.transferType).toBe('auto');
  });

  it('reads -r and --parallel for folder transfers and mirror', () => {
    expect(run(['get', '-r', '-P', '4', 'ftp://h/d/', 'local']).options).toMatchObject({ isRecursive: true, parallel: 4 });
    expect(run(['mirror', '--parallel', '2', 'ftp://h/d/', 'local']).options.parallel).toBe(2);
    expect(run(['put', '-r', 'dir', 'ftp://h/d/', '--retries', '0', '--on-exists', 'Skip']).options).toMatchObject({ retries: 0, onExists: 'skip' });
  });

  it('reads mirror as sync one way: down, or up with -R, with sync\'s options', () => {
    expect(run(['mirror', 'ftp://h/d/', 'local']).options.syncDirection).toBe('download');
    expect(run(['mirror', '-R', 'local', 'ftp://h/d/', '--delete', '-n', '--exclude', '*.tmp', '--by', 'size']).options).toMatchObject({
      isReverse: true, syncDirection: 'upload', isDelete: true, isDryRun: true, exclude: ['*.tmp'], by: ['size'],
    });
    expect(run(['mirror', '--reverse', 'local', 'ftp://h/d/', '--clock-offset', '7200', '--json']).options).toMatchObject({ syncDirection: 'upload', clockOffsetSeconds: 7200, isJson: true });
    expect(usageError(['mirror', 'ftp://h/d/', 'local', '--direction', 'both']).message).toBe('mirror copies down, or up with -R; for both ways use: ferry sync LOCALDIR URL --direction both');
    expect(usageError(['mirror', 'ftp://h/d/', 'local', '--on-exists', 'skip']).message).toBe('--on-exists does not apply to mirror');
    expect(usageError(['mirror', 'ftp://h/d/', 'local', '--by', 'date']).command).toBe('mirror');
  });

  it('answers help and version in every spelling', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help', 'get'])).toEqual({ kind: 'help', command: 'get' });
    expect(parseCommandLine(['put', '--help'])).toEqual({ kind: 'help', command: 'put' });
    expect(parseCommandLine(['get', '-h', 'ftp://h/x'])).toEqual({ kind: 'help', command: 'get' });
    expect(parseCommandLine(['--version'])).toEqual({ kind: 'version' });
    expect(parseCommandLine(['-V'])).toEqual({ kind: 'version' });
  });

  it.each([
    [[], /missing command/, undefined],
    [['frobnicate'], /unknown command "frobnicate"/, undefined],
    [['help', 'frobnicate'], /no help for "frobnicate"/, undefined],
    [['get'], /get: missing URL/, 'get'],
    [['put', 'local.bin'], /put: missing URL/, 'put'],
    [['mv', 'ftp://h/a'], /mv: missing NEWNAME/, 'mv'],
    [['ls', 'ftp://h/', 'extra'], /too many operands \("extra"\)/, 'ls'],
    [['get', 'ftp://h/a', '--bogus'], /unknown option --bogus/, 'get'],
    [['get', 'ftp://h/a', '--mode'], /option --mode needs a value/, 'get'],
    [['get', 'ftp://h/a', '--resume=yes'], /option --resume takes no value/, 'get'],
    [['get', 'ftp://h/a', '--mode', 'sideways'], /--mode must be one of auto, passive, active \(got "sideways"\)/, 'get'],
    [['get', 'ftp://h/a', '--data', 'LPSV'], /--data must be one of EPSV, PASV, EPRT, PORT/, 'get'],
    [['get', 'ftp://h/a', '--tls', 'sometimes'], /--tls must be one of none, explicit, implicit/, 'get'],
    [['get', 'ftp://h/a', '--data', 'PORT', '--mode', 'passive'], /--data PORT contradicts --mode passive/, 'get'],
    [['get', 'ftp://h/a', '--data', 'EPSV', '--mode', 'active'], /--data EPSV contradicts --mode active/, 'get'],
    [['get', 'ftp://h/a', '--resume', '--ascii'], /--resume works only for binary/, 'get'],
    [['ls', 'ftp://h/', '--resume'], /--resume does not apply to ls/, 'ls'],
    [['rm', 'ftp://h/a', '--ascii'], /--ascii does not apply to rm/, 'rm'],
    [['get', 'ftp://h/a', '--parallel', '4'], /--parallel applies only to folder transfers/, 'get'],
    [['put', 'a', 'ftp://h/a', '--retries', '2'], /--retries applies only to folder transfers/, 'put'],
    [['get', 'ftp://h/a', '--on-exists', 'skip'], /--on-exists applies only to folder transfers/, 'get'],
    [['get', '-r', 'ftp://h/a', '--on-exists', 'maybe'], /--on-exists must be one of overwrite, newer/, 'get'],
    [['mirror', 'ftp://h/a', 'd', '--retries', '-1'], /option --retries needs a value \(write --retries=-VALUE/, 'mirror'],
    [['mirror', 'ftp://h/a', 'd', '--retries=-1'], /--retries needs a whole number/, 'mirror'],
    [['mirror', 'ftp://h/a', 'd', '--retries', 'x'], /--retries needs a whole number/, 'mirror'],
    [['get', 'ftp://h/a', '--type', 'text'], /--type must be one of auto, ascii, binary \(got "text"\)/, 'get'],
    [['get', 'ftp://h/a', '--type', 'binary', '--ascii'], /--ascii contradicts --type binary/, 'get'],
    [['get', 'ftp://h/a', '--resume', '--type', 'ascii'], /--resume works only for binary/, 'get'],
    [['ls', 'ftp://h/', '--type', 'ascii'], /--type does not apply to ls/, 'ls'],
    [['get', '-R', 'ftp://h/a'], /--reverse does not apply to get/, 'get'],
    [['ls', '-r', 'ftp://h/a'], /--recursive does not apply to ls/, 'ls'],
    [['get', '-r', 'ftp://h/a', '--parallel', '0'], /--parallel needs a whole number/, 'get'],
    [['get', '-r', '--resume', 'ftp://h/a'], /--resume does not apply to folder transfers; use --on-exists resume/, 'get'],
    [['ls', 'ftp://h/', '--timeout', '0'], /--timeout needs a number of seconds/, 'ls'],
    [['ls', 'ftp://h/', '--fingerprint', 'abc'], /--fingerprint needs a SHA-256 fingerprint/, 'ls'],
    [['ls', 'ftp://h/', '--fingerprint', 'ab'.repeat(32), '-k'], /either --fingerprint or --insecure/, 'ls'],
  ])('refuses %j', (argv, message, command) => {
    const err = usageError(argv);
    expect(err.message).toMatch(message);
    expect(err.command).toBe(command);
    expect(err.message).not.toMatch(/\n/);
  });
});

describe('parseCommandLine: compare', () => {
  it('reads what to compare, excludes, one level and a clock offset', () => {
    const { command, operands, options } = run(['compare', 'site', 'ftp://h/www', '--by', 'checksum', '--exclude', '*.tmp', '--exclude', 'build/', '--no-recursion', '--clock-offset=-3600', '-P', '2']);
    expect(command).toBe('compare');
    expect(operands).toEqual(['site', 'ftp://h/www']);
    expect(options).toMatchObject({ by: ['checksum'], exclude: ['*.tmp', 'build/'], isOneLevel: true, clockOffsetSeconds: -3600, parallel: 2 });
    expect(run(['compare', 'a', 'ftp://h/', '--by', 'size,time']).options.by).toEqual(['size', 'time']);
  });

  it('refuses a method it does not know, checksum mixed with others, and options of other commands', () => {
    expect(usageError(['compare', 'a', 'ftp://h/', '--by', 'date']).message).toBe('--by takes size, time, size,time or checksum (got "date")');
    expect(usageError(['compare', 'a', 'ftp://h/', '--by', 'size,checksum']).message).toBe('--by checksum compares by content alone; leave out size and time');
    expect(usageError(['compare', 'a', 'ftp://h/', '--clock-offset', '1h']).message).toContain('--clock-offset needs whole seconds');
    expect(usageError(['compare', 'a', 'ftp://h/', '--on-exists', 'skip']).message).toBe('--on-exists does not apply to compare');
    expect(usageError(['get', 'ftp://h/a', '--by', 'size']).message).toBe('--by does not apply to get');
    expect(usageError(['compare', 'a']).message).toBe('compare: missing URL');
  });
});
