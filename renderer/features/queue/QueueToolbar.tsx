/** Actions on the selected transfers, or on all of the tab's when none is selected. */
import { useQueue } from '../../stores/queueStore';
import type { QueueTab } from '../../stores/queueReducer';

/** Props of the queue toolbar. */
export interface QueueToolbarProps {
  tab: QueueTab;
  selected: string[];
}

/** Labelled buttons; each acts on the selection or, with none, on every item it applies to. */
export function QueueToolbar({ tab, selected }: QueueToolbarProps) {
  const q = useQueue();
  const ids = selected.length ? selected : undefined;
  if (tab === 'queued') {
    return (
      <div className="queue-actions" role="toolbar" aria-label="Queue actions">
        <button type="button" onClick={() => void q.pause(ids)} title="Pause the selected transfers (all when none is selected)">
          Pause
        </button>
        <button type="button" onClick={() => void q.resume(ids)} title="Resume paused transfers; they continue from where they stopped">
          Resume
        </button>
        <button type="button" onClick={() => void q.cancel(ids)} title="Cancel; the partial file is kept so a later transfer can resume">
          Cancel
        </button>
        <button type="button" onClick={() => void q.cancel(ids, true)} title="Cancel and delete what was transferred so far">
          Cancel and delete
        </button>
        <button type="button" disabled={!selected.length} onClick={() => void q.move(selected, 'top')} title="Move to the top of the queue">
          Move to top
        </button>
        <button type="button" disabled={!selected.length} onClick={() => void q.move(selected, 'up')} title="Move up">
          Move up
        </button>
        <button type="button" disabled={!selected.length} onClick={() => void q.move(selected, 'down')} title="Move down">
          Move down
        </button>
        <button type="button" disabled={!selected.length} onClick={() => void q.move(selected, 'bottom')} title="Move to the bottom of the queue">
          Move to bottom
        </button>
      </div>
    );
  }
  return (
    <div className="queue-actions" role="toolbar" aria-label="Queue actions">
      {tab === 'failed' ? (
        <button type="button" onClick={() => void q.retry(ids)} title="Queue the failed transfers again; they resume from the bytes already there">
          Retry
        </button>
      ) : null}
      <button type="button" onClick={() => void q.clearFinished(tab)} title="Remove these entries from the list">
        Clear
      </button>
    </div>
  );
}
