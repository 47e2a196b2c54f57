/** The "Site Manager" button at the left of the quick-connect bar, and its Ctrl+S shortcut (FileZilla's key). */
import { useLayoutEffect } from 'react';
import { Server } from 'lucide-react';
import { useSites } from '../../stores/sitesStore';

/** Whether a key event is the Site Manager shortcut: Ctrl+S (Cmd+S on macOS), no other modifiers. */
export function isSiteManagerShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's';
}

/** Opens the Site Manager; also listens for Ctrl+S anywhere in the window. */
export function SiteManagerButton() {
  const open = useSites((s) => s.open);
  // A layout effect listens before the first paint, so the shortcut works as soon as the button shows.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSiteManagerShortcut(e)) return;
      // The browser's "save page" would be useless here; FileZilla users expect the Site Manager.
      e.preventDefault();
      if (!useSites.getState().isOpen) void open();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <button type="button" className="site-manager-button" title="Site Manager (Ctrl+S)" aria-keyshortcuts="Control+S" onClick={() => void open()}>
      <Server size={15} strokeWidth={1.8} aria-hidden />
      Site Manager
    </button>
  );
}
