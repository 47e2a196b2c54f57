/**
 * The only place that knows which transport the app runs on: the Electron preload's
 * `window.ferry`, or the browser-mode WebSocket (below the secret path the page came from).
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
  // Browser mode serves the app below its secret path, /<token>/; the socket lives there too.
  const token = window.location.pathname.split('/')[1] ?? '';
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return (api = createWsApi(`${scheme}://${window.location.host}/${token}/ws`));
}

/**
 * Whether the window runs in the desktop app (the preload's bridge) rather than in a browser:
 * only the desktop app can hand a file to the system's applications.
 */
export function isDesktopApp(): boolean {
  return window.ferry !== undefined;
}

/** Replaces the API, for component tests. */
export function setApiForTests(next: FerryApi | undefined): void {
  api = next;
}
