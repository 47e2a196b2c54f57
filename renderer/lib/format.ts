/** Formatting of sizes and dates for the file lists and the queue. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** Formats bytes as a short human size (1000-based like most file managers). */
export function formatSize(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1000) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit]}`;
}

/** Formats a count with thousands separators: `10,000`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Formats bytes exactly with thousands separators, for tooltips. */
export function formatBytesExact(bytes: number | undefined): string {
  return bytes === undefined ? '' : `${formatCount(bytes)} bytes`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats a time as `YYYY-MM-DD HH:MM` in local time: sortable and fits its column. */
export function formatDate(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Formats a speed in bytes per second. */
export function formatSpeed(bps: number | undefined): string {
  return bps === undefined ? '' : `${formatSize(Math.round(bps))}/s`;
}

/** Formats seconds left as `1:05:09`, `5:09` or `9 s`. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
