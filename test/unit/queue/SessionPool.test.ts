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

  it('opens sessions ahead that later transfers take instead of opening their own', async () => {
    const factory = new FakeFactory(new FakeServer());
    const pool = new SessionPool(factory.create);
    const walk = await pool.acquire('A');
    pool.warm('A', 3);
    pool.warm('A', 3);
    // Taken while still logging in: the transfer waits for the warm session rather than open a fourth.
    const leases = [await pool.acquire('A'), await pool.acquire('A')];
    expect(factory.connectCount).toBe(3);
    expect(new Set([walk.session, ...leases.map((l) => l.session)]).size).toBe(3);
    pool.release(walk, true);
    expect((await pool.acquire('A')).session).toBe(walk.session);
    await pool.closeAll();
  });

  it('leaves a session that could not be opened ahead to the transfer that needs it, which meets the error', async () => {
    const factory = new FakeFactory(new FakeServer());
    factory.serverMaxConnections = 1;
    const pool = new SessionPool(factory.create);
    const walk = await pool.acquire('A');
    pool.warm('A', 2);
    const second = pool.acquire('A');
    await expect(second).rejects.toMatchObject({ code: 421 });
    expect(factory.refusedCount).toBe(2);
    pool.release(walk, true);
    await pool.closeAll();
  });
});
