/** The remote pane's store: listing and file operations through the contract's `remote*` methods on the current session. */
import type { ErrorInfo } from '../../shared/domain';
import type { Result } from '../../shared/result';
import { joinRemotePath } from '../../shared/remotePath';
import { getApi } from '../api/getApi';
import { createPaneStore } from './createPaneStore';
import { useSession } from './sessionStore';

const NOT_CONNECTED: ErrorInfo = { kind: 'not-connected', message: 'Not connected' };

/** Runs `call` with the current session id, or fails when there is no session. */
function withSession<T>(call: (sessionId: string) => Promise<Result<T>>): Promise<Result<T>> {
  const info = useSession.getState().info;
  return info ? call(info.sessionId) : Promise.resolve({ ok: false, error: NOT_CONNECTED });
}

/** The remote (right) pane. */
export const useRemotePane = createPaneStore(
  {
    list: (path) => withSession((sessionId) => getApi().remoteList(path === undefined ? { sessionId } : { sessionId, path })),
    // Remote paths are POSIX whatever the local system is.
    join: joinRemotePath,
    ops: {
      mkdir: (path) => withSession((sessionId) => getApi().remoteMkdir({ sessionId, path })),
      rename: (from, to) => withSession((sessionId) => getApi().remoteRename({ sessionId, from, to })),
      remove: (targets) => withSession((sessionId) => getApi().remoteDelete({ sessionId, targets })),
      chmod: (path, mode) => withSession((sessionId) => getApi().remoteChmod({ sessionId, path, mode })),
    },
  },
  { id: 'remote' },
);
