/**
 * The server's clock offset, from files whose true modification time Ferry knows (it just
 * uploaded them: their local time where the server kept it, else the moment the upload ended)
 * and the time the server reports for them. A LIST time has no zone, so an offset is often a
 * whole time zone; a small difference is clock skew. Pure.
 */
import type { TimePrecision } from '../../shared/domain';

/** One file: when it really was modified, and what the server says. */
export interface ClockObservation {
  expectedMs: number;
  reportedMs: number;
  precision?: TimePrecision;
  /**
   * The expected time is the moment the upload ended, not a time the server was told: the server
   * stamped the file a little earlier (the last bytes) or later (a slow disk), so it is good to a
   * minute, like a LIST time.
   */
  isApproximate?: boolean;
}

const MINUTE = 60_000;
/** Zones are whole quarter hours from UTC. */
const ZONE_STEP = 15 * MINUTE;

/**
 * The offset (server minus local, ms) the observations agree on, or undefined without any. A LIST
 * time is cut to the minute, so the middle of that minute is taken; an offset within two minutes
 * of a quarter hour is taken to be that zone; one under a second (or a minute for LIST times and
 * approximate observations) is none.
 */
export function clockOffsetOf(observations: readonly ClockObservation[]): number | undefined {
  const usable = observations.filter((o) => o.precision !== 'day');
  if (usable.length === 0) return undefined;
  const deltas = usable
    .map((o) => o.reportedMs - o.expectedMs + (o.precision === 'minute' ? MINUTE / 2 : 0))
    .sort((a, b) => a - b);
  const median = deltas[Math.floor(deltas.length / 2)];
  const coarse = usable.some((o) => o.precision === 'minute' || o.isApproximate);
  if (Math.abs(median) < (coarse ? 1.5 * MINUTE : 1_000)) return 0;
  const zone = Math.round(median / ZONE_STEP) * ZONE_STEP;
  if (Math.abs(median - zone) <= 2 * MINUTE) return zone;
  return coarse ? Math.round(median / MINUTE) * MINUTE : Math.round(median / 1_000) * 1_000;
}
