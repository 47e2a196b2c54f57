/**
 * The Site Manager window: a modal dialog over the main window with three tabs (Sites,
 * Passwords, Import / Export). Escape closes it (asking first about unsaved changes), Tab
 * stays inside it, and focus returns to where it was when it closes.
 */
import { X } from 'lucide-react';
import { Modal } from '../../components/dialogs/Modal';
import { useSites, type SitesTab as Tab } from '../../stores/sitesStore';
import { ImportExportPanel } from './ImportExportPanel';
import { LeaveConfirm } from './LeaveConfirm';
import { LoadIssues } from './LoadIssues';
import { PasswordStoragePanel } from './PasswordStoragePanel';
import { SitesTab } from './SitesTab';

const TABS: { id: Tab; label: string }[] = [
  { id: 'sites', label: 'Sites' },
  { id: 'passwords', label: 'Passwords' },
  { id: 'transfer', label: 'Import / Export' },
];

/** The dialog, rendered only while open. */
export function SiteManagerDialog() {
  const isOpen = useSites((s) => s.isOpen);
  return isOpen ? <OpenDialog /> : null;
}

function OpenDialog() {
  const tab = useSites((s) => s.tab);
  const banner = useSites((s) => s.banner);
  const status = useSites((s) => s.status);
  const { close, setTab, resolveLeave } = useSites.getState();
  const onCancel = () => {
    if (useSites.getState().pendingLeave) void resolveLeave('stay');
    else close();
  };

  return (
    <Modal labelledBy="sm-title" className="site-manager" onCancel={onCancel} initialFocus='[role=tree] [tabindex="0"], [role=tab][aria-selected=true]'>
      <header className="sm-header">
        <h2 id="sm-title">Site Manager</h2>
        <div role="tablist" aria-label="Site Manager sections" className="sm-tabs">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`sm-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="sm-tabpanel"
              tabIndex={tab === t.id ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button type="button" className="sm-close icon-only" aria-label="Close Site Manager" title="Close" onClick={close}>
          <X size={16} aria-hidden />
        </button>
      </header>
      <LeaveConfirm />
      {banner ? (
        <div className={`sm-banner is-${banner.tone}`} role={banner.tone === 'error' ? 'alert' : 'status'}>
          {banner.text}
        </div>
      ) : null}
      {status && tab !== 'passwords' ? <LoadIssues status={status} /> : null}
      <div className="sm-body" role="tabpanel" id="sm-tabpanel" aria-labelledby={`sm-tab-${tab}`}>
        {tab === 'sites' ? <SitesTab /> : tab === 'passwords' ? <PasswordStoragePanel /> : <ImportExportPanel />}
      </div>
    </Modal>
  );
}
