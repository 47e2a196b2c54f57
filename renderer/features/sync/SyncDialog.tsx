/**
 * The Synchronize dialog (WinSCP's Synchronize with its preview, FileZilla Pro's sync): the two
 * folders the panes show, the settings, Preview (cancellable while the main process compares),
 * the plan as a checklist, and Run, which hands the ticked steps to the transfer queue and
 * closes. One primary button: Preview until a plan is shown, then Run.
 */
import { useId } from 'react';
import { Modal } from '../../components/dialogs/Modal';
import { summaryOf } from '../../stores/syncChecklist';
import { useSync } from '../../stores/syncStore';
import { SyncPlanList } from './SyncPlanList';
import { SyncSettingsForm } from './SyncSettingsForm';

/** The dialog while the sync store has one open. */
export function SyncDialog() {
  const titleId = useId();
  const { phase, target, settings, info, preview, checklist, problem, close, startPreview, cancelPreview, run } = useSync();
  if (!target) return null;
  const isBusy = phase === 'previewing' || phase === 'starting';
  const isReady = phase === 'ready' && preview !== null && checklist !== null;
  const checkedCount = isReady ? summaryOf(checklist).checkedCount : 0;
  return (
    <Modal labelledBy={titleId} className="dialog sync-dialog" onCancel={close}>
      <h2 id={titleId} className="dialog-title">
        Synchronize
      </h2>
      <dl className="sync-folders">
        <dt>Local folder</dt>
        <dd className="path">{target.localDir}</dd>
        <dt>Server folder</dt>
        <dd className="path">{target.remoteDir}</dd>
      </dl>
      <SyncSettingsForm target={target} settings={settings} info={info} disabled={isBusy} />
      {phase === 'previewing' ? (
        <p className="sync-totals" role="status">
          Comparing the folders…
        </p>
      ) : isReady ? (
        <SyncPlanList preview={preview} checklist={checklist} />
      ) : (
        <p className="sync-totals muted">Preview lists what a sync would do, step by step, before anything changes.</p>
      )}
      {problem ? (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="dialog-actions">
        {phase === 'previewing' ? (
          <button type="button" onClick={cancelPreview}>
            Stop preview
          </button>
        ) : null}
        <button type="button" onClick={close}>
          Close
        </button>
        <button type="button" className={isReady ? undefined : 'is-primary'} disabled={isBusy} onClick={() => void startPreview()}>
          {isReady ? 'Preview again' : 'Preview'}
        </button>
        <button
          type="button"
          className={isReady ? 'is-primary' : undefined}
          disabled={!isReady || checkedCount === 0}
          title={isReady && checkedCount === 0 ? 'Nothing is ticked' : undefined}
          onClick={() => void run()}
        >
          Run
        </button>
      </div>
    </Modal>
  );
}
