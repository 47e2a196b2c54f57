/**
 * The Import / Export tab: reads a FileZilla sitemanager.xml chosen by the user (in the
 * renderer, as text) and reports what was imported, skipped and changed; exports the sites
 * in the same format as a download, with passwords only on explicit request.
 */
import { useState } from 'react';
import { useSites } from '../../stores/sitesStore';
import { downloadText } from './downloadText';

/** Import and export of FileZilla's site manager file. */
export function ImportExportPanel() {
  return (
    <div className="sm-transfer">
      <ImportSection />
      <ExportSection />
    </div>
  );
}

function ImportSection() {
  const report = useSites((s) => s.importReport);
  const isBusy = useSites((s) => s.isBusy);
  return (
    <section aria-labelledby="sm-import-title">
      <h3 id="sm-import-title">Import from FileZilla</h3>
      <p>
        Choose FileZilla's <code>sitemanager.xml</code> (in FileZilla: File → Export, or the file in its settings folder). Folders and sites are
        added to yours; entries Ferry cannot use are listed with the reason. Passwords that FileZilla protected with its own master
        password cannot be read, so those sites ask for the password.
      </p>
      <label className="sm-file">
        FileZilla site manager file{' '}
        <input
          type="file"
          accept=".xml,text/xml,application/xml"
          disabled={isBusy}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            const text = await file.text();
            // Reset so choosing the same file again imports it again.
            input.value = '';
            await useSites.getState().importXml(text, file.name);
          }}
        />
      </label>
      {report ? (
        <div className="sm-report" role="status" aria-label="Import report">
          <p>
            <strong>
              Imported {report.imported.length} site{report.imported.length === 1 ? '' : 's'}
            </strong>{' '}
            from {report.fileName}
            {report.folders.length > 0 ? ` into ${report.folders.length} folder${report.folders.length === 1 ? '' : 's'}` : ''}.
          </p>
          {report.skipped.length > 0 ? (
            <>
              <h4>Skipped ({report.skipped.length})</h4>
              <ul className="sm-skipped">
                {report.skipped.map((s, i) => (
                  <li key={i}>
                    <span className="sm-path">{s.path}</span>: {s.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {report.warnings.length > 0 ? (
            <>
              <h4>Changed on import ({report.warnings.length})</h4>
              <ul className="sm-warnings">
                {report.warnings.map((w, i) => (
                  <li key={i}>
                    <span className="sm-path">{w.path}</span>: {w.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ExportSection() {
  const [includePasswords, setIncludePasswords] = useState(false);
  const warnings = useSites((s) => s.exportWarnings);
  const isBusy = useSites((s) => s.isBusy);
  const status = useSites((s) => s.status);
  const isLocked = status?.isLocked === true;
  return (
    <section aria-labelledby="sm-export-title">
      <h3 id="sm-export-title">Export for FileZilla</h3>
      <p>Saves all folders and sites as a sitemanager.xml that FileZilla (and Ferry) can import.</p>
      <label className="sm-check">
        <input type="checkbox" checked={includePasswords} onChange={(e) => setIncludePasswords(e.target.checked)} /> Include passwords
      </label>
      {includePasswords ? (
        <p className="sm-warning" role="note">
          FileZilla's format stores passwords only base64-encoded, which is not encryption: anyone who gets the file can read them. Keep it
          private and delete it after use.{isLocked ? ' Unlock the saved passwords first, or they cannot be exported.' : ''}
        </p>
      ) : null}
      <button
        type="button"
        disabled={isBusy}
        onClick={async () => {
          const xml = await useSites.getState().exportXml(includePasswords);
          if (xml !== null) downloadText(xml, 'sitemanager.xml');
        }}
      >
        Export sitemanager.xml
      </button>
      {warnings && warnings.length > 0 ? (
        <ul className="sm-warnings" aria-label="Export notes">
          {warnings.map((w, i) => (
            <li key={i}>
              <span className="sm-path">{w.path}</span>: {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
