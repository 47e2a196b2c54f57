/** The table of a transfer's states: which moves exist, and that the queue refuses the others. */
import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../shared/domain';
import { canMove, IllegalTransitionError, TRANSITIONS } from '../../../electron/queue/transferStates';

const STATES = Object.keys(TRANSITIONS) as TransferState[];

describe('transfer states', () => {
  it('reach every state from queued, end only in done, and come back from failed and cancelled only by a retry', () => {
    const seen = new Set<TransferState>(['queued']);
    const walk = (state: TransferState) => {
      for (const next of TRANSITIONS[state]) {
        if (seen.has(next)) continue;
        seen.add(next);
        walk(next);
      }
    };
    walk('queued');
    expect([...seen].sort()).toEqual([...STATES].sort());
    expect(TRANSITIONS.done).toEqual([]);
    expect(TRANSITIONS.failed).toEqual(['queued']);
    expect(TRANSITIONS.cancelled).toEqual(['queued']);
  });

  it('allow staying put and the listed moves only', () => {
    for (const from of STATES) {
      expect(canMove(from, from)).toBe(true);
      for (const to of STATES) if (to !== from) expect(canMove(from, to)).toBe(TRANSITIONS[from].includes(to));
    }
    expect(canMove('queued', 'done')).toBe(false);
    expect(canMove('paused', 'transferring')).toBe(false);
    expect(new IllegalTransitionError('a1', 'done', 'queued').message).toBe('transfer a1 cannot go from done to queued');
  });
});
