/** One pane's frame around a pane store's state: title, path bar, error, table and footer. */
import type { PaneState } from '../../stores/createPaneStore';
import { PathBar } from './PathBar';
import { FileList } from './FileList';
import { formatSize } from '../../lib/format';

/** Props of a file pane. */
export interface FilePaneProps {
  title: string;
  pane: PaneState;
}

/** Renders a pane; all actions go to the pane's store. */
export function FilePane({ title, pane }: FilePaneProps) {
  const files = pane.entries.filter((e) => e.type !== 'dir');
  const folders = pane.entries.length - files.length;
  const total = files.reduce((sum, e) => sum + (e.sizeBytes ?? 0), 0);
  return (
    <section className="pane" aria-label={title} aria-busy={pane.loading}>
      <header className="pane-title">{title}</header>
      <PathBar
        label={title}
        path={pane.path}
        canGoUp={pane.parent !== null}
        onNavigate={(p) => void pane.navigate(p)}
        onUp={() => void pane.up()}
        onRefresh={() => void pane.refresh()}
      />
      {pane.error ? (
        <div className="pane-error" role="alert">
          {pane.failedPath ? <strong>{pane.failedPath}: </strong> : null}
          {pane.error.ftpCode ? `${pane.error.ftpCode} ` : ''}
          {pane.error.message}
        </div>
      ) : null}
      <FileList
        label={`${title} files`}
        entries={pane.entries}
        hasParent={pane.parent !== null}
        sort={pane.sort}
        onSort={pane.setSort}
        onOpen={(e) => void pane.open(e)}
        onUp={() => void pane.up()}
      />
      <footer className="pane-footer">
        {pane.loading
          ? 'Loading…'
          : `${files.length} file${files.length === 1 ? '' : 's'} and ${folders} folder${folders === 1 ? '' : 's'}. Total size: ${formatSize(total)}`}
      </footer>
    </section>
  );
}
