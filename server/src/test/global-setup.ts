import { ensurePgliteTemplate } from './pglite-template.ts';
import { ensurePostgresTemplate } from './postgres-template.ts';

/**
 * Vitest global setup: migrates one template database per run (or reuses the one made from the
 * same migrations), so each test file's database is a copy of it instead of a new database
 * migrated from nothing.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) await ensurePostgresTemplate(url);
  else await ensurePgliteTemplate();
}
