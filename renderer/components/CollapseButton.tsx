/** A small button that hides or shows a panel, labelled for screen readers. */

/** Props of the collapse button. */
export interface CollapseButtonProps {
  panel: string;
  isCollapsed: boolean;
  onToggle(): void;
}

/** ▸ when collapsed, ▾ when open. */
export function CollapseButton({ panel, isCollapsed, onToggle }: CollapseButtonProps) {
  return (
    <button
      type="button"
      className="collapse-button"
      aria-expanded={!isCollapsed}
      aria-label={`${isCollapsed ? 'Show' : 'Hide'} ${panel}`}
      title={`${isCollapsed ? 'Show' : 'Hide'} ${panel}`}
      onClick={onToggle}
    >
      {isCollapsed ? '▸' : '▾'}
    </button>
  );
}
