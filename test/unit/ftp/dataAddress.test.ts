import { describe, expect, it } from 'vitest';
import { choosePassiveHost, isUnroutableIPv4 } from '../../../electron/ftp/data/choosePassiveHost';
import {
  formatEpsvReply, formatEprtArgument, formatPortArgument, parseEprtArgument, parseEpsvReply, parsePasvReply, parsePortArgument,
} from '../../../electron/ftp/data/dataAddress';
import { strategyOrder } from '../../../electron/ftp/data/openDataTransfer';
import { FtpProtocolError } from '../../../electron/ftp/errors';

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

describe('choosePassiveHost', () => {
  it('uses the announced address when it is the control peer', () => {
    expect(choosePassiveHost('127.0.0.1', '127.0.0.1')).toEqual({ host: '127.0.0.1' });
  });

  it.each([
    ['10.1.2.3', '203.0.113.5', 'unroutable'],
    ['127.0.0.2', '127.0.0.1', 'unroutable'],
    ['0.0.0.0', '203.0.113.5', 'unspecified'],
    ['198.51.100.7', '203.0.113.5', 'different host'],
  ])('never connects to %s: uses the control peer %s (%s)', (announced, peer, why) => {
    const choice = choosePassiveHost(announced, peer);
    expect(choice.host).toBe(peer);
    expect(choice.note).toContain(why);
    expect(choice.note).toContain(announced);
  });

  it('knows the unroutable IPv4 ranges', () => {
    expect(['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.0.1', '127.0.0.1', '169.254.1.1', '100.64.0.1'].every(isUnroutableIPv4)).toBe(true);
    expect(['8.8.8.8', '172.32.0.1', '192.169.0.1', '::1'].some(isUnroutableIPv4)).toBe(false);
  });
});

describe('strategyOrder', () => {
  it('tries EPSV, PASV, EPRT, PORT for auto', () => {
    expect(strategyOrder('auto')).toEqual(['EPSV', 'PASV', 'EPRT', 'PORT']);
  });
  it('keeps to one family for passive and active', () => {
    expect(strategyOrder('passive')).toEqual(['EPSV', 'PASV']);
    expect(strategyOrder('active')).toEqual(['EPRT', 'PORT']);
  });
  it('puts the remembered strategy first', () => {
    expect(strategyOrder('auto', undefined, 'EPRT')).toEqual(['EPRT', 'EPSV', 'PASV', 'PORT']);
    expect(strategyOrder('passive', undefined, 'PORT')).toEqual(['EPSV', 'PASV']);
  });
  it('uses only a forced strategy', () => {
    expect(strategyOrder('auto', 'PORT', 'EPSV')).toEqual(['PORT']);
  });
});
