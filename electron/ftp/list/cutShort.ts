/**
 * Listings a server cut short. pure-ftpd stops a listing at its LimitRecursion (10,000 entries by
 * default) and says so only in the final reply (`226 Output truncated to 10000 matches`): the
 * entries that did arrive look like a whole folder, so a folder download would quietly leave files
 * behind. Pure: no node:*, no I/O.
 */
import type { FtpReply } from '../reply';

/** The final reply as `CODE text` when it says the listing was cut short, else undefined. */
export function listingCutShort(reply: FtpReply): string | undefined {
  return /truncat/i.test(reply.text) ? `${reply.code} ${reply.text.replace(/\n/g, ' ')}` : undefined;
}

/**
 * A listing's final-reply hook: when the server cut the listing of `path` short, logs it as an
 * error and tells `onCutShort` the reply.
 */
export function watchCutShort(path: string, log: (message: string) => void, onCutShort?: (reply: string) => void): (final: FtpReply) => void {
  return (final) => {
    const cut = listingCutShort(final);
    if (cut === undefined) return;
    log(`The server listed only part of ${path}: ${cut}`);
    onCutShort?.(cut);
  };
}
