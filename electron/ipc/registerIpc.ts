/**
 * The Electron half of the IPC boundary: one `ipcMain.handle` per contract method, each
 * accepting calls only from our own top frame, and events forwarded to the window.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { METHOD_NAMES } from '../../shared/contractNames';
import type { Dispatch } from './dispatch';
import type { EventHub } from '../services/EventHub';
import { fail } from '../../shared/result';

/** The channel prefix of method calls and the channel of events. */
export const INVOKE_PREFIX = 'ferry:';
export const EVENT_CHANNEL = 'ferry:event';

/** Registers every contract method; `isTrustedUrl` says whether a sender frame is ours. */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(INVOKE_PREFIX + name, async (event: IpcMainInvokeEvent, input: unknown) => {
      const frame = event.senderFrame;
      // A sub-frame or a navigated-away page must not reach the FTP engine.
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return fail({ kind: 'forbidden', message: `IPC refused from ${frame?.url ?? 'an unknown frame'}` });
      }
      return dispatch(name, input, { transport: 'electron', clientId: `window-${event.sender.id}` });
    });
  }
}

/** Forwards the hub's batched events to a window until it is destroyed. */
export function forwardEvents(hub: EventHub, contents: WebContents): void {
  const unsubscribe = hub.subscribe((event, payload) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });
  contents.once('destroyed', unsubscribe);
}
