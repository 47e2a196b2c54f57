/**
 * The only place that knows which transport the app runs on: the Electron preload's
 * `window.ferry`, or the browser-mode WebSocket (token taken from the page's URL).
 */
import type { FerryApi } from '../../shared/api';
import { createWsApi } from './wsClient';

declare global {
  interface Window {
    ferry?: FerryApi;
  }
}

let api: FerryApi | undefined;

/** Returns the API for this window, creating the transport on first use. */
export function getApi(): FerryApi {
  if (api) return api;
  if (window.ferry) return (api = window.ferry);
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return (api = createWsApi(`${scheme}://${window.location.host}/ws?token=${encodeURIComponent(token)}`));
}

/** Replaces the API, for component tests. */
export function setApiForTests(next: FerryApi | undefined): void {
  api = next;
}
