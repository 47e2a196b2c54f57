/** The retry rules on their own: which failures are retried, after how long, and what counts against an item. */
import { describe, expect, it } from 'vitest';
import { outcomeOfFailure, type FailureFacts } from '../../../electron/queue/attemptOutcome';
import { TransferError } from '../../../electron/queue/transferError';

const POLICY = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 30_000 };
const FRESH = { failuresInRow: 0, hasRetriedStale: false };
const FACTS: FailureFacts = { hasProgressed: false, isConnectFailure: false, isReusedSession: false, openForSite: 1 };
const reset = new TransferError({ kind: 'connection', message: 'Connection reset', isTransient: true });
const missing = new TransferError({ kind: 'reply', code: 550, command: 'RETR /x', message: '550 No such file', isTransient: false });
const tooMany = new TransferError({ kind: 'reply', code: 421, message: '421 Too many connections', isTransient: true });
const noJitter = () => 0;

describe('outcomeOfFailure', () => {
  it('fails a permanent failure at once', () => {
    expect(outcomeOfFailure(missing, FACTS, FRESH, POLICY, noJitter)).toMatchObject({ kind: 'failed', failure: missing, book: { failuresInRow: 1 } });
  });

  it('retries a transient failure with a doubling delay until the retries are spent', () => {
    const first = outcomeOfFailure(reset, FACTS, FRESH, POLICY, noJitter);
    expect(first).toMatchObject({ kind: 'retry', why: 'backoff', delayMs: 1000, book: { failuresInRow: 1 } });
    const second = outcomeOfFailure(reset, FACTS, { failuresInRow: 1, hasRetriedStale: false }, POLICY, noJitter);
    expect(second).toMatchObject({ kind: 'retry', delayMs: 2000, book: { failuresInRow: 2 } });
    expect(outcomeOfFailure(reset, FACTS, { failuresInRow: 2, hasRetriedStale: false }, POLICY, noJitter)).toMatchObject({ kind: 'failed', book: { failuresInRow: 3 } });
  });

  it('does not count earlier failures against an attempt that made progress', () => {
    expect(outcomeOfFailure(reset, { ...FACTS, hasProgressed: true }, { failuresInRow: 2, hasRetriedStale: false }, POLICY, noJitter)).toMatchObject({
      kind: 'retry', delayMs: 1000, book: { failuresInRow: 1 },
    });
  });

  it('retries once at once, on a fresh connection, when a reused one turns out gone', () => {
    const stale = outcomeOfFailure(reset, { ...FACTS, isReusedSession: true }, { failuresInRow: 1, hasRetriedStale: false }, POLICY, noJitter);
    expect(stale).toMatchObject({ kind: 'retry', why: 'stale-session', delayMs: 0, book: { failuresInRow: 1, hasRetriedStale: true } });
    // The second time it counts like any other failure.
    expect(outcomeOfFailure(reset, { ...FACTS, isReusedSession: true }, { failuresInRow: 1, hasRetriedStale: true }, POLICY, noJitter)).toMatchObject({
      kind: 'retry', why: 'backoff', book: { failuresInRow: 2, hasRetriedStale: false },
    });
  });

  it('takes a 421 at connect for too many connections, not counted against the item while others work', () => {
    const refused = outcomeOfFailure(tooMany, { ...FACTS, isConnectFailure: true, openForSite: 3 }, FRESH, POLICY, noJitter);
    expect(refused).toMatchObject({ kind: 'retry', isTooManyConnections: true, book: { failuresInRow: 0 } });
    const alone = outcomeOfFailure(tooMany, { ...FACTS, isConnectFailure: true, openForSite: 0 }, FRESH, POLICY, noJitter);
    expect(alone).toMatchObject({ kind: 'retry', isTooManyConnections: true, book: { failuresInRow: 1 } });
    // On a logged-in session a 421 is the server's idle timeout or shutdown.
    expect(outcomeOfFailure(tooMany, FACTS, FRESH, POLICY, noJitter)).toMatchObject({ isTooManyConnections: false });
  });
});
