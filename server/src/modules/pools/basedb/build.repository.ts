// SQL of the base databases: the base tables' DDL, the fusion of source pools on the key, the
// conflicts with other departments' pools, and the builds register. Identifiers come from the
// pool register (names the catalog checked), the base keys and validated base field names, and
// are quoted with `ident`; values are always parameters.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import { ident, qualified, sqlType, type PoolColumn } from '../pool-schema.ts';
import type { PoolTableRow } from '../pool-tables.repository.ts';
import { BASE_KEYS, baseTable, typeFamily } from './base-keys.ts';
import type { BuildSource } from './basedb.tables.ts';

/** An item of a build: its base column, and the source's table, key column and column. */
export interface BuildItem {
  fieldName: string;
  itemName: string;
  table: PoolTableRow;
  key: PoolColumn;
  column: PoolColumn;
}

/** Another department's pool column holding a base item, with the column that holds the key there. */
export interface Holder {
  item: BuildItem;
  table: PoolTableRow;
  key: PoolColumn;
  column: PoolColumn;
}

const raw = (text: string) => sql.raw(text);
const baseName = (base: BaseDatabase) => qualified(baseTable(base));

/** Serialises builds of one base database (two builds at once would each truncate the other's rows). */
export async function lockBase(trx: Kysely<DB>, base: BaseDatabase) {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`base_db.${base}`}))`.execute(trx);
}

/** Whether the base table has been made (by a first build). */
export async function baseTableExists(db: Kysely<DB>, base: BaseDatabase): Promise<boolean> {
  const result = await sql<{ present: boolean }>`
    SELECT to_regclass(${`base_db.${base}`}) IS NOT NULL AS present`.execute(db);
  return result.rows[0]?.present === true;
}

/** The columns of a base table as PostgreSQL names their types (`format_type`). */
export async function baseColumns(db: Kysely<DB>, base: BaseDatabase) {
  const result = await sql<{ name: string; type: string }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_attribute a
    WHERE a.attrelid = to_regclass(${`base_db.${base}`}) AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY a.attnum`.execute(db);
  return result.rows;
}

/** The type a column will have, as `format_type` writes it, so wanted and present types compare. */
export function formatTypeOf(type: string): string {
  return type
    .replace(/^varchar\(/, 'character varying(')
    .replace(/^timestamptz$/, 'timestamp with time zone')
    .replace(/^numeric\((\d+), (\d+)\)$/, 'numeric($1,$2)');
}

/**
 * Makes the base table fit its items: created on the first build; later, new items are added,
 * withdrawn ones dropped and retyped ones changed (the rows are refilled right after). A theme
 * view that uses a column makes PostgreSQL refuse its drop or retype, which fails the build.
 */
export async function shapeBaseTable(trx: Kysely<DB>, base: BaseDatabase, items: readonly BuildItem[]) {
  const key = BASE_KEYS[base];
  const wanted = new Map(items.map((item) => [item.fieldName, sqlType(item.column)]));
  if (!(await baseTableExists(trx, base))) {
    const columns = [`${ident(key.column)} ${key.sqlType} PRIMARY KEY`];
    for (const [field, type] of wanted) columns.push(`${ident(field)} ${type}`);
    await raw(`CREATE TABLE ${baseName(base)} (${columns.join(', ')})`).execute(trx);
    return;
  }
  const present = new Map((await baseColumns(trx, base)).map((c) => [c.name, c.type]));
  const changes: string[] = [];
  for (const [name] of present)
    if (name !== key.column && !wanted.has(name)) changes.push(`DROP COLUMN ${ident(name)}`);
  for (const [field, type] of wanted) {
    const now = present.get(field);
    if (now === undefined) changes.push(`ADD COLUMN ${ident(field)} ${type}`);
    else if (now !== formatTypeOf(type))
      changes.push(`ALTER COLUMN ${ident(field)} TYPE ${type} USING NULL::${type}`);
  }
  if (changes.length > 0) await raw(`ALTER TABLE ${baseName(base)} ${changes.join(', ')}`).execute(trx);
}

/**
 * Refills the base table: every key found in some source's current rows, and each item's value
 * from its own source's current row for that key (null where that source has none). Returns the
 * number of rows.
 */
export async function fillBaseTable(trx: Kysely<DB>, base: BaseDatabase, items: readonly BuildItem[]) {
  const key = BASE_KEYS[base];
  const sources = [...new Map(items.map((item) => [item.table.resource_id, item])).values()];
  const alias = new Map(sources.map((item, index) => [item.table.resource_id, `s${index}`]));
  const keys = sources
    .map(
      ({ table, key: column }) =>
        `SELECT (${ident(column.column)})::text AS k FROM ${qualified(table)} WHERE _to IS NULL AND ${ident(column.column)} IS NOT NULL`,
    )
    .join(' UNION ');
  const joins = sources
    .map(
      ({ table, key: column }) =>
        `LEFT JOIN ${qualified(table)} ${alias.get(table.resource_id)} ON ${alias.get(table.resource_id)}._to IS NULL AND (${alias.get(table.resource_id)}.${ident(column.column)})::text = keys.k`,
    )
    .join(' ');
  const targets = [ident(key.column), ...items.map((item) => ident(item.fieldName))];
  const values = [
    'keys.k',
    ...items.map((item) => `${alias.get(item.table.resource_id)}.${ident(item.column.column)}`),
  ];
  await raw(`TRUNCATE ${baseName(base)}`).execute(trx);
  await raw(
    `INSERT INTO ${baseName(base)} (${targets.join(', ')}) SELECT ${values.join(', ')} FROM (${keys}) keys ${joins}`,
  ).execute(trx);
  const count = await raw(`SELECT count(*)::bigint AS n FROM ${baseName(base)}`).execute(trx);
  return Number((count.rows[0] as { n: number | string }).n);
}

/**
 * Lists, for one holder, the keys where its current rows hold a value of the item that differs
 * from the base table's (the source's) value. Where the source holds no value there is nothing to
 * contradict, so that is not a conflict. Values of one type family compare as values
 * (170.5 = 170.50), others as text. Returns how many were listed.
 */
export async function insertConflicts(trx: Kysely<DB>, base: BaseDatabase, buildId: string, holder: Holder) {
  const key = BASE_KEYS[base];
  const field = ident(holder.item.fieldName);
  const other = `o.${ident(holder.column.column)}`;
  const same = typeFamily(sqlType(holder.item.column)) === typeFamily(sqlType(holder.column));
  const differs = same
    ? `b.${field} IS DISTINCT FROM ${other}`
    : `b.${field}::text IS DISTINCT FROM ${other}::text`;
  const result = await sql`
    INSERT INTO base_conflicts (build_id, base_database, key_value, field_name, item_name, source_value,
      other_value, other_department_id, other_resource_id, other_field)
    SELECT DISTINCT ${buildId}::uuid, ${base}, b.${raw(ident(key.column))}::text, ${holder.item.fieldName},
      ${holder.item.itemName}, b.${raw(field)}::text, ${raw(other)}::text, ${holder.table.department_id}::uuid,
      ${holder.table.resource_id}::uuid, ${holder.column.field}
    FROM ${raw(baseName(base))} b
    JOIN ${raw(qualified(holder.table))} o
      ON o._to IS NULL AND (o.${raw(ident(holder.key.column))})::text = b.${raw(ident(key.column))}::text
    WHERE b.${raw(field)} IS NOT NULL AND ${raw(other)} IS NOT NULL AND ${raw(differs)}`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Drops the conflicts of earlier builds: each build lists them afresh. */
export async function clearConflicts(trx: Kysely<DB>, base: BaseDatabase) {
  await trx.deleteFrom('base_conflicts').where('base_database', '=', base).execute();
}

/** What a build records. */
export interface BuildRecord {
  base_database: BaseDatabase;
  state: 'built' | 'failed';
  sources: BuildSource[];
  failure: string | null;
  failure_params: Record<string, unknown> | null;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  started_at: Date;
}

/** Records a build (its counts are set once known). */
export async function insertBuild(db: Kysely<DB>, row: BuildRecord) {
  return db
    .insertInto('base_builds')
    .values({
      ...row,
      sources: JSON.stringify(row.sources),
      failure_params: row.failure_params ? JSON.stringify(row.failure_params) : null,
      finished_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The latest build of each base database, and its latest successful one. */
export async function latestBuilds(db: Kysely<DB>) {
  return db
    .selectFrom('base_builds')
    .selectAll()
    .distinctOn(['base_database', 'state'])
    .orderBy('base_database')
    .orderBy('state')
    .orderBy('finished_at', 'desc')
    .execute();
}

/** A page of the current conflicts of a base database, with the holding department's name. */
export async function listConflicts(
  db: Kysely<DB>,
  base: BaseDatabase,
  window: { limit: number; offset: number },
  departmentIds?: readonly string[],
) {
  let query = db
    .selectFrom('base_conflicts as c')
    .innerJoin('departments as d', 'd.id', 'c.other_department_id')
    .where('c.base_database', '=', base);
  if (departmentIds?.length === 0) return { rows: [], total: 0 };
  if (departmentIds) query = query.where('c.other_department_id', 'in', departmentIds);
  const [rows, total] = await Promise.all([
    query
      .selectAll('c')
      .select('d.name as other_department_name')
      .orderBy('c.key_value')
      .orderBy('c.field_name')
      .orderBy('c.id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** A base table's record by its key, or undefined. */
export async function findBaseRecord(db: Kysely<DB>, base: BaseDatabase, key: string) {
  const result = await sql<Record<string, unknown>>`
    SELECT * FROM ${raw(baseName(base))} WHERE ${raw(ident(BASE_KEYS[base].column))}::text = ${key}`.execute(
    db,
  );
  return result.rows[0];
}

/** The pool register rows of some resources. */
export async function poolTablesOf(db: Kysely<DB>, resourceIds: readonly string[]) {
  if (resourceIds.length === 0) return [];
  return db.selectFrom('pool_tables').selectAll().where('resource_id', 'in', resourceIds).execute();
}

/** Sets a build's counts once its conflicts are listed. */
export async function updateBuildCounts(trx: Kysely<DB>, id: string, rows: number, conflicts: number) {
  return trx
    .updateTable('base_builds')
    .set({ row_count: rows, conflict_count: conflicts, finished_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
