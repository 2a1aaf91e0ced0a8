import { defineConfig } from 'vitest/config';

// Server tests: each file gets its own process and its own database (PGlite in memory, or a fresh
// database on the server named by DATABASE_URL).
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'cli/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
