/**
 * Synchronized browsing (FileZilla's): while on, entering a folder in one pane enters the
 * corresponding folder in the other, relative to the two folders shown when it was turned on.
 * A folder missing on the other side is offered to be created; otherwise that pane stays put
 * and says why. Turned off when the connection ends.
 */
import { create } from 'zustand';
import { counterpartOf, type FolderPair } from '../lib/syncBrowsing';
import { useDialogs } from './dialogStore';
import { useLocalPane } from './localPane';
import { useRemotePane } from './remotePane';
import { useSession } from './sessionStore';

/** The pair of folders browsing follows, when on. */
export interface SyncBrowsingState {
  pair?: FolderPair;
  setOn(isOn: boolean): void;
}

/** The synchronized-browsing store. */
export const useSyncBrowsing = create<SyncBrowsingState>()((set) => ({
  pair: undefined,
  setOn(isOn) {
    const isConnected = useSession.getState().status === 'connected';
    set({ pair: isOn && isConnected ? { local: useLocalPane.getState().path, remote: useRemotePane.getState().path } : undefined });
  },
}));

const panes = { local: useLocalPane, remote: useRemotePane } as const;
type Side = keyof typeof panes;

/** Keeps the panes in step while synchronized browsing is on; returns the unsubscribe. */
export function startSyncBrowsing(): () => void {
  // The pane being moved to follow the other: its own change must not be followed back.
  let following: Side | undefined;

  const follow = async (side: Side, next: string) => {
    const pair = useSyncBrowsing.getState().pair;
    const otherSide: Side = side === 'local' ? 'remote' : 'local';
    if (!pair || following === side) return;
    const target = counterpartOf(pair, side, next);
    const other = panes[otherSide].getState();
    if (target === undefined || target === other.path) return;
    following = otherSide;
    try {
      if (await other.navigate(target)) return;
      await offerToCreate(otherSide, target);
    } finally {
      following = undefined;
    }
  };

  const stops = (Object.keys(panes) as Side[]).map((side) =>
    panes[side].subscribe((s, p) => {
      if (s.path !== p.path && s.path !== '') void follow(side, s.path);
    }),
  );
  stops.push(
    useSession.subscribe((s, p) => {
      if (s.status !== p.status && s.status !== 'connected') useSyncBrowsing.setState({ pair: undefined });
    }),
  );
  return () => stops.forEach((stop) => stop());
}

/** A folder the other side lacks: offered to be made when it would be a child of the folder shown there. */
async function offerToCreate(side: Side, target: string): Promise<void> {
  const pane = panes[side].getState();
  const name = target.split(/[\\/]+/).filter(Boolean).at(-1);
  if (!name || pane.childPath(pane.path, name) !== target) return;
  const where = side === 'remote' ? 'on the server' : 'in the local folder';
  const isCreate = await useDialogs.getState().confirm({
    title: 'Folder missing',
    message: `"${name}" does not exist ${where}. Create it, so that both panes keep browsing in step?`,
    confirmLabel: 'Create',
  });
  if (isCreate && (await pane.mkdir(name))) await panes[side].getState().navigate(target);
}
