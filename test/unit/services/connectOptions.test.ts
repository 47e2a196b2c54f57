/** The connection settings as the engine takes them: the timeout, and keep-alive on or off. */
import { describe, expect, it } from 'vitest';
import { timingOf, toConnectOptions } from '../../../electron/services/connectOptions';

const params = { host: 'ftp.example.com', tls: 'none', dataMode: 'auto' } as const;

describe('connection timing', () => {
  it('gives the engine the timeout and the NOOP interval of the settings', () => {
    expect(toConnectOptions(params, 'c', undefined, undefined, timingOf({ timeoutSeconds: 45, isKeepAlive: true, keepAliveSeconds: 30 }))).toMatchObject({ timeoutMs: 45_000, keepAliveMs: 30_000 });
  });

  it('sends no NOOP when keep-alive is off', () => {
    expect(timingOf({ timeoutSeconds: 20, isKeepAlive: false, keepAliveSeconds: 30 })).toEqual({ timeoutMs: 20_000, keepAliveMs: 0 });
  });

  it('uses the default settings when none are given: 20 s timeout, NOOP after a minute idle', () => {
    expect(toConnectOptions(params)).toMatchObject({ timeoutMs: 20_000, keepAliveMs: 60_000 });
  });
});
