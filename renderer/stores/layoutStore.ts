/** Which panels of the window are collapsed, remembered in the window's localStorage. */
import { create } from 'zustand';

const KEY = 'ferry.layout';

/** Collapsed panels and the toggles. */
export interface LayoutState {
  isLogCollapsed: boolean;
  isQueueCollapsed: boolean;
  toggleLog(): void;
  toggleQueue(): void;
}

function load(): Pick<LayoutState, 'isLogCollapsed' | 'isQueueCollapsed'> {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<LayoutState>;
    return { isLogCollapsed: saved.isLogCollapsed === true, isQueueCollapsed: saved.isQueueCollapsed === true };
  } catch {
    return { isLogCollapsed: false, isQueueCollapsed: false };
  }
}

function save(state: Pick<LayoutState, 'isLogCollapsed' | 'isQueueCollapsed'>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // A layout preference is not worth an error.
  }
}

/** The layout store. */
export const useLayout = create<LayoutState>()((set, get) => ({
  ...load(),
  toggleLog() {
    set({ isLogCollapsed: !get().isLogCollapsed });
    save(get());
  },
  toggleQueue() {
    set({ isQueueCollapsed: !get().isQueueCollapsed });
    save(get());
  },
}));
