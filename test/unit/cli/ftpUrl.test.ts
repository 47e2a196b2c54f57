import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../electron/cli/usageError';
import { describeFtpUrl, joinRemote, parseFtpUrl, remoteBaseName, remoteDirName } from '../../../electron/cli/ftpUrl';

describe('parseFtpUrl', () => {
  it.each([
    ['ftp://host', { scheme: 'ftp', host: 'host', port: undefined, user: undefined, password: undefined, path: undefined, isFolder: false }],
    ['ftp://host/', { host: 'host', path: '/', isFolder: true }],
    ['ftp://host:2121/pub/a.txt', { host: 'host', port: 2121, path: '/pub/a.txt', isFolder: false }],
    ['FTP://Host.Example/x', { scheme: 'ftp', host: 'Host.Example', path: '/x' }],
    ['ftps://host/x', { scheme: 'ftps', host: 'host', port: undefined, path: '/x' }],
    ['ftp://me@host/', { user: 'me', password: undefined }],
    ['ftp://me:@host/', { user: 'me', password: '' }],
    ['ftp://me:s3cret@host/', { user: 'me', password: 's3cret' }],
    ['ftp://me%40example.com:p%3Aw%2Fd%25@host/', { user: 'me@example.com', password: 'p:w/d%' }],
    ['ftp://me@example.com:pw@host/', { user: 'me@example.com', password: 'pw', host: 'host' }],
    ['ftp://us%C3%A9r:p%C3%A4ss@host/', { user: 'usér', password: 'päss' }],
    ['ftp://[::1]:2121/a', { host: '::1', port: 2121, path: '/a' }],
    ['ftp://[fe80::1]/a', { host: 'fe80::1', port: undefined }],
    ['ftp://host/a%20b/c%2Fd.txt', { path: '/a b/c/d.txt' }],
    ['ftp://host/dir with space/f', { path: '/dir with space/f' }],
    ['ftp://host/a/../b?x#y', { path: '/a/../b?x#y' }],
    ['ftp://host/~/notes.txt', { path: 'notes.txt' }],
    ['ftp://host/~/sub/', { path: 'sub/', isFolder: true }],
    ['ftp://host/~', { path: undefined }],
    ['ftp://host/~/', { path: undefined, isFolder: true }],
    ['ftp://host:/x', { port: undefined }],
    ['sftp://me:pw@host:2222/~/up/', { scheme: 'sftp', user: 'me', password: 'pw', host: 'host', port: 2222, path: 'up/', isFolder: true }],
    ['SFTP://host/srv/a.txt', { scheme: 'sftp', user: undefined, path: '/srv/a.txt' }],
  ])('%s', (text, expected) => {
    expect(parseFtpUrl(text)).toMatchObject(expected);
  });

  it.each([
    ['host/path', /not a URL/],
    ['scp://host/', /unsupported URL scheme "scp:" \(use ftp:\/\/, ftps:\/\/ or sftp:\/\/\)/],
    ['http://host/', /unsupported URL scheme/],
    ['ftp://host:0/', /bad port/],
    ['ftp://host:65536/', /bad port/],
    ['ftp://host:ab/', /bad host/],
    ['ftp:///path', /bad host/],
    ['ftp://@host/', /empty user name/],
    ['ftp://host/%zz', /bad percent-encoding in the URL's path/],
    ['ftp://me:%E0%A4%A@host/', /bad percent-encoding in the URL's password/],
    ['ftp://host/a%0D%0ADELE%20b', /line break or NUL/],
    ['ftp://host/a%00', /line break or NUL/],
    ['ftp://me%0A:x@host/', /user name contains a line break/],
  ])('refuses %s', (text, message) => {
    expect(() => parseFtpUrl(text)).toThrow(UsageError);
    expect(() => parseFtpUrl(text)).toThrow(message);
  });

  it('describes a URL without its password', () => {
    expect(describeFtpUrl(parseFtpUrl('ftp://me:secret@host:2121/a b'))).toBe('ftp://me@host:2121/a b');
    expect(describeFtpUrl(parseFtpUrl('ftps://[::1]/~/x'))).toBe('ftps://[::1]/~/x');
    expect(describeFtpUrl(parseFtpUrl('ftp://host'))).toBe('ftp://host/~/');
  });
});

describe('remote path helpers', () => {
  it.each([
    ['/a/b.txt', 'b.txt'],
    ['b.txt', 'b.txt'],
    ['/a/', undefined],
    ['/', undefined],
    ['/a/..', undefined],
    [undefined, undefined],
  ])('remoteBaseName(%s) = %s', (path, name) => {
    expect(remoteBaseName(path)).toBe(name);
  });

  it('splits and joins', () => {
    expect(remoteDirName('/a/b.txt')).toBe('/a/');
    expect(remoteDirName('b.txt')).toBe('');
    expect(joinRemote(undefined, 'x')).toBe('x');
    expect(joinRemote('/', 'x')).toBe('/x');
    expect(joinRemote('/up', 'x')).toBe('/up/x');
    expect(joinRemote('up/', 'x')).toBe('up/x');
  });
});
