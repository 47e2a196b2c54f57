/** Which panels of the window are collapsed, remembered in the window's localStorage. */
import { create } from 'zustand';

const KEY = 'ferry.layout';

/** A panel that can be collapsed to its header. */
export type CollapsiblePanel = 'log' | 'queue';

/** Collapsed panels and the toggles. */
export interface LayoutState {
  isLogCollapsed: boolean;
  isQueueCollapsed: boolean;
  toggleLog(): void;
  toggleQueue(): void;
  /** The share of the window's height (percent) each panel had when last open, to reopen it so. */
  openSizes: Partial<Record<CollapsiblePanel, number>>;
  /** Records a collapse or expand the user made by dragging a splitter. */
  setCollapsed(panel: CollapsiblePanel, isCollapsed: boolean): void;
  setOpenSize(panel: CollapsiblePanel, percent: number): void;
}

type Saved = Pick<LayoutState, 'isLogCollapsed' | 'isQueueCollapsed' | 'openSizes'>;

function percentOf(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 && value < 100 ? value : undefined;
}

function load(): Saved {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<LayoutState>;
    return {
      isLogCollapsed: saved.isLogCollapsed === true,
      isQueueCollapsed: saved.isQueueCollapsed === true,
      openSizes: { log: percentOf(saved.openSizes?.log), queue: percentOf(saved.openSizes?.queue) },
    };
  } catch {
    return { isLogCollapsed: false, isQueueCollapsed: false, openSizes: {} };
  }
}

function save(state: Saved): void {
  try {
    const { isLogCollapsed, isQueueCollapsed, openSizes } = state;
    localStorage.setItem(KEY, JSON.stringify({ isLogCollapsed, isQueueCollapsed, openSizes }));
  } catch {
    // A layout preference is not worth an error.
  }
}

/** The layout store. */
export const useLayout = create<LayoutState>()((set, get) => ({
  ...load(),
  toggleLog() {
    get().setCollapsed('log', !get().isLogCollapsed);
  },
  toggleQueue() {
    get().setCollapsed('queue', !get().isQueueCollapsed);
  },
  setCollapsed(panel, isCollapsed) {
    const key = panel === 'log' ? 'isLogCollapsed' : 'isQueueCollapsed';
    if (get()[key] === isCollapsed) return;
    set({ [key]: isCollapsed });
    save(get());
  },
  setOpenSize(panel, percent) {
    if (get().openSizes[panel] === percent) return;
    set({ openSizes: { ...get().openSizes, [panel]: percent } });
    save(get());
  },
}));
