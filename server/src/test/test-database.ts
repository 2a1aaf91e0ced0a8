import crypto from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { readPgliteTemplate } from './pglite-template.ts';
import { createFromTemplate } from './postgres-template.ts';

/**
 * A migrated, empty database of the engine the test run is for: PGlite in memory by default, or a
 * fresh database on the server named by DATABASE_URL (created here, dropped on close). Both are
 * copies of the run's migrated template (see global-setup.ts) where there is one.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // The template holds exactly the current migrations (its name says so). Without one (a run
    // that skipped the global setup, e.g. a benchmark) the empty database is migrated here.
    const template = readPgliteTemplate();
    if (template) return openPglite(undefined, { loadDataDir: template });
    const database = await openPglite(undefined);
    await migrateToLatest(database);
    return database;
  }
  const name = `zs_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const copied = await createFromTemplate(admin, name);
  if (!copied) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString(), 5);
  if (!copied) await migrateToLatest(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
