/**
 * Actions on the selected transfers, or on all of the tab's when none is selected. A button says
 * "all" when it would act on all, is disabled when nothing it applies to is there, and cancelling
 * all asks first (unless Settings → Confirmations says not to): it stops every transfer at once,
 * and "and delete" removes their partial files.
 */
import { useState } from 'react';
import { ArrowDown, ArrowDownToLine, ArrowUp, ArrowUpToLine, CircleX, Eraser, Pause, Play, RotateCcw, Trash2 } from 'lucide-react';
import { ToolButton } from '../../components/ToolButton';
import type { TransferItem } from '../../../shared/domain';
import { useQueue } from '../../stores/queueStore';
import { useSettings } from '../../stores/settingsStore';
import type { QueueTab } from '../../stores/queueReducer';

/** Props of the queue toolbar. */
export interface QueueToolbarProps {
  tab: QueueTab;
  selected: string[];
  /** The tab's items, to tell which actions can act. */
  items: readonly TransferItem[];
}

/** What "cancel all" is waiting to be confirmed for. */
type PendingCancel = { deletePartial: boolean; count: number };

/** Labelled buttons; each acts on the selection or, with none, on every item it applies to. */
export function QueueToolbar({ tab, selected, items }: QueueToolbarProps) {
  const q = useQueue();
  const isConfirmingCancelAll = useSettings((s) => s.settings?.confirm.cancelAll ?? true);
  const [pending, setPending] = useState<PendingCancel | undefined>(undefined);
  const ids = selected.length ? selected : undefined;
  const chosen = ids ? items.filter((i) => selected.includes(i.id)) : items;
  const all = ids ? '' : ' all';
  if (tab === 'queued') {
    const canPause = chosen.some((i) => i.state === 'queued' || i.state === 'connecting' || i.state === 'transferring');
    const canResume = chosen.some((i) => i.state === 'paused');
    const cancel = (deletePartial: boolean) => {
      if (ids || !isConfirmingCancelAll) void q.cancel(ids, deletePartial);
      else setPending({ deletePartial, count: chosen.length });
    };
    return (
      <div className="queue-actions" role="toolbar" aria-label="Queue actions">
        <ToolButton icon={Pause} label={`Pause${all}`} disabled={!canPause} onClick={() => void q.pause(ids)} title="Pause the selected transfers (all when none is selected)" />
        <ToolButton icon={Play} label={`Resume${all}`} disabled={!canResume} onClick={() => void q.resume(ids)} title="Resume paused transfers; they continue from where they stopped" />
        <ToolButton
          icon={CircleX}
          label={`Cancel${all}${ids || !isConfirmingCancelAll ? '' : '…'}`}
          disabled={chosen.length === 0}
          onClick={() => cancel(false)}
          title="Cancel; the partial file is kept so a later transfer can resume"
        />
        <ToolButton
          icon={Trash2}
          label={`Cancel${all} and delete${ids || !isConfirmingCancelAll ? '' : '…'}`}
          disabled={chosen.length === 0}
          onClick={() => cancel(true)}
          title="Cancel and delete what was transferred so far"
        />
        <span className="toolbar-separator" aria-hidden />
        <ToolButton icon={ArrowUpToLine} label="Move to top" isIconOnly disabled={!selected.length} onClick={() => void q.move(selected, 'top')} />
        <ToolButton icon={ArrowUp} label="Move up" isIconOnly disabled={!selected.length} onClick={() => void q.move(selected, 'up')} />
        <ToolButton icon={ArrowDown} label="Move down" isIconOnly disabled={!selected.length} onClick={() => void q.move(selected, 'down')} />
        <ToolButton icon={ArrowDownToLine} label="Move to bottom" isIconOnly disabled={!selected.length} onClick={() => void q.move(selected, 'bottom')} />
        {pending ? (
          <div
            className="queue-confirm"
            role="alertdialog"
            aria-label="Confirm cancelling all transfers"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setPending(undefined);
            }}
          >
            <span>
              Cancel all {pending.count} transfer{pending.count === 1 ? '' : 's'}
              {pending.deletePartial ? ' and delete what they transferred so far' : '; their partial files are kept'}?
            </span>
            <button
              type="button"
              className="is-danger"
              onClick={() => {
                setPending(undefined);
                void q.cancel(undefined, pending.deletePartial);
              }}
            >
              {pending.deletePartial ? 'Cancel all and delete' : 'Cancel all'}
            </button>
            <button type="button" autoFocus onClick={() => setPending(undefined)}>
              Keep them
            </button>
          </div>
        ) : null}
      </div>
    );
  }
  return (
    <div className="queue-actions" role="toolbar" aria-label="Queue actions">
      {tab === 'failed' ? (
        <ToolButton
          icon={RotateCcw}
          label={`Retry${all}`}
          disabled={chosen.length === 0}
          onClick={() => void q.retry(ids)}
          title="Queue the failed transfers again; they resume from the bytes already there"
        />
      ) : null}
      <ToolButton icon={Eraser} label="Clear" disabled={items.length === 0} onClick={() => void q.clearFinished(tab)} title="Remove these entries from the list" />
    </div>
  );
}
