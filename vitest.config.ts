import { defineConfig } from 'vitest/config';

/** Unit and integration tests run here; Playwright owns test/e2e. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.int.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The JSON report feeds the one-line summary that test/run-all.js prints for CI.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
