import pg from 'pg';
import { openPostgres } from '../platform/db/database.ts';
import { migrateToLatest } from '../platform/db/migrate.ts';
import { templateKey } from './pglite-template.ts';

// On PostgreSQL a test database copied with CREATE DATABASE … TEMPLATE takes a fraction of the
// seconds that migrating an empty one takes. The template is named by the migrations it holds;
// only a complete one ever carries that name (it is built under another and renamed), and nothing
// connects to it afterwards, which a copy needs.
const PREFIX = 'zs_template_';
const DUPLICATE_DATABASE = '42P04';

/** The name of the migrated template database of the current migrations. */
export function postgresTemplateName(): string {
  return `${PREFIX}${templateKey()}`;
}

function databaseUrl(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function dropStale(admin: pg.Client, keep: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2`,
    [`${PREFIX}%`, keep],
  );
  for (const { datname } of rows) {
    // Templates of other migrations, and half-built ones of a process that is gone. A template
    // still in use by a concurrent run of other migrations only costs that run its copies (it
    // falls back to migrating); one being built by a live process is left alone.
    const builder = /_b(\d+)$/.exec(datname)?.[1];
    if (builder && processAlive(Number(builder))) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure the server named by `url` has the migrated template of the current migrations (the
 * test run's global setup calls this once). Concurrent runs may both build one; the first rename
 * wins and the other drops its own.
 */
export async function ensurePostgresTemplate(url: string): Promise<void> {
  const name = postgresTemplateName();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await dropStale(admin, name);
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (found.rowCount) return;
    const building = `${name}_b${process.pid}`;
    await admin.query(`CREATE DATABASE ${building}`);
    const database = openPostgres(databaseUrl(url, building), 1);
    try {
      await migrateToLatest(database);
    } finally {
      await database.close();
    }
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      if ((error as { code?: string }).code !== DUPLICATE_DATABASE) throw error;
    }
  } finally {
    await admin.end();
  }
}

/**
 * Creates database `name` as a copy of the migrated template; false when there is none to copy
 * (a run without the global setup), and the caller migrates an empty database instead.
 */
export async function createFromTemplate(admin: pg.Client, name: string): Promise<boolean> {
  const template = postgresTemplateName();
  const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
  if (!found.rowCount) return false;
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    return true;
  } catch {
    // Dropped meanwhile by a run of other migrations: nothing was created, migrate instead.
    return false;
  }
}
