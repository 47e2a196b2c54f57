/** The Ferry window: quick-connect bar, then message log, local and remote panes and queue with splitters, status bar. */
import { useEffect } from 'react';
import { QuickConnectBar } from './features/connect/QuickConnectBar';
import { PlainTextPanel } from './features/connect/PlainTextPanel';
import { TrustPanel } from './features/connect/TrustPanel';
import { SshQuestionDialog } from './features/connect/SshQuestionDialog';
import { SiteManagerButton } from './features/sites/SiteManagerButton';
import { SettingsButton } from './features/settings/SettingsButton';
import { SiteManagerDialog } from './features/sites/SiteManagerDialog';
import { SitePasswordPrompt } from './features/sites/SitePasswordPrompt';
import { ExistsDialog } from './features/queue/ExistsDialog';
import { EditPrompts } from './features/edit/EditPrompts';
import { StatusBar } from './features/queue/StatusBar';
import { connectEvents } from './stores/connectEvents';
import { DialogHost } from './components/DialogHost';
import { Workspace } from './features/layout/Workspace';

/** The whole window. */
export function App() {
  useEffect(() => connectEvents(), []);
  return (
    <div className="app">
      <div className="top">
        <div className="connect-row">
          <SiteManagerButton />
          <QuickConnectBar />
          <SettingsButton />
        </div>
        <SitePasswordPrompt />
        <TrustPanel />
        <PlainTextPanel />
      </div>
      <Workspace />
      <SiteManagerDialog />
      <StatusBar />
      <ExistsDialog />
      <EditPrompts />
      <SshQuestionDialog />
      <DialogHost />
    </div>
  );
}
