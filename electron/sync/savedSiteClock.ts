/**
 * The clock settings of the saved site a command-line URL names: `sites.json` in the data folder,
 * read and never written (the window owns it and would overwrite a change made behind its back).
 * A site matches when its account (user, host, port) is the URL's; a missing or unreadable file
 * matches nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { accountKeyOf } from '../../shared/serverAccount';
import type { Protocol, TlsMode } from '../../shared/domain';
import { sitesFileSchema } from '../sites/storeSchema';
import type { ServerRef, SiteClock } from './clockOffsetFor';

const keyOf = (ref: ServerRef) => accountKeyOf({ ...ref, host: ref.host.toLowerCase() });

/** The clock settings of the first saved site for this server's account, if any has some. */
export async function savedSiteClock(dataDir: string, server: ServerRef): Promise<SiteClock | undefined> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path.join(dataDir, 'sites.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const parsed = sitesFileSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const wanted = keyOf(server);
  const matching = parsed.data.sites.filter(
    (s) => keyOf({ host: s.host, port: s.port, tls: s.tls as TlsMode, protocol: s.protocol as Protocol | undefined, user: s.logonType === 'anonymous' ? undefined : s.user }) === wanted,
  );
  // Several sites may name one account (different folders): the first that says something decides.
  const site = matching.find((s) => s.clockOverrideMs !== undefined) ?? matching.find((s) => s.clockDetected);
  return site && { siteId: site.id, clockOverrideMs: site.clockOverrideMs, clockDetected: site.clockDetected };
}
