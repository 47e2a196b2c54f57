/** The remote (right) pane; shows how to connect until a session exists. */

/** Empty remote pane. */
export function RemotePane() {
  return (
    <section className="pane" aria-label="Remote site">
      <header className="pane-title">Remote site</header>
      <div className="pane-empty">
        <p>Not connected to any server.</p>
        <p>Enter a host in the quick-connect bar above to browse a server.</p>
      </div>
    </section>
  );
}
