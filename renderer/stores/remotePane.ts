/** The remote pane's store, listing through the contract's `remoteList` on the current session. */
import { getApi } from '../api/getApi';
import { createPaneStore } from './createPaneStore';
import { useSession } from './sessionStore';

/** The remote (right) pane. */
export const useRemotePane = createPaneStore({
  list: async (path) => {
    const info = useSession.getState().info;
    if (!info) return { ok: false, error: { kind: 'not-connected', message: 'Not connected' } };
    return getApi().remoteList(path === undefined ? { sessionId: info.sessionId } : { sessionId: info.sessionId, path });
  },
});
