/** Data-connection addresses: PASV and PORT (RFC 959), EPSV and EPRT (RFC 2428), read and written. */
import { describe, expect, it } from 'vitest';
import {
  formatEpsvReply, formatEprtArgument, formatPortArgument, parseEprtArgument, parseEpsvReply, parsePasvReply, parsePortArgument,
} from '../../../../electron/ftp/data/dataAddress';
import { FtpProtocolError } from '../../../../electron/ftp/errors';

describe('PASV (227) and PORT', () => {
  it.each([
    ['Entering Passive Mode (192,168,1,2,19,137)', '192.168.1.2', 19 * 256 + 137],
    ['Entering Passive Mode (127,0,0,1,4,1).', '127.0.0.1', 1025],
    ['=127,0,0,1,255,255', '127.0.0.1', 65535],
    ['Entering passive mode 10,0,0,5,0,21 (no parentheses)', '10.0.0.5', 21],
  ])('parses %s', (text, host, port) => {
    expect(parsePasvReply(text)).toEqual({ host, port });
  });

  it.each(['Entering Passive Mode', '(1,2,3,4,5)', '(300,1,1,1,1,1)', '(1,2,3,4,0,0)'])('rejects %s', (text) => {
    expect(() => parsePasvReply(text)).toThrow(FtpProtocolError);
  });

  it('formats PORT as p1·256+p2 and round-trips', () => {
    expect(formatPortArgument({ host: '127.0.0.1', port: 5001 })).toBe('127,0,0,1,19,137');
    expect(parsePortArgument('127,0,0,1,19,137')).toEqual({ host: '127.0.0.1', port: 5001 });
    expect(() => formatPortArgument({ host: '::1', port: 21 })).toThrow(FtpProtocolError);
    expect(() => parsePortArgument('127,0,0,1,19')).toThrow(FtpProtocolError);
  });
});

describe('EPSV (229) and EPRT (RFC 2428)', () => {
  it.each([
    ['Entering Extended Passive Mode (|||6446|)', 6446],
    ['Entering extended passive mode (|||41018|).', 41018],
    ['EPSV ok (!!!1025!)', 1025],
  ])('parses %s', (text, port) => {
    expect(parseEpsvReply(text)).toBe(port);
  });

  it.each(['Entering Extended Passive Mode (||6446|)', '(|||0|)', '(|||70000|)', '(|1|1.2.3.4|21|)'])('rejects %s', (text) => {
    expect(() => parseEpsvReply(text)).toThrow(FtpProtocolError);
  });

  it('formats a 229 text the parser reads back', () => {
    expect(parseEpsvReply(formatEpsvReply(2121))).toBe(2121);
  });

  it('formats and parses EPRT for IPv4 and IPv6', () => {
    expect(formatEprtArgument({ host: '132.235.1.2', port: 6275 })).toBe('|1|132.235.1.2|6275|');
    expect(formatEprtArgument({ host: '1080::8:800:200C:417A', port: 5282 })).toBe('|2|1080::8:800:200C:417A|5282|');
    expect(parseEprtArgument('|1|132.235.1.2|6275|')).toEqual({ family: 1, host: '132.235.1.2', port: 6275 });
    expect(parseEprtArgument('!2!::1!21!')).toEqual({ family: 2, host: '::1', port: 21 });
    expect(() => parseEprtArgument('|1|::1|21|')).toThrow(FtpProtocolError);
    expect(() => parseEprtArgument('|1|1.2.3.4|21')).toThrow(FtpProtocolError);
    expect(() => formatEprtArgument({ host: 'example.com', port: 21 })).toThrow(FtpProtocolError);
  });
});
