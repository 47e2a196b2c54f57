/** The status bar: connection security, queue size and activity. */
import { useQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';
import { formatEta, formatSize, formatSpeed } from '../../lib/format';
import { SecurityState } from '../connect/SecurityState';

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
            <SecurityState isSecure={info.isSecure} /> · {`${info.user}@${info.host}:${info.port}`}
          </>
        ) : (
          'Not connected'
        )}
      </span>
      <span className="queue-summary">
        {pending === 0
          ? 'Queue: empty'
          : `Queue: ${pending} file${pending === 1 ? '' : 's'}, ${formatSize(totals.totalBytes - totals.transferredBytes)} left`}
        {totals.activeCount > 0 ? ` · ${formatSpeed(totals.speedBps)}${totals.etaSeconds !== undefined ? ` · ${formatEta(totals.etaSeconds)} left` : ''}` : ''}
      </span>
    </footer>
  );
}
