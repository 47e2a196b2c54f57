/** The taskbar progress and the one "finished" notice, from queue totals. */
import { describe, expect, it } from 'vitest';
import { QueueActivity, taskbarProgress } from '../../../electron/services/queueActivity';
import { EMPTY_TOTALS } from '../../../renderer/stores/queueReducer';

const totals = (patch: Partial<typeof EMPTY_TOTALS>) => ({ ...EMPTY_TOTALS, ...patch });

describe('queue activity on the desktop', () => {
  it('shows the fraction of bytes done while work is pending, and no bar otherwise', () => {
    expect(taskbarProgress(totals({ activeCount: 1, totalBytes: 200, transferredBytes: 50 }))).toBe(0.25);
    expect(taskbarProgress(totals({ doneCount: 3 }))).toBe(-1);
    expect(taskbarProgress(totals({ queuedCount: 1, totalBytes: 0 }))).toBe(-1);
  });

  it('says once that a busy queue finished, with failures counted', () => {
    const activity = new QueueActivity();
    expect(activity.update(totals({ doneCount: 2 }))).toBeNull();
    expect(activity.update(totals({ activeCount: 1, queuedCount: 4 }))).toBeNull();
    expect(activity.update(totals({ doneCount: 4, failedCount: 1 }))).toEqual({
      title: 'Transfers finished with errors',
      body: '4 succeeded, 1 failed. See the Failed transfers tab.',
    });
    expect(activity.update(totals({ doneCount: 4, failedCount: 1 }))).toBeNull();
    activity.update(totals({ activeCount: 1 }));
    expect(activity.update(totals({ doneCount: 1 }))?.body).toBe('1 file transferred.');
  });
});
