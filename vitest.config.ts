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
    // On PostgreSQL a test file mostly waits for the server, so two files at a time use the two
    // cores CI has; on PGlite the database runs in the test's own process, so one at a time.
    ...(process.env.DATABASE_URL ? { maxWorkers: 2 } : {}),
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
