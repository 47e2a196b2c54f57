import { defineConfig } from 'vitest/config';

/** Unit and integration tests run here; Playwright owns test/e2e. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/integration/**/*.int.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
