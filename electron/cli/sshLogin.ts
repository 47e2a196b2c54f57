/**
 * How the command line logs in to an sftp:// URL: the user from the URL (else the local user's
 * name, as ssh does), the password from the URL or FERRY_PASSWORD, `--identity` with its passphrase
 * from FERRY_PASSPHRASE (or asked on the terminal), the agent of SSH_AUTH_SOCK, the server's own
 * questions asked on the terminal, and the host key judged by known_hosts (Ferry's and
 * ~/.ssh/known_hosts, read only) or `--fingerprint`. Must not import electron.
 */
import os from 'node:os';
import { defaultDataDir } from '../local/dataDir';
import type { SftpConnectOptions } from '../sftp';
import { checkAgainstFiles, knownHostsFiles, readKeyFile, type RemoteConnectOptions } from '../sessions';
import { maxListingEntries } from '../../shared/limits';
import type { CliOptions } from './args';
import type { FtpUrl } from './ftpUrl';
import type { CliIo } from './io';
import { askOnTerminal } from './terminalPrompt';
import { UsageError } from './usageError';

/** Environment variable that supplies the passphrase of the --identity key. */
export const PASSPHRASE_ENV = 'FERRY_PASSPHRASE';

/** Options of FTP alone, refused for an sftp:// URL so nothing is silently ignored. */
const FTP_ONLY: ReadonlyArray<[keyof CliOptions, string]> = [
  ['tls', '--tls'],
  ['mode', '--mode'],
  ['data', '--data'],
  ['isInsecure', '--insecure'],
  ['charset', '--charset'],
  ['serverType', '--server-type'],
];

/** The user an sftp:// URL logs in as: its own, else the local user's name, as ssh does. */
export function sshUserOf(url: FtpUrl, env: CliIo['env']): string {
  return url.user ?? env.USER ?? env.LOGNAME ?? os.userInfo().username;
}

/** The login for an sftp:// URL: fresh options (and host key check) for each connection. */
export async function sftpOptionsFor(url: FtpUrl, options: CliOptions, io: CliIo, password: string | undefined): Promise<() => RemoteConnectOptions> {
  for (const [key, flag] of FTP_ONLY) {
    if (options[key]) throw new UsageError(`${flag} is for FTP; sftp:// URLs use SSH`);
  }
  if (options.fingerprint && !options.fingerprint.startsWith('SHA256:')) {
    throw new UsageError('for sftp:// give the host key fingerprint as ssh-keygen -l prints it: --fingerprint SHA256:…');
  }
  const sftp: SftpConnectOptions = {
    host: url.host,
    user: sshUserOf(url, io.env),
    connectionId: 'ferry',
    maxListingEntries: maxListingEntries(io.env),
  };
  if (url.port !== undefined) sftp.port = url.port;
  if (password !== undefined) sftp.password = password;
  if (options.timeoutMs) sftp.timeoutMs = options.timeoutMs;
  // As ssh: the agent's keys first when one runs (Pageant on Windows).
  if (io.env.SSH_AUTH_SOCK) sftp.useAgent = io.env.SSH_AUTH_SOCK;
  else if (process.platform === 'win32') sftp.useAgent = true;
  let passphrase = io.env[PASSPHRASE_ENV];
  if (options.identity !== undefined) {
    const keyFile = options.identity;
    sftp.privateKey = { path: keyFile, data: await readKeyFile(keyFile), ...(passphrase !== undefined ? { passphrase } : {}) };
  }
  const files = knownHostsFiles(defaultDataDir(io.env), io.env.HOME || os.homedir());
  const onPassphrase = async (keyPath: string) => {
    // Asked once: every connection of a parallel run reuses the answer.
    passphrase = await askOnTerminal(io, `Passphrase for ${keyPath}: `, true, `the key ${keyPath} is encrypted: set ${PASSPHRASE_ENV} to its passphrase`);
    if (sftp.privateKey) sftp.privateKey = { ...sftp.privateKey, passphrase };
    return passphrase;
  };
  const onPrompts = async (request: { name: string; instructions: string; prompts: Array<{ text: string; isEcho: boolean }> }) => {
    if (request.instructions.trim()) io.stderr.write(`${request.instructions.trim()}\n`);
    const answers: string[] = [];
    for (const prompt of request.prompts) {
      answers.push(await askOnTerminal(io, prompt.text, !prompt.isEcho, `the server asks "${prompt.text.trim()}" and there is no terminal to answer on`));
    }
    return answers;
  };
  return () => ({
    protocol: 'sftp',
    sftp: { ...sftp },
    hostKeys: checkAgainstFiles(files, options.fingerprint ? { trustedFingerprint: options.fingerprint } : {}),
    questions: { onPassphrase, onPrompts },
  });
}
