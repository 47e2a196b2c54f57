/**
 * The Site Manager window: a modal dialog over the main window with three tabs (Sites,
 * Passwords, Import / Export). Escape closes it (asking first about unsaved changes), Tab
 * stays inside it, and focus returns to where it was when it closes.
 */
import { useEffect, useRef, type KeyboardEvent } from 'react';
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

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

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
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('[role=tree] [tabindex="0"], [role=tab][aria-selected=true]')?.focus();
    return () => opener?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (useSites.getState().pendingLeave) void resolveLeave('stay');
      else close();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    // A modal dialog keeps Tab inside itself (WAI-ARIA dialog pattern).
    const items = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="sm-backdrop">
      <div className="site-manager" role="dialog" aria-modal="true" aria-labelledby="sm-title" ref={dialogRef} onKeyDown={onKeyDown}>
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
          <button type="button" className="sm-close" aria-label="Close Site Manager" onClick={close}>
            ×
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
      </div>
    </div>
  );
}
