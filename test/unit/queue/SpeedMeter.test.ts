/** Transfer speed over a sliding window, and the ETA it gives. */
import { describe, expect, it } from 'vitest';
import { SpeedMeter, etaSeconds } from '../../../electron/queue/SpeedMeter';

describe('SpeedMeter', () => {
  it('averages over the window and ignores resumed bytes', () => {
    const m = new SpeedMeter(0, 5_000_000);
    expect(m.speedBps(0)).toBeUndefined();
    for (let t = 250; t <= 10_000; t += 250) m.sample(t, 5_000_000 + t * 1000);
    expect(m.speedBps(10_000)).toBeCloseTo(1_000_000, -3);
  });
  it('computes ETA from remaining bytes', () => {
    expect(etaSeconds(1000, 100)).toBe(10);
    expect(etaSeconds(1000, 0)).toBeUndefined();
    expect(etaSeconds(undefined, 5)).toBeUndefined();
  });
});
