/**
 * Electron-only glue of the queue to the desktop: the taskbar/dock progress bar and a
 * system notification when the queue finishes while the window is not focused.
 */
import { Notification, type BrowserWindow } from 'electron';
import type { EventHub } from '../services/EventHub';
import { QueueActivity, taskbarProgress } from '../services/queueActivity';

/** Mirrors queue progress on the window's taskbar entry and notifies when it finishes. */
export function showQueueOnDesktop(hub: EventHub, win: BrowserWindow): () => void {
  const activity = new QueueActivity();
  return hub.subscribe((event, payload) => {
    if (event !== 'queue' || win.isDestroyed()) return;
    const { totals } = payload as { totals: Parameters<typeof taskbarProgress>[0] };
    win.setProgressBar(taskbarProgress(totals), { mode: totals.failedCount > 0 ? 'error' : 'normal' });
    const notice = activity.update(totals);
    if (notice && !win.isFocused() && Notification.isSupported()) new Notification(notice).show();
  });
}
