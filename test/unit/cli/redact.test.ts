import { describe, expect, it } from 'vitest';
import { redactedTitle, redactLoosePasswords, redactUrlPasswords } from '../../../electron/cli/redact';
import { parseFtpUrl } from '../../../electron/cli/ftpUrl';

describe('passwords in URLs', () => {
  it('are masked, whatever they contain up to the host', () => {
    expect(redactUrlPasswords('ftp://me:s3cret@host/x')).toBe('ftp://me:***@host/x');
    expect(redactUrlPasswords('ftps://me:p@ss:w@host:21/a')).toBe('ftps://me:***@host:21/a');
    expect(redactUrlPasswords('ftp://me@example.com:s3cret@host/x')).toBe('ftp://me@example.com:***@host/x');
    expect(redactUrlPasswords('ftp://me:se/cret@host/x')).toBe('ftp://me:***@host/x');
    expect(redactUrlPasswords('ftp://me@host/x')).toBe('ftp://me@host/x');
    expect(redactUrlPasswords('ftp://host/a@b')).toBe('ftp://host/a@b');
  });

  it('give the process a title without them, and none when there is nothing to hide', () => {
    expect(redactedTitle(['get', 'ftp://u:pw@h/x', '-v'])).toBe('ferry get ftp://u:***@h/x -v');
    expect(redactedTitle(['get', 'ftp://u@h/x'])).toBeUndefined();
  });

  it('are not echoed when the text is not a URL', () => {
    expect(redactLoosePasswords('ftp:/me:secret@host/x')).not.toContain('secret');
    expect(redactLoosePasswords('me:secret@host')).toBe('me:***@host');
    expect(() => parseFtpUrl('ftp://me:se/cret@host/x')).toThrow(/^(?!.*se\b)(?!.*cret).*bad host in URL/);
    expect(() => parseFtpUrl('ftp:/me:secret@host/x')).toThrow(/not a URL: "ftp:\*\*\*@host\/x"/);
    expect(() => parseFtpUrl('me:secret@host')).toThrow(/^(?!.*secret)/);
  });
});
