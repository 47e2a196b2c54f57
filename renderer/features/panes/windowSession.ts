/**
 * What the window shows of the session around the panes: its title names the server while
 * connected (the desktop window's title follows the page's), and leaving the page (reload,
 * close) while connected or while transfers run asks first.
 */
import type { RemoteSessionInfo } from '../../../shared/domain';
import { useQueue } from '../../stores/queueStore';
import { useSession } from '../../stores/sessionStore';

/** The application's name, the whole title when not connected. */
export const APP_TITLE = 'Ferry';

/** The window title for a session (or none). */
export function windowTitle(info: RemoteSessionInfo | null): string {
  return info ? `${info.user}@${info.host} — ${APP_TITLE}` : APP_TITLE;
}

/** Whether leaving the page now would lose something: an open session or unfinished transfers. */
export function hasWorkToLose(): boolean {
  const { activeCount, queuedCount } = useQueue.getState().totals;
  return useSession.getState().status !== 'disconnected' || activeCount + queuedCount > 0;
}

/** Keeps the title current and guards leaving the page; returns the function that stops both. */
export function watchWindowSession(): () => void {
  const showTitle = () => {
    document.title = windowTitle(useSession.getState().info);
  };
  showTitle();
  const unsubscribe = useSession.subscribe((state, previous) => {
    if (state.info !== previous.info) showTitle();
  });
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!hasWorkToLose()) return;
    // The browser (or the desktop window) asks the user whether to leave.
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    unsubscribe();
    window.removeEventListener('beforeunload', onBeforeUnload);
    document.title = APP_TITLE;
  };
}
