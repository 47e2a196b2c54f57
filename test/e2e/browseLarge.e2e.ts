/**
 * A 100,000-entry remote folder opens and scrolls in Chromium. Measures the time from the
 * listing arriving in the pane store (the `ferry:listing-arrived:remote` performance mark)
 * to its first rows being painted, and the renderer's JS heap with the folder shown; both
 * go to test-results/metrics.txt.
 */
import { test, expect, type Page } from '@playwright/test';
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startFerry, type FerryApp } from './ferryApp';
import { startServer, type RunningServer } from '../servers';
import { quickConnect, rowOf } from './browseHelpers';

const COUNT = 100_000;
const nameOf = (i: number) => `file-${String(i).padStart(6, '0')}.txt`;

let home: string;
let ferry: FerryApp;
let server: RunningServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  home = await mkdtemp(path.join(os.tmpdir(), 'ferry-home-'));
  server = await startServer('pyftpdlib');
  await (async (dir: string) => {
    await writeFile(path.join(dir, 'start.txt'), 'start\n');
    const huge = path.join(dir, 'huge');
    await mkdir(huge);
    // Batches keep the number of open files bounded.
    for (let i = 0; i < COUNT; i += 1000) {
      await Promise.all(Array.from({ length: 1000 }, (_, k) => writeFile(path.join(huge, nameOf(i + k)), '')));
    }
  })(server.homeDir);
  ferry = await startFerry(home);
});

test.afterAll(async () => {
  await ferry?.stop();
  await server?.stop();
  await rm(home, { recursive: true, force: true });
});

/**
 * The renderer's JS heap after a full garbage collection (via the DevTools protocol), so the
 * number is what the page holds rather than when the collector last ran; also
 * `performance.memory.usedJSHeapSize` as the page itself sees it.
 */
async function heapOf(page: Page): Promise<{ usedBytes: number; pageReportedBytes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const pageReportedBytes = await page.evaluate(() => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize);
  return { usedBytes: usedSize, pageReportedBytes };
}

/** The page globals these callbacks use (the e2e tsconfig has no DOM library: they run in the page). */
interface PageGlobals {
  ferryPainted?: Promise<number>;
  document: { querySelector(selector: string): unknown; body: unknown };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): number;
}

test('a 100,000-entry remote folder lists, shows fast and scrolls to its last row', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(ferry.url);
  const remote = await quickConnect(page, server, 'huge');
  const heapBefore = await heapOf(page);

  // Resolve when the first row of the big folder is in the DOM and the frame holding it is painted
  // (a task queued from requestAnimationFrame runs after that frame's paint).
  await page.evaluate(
    (first) => {
      const g = globalThis as unknown as PageGlobals;
      g.ferryPainted = new Promise<number>((resolve) => {
        const selector = `[aria-label="Remote site"] .file-scroll [role=row][data-name="${first}"]`;
        const observer = new g.MutationObserver(() => {
          if (!g.document.querySelector(selector)) return;
          observer.disconnect();
          g.requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
        });
        observer.observe(g.document.body, { childList: true, subtree: true });
      });
    },
    nameOf(0),
  );

  const pathBox = remote.getByLabel('Remote site path');
  await pathBox.fill('/huge');
  await pathBox.press('Enter');
  await expect(remote.locator('.pane-footer')).toContainText(`${COUNT} files and 0 folders`, { timeout: 120_000 });
  const showMs = await page.evaluate(async () => {
    const paintedAt = await (globalThis as unknown as PageGlobals).ferryPainted!;
    const arrived = performance.getEntriesByName('ferry:listing-arrived:remote').at(-1)!;
    return paintedAt - arrived.startTime;
  });
  const heap = await heapOf(page);

  // Only the rows in view exist in the DOM.
  expect(await remote.locator('.file-scroll [role=row]').count()).toBeLessThan(100);
  await expect(rowOf(remote, nameOf(0))).toBeVisible();

  // Scroll to the end with the keyboard (End moves the cursor, the list follows it) ...
  await rowOf(remote, nameOf(0)).click();
  await page.keyboard.press('End');
  await expect(rowOf(remote, nameOf(COUNT - 1))).toBeVisible();
  await expect(rowOf(remote, nameOf(COUNT - 1))).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(rowOf(remote, '..')).toBeVisible();

  // ... and by scrolling, in steps as a wheel would, recording frame intervals on the way.
  const scroll = remote.locator('.file-scroll');
  const frames = await scroll.evaluate(async (el) => {
    const intervals: number[] = [];
    let last = performance.now();
    while (el.scrollTop + el.clientHeight < el.scrollHeight - 1) {
      el.scrollTop += 20_000;
      await new Promise<void>((r) => (globalThis as unknown as PageGlobals).requestAnimationFrame(r));
      const now = performance.now();
      intervals.push(now - last);
      last = now;
    }
    intervals.sort((a, b) => a - b);
    return { count: intervals.length, medianMs: intervals[Math.floor(intervals.length / 2)], maxMs: intervals[intervals.length - 1] };
  });
  await expect(rowOf(remote, nameOf(COUNT - 1))).toBeVisible();
  await expect(remote.locator('.file-scroll [role=row]').last()).toHaveAttribute('data-name', nameOf(COUNT - 1));

  // Select all and filter stay usable at this size.
  await page.keyboard.press('Control+a');
  await expect(remote.locator('.pane-footer')).toContainText(`${COUNT} selected`);
  await remote.getByLabel('Remote site filter').fill('099999');
  await expect(rowOf(remote, nameOf(COUNT - 1))).toBeVisible();
  await expect(remote.locator('.pane-footer')).toContainText('1 file and 0 folders');

  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  await appendFile('test-results/metrics.txt', `remote pane, ${COUNT} entries: listing arrived to rows painted: ${Math.round(showMs)} ms\n`);
  await appendFile(
    'test-results/metrics.txt',
    `remote pane, ${COUNT} entries: renderer JS heap after GC ${mb(heap.usedBytes)} MB (${mb(heapBefore.usedBytes)} MB before opening the folder; performance.memory.usedJSHeapSize ${mb(heap.pageReportedBytes)} MB)\n`,
  );
  await appendFile(
    'test-results/metrics.txt',
    `remote pane, ${COUNT} entries: scroll to end in ${frames.count} frames, median frame ${frames.medianMs.toFixed(1)} ms, worst ${frames.maxMs.toFixed(1)} ms\n`,
  );
});
