import { defineConfig } from 'vitest/config';

// Server tests: each file gets its own process and its own database (PGlite in memory, or a fresh
// database on the server named by DATABASE_URL).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts'],
    pool: 'forks',
    // A safety net against hangs, not a speed check: on a loaded two-core machine creating a PGlite
    // database on disk alone can take half a minute.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
