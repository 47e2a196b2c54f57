/** What the queue makes of a failure: a session's TransferError as it is; anything else is a lasting local failure. */
import { describe, expect, it } from 'vitest';
import { errorInfoOf, failureOf, TransferError } from '../../../electron/queue/transferError';

describe('failureOf', () => {
  it('reads a TransferError as it is', () => {
    const err = new TransferError({ kind: 'reply', code: 450, command: 'RETR a', isTransient: true, message: '450 busy' });
    expect(failureOf(err)).toBe(err);
    expect(errorInfoOf(err)).toStrictEqual({ kind: 'reply', message: '450 busy', ftpCode: 450, command: 'RETR a' });
  });

  it.each([
    ['a system error', Object.assign(new Error("EACCES: permission denied, stat '/x'"), { code: 'EACCES' }), { kind: 'io', message: "EACCES: permission denied, stat '/x'", isTransient: false }],
    ['an error of its own kind', Object.assign(new Error('Connect again'), { kind: 'credentials-needed' }), { kind: 'credentials-needed', message: 'Connect again', isTransient: false }],
    ['a plain error', new Error('bug'), { kind: 'unknown', message: 'bug', isTransient: false }],
    ['a thrown string', 'boom', { kind: 'unknown', message: 'boom', isTransient: false }],
  ])('takes %s that no session classified for a lasting failure', (_what, err, failure) => {
    expect(failureOf(err)).toStrictEqual(failure);
  });
});
