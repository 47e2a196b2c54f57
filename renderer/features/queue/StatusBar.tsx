/** The status bar: connection security, the files being edited, queue size and activity, and the last sync. */
import { useQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';
import { formatEta, formatSize, formatSpeed } from '../../lib/format';
import { SecurityState } from '../connect/SecurityState';
import { SyncStatus } from '../sync/SyncStatus';
import type { QueueTotals } from '../../../shared/queue';
import { EditsStatus } from '../edit/EditsStatus';

/** Speed and time left while transfers run: nothing rather than "0 B/s", and "estimating" rather than a guess. */
function activity(totals: QueueTotals): string {
  if (totals.activeCount === 0) return '';
  const speed = totals.speedBps > 0 ? ` · ${formatSpeed(totals.speedBps)}` : '';
  const eta = totals.eta.kind === 'known' ? ` · ${formatEta(totals.eta.seconds)} left` : totals.eta.kind === 'estimating' ? ' · estimating time left…' : '';
  return speed + eta;
}

/** One line at the bottom of the window. */
export function StatusBar() {
  const totals = useQueue((s) => s.totals);
  const info = useSession((s) => s.info);
  const pending = totals.queuedCount + totals.activeCount + totals.pausedCount;
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="connection-state">
        {info ? (
          <>
            <SecurityState isSecure={info.isSecure} isSsh={info.protocol === 'sftp'} /> · {`${info.protocol === 'sftp' ? 'sftp://' : ''}${info.user}@${info.host}:${info.port}`}
          </>
        ) : (
          'Not connected'
        )}
      </span>
      <EditsStatus />
      <span className="queue-summary">
        {pending === 0
          ? 'Queue: empty'
          : `Queue: ${pending} file${pending === 1 ? '' : 's'}, ${formatSize(totals.totalBytes - totals.transferredBytes)} left`}
        {activity(totals)}
      </span>
      <SyncStatus />
    </footer>
  );
}
