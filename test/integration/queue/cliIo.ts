/**
 * A captured CliIo for running the `ferry` queue commands in-process. Test-only.
 */
import { PassThrough } from 'node:stream';
import type { CliOptions } from '../../../electron/cli/args';
import type { CliIo } from '../../../electron/cli/io';
import type { QueueCliOptions } from '../../../electron/cli/queueOptions';

/** CliIo whose output is collected into strings. */
export function captureIo(cwd: string, env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  return { stdout, stderr, stdin: new PassThrough(), env, cwd, out: () => out, err: () => err };
}

/** CLI options as the parser would produce them for a recursive command. */
export function cliOptions(extra: Partial<CliOptions & QueueCliOptions> = {}): CliOptions & QueueCliOptions {
  return { isAscii: false, isInsecure: false, isResume: false, isVerbose: false, isJson: false, isRecursive: true, mode: 'passive', ...extra };
}
