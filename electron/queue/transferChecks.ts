/**
 * The checks around a transfer that ask the server: the remote size (unknown rather than an error
 * when the server cannot tell) and the checksum comparison after a transfer, where offered.
 */
import { failureOf, TransferError } from './transferError';
import type { AttemptContext } from './runTransfer';

/** The remote size, or undefined when the server cannot tell; `isProbe`: asking whether anything is there at all. */
export async function remoteSizeOrUndefined(ctx: Pick<AttemptContext, 'session'>, remotePath: string, isProbe = false): Promise<number | undefined> {
  try {
    return await ctx.session.size(remotePath, { isProbe });
  } catch (err) {
    // A broken connection must retry; "no such file" or "SIZE not supported" just means unknown.
    if (failureOf(err).isTransient) throw err;
    return undefined;
  }
}

async function localHash(ctx: Pick<AttemptContext, 'fs'>, filePath: string, algorithm: string): Promise<string | undefined> {
  return ctx.fs.hashFile(filePath, algorithm);
}

/** Compares the server's checksum with ours when the server offers one; a mismatch fails the item. */
export async function verifyChecksum(ctx: Pick<AttemptContext, 'session' | 'fs' | 'log'>, localPath: string, remotePath: string, onMismatch: () => Promise<void>): Promise<void> {
  let remote: { algorithm: string; hex: string } | undefined;
  try {
    remote = await ctx.session.checksum(remotePath);
  } catch (err) {
    if (failureOf(err).isTransient) throw err;
    remote = undefined;
  }
  if (!remote) return;
  const mine = await localHash(ctx, localPath, remote.algorithm);
  if (mine === undefined) return;
  if (mine.toLowerCase() !== remote.hex.toLowerCase()) {
    await onMismatch();
    throw new TransferError({ kind: 'integrity', message: `${remote.algorithm} mismatch: server ${remote.hex}, local ${mine}`, isTransient: false });
  }
  ctx.log('info', `${remote.algorithm} verified for ${remotePath}`);
}
