import { describe, expect, it } from 'vitest';
import { redactedTitle, redactLoosePasswords, redactUrlPasswords } from '../../../electron/cli/redact';
import { parseFtpUrl } from '../../../electron/cli/ftpUrl';

describe('passwords in URLs', () => {
  it('are masked, whatever they contain up to the host', () => {
    expect(redactUrlPasswords('ftp://me:s3cret@host/x')).toBe('ftp://me:***@host/x');
    expect(redactUrlPasswords('ftps://me:p@ss:w@host:21/a:b@c')).toBe('ftps://me:***@host:21/a:b@c');
    expect(redactUrlPasswords('ftp://me@host/x')).toBe('ftp://me@host/x');
  });

  it('give the process a title without them, and none when there is nothing to hide', () => {
    expect(redactedTitle(['get', 'ftp://u:pw@h/x', '-v'])).toBe('ferry get ftp://u:***@h/x -v');
    expect(redactedTitle(['get', 'ftp://u@h/x'])).toBeUndefined();
  });

  it('are not echoed when the text is not a URL', () => {
    expect(redactLoosePasswords('ftp:/me:secret@host/x')).toBe('ftp:/me:***@host/x');
    expect(() => parseFtpUrl('ftp:/me:secret@host/x')).toThrow(/not a URL: "ftp:\/me:\*\*\*@host\/x"/);
    expect(() => parseFtpUrl('me:secret@host')).toThrow(/^(?!.*secret)/);
  });
});
