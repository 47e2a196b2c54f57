/** The Ferry window: quick-connect bar, message log, local and remote panes, queue, status bar. */
import { useEffect } from 'react';
import { QuickConnectBar } from './features/connect/QuickConnectBar';
import { PlainTextPanel } from './features/connect/PlainTextPanel';
import { TrustPanel } from './features/connect/TrustPanel';
import { LogPanel } from './features/log/LogPanel';
import { LocalPane } from './features/panes/LocalPane';
import { RemotePane } from './features/panes/RemotePane';
import { QueuePanel } from './features/queue/QueuePanel';
import { SiteManagerButton } from './features/sites/SiteManagerButton';
import { SiteManagerDialog } from './features/sites/SiteManagerDialog';
import { SitePasswordPrompt } from './features/sites/SitePasswordPrompt';
import { ExistsDialog } from './features/queue/ExistsDialog';
import { StatusBar } from './features/queue/StatusBar';
import { connectEvents } from './stores/connectEvents';
import { DialogHost } from './components/DialogHost';
import { useLayout } from './stores/layoutStore';

/** The whole window. */
export function App() {
  useEffect(() => connectEvents(), []);
  const { isLogCollapsed, isQueueCollapsed } = useLayout();
  return (
    <div className={`app${isLogCollapsed ? ' log-collapsed' : ''}${isQueueCollapsed ? ' queue-collapsed' : ''}`}>
      <div className="top">
        <div className="connect-row">
          <SiteManagerButton />
          <QuickConnectBar />
        </div>
        <SitePasswordPrompt />
        <TrustPanel />
        <PlainTextPanel />
      </div>
      <LogPanel />
      <main className="panes">
        <LocalPane />
        <RemotePane />
      </main>
      <QueuePanel />
      <SiteManagerDialog />
      <StatusBar />
      <ExistsDialog />
      <DialogHost />
    </div>
  );
}
