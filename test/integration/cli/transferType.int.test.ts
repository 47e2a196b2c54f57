/**
 * The command line's transfer type against a real server: --type auto picks ASCII by extension
 * and leaves a binary file alone, -a converts a folder's text through the queue, and with no
 * option the type saved by the Settings dialog (same data folder) applies, --type overriding it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../servers';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { ensureCliBuilt, ferry } from './harness';

const CRLF_TEXT = 'first\r\nsecond\r\n';
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x0d, 0x0d, 0x0a, 0xff]);

describe('ferry --type against pyftpdlib', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let local: string;
  let dataDir: string;
  let base: string;
  const remote = (name: string) => `${base}/~/${name}`;

  beforeAll(async () => {
    await ensureCliBuilt();
    srv = await startServer('pyftpdlib');
    local = mkdtempSync(join(tmpdir(), 'ferry-cli-type-'));
    dataDir = mkdtempSync(join(tmpdir(), 'ferry-cli-data-'));
    base = `ftp://${encodeURIComponent(srv.user)}:${encodeURIComponent(srv.password)}@${srv.host}:${srv.port}`;
    writeFileSync(join(srv.homeDir, 'page.html'), CRLF_TEXT);
    writeFileSync(join(srv.homeDir, 'logo.png'), BINARY);
    mkdirSync(join(srv.homeDir, 'site'));
    writeFileSync(join(srv.homeDir, 'site', 'readme.txt'), CRLF_TEXT);
    writeFileSync(join(srv.homeDir, 'site', 'logo.png'), BINARY);
  }, 180_000);

  afterAll(async () => {
    await srv?.stop();
    rmSync(local, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const noSettings = () => ({ FERRY_DATA_DIR: join(dataDir, 'none') });

  it('--type auto sends text as ASCII and an image as binary', async () => {
    const text = await ferry(['get', '--type', 'auto', '-v', remote('page.html'), join(local, 'page.html')], { env: noSettings() });
    expect(text.status).toBe(0);
    expect(text.stderr).toMatch(/^> TYPE A$/m);
    expect(readFileSync(join(local, 'page.html'), 'latin1')).toBe('first\nsecond\n');
    const image = await ferry(['get', '--type', 'auto', '-v', remote('logo.png'), join(local, 'logo.png')], { env: noSettings() });
    expect(image.status).toBe(0);
    expect(image.stderr).not.toMatch(/^> TYPE A$/m);
    expect(readFileSync(join(local, 'logo.png')).equals(BINARY)).toBe(true);
  });

  it('-a converts the text files of a folder download and nothing is compared by size', async () => {
    const got = await ferry(['get', '-r', '-a', remote('site/'), join(local, 'ascii-site')], { env: noSettings() });
    expect(got.status).toBe(0);
    expect(readFileSync(join(local, 'ascii-site', 'readme.txt'), 'latin1')).toBe('first\nsecond\n');
  });

  it('takes the transfer type saved in Settings when run with the same data folder; --type overrides it', async () => {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ version: 1, ...DEFAULT_SETTINGS, transfers: { ...DEFAULT_SETTINGS.transfers, type: 'ascii' } }));
    const env = { FERRY_DATA_DIR: dataDir };
    const saved = await ferry(['get', remote('logo.png'), join(local, 'saved-ascii.png')], { env });
    expect(saved.status).toBe(0);
    // ASCII for every file, as saved: each of the two CRLFs inside the image became LF.
    expect(readFileSync(join(local, 'saved-ascii.png')).length).toBe(BINARY.length - 2);
    const overridden = await ferry(['get', '--type', 'binary', remote('logo.png'), join(local, 'overridden.png')], { env });
    expect(readFileSync(join(local, 'overridden.png')).equals(BINARY)).toBe(true);
    expect(overridden.status).toBe(0);

    const folder = await ferry(['get', '-r', remote('site/'), join(local, 'saved-site')], { env });
    expect(folder.status).toBe(0);
    expect(readFileSync(join(local, 'saved-site', 'readme.txt'), 'latin1')).toBe('first\nsecond\n');

    const resume = await ferry(['get', '--resume', remote('page.html'), join(local, 'resume.html')], { env });
    expect(resume.status).toBe(2);
    expect(resume.stderr).toMatch(/--resume works only for binary transfers, and page\.html goes as ASCII .*add --type binary/);
  });

  it('without saved settings or --type, stays binary as before', async () => {
    const got = await ferry(['get', remote('page.html'), join(local, 'plain.html')], { env: noSettings() });
    expect(got.status).toBe(0);
    expect(readFileSync(join(local, 'plain.html'), 'latin1')).toBe(CRLF_TEXT);
  });
});
