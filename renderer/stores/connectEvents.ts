/** Routes the main process's events into the stores; returns the function that stops it. */
import { getApi } from '../api/getApi';
import { useLogStore } from './logStore';

/** Subscribes every store to its events. */
export function connectEvents(): () => void {
  const api = getApi();
  const offs = [api.on('log', (batch) => useLogStore.getState().append(batch))];
  return () => offs.forEach((off) => off());
}
