import { defineConfig } from 'vitest/config';

// Browser tests: one process, one server, one Chromium; slow steps (web build, server start) get time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
