/** Logged-in sessions kept for reuse per site: unhealthy or server-closed ones dropped, idle ones closed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionPool } from '../../../electron/queue/SessionPool';
import { FakeFactory, FakeServer } from './fakes';

afterEach(() => vi.useRealTimers());

describe('SessionPool', () => {
  it('reuses an idle session of the same site and keeps sites apart', async () => {
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create);
    const a = await pool.acquire('A');
    pool.release(a, true);
    const again = await pool.acquire('A');
    expect(again.session).toBe(a.session);
    expect(again.isReused).toBe(true);
    const b = await pool.acquire('B');
    expect(b.session).not.toBe(a.session);
    expect(pool.openFor('A')).toBe(1);
    await pool.closeAll();
  });

  it('destroys unhealthy sessions and skips ones the server closed', async () => {
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create);
    const a = await pool.acquire('A');
    pool.release(a, false);
    expect(factory.sessions[0].destroyed).toBe(true);
    const b = await pool.acquire('A');
    pool.release(b, true);
    factory.sessions[1].isClosed = true;
    const c = await pool.acquire('A');
    expect(c.isReused).toBe(false);
    await pool.closeAll();
  });

  it('closes sessions left idle too long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create, { idleTimeoutMs: 1000 });
    pool.release(await pool.acquire('A'), true);
    expect(pool.openCount).toBe(1);
    await vi.advanceTimersByTimeAsync(1001);
    expect(pool.openCount).toBe(0);
    expect(factory.sessions[0].isClosed).toBe(true);
  });
});
