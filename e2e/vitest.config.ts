import { defineConfig } from 'vitest/config';

// Browser tests: one process, one server, one Chromium; slow steps (web build, server start) get time.
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    // Seeds the demo data once; each file's server starts on a copy (e2e/global-setup.ts).
    globalSetup: ['./e2e/global-setup.ts'],
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } },
    fileParallelism: false,
    testTimeout: 120_000,
    // expect.poll waits for what a page shows after a server round trip; vitest's 1 s default is
    // shorter than a page's answer on a loaded two-core CI machine.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 600_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
