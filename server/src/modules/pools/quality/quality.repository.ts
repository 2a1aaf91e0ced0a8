// SQL of data quality: the published pool tables in a scope with what timeliness needs, and the
// aggregates and sampled pages the measures are made from. Column names come from the register
// (checked by the catalog) and are quoted with `ident`.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ident, qualified, type PoolColumn } from '../pool-schema.ts';
import type { QualityRow } from './quality.consistency.ts';

/** Which departments a query covers: by id, by region, or (both undefined) all. */
export interface QualityScope {
  departmentIds?: readonly string[];
  regionIds?: readonly string[];
}

/** A published resource's pool table with what the quality measures need. */
export interface QualityTableRow {
  resource_id: string;
  department_id: string;
  department_name: string;
  region_id: string;
  schema_name: string;
  table_name: string;
  columns: PoolColumn[];
  key_fields: string[];
  current_version: number;
  code: string;
  name: string;
  update_cycle: string;
  data_updated_at: Date | null;
  first_published_at: Date | null;
}

function tablesQuery(db: Kysely<DB>) {
  return db
    .selectFrom('pool_tables as p')
    .innerJoin('catalog_resources as r', 'r.id', 'p.resource_id')
    .innerJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.resource_id',
      'p.department_id',
      'd.name as department_name',
      'd.region_id',
      'p.schema_name',
      'p.table_name',
      'p.columns',
      'p.key_fields',
      'p.current_version',
      'r.code',
      'v.name',
      'v.update_cycle',
      'r.data_updated_at',
      'r.first_published_at',
    ])
    .where('r.status', '=', 'published');
}

/** The published resources' tables in a scope, by department then code. */
export async function listQualityTables(db: Kysely<DB>, scope: QualityScope): Promise<QualityTableRow[]> {
  let query = tablesQuery(db).orderBy('d.name').orderBy('r.code');
  for (const [column, ids] of [
    ['p.department_id', scope.departmentIds],
    ['d.region_id', scope.regionIds],
  ] as const) {
    if (!ids) continue;
    if (ids.length === 0) return [];
    query = query.where(column, 'in', ids);
  }
  return query.execute();
}

/** One published resource's table. */
export async function findQualityTable(db: Kysely<DB>, resourceId: string) {
  return tablesQuery(db).where('p.resource_id', '=', resourceId).executeTakeFirst();
}

type Table = Pick<QualityTableRow, 'schema_name' | 'table_name'>;

// Text that is only blanks counts as missing: legacy loads wrote '' where nothing was known. A
// column encrypted at rest holds sealed bytes (bytea, no btrim): a sealed value is a value.
const present = (column: PoolColumn) =>
  (column.dataType === 'C' || column.dataType === 'M') && !column.encrypted
    ? `count(nullif(btrim(${ident(column.column)}), ''))`
    : `count(${ident(column.column)})`;

/** Current rows and, per column, how many have a value: one scan, nothing held in memory. */
export async function columnCounts(db: Kysely<DB>, table: Table, columns: readonly PoolColumn[]) {
  const counts = columns.map((column, index) => `${present(column)}::bigint AS c${index}`);
  const result = await sql
    .raw<Record<string, number>>(
      `SELECT ${['count(*)::bigint AS n', ...counts].join(', ')} FROM ${qualified(table)} WHERE _to IS NULL`,
    )
    .execute(db);
  const row = result.rows[0] ?? {};
  return { rows: Number(row.n ?? 0), present: columns.map((_, index) => Number(row[`c${index}`] ?? 0)) };
}

/**
 * How many distinct values of `columns` the current rows hold (the key, or for a table without a
 * key the whole row; GROUP BY takes nulls as equal, as a duplicate row would have them).
 */
export async function distinctCount(db: Kysely<DB>, table: Table, columns: readonly string[]) {
  if (columns.length === 0) return 0;
  const group = columns.map(ident).join(', ');
  const result = await sql
    .raw<{ n: number }>(
      `SELECT count(*)::bigint AS n FROM (SELECT 1 FROM ${qualified(table)} WHERE _to IS NULL GROUP BY ${group}) AS g`,
    )
    .execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** The largest groups of current rows repeating `columns`: their row ids (no values). */
export async function duplicateGroups(
  db: Kysely<DB>,
  table: Table,
  columns: readonly string[],
  limit: number,
) {
  if (columns.length === 0) return [];
  const group = columns.map(ident).join(', ');
  const result = await sql
    .raw<{ rows: number[]; n: number }>(
      `SELECT (array_agg(_row ORDER BY _row))[1:10] AS rows, count(*)::bigint AS n FROM ${qualified(table)}
       WHERE _to IS NULL GROUP BY ${group} HAVING count(*) > 1 ORDER BY count(*) DESC, min(_row) LIMIT ${Math.trunc(limit)}`,
    )
    .execute(db);
  return result.rows.map((row) => ({ rows: row.rows.map(Number), count: Number(row.n) }));
}

/**
 * A page of sampled current rows after `after` (keyset by `_row`). With `stride` > 1 a row is
 * taken when a hash of its id falls in 1/stride of the range: spread over the table, the same rows
 * every time, and still read in `_row` order.
 */
export async function sampleRows(
  db: Kysely<DB>,
  table: Table,
  columns: readonly string[],
  page: { after: number; limit: number; stride: number },
): Promise<QualityRow[]> {
  const select = ['_row', ...columns.map(ident)].join(', ');
  const stride = Math.max(1, Math.trunc(page.stride));
  const sampled = stride > 1 ? ` AND (hashint8(_row) & 2147483647) % ${stride} = 0` : '';
  const result = await sql
    .raw<QualityRow>(
      `SELECT ${select} FROM ${qualified(table)} WHERE _to IS NULL AND _row > ${Math.trunc(page.after)}${sampled}
       ORDER BY _row LIMIT ${Math.trunc(page.limit)}`,
    )
    .execute(db);
  return result.rows.map((row) => ({ ...row, _row: Number(row._row) }));
}
