/** A small button that hides or shows a panel, labelled for screen readers. */
import { ChevronDown, ChevronRight } from 'lucide-react';

/** Props of the collapse button. */
export interface CollapseButtonProps {
  panel: string;
  isCollapsed: boolean;
  onToggle(): void;
}

/** A chevron pointing right when collapsed, down when open. */
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
      {isCollapsed ? <ChevronRight size={15} aria-hidden /> : <ChevronDown size={15} aria-hidden />}
    </button>
  );
}
