// SQL of masked extractions: pages of current pool rows with masking expressions in the select list
// (keyset on `_row`, so a long extraction streams in bounded pages on both engines), and the
// k-anonymity check grouping the masked quasi-identifiers.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { qualified } from '../../pools/pool-schema.ts';

/** The table an extraction reads: the register row's schema and name. */
export interface SourceTable {
  schema_name: string;
  table_name: string;
}

/** One page of current rows after `afterRow`, columns given as `expression AS "field"`. */
export async function selectMaskedPage(
  db: Kysely<DB>,
  table: SourceTable,
  selectList: readonly string[],
  page: { afterRow: number; limit: number; filter?: RawBuilder<unknown> },
) {
  const list = sql.raw(['t._row', ...selectList].join(', '));
  const filter = page.filter ? sql`AND (${page.filter})` : sql``;
  const result = await sql<Record<string, unknown>>`
    SELECT ${list} FROM ${sql.raw(qualified(table))} AS t
    WHERE t._to IS NULL AND t._row > ${page.afterRow} ${filter}
    ORDER BY t._row LIMIT ${page.limit}`.execute(db);
  return result.rows;
}

/** A sort key of a window: a stored column (unmasked, so its order is the order shown) and a direction. */
export interface WindowOrder {
  column: string;
  desc: boolean;
}

/**
 * A window of current rows matching `filter`: ordered by `order` then `_row` (so pages are
 * stable), skipping `offset` rows. Offset paging for clients that page that way (CKAN's DataStore).
 */
export async function selectMaskedWindow(
  db: Kysely<DB>,
  table: SourceTable,
  selectList: readonly string[],
  window: { order: readonly WindowOrder[]; offset: number; limit: number; filter?: RawBuilder<unknown> },
) {
  const list = sql.raw(['t._row', ...selectList].join(', '));
  const filter = window.filter ? sql`AND (${window.filter})` : sql``;
  const keys = window.order.map(
    (key) => sql`${sql.ref(`t.${key.column}`)} ${sql.raw(key.desc ? 'DESC' : 'ASC')}`,
  );
  const result = await sql<Record<string, unknown>>`
    SELECT ${list} FROM ${sql.raw(qualified(table))} AS t
    WHERE t._to IS NULL ${filter}
    ORDER BY ${sql.join([...keys, sql`t._row`])} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db);
  return result.rows;
}

/** How many current rows match `filter`. */
export async function countCurrentRows(db: Kysely<DB>, table: SourceTable, filter?: RawBuilder<unknown>) {
  const where = filter ? sql`AND (${filter})` : sql``;
  const result = await sql<{ n: string | number }>`
    SELECT count(*) AS n FROM ${sql.raw(qualified(table))} AS t WHERE t._to IS NULL ${where}`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Equivalence classes of the masked quasi-identifiers (`expressions`, each `… AS "field"` over
 * alias `t`): the number of current rows and classes, the smallest class, and up to `limit` rows
 * whose class is smaller than k, with their key columns (`keys`, masked the same way).
 */
export async function equivalenceClasses(
  db: Kysely<DB>,
  table: SourceTable,
  quasi: { expressions: readonly string[]; fields: readonly string[] },
  keys: readonly string[],
  k: number,
  limit: number,
) {
  const source = sql.raw(qualified(table));
  const masked = sql.raw(['t._row', ...quasi.expressions].join(', '));
  const group = sql.raw(quasi.fields.map((f) => `m.${f}`).join(', '));
  const joins = sql.raw(quasi.fields.map((f) => `m.${f} IS NOT DISTINCT FROM c.${f}`).join(' AND '));
  const keyList = sql.raw(keys.length ? `, ${keys.join(', ')}` : '');
  const summary = await sql<{
    rows: number;
    classes: number;
    smallest: number | null;
    small: number;
    breaking: number;
  }>`
    WITH m AS (SELECT ${masked} FROM ${source} AS t WHERE t._to IS NULL),
         c AS (SELECT count(*)::int AS n FROM m GROUP BY ${group})
    SELECT coalesce(sum(n), 0)::int AS rows, count(*)::int AS classes, min(n)::int AS smallest,
           count(*) FILTER (WHERE n < ${k})::int AS small,
           coalesce(sum(n) FILTER (WHERE n < ${k}), 0)::int AS breaking
    FROM c`.execute(db);
  const rows = await sql<Record<string, unknown>>`
    WITH m AS (SELECT ${masked} FROM ${source} AS t WHERE t._to IS NULL),
         c AS (SELECT ${group}, count(*)::int AS n FROM m GROUP BY ${group} HAVING count(*) < ${k})
    SELECT m.*, c.n AS class_size ${keyList}
    FROM m JOIN c ON ${joins} JOIN ${source} AS t ON t._row = m._row
    ORDER BY c.n, m._row LIMIT ${limit}`.execute(db);
  return { summary: summary.rows[0]!, rows: rows.rows };
}
