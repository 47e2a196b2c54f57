/** The last sync run's state in the status bar: what it is doing, then how it ended. */
import { useSync } from '../../stores/syncStore';

/** Nothing until a sync has run in this window's lifetime. */
export function SyncStatus() {
  const status = useSync((s) => s.runStatus);
  if (!status) return null;
  const tone = status.phase !== 'ended' ? '' : status.outcome === 'failed' ? ' is-error' : status.outcome === 'conflicts' ? ' is-warning' : ' is-done';
  return (
    <span className={`sync-status${tone}`} role="status" title={`${status.localDir} ↔ ${status.remoteDir}`}>
      {status.text}
    </span>
  );
}
