/** A pane's inline error: a listing that failed, or an operation that failed, with the server's reply code. */
import type { ErrorInfo } from '../../../shared/domain';
import { describeError } from '../../../shared/errorText';
import type { OperationError } from '../../stores/createPaneStore';

/** Props of the error line. */
export interface PaneErrorsProps {
  error: ErrorInfo | null;
  failedPath: string | null;
  opError: OperationError | null;
  onDismiss(): void;
}

function ErrorText({ error }: { error: ErrorInfo }) {
  // Reply errors already begin with their code; show it once, set apart.
  const text = describeError(error);
  const code = error.ftpCode !== undefined ? String(error.ftpCode) : null;
  return code && text.startsWith(code) ? (
    <>
      <span className="error-code">{code}</span>
      {text.slice(code.length)}
    </>
  ) : (
    <>{text}</>
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
