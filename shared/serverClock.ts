/**
 * A server's clock as Ferry applies it to the times the server reports: the offset it detected
 * (once, from files it had just uploaded), the user's override, which of them is in force, and
 * the words for them. Plain data and pure functions, for the main process, the window and the CLI.
 * Must not import node:*, the DOM or React.
 */

/** An offset detected from files Ferry uploaded: the server's clock minus this computer's, and when. */
export interface DetectedClock {
  offsetMs: number;
  /** When it was detected, ms since the epoch. */
  atMs: number;
}

/** Where the offset applied to a server's times comes from. */
export type ClockSource =
  /** The user set it (the Site Manager, or --clock-offset on the command line). */
  | 'override'
  /** Ferry detected it from files it uploaded. */
  | 'detected'
  /** Neither: the server's times are taken as they are. */
  | 'none';

/** The offset applied to a server's times, and where it comes from. */
export interface AppliedClock {
  offsetMs: number;
  source: ClockSource;
  /** What was detected, also when an override wins over it. */
  detected?: DetectedClock;
}

/** The largest offset Ferry takes: a day either way (time zones span −12 h to +14 h). */
export const MAX_CLOCK_OFFSET_MS = 24 * 3_600_000;

/** The offset in force: the override when the user set one (0 is "none"), else the detected one, else none. */
export function appliedClockOf(overrideMs: number | undefined, detected: DetectedClock | undefined): AppliedClock {
  const known = detected ? { detected } : {};
  if (overrideMs !== undefined) return { offsetMs: overrideMs, source: 'override', ...known };
  if (detected) return { offsetMs: detected.offsetMs, source: 'detected', ...known };
  return { offsetMs: 0, source: 'none' };
}

/** An offset's size for people, exact to the minute (seconds below a minute): "5 h 30 min", "45 min", "20 s". */
export function describeOffsetSize(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${Math.round(abs / 1000)} s`;
  const minutes = Math.round(abs / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** The server's clock against this computer's: "1 h ahead of this computer", "in step with this computer". */
export function describeClockOffset(offsetMs: number): string {
  if (Math.round(offsetMs / 1000) === 0) return 'in step with this computer';
  return `${describeOffsetSize(offsetMs)} ${offsetMs > 0 ? 'ahead of' : 'behind'} this computer`;
}

/** An offset as a signed hours:minutes value, as the override is typed: "+01:00", "-05:30". */
export function formatSignedHoursMinutes(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
