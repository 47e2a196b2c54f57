/** Files the sites module found damaged at start and set aside, so the user knows sites or passwords may be missing. */
import type { SitesStatus } from '../../../shared/sites';

/** The list of start-up problems, or nothing when there were none. */
export function LoadIssues({ status }: { status: SitesStatus }) {
  if (status.loadIssues.length === 0) return null;
  return (
    <div className="sm-load-issues" role="alert">
      <strong>Some files could not be read when Ferry started and were set aside:</strong>
      <ul>
        {status.loadIssues.map((issue) => (
          <li key={issue.file}>
            {issue.file}: {issue.reason} (the damaged file was kept as {issue.backupPath})
          </li>
        ))}
      </ul>
    </div>
  );
}
