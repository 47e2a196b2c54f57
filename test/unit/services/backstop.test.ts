/** A long-running Ferry process reports an unhandled rejection and goes on. */
import { afterEach, describe, expect, it } from 'vitest';
import { keepRunningOnUnhandledRejections } from '../../../electron/services/backstop';

// The test runner watches unhandled rejections itself: its listeners step aside for this test.
const runnerListeners = process.listeners('unhandledRejection');
afterEach(() => {
  process.removeAllListeners('unhandledRejection');
  for (const listener of runnerListeners) process.on('unhandledRejection', listener);
});

describe('keepRunningOnUnhandledRejections', () => {
  it('reports a rejection nobody awaited, instead of letting it end the process', async () => {
    process.removeAllListeners('unhandledRejection');
    const reported = new Promise<string>((resolve) => keepRunningOnUnhandledRejections(resolve));
    void Promise.reject(new Error('a server misbehaved'));
    expect(await reported).toMatch(/^unexpected failure \(still running\): Error: a server misbehaved/);
  });
});
