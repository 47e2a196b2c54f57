/** The remote (right) pane: the server's files once connected, otherwise how to connect. */
import { useEffect } from 'react';
import { useSession } from '../../stores/sessionStore';
import { FilePane } from './FilePane';
import { watchWindowSession } from './windowSession';

/** Shows the connected server's folder. */
export function RemotePane() {
  const status = useSession((s) => s.status);
  useEffect(() => watchWindowSession(), []);
  if (status !== 'connected') {
    return (
      <section className="pane" aria-label="Remote site">
        <header className="pane-title">Remote site</header>
        <div className="pane-empty">
          {status === 'connecting' ? (
            <p>Connecting…</p>
          ) : (
            <>
              <p>Not connected to any server.</p>
              <p>Enter a host in the quick-connect bar above to browse a server.</p>
            </>
          )}
        </div>
      </section>
    );
  }
  return <FilePane paneId="remote" />;
}
