/**
 * A site's server type, from the Site Manager or FileZilla's sitemanager.xml to the engine's
 * listing readers: validated, kept only when not Auto, imported from and exported to `<Type>`,
 * and restricting the forms a listing is read in.
 */
import { describe, expect, it } from 'vitest';
import { parseListing } from '../../../electron/ftp/list';
import { validateSiteInput } from '../../../electron/sites/siteInput';
import { parseSiteManager } from '../../../electron/sites/filezilla/parseSiteManager';
import { exportSiteManager } from '../../../electron/sites/filezilla/exportSiteManager';
import { siteConnectParams } from '../../../electron/services/siteConnect';
import { toConnectOptions } from '../../../electron/services/connectOptions';
import { parseCommandLine } from '../../../electron/cli/args';
import { connectOptionsFor } from '../../../electron/cli/connect';
import { parseFtpUrl } from '../../../electron/cli/ftpUrl';
import { emptyForm, formToInput, siteToForm } from '../../../renderer/stores/sitesForm';
import type { Site } from '../../../shared/domain';

const base = { name: 'Mainframe', host: 'zos.example.com', tls: 'none' as const, dataMode: 'auto' as const, charset: 'auto' };

describe('a site\'s server type', () => {
  it('is validated, and kept only when it is not Auto', () => {
    expect(validateSiteInput({ ...base, serverType: 'mvs' }).serverType).toBe('mvs');
    expect('serverType' in validateSiteInput({ ...base, serverType: 'auto' })).toBe(false);
    expect(() => validateSiteInput({ ...base, serverType: 'amiga' as never })).toThrow(/Unknown server type: amiga/);
  });

  it('round-trips through the Site Manager form', () => {
    const site: Site = { id: 's', folder: '', logonType: 'anonymous', ...base, serverType: 'vms' };
    expect(siteToForm(site).serverType).toBe('vms');
    const converted = formToInput({ ...emptyForm('', 'x'), host: 'h', serverType: 'os400' });
    expect(converted.ok && converted.site.serverType).toBe('os400');
  });

  it("is imported from FileZilla's <Type> and exported to it", async () => {
    const xml = `<FileZilla3><Servers>
      <Server><Host>a</Host><Type>4</Type><Name>z/OS</Name></Server>
      <Server><Host>b</Host><Type>2</Type><Name>VMS</Name></Server>
      <Server><Host>c</Host><Type>0</Type><Name>Auto</Name></Server>
      <Server><Host>d</Host><Type>10</Type><Name>DOS</Name></Server>
      <Server><Host>e</Host><Type>42</Type><Name>Odd</Name></Server>
    </Servers></FileZilla3>`;
    const parsed = parseSiteManager(xml);
    expect(parsed.sites.map((s) => [s.input.name, s.input.serverType])).toEqual([
      ['z/OS', 'mvs'], ['VMS', 'vms'], ['Auto', undefined], ['DOS', 'dos'], ['Odd', undefined],
    ]);
    expect(parsed.warnings.map((w) => w.message)).toContain('Unknown server type "42"; detecting it from the listings');
    const sites: Site[] = [
      { id: '1', folder: '', logonType: 'anonymous', ...base, serverType: 'mvs' },
      { id: '2', folder: '', logonType: 'anonymous', ...base, name: 'Plain' },
    ];
    const exported = await exportSiteManager({ folders: [], sites });
    expect(exported.xml.match(/<Type>\d+<\/Type>/g)).toEqual(['<Type>4</Type>', '<Type>0</Type>']);
  });

  it('reaches the engine from a saved site and from the command line', async () => {
    const site: Site = { id: 's', folder: '', logonType: 'anonymous', ...base, serverType: 'mvs' };
    const sites = { get: () => site } as never;
    const params = await siteConnectParams(sites, 's', {});
    expect(params.serverType).toBe('mvs');
    expect(toConnectOptions(params).serverType).toBe('mvs');
    const cli = parseCommandLine(['ls', '--server-type', 'vms', 'ftp://h/']);
    expect(cli.kind === 'run' && connectOptionsFor(parseFtpUrl('ftp://h/'), cli.options, {}).serverType).toBe('vms');
    expect(() => parseCommandLine(['ls', '--server-type', 'amiga', 'ftp://h/'])).toThrow(/--server-type must be one of auto, unix/);
  });
});

describe('listings read under a server type', () => {
  it('takes a PDS member listed by its name alone, which Auto leaves unread', () => {
    const text = 'MEMBER1   01.03 2023/01/15 2024/03/05 14:22    52    40     0 USER01\r\nNOSTATS\r\n';
    expect(parseListing(text).entries.map((e) => e.name)).toEqual(['MEMBER1', 'NOSTATS']);
    expect(parseListing('NOSTATS\r\nALSO\r\n').unparsed).toEqual(['NOSTATS', 'ALSO']);
    expect(parseListing('NOSTATS\r\nALSO\r\n', { serverType: 'mvs' }).entries.map((e) => e.name)).toEqual(['NOSTATS', 'ALSO']);
  });

  it('reads only the forms of the chosen system, and MLSD in an MLSD listing', () => {
    const unix = '-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt\r\n';
    expect(parseListing(unix, { serverType: 'vms' }).unparsed).toEqual(['-rw-r--r-- 1 ftp ftp 10 Mar  5 12:00 a.txt']);
    expect(parseListing(unix, { serverType: 'unix' }).entries.map((e) => e.name)).toEqual(['a.txt']);
    expect(parseListing('type=file;size=3; a.txt\r\n', { serverType: 'mvs', format: 'mlsd' }).entries.map((e) => e.name)).toEqual(['a.txt']);
  });
});
