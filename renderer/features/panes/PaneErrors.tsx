/** A pane's inline error: a listing that failed, or an operation that failed, with the server's reply code. */
import type { ErrorInfo } from '../../../shared/domain';
import type { OperationError } from '../../stores/createPaneStore';

/** Props of the error line. */
export interface PaneErrorsProps {
  error: ErrorInfo | null;
  failedPath: string | null;
  opError: OperationError | null;
  onDismiss(): void;
}

function ErrorText({ error }: { error: ErrorInfo }) {
  return (
    <>
      {error.ftpCode ? <span className="error-code">{error.ftpCode} </span> : null}
      {error.message}
    </>
  );
}

/** Nothing when all is well; dismissible otherwise. */
export function PaneErrors({ error, failedPath, opError, onDismiss }: PaneErrorsProps) {
  if (!error && !opError) return null;
  return (
    <div className="pane-error" role="alert">
      <div className="pane-error-text">
        {error ? (
          <div>
            {failedPath ? <strong>{failedPath}: </strong> : null}
            <ErrorText error={error} />
          </div>
        ) : null}
        {opError ? (
          <div>
            <strong>{opError.action} failed: </strong>
            <ErrorText error={opError.error} />
          </div>
        ) : null}
      </div>
      <button type="button" className="dismiss" onClick={onDismiss} aria-label="Dismiss error" title="Dismiss">
        ×
      </button>
    </div>
  );
}
