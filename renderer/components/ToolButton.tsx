/**
 * A toolbar button: an icon to scan for and a label to read. When the label is not shown
 * (narrow toolbars), it is the button's accessible name and its tooltip.
 */
import type { ButtonHTMLAttributes } from 'react';
import type { LucideIcon } from 'lucide-react';

/** Props of a toolbar button. */
export interface ToolButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  icon: LucideIcon;
  label: string;
  /** Show only the icon; the label becomes the name and the tooltip. */
  isIconOnly?: boolean;
}

/** The icon (hidden from screen readers, which read the label) and the label. */
export function ToolButton({ icon: Icon, label, isIconOnly = false, className, title, ...rest }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`tool-button${isIconOnly ? ' icon-only' : ''}${className ? ` ${className}` : ''}`}
      aria-label={isIconOnly ? label : undefined}
      title={title ?? (isIconOnly ? label : undefined)}
      {...rest}
    >
      <Icon size={15} strokeWidth={1.8} aria-hidden />
      {isIconOnly ? null : <span>{label}</span>}
    </button>
  );
}
