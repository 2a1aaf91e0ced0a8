import { defineConfig } from 'vitest/config';

// Server tests: each file gets its own database (PGlite in memory, or a fresh
// database on the server named by DATABASE_URL), copied from a template migrated once per run.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts'],
    pool: 'forks',
    // A worker keeps the modules it loaded from one file to the next (loading the app is ~3 s a
    // file); each file still gets its own database and app, so nothing else is shared.
    poolOptions: { forks: { isolate: false } },
    // Migrates one template database per run; each file's database starts as a copy of it.
    globalSetup: ['./server/src/test/global-setup.ts'],
    // A safety net against hangs, not a speed check: on a loaded two-core machine creating a PGlite
    // database on disk alone can take half a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time use the two cores CI has: on PostgreSQL a file mostly waits for the
    // server; on PGlite each file's database runs in its own process, one per core.
    maxWorkers: 2,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
