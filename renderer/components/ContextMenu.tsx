/**
 * A small context menu at a screen point: `role=menu` with menu items, arrow keys, Home/End,
 * Enter, Escape; closes on a click elsewhere. Knows nothing about commands.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/** One line of the menu, or a separator. */
export type MenuItem = { id: string; label: string; shortcut?: string; isDisabled?: boolean } | { separator: true; id: string };

/** Props of the menu. */
export interface ContextMenuProps {
  label: string;
  x: number;
  y: number;
  items: MenuItem[];
  onSelect(id: string): void;
  onClose(): void;
}

/** The open menu. */
export function ContextMenu({ label, x, y, items, onSelect, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: x, top: y });

  useLayoutEffect(() => {
    // Keep the whole menu on screen near the window's right and bottom edges.
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPos({ left: Math.max(0, Math.min(x, window.innerWidth - box.width - 4)), top: Math.max(0, Math.min(y, window.innerHeight - box.height - 4)) });
    ref.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled=true])')?.focus();
  }, [x, y]);

  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    const onBlur = () => onClose();
    document.addEventListener('mousedown', onDown, true);
    window.addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('mousedown', onDown, true);
      window.removeEventListener('blur', onBlur);
    };
  }, [onClose]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    // Keys used here must not also act on the pane behind the menu.
    e.stopPropagation();
    const enabled = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]:not([aria-disabled=true])') ?? [])];
    const at = enabled.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => enabled[(i + enabled.length) % enabled.length]?.focus();
    if (e.key === 'ArrowDown') focusAt(at + 1);
    else if (e.key === 'ArrowUp') focusAt(at < 0 ? -1 : at - 1);
    else if (e.key === 'Home') focusAt(0);
    else if (e.key === 'End') focusAt(-1);
    else if (e.key === 'Escape' || e.key === 'Tab') onClose();
    else return;
    e.preventDefault();
  };

  return (
    <div ref={ref} className="context-menu" role="menu" aria-label={label} style={pos} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((item) =>
        'separator' in item ? (
          <div key={item.id} role="separator" className="menu-separator" />
        ) : (
          <div
            key={item.id}
            role="menuitem"
            tabIndex={-1}
            aria-disabled={item.isDisabled || undefined}
            className="menu-item"
            onClick={() => !item.isDisabled && onSelect(item.id)}
            onKeyDown={(e) => {
              if ((e.key === 'Enter' || e.key === ' ') && !item.isDisabled) {
                e.preventDefault();
                onSelect(item.id);
              }
            }}
          >
            <span>{item.label}</span>
            {item.shortcut ? <kbd>{item.shortcut}</kbd> : null}
          </div>
        ),
      )}
    </div>
  );
}
