/** One item in the queue: direction (or deletion), paths, size, progress, speed, ETA and status, error or waiting question. */
import { Trash2 } from 'lucide-react';
import type { TransferItem } from '../../../shared/domain';
import type { ExistsQuestionInfo } from '../../../shared/queue';
import { RowQuestion } from './RowQuestion';
import { describeError } from '../../../shared/errorText';
import { formatBytesExact, formatEta, formatSize, formatSpeed } from '../../lib/format';
import { splitPath } from './queueColumns';

const STATE_LABEL: Record<TransferItem['state'], string> = {
  queued: 'Queued',
  connecting: 'Connecting…',
  transferring: 'Transferring',
  paused: 'Paused',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The status text: the error with its reply code for failures, else the state. */
export function statusText(item: TransferItem): string {
  if (item.state === 'failed' && item.lastError) {
    return describeError(item.lastError);
  }
  if (item.state === 'queued' && item.lastError && item.nextRetryMs) return `Retrying after: ${item.lastError.message}`;
  if (item.state === 'done' && item.isSkipped) return 'Skipped (target exists)';
  if (item.deleteSide && item.state === 'transferring') return 'Deleting';
  if (item.deleteSide && item.state === 'done') return 'Deleted';
  return STATE_LABEL[item.state];
}

function deleteLabel(item: TransferItem): string {
  const what = item.isFolder ? 'folder' : 'file';
  return item.deleteSide === 'remote' ? `Delete ${what} on the server` : `Delete local ${what}`;
}

/** Props of a queue row. */
export interface QueueRowProps {
  item: TransferItem;
  top: number;
  height: number;
  isSelected: boolean;
  /** The server the transfer goes to, as the queue names it. */
  server: string;
  /** The "target exists" question the transfer waits on, if any. */
  question?: ExistsQuestionInfo;
  onSelect(mode: 'only' | 'toggle' | 'range'): void;
}

/** A path whose folder part is cut short when space runs out, never the file name. */
function PathCell({ className, path }: { className: string; path: string }) {
  const { folder, name } = splitPath(path);
  return (
    <div role="cell" className={`${className} q-path`} title={path}>
      <span className="q-folder">{folder}</span>
      <span className="q-name">{name}</span>
    </div>
  );
}

/** Renders one absolutely positioned queue row. */
export function QueueRow({ item, top, height, isSelected, server, question, onSelect }: QueueRowProps) {
  const percent = item.sizeBytes ? Math.min(100, Math.floor((item.transferredBytes / item.sizeBytes) * 100)) : item.state === 'done' ? 100 : 0;
  const isUpload = item.direction === 'upload';
  return (
    <div
      role="row"
      aria-selected={isSelected}
      data-id={item.id}
      data-state={item.state}
      data-waiting={question ? 'target-exists' : undefined}
      className={`queue-row state-${item.state}${isSelected ? ' is-selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={(e) => onSelect(e.shiftKey ? 'range' : e.ctrlKey || e.metaKey ? 'toggle' : 'only')}
    >
      {item.deleteSide ? (
        <div role="cell" className="q-dir is-delete" title={deleteLabel(item)} aria-label={deleteLabel(item)}>
          <Trash2 size={14} aria-hidden="true" />
        </div>
      ) : (
        <div role="cell" className="q-dir" title={`${isUpload ? 'Upload' : 'Download'}, ${item.transferType === 'ascii' ? 'ASCII (line endings converted)' : 'binary'}`} aria-label={isUpload ? 'Upload' : 'Download'}>
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d={isUpload ? 'M8 13V3M4 7l4-4 4 4' : 'M8 3v10M4 9l4 4 4-4'} />
          </svg>
        </div>
      )}
      {/* A deletion shows only the path it removes. */}
      <PathCell className="q-local" path={item.deleteSide === 'remote' ? '' : item.localPath} />
      <PathCell className="q-remote" path={item.deleteSide === 'local' ? '' : item.remotePath} />
      <div role="cell" className="q-server" title={server}>
        {server}
      </div>
      <div role="cell" className="q-size" title={formatBytesExact(item.sizeBytes)}>
        {formatSize(item.sizeBytes)}
      </div>
      <div role="cell" className="q-progress">
        <div className="bar" role="progressbar" aria-valuenow={percent} aria-valuemin={0} aria-valuemax={100} aria-label="Progress">
          <div className="fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="percent">{percent}%</span>
      </div>
      <div role="cell" className="q-speed">
        {/* No speed is shown before the first measurement: "0 B/s" would say the transfer is stuck. */}
        {item.state === 'transferring' && item.speedBps ? formatSpeed(item.speedBps) : ''}
      </div>
      <div role="cell" className="q-eta">
        {item.state === 'transferring' ? formatEta(item.etaSeconds) : ''}
      </div>
      {question ? (
        <div role="cell" className="q-status">
          <RowQuestion question={question} />
        </div>
      ) : (
        <div role="cell" className="q-status" title={statusText(item)}>
          {statusText(item)}
        </div>
      )}
    </div>
  );
}
