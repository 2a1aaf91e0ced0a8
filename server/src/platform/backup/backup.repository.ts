import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Rows per table (`schema.table`) in the public schema and every department pool schema. */
export async function countRows(db: Kysely<DB>): Promise<Record<string, number>> {
  const tables = await sql<{ schema: string; name: string }>`
    SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND (table_schema = 'public' OR table_schema LIKE 'pool\\_%')
     ORDER BY 1, 2`.execute(db);
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables.rows) {
    const result = await sql<{
      n: number;
    }>`SELECT count(*)::bigint AS n FROM ${sql.table(`${schema}.${name}`)}`.execute(db);
    counts[`${schema}.${name}`] = Number(result.rows[0]!.n);
  }
  return counts;
}

/** The newest applied migration, or null on a database without migrations. */
export async function migrationLevel(db: Kysely<DB>): Promise<string | null> {
  const result = await sql<{ name: string }>`
    SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return result.rows[0]?.name ?? null;
}

/** The audit chain's head (seq and hash), or null before the first chained event. */
export async function auditChainHead(db: Kysely<DB>): Promise<{ seq: number; hash: string } | null> {
  const row = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}

/** How many tables the database holds outside the system schemas (0 = an empty target). */
export async function userTableCount(db: Kysely<DB>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::bigint AS n FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_%'`.execute(
    db,
  );
  return Number(result.rows[0]!.n);
}

/** Exports the snapshot of the open REPEATABLE READ transaction, so that pg_dump sees exactly it. */
export async function exportSnapshot(db: Kysely<DB>): Promise<string> {
  const result = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(db);
  return result.rows[0]!.id;
}
