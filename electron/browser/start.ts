/**
 * Entry point of browser mode (`npm run start:browser`): starts the services and the
 * loopback server, and prints the URL with its token.
 * Must not import electron.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServices } from '../services/createServices';
import { createDispatcher } from '../ipc/dispatch';
import { startBrowserServer } from './BrowserServer';
import { defaultDataDir } from '../local/dataDir';
import { keepRunningOnUnhandledRejections } from '../services/backstop';

/** Parsed flags of the browser-mode entry point. */
interface Flags {
  port: number;
  host: '127.0.0.1' | '::1';
}

function parseFlags(argv: string[]): Flags {
  const flags: Flags = { port: Number(process.env.FERRY_PORT ?? 0), host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') flags.port = Number(argv[++i]);
    else if (argv[i] === '--ipv6') flags.host = '::1';
  }
  if (!Number.isInteger(flags.port) || flags.port < 0 || flags.port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535`);
  }
  return flags;
}

async function main(): Promise<void> {
  const started = Date.now();
  keepRunningOnUnhandledRejections((message) => console.error(`ferry: ${message}`));
  const flags = parseFlags(process.argv.slice(2));
  // The built bundle lives in out/main; the renderer beside it in out/renderer.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = process.env.FERRY_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const services = await createServices({ dataDir: defaultDataDir() });
  const dispatch = createDispatcher(services.handlers, (reason) => console.error(`ferry: refused request: ${reason}`));
  const server = await startBrowserServer({
    rendererDir,
    dispatch,
    hub: services.hub,
    port: flags.port,
    host: flags.host,
    onWarning: (m) => console.error(`ferry: ${m}`),
    onClientGone: (clientId) => void services.closeClient(clientId),
  });
  console.log(`Ferry is running in browser mode at ${server.url}`);
  console.log(`(started in ${Date.now() - started} ms; only this machine can connect; Ctrl+C stops it)`);
  const stop = async () => {
    // Save the queue and say QUIT, but never hang on a server that does not answer.
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([Promise.all([server.close(), services.close()]), timeout]);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`ferry: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
