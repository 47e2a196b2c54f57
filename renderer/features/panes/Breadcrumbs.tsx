/** The path of a pane as clickable segments, from the root to the folder shown. */
import { breadcrumbs } from '../../lib/breadcrumbs';

/** Props of the breadcrumbs. */
export interface BreadcrumbsProps {
  label: string;
  path: string;
  onNavigate(path: string): void;
}

/** The last segment is the current folder and is not a link. */
export function Breadcrumbs({ label, path, onNavigate }: BreadcrumbsProps) {
  const crumbs = breadcrumbs(path);
  return (
    <nav className="breadcrumbs" aria-label={`${label} breadcrumbs`}>
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.path}>
            {i === crumbs.length - 1 ? (
              <span aria-current="location">{c.label}</span>
            ) : (
              <button type="button" className="crumb" onMouseDown={(e) => e.preventDefault()} onClick={() => onNavigate(c.path)} title={c.path}>
                {c.label}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
