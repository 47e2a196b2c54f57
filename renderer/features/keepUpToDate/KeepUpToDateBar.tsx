/**
 * Above the panes while folders are kept up to date: one line per watch saying what it does and
 * its counts, with Stop; a watch that stopped by itself says why until dismissed. Also mounts the
 * dialog that starts a watch.
 */
import { FolderSync, TriangleAlert, X } from 'lucide-react';
import type { KeepUpToDateStatus } from '../../../shared/keepUpToDate';
import { useKeepUpToDate } from '../../stores/keepUpToDateStore';
import { KeepUpToDateDialog } from './KeepUpToDateDialog';
import { watchDetails, watchText } from './watchText';
import './keepUpToDate.css';

function WatchLine({ watch }: { watch: KeepUpToDateStatus }) {
  const stop = useKeepUpToDate((s) => s.stop);
  const dismiss = useKeepUpToDate((s) => s.dismiss);
  const isStopped = watch.state === 'stopped';
  const lastProblem = watch.problems.at(-1);
  const Icon = isStopped ? TriangleAlert : FolderSync;
  return (
    <li className={`keep-line${isStopped ? ' is-stopped' : ''}`} data-state={watch.state}>
      <Icon size={15} strokeWidth={1.8} aria-hidden className="keep-icon" />
      <span className="keep-text" role="status" title={`${watchText(watch)}\n${watchDetails(watch)}`}>
        {watchText(watch)}
      </span>
      {lastProblem ? (
        <span className="keep-problem" title={watch.problems.join('\n')}>
          {lastProblem}
        </span>
      ) : null}
      {isStopped ? (
        <button type="button" className="keep-dismiss" aria-label={`Dismiss: stopped keeping ${watch.remoteFolder} up to date`} title="Dismiss" onClick={() => dismiss(watch.watchId)}>
          <X size={14} aria-hidden />
        </button>
      ) : (
        <button type="button" aria-label={`Stop keeping ${watch.remoteFolder} up to date`} onClick={() => void stop(watch.watchId)}>
          Stop
        </button>
      )}
    </li>
  );
}

/** Nothing while no folder is kept up to date and no dialog is open. */
export function KeepUpToDateBar() {
  const watches = useKeepUpToDate((s) => s.watches);
  const dialog = useKeepUpToDate((s) => s.dialog);
  return (
    <>
      {watches.length > 0 ? (
        <ul className="keep-bar" aria-label="Folders kept up to date">
          {watches.map((w) => (
            <WatchLine key={w.watchId} watch={w} />
          ))}
        </ul>
      ) : null}
      {dialog ? <KeepUpToDateDialog pair={dialog} /> : null}
    </>
  );
}
