/** Which host a passive reply's address is replaced by: the control peer, never a third host. */
import { describe, expect, it } from 'vitest';
import { choosePassiveHost, isUnroutableIPv4 } from '../../../../electron/ftp/data/choosePassiveHost';

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
