/**
 * The benchmark's Markdown table: one line per client in each row, MB/s median and every run,
 * the ratio of Ferry to that client, and peak RSS. Pure. Benchmark-only code.
 */
import type { Measurement, RowResult } from './types';

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** MB/s with three significant digits below 10 (rows over a slow link run at a fraction of 1 MB/s). */
const mb = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toPrecision(3));
const mib = (bytes: number | undefined) => (bytes === undefined ? '' : `${Math.round(bytes / (1 << 20))} MiB`);

/** Ferry's measurement that a row's ratios use: the first Ferry one. */
export function primaryFerry(row: RowResult): Measurement | undefined {
  return row.measurements.find((m) => m.isFerry);
}

/** The Markdown table of all rows. */
export function formatTable(rows: readonly RowResult[], runs: number): string {
  const lines = [
    `| Scenario | Client | MB/s (median of ${runs}) | Runs, MB/s | Ferry ÷ client | CPU s/GiB | Peak RSS | Notes |`,
    '|---|---|--:|---|--:|--:|--:|---|',
  ];
  for (const row of rows) {
    const ferry = primaryFerry(row);
    row.measurements.forEach((m, index) => {
      const ratio = ferry && m !== ferry && m.mbPerSecond > 0 ? `${(ferry.mbPerSecond / m.mbPerSecond).toFixed(2)}×` : '';
      const name = m.isFerry ? `**${m.client}**` : m.client;
      lines.push(`| ${index === 0 ? row.scenario : ''} | ${name} | ${mb(m.mbPerSecond)} | ${m.samples.map(mb).join(', ')} | ${ratio} | ${m.cpuSecondsPerGiB === undefined ? '' : m.cpuSecondsPerGiB.toFixed(2)} | ${mib(m.peakRssBytes)} | ${m.note ?? ''} |`);
    });
  }
  return lines.join('\n');
}
