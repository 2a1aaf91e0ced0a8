// SQL of the portal's charts: grouped counts of one column of a pool table's current rows. Only
// counts leave the database; column names come from the register and are quoted with `ident`.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ident, qualified, type PoolColumn } from '../../pools/pool-schema.ts';
import type { Group, GroupStats } from './chart.ts';

type Table = { schema_name: string; table_name: string };

// The value a row is grouped by: text as stored (blank text counts as no value), anything else as text.
function valueOf(column: PoolColumn): string {
  const name = ident(column.column);
  return column.dataType === 'C' ? `nullif(btrim(${name}), '')` : `${name}::text`;
}

/**
 * Counts of a column's values over the current rows: the `limit` largest groups of at least `k`
 * rows (ties by value), and the statistics of every group, in one scan.
 */
export async function valueCounts(
  db: Kysely<DB>,
  table: Table,
  column: PoolColumn,
  k: number,
  limit: number,
): Promise<{ top: Group[]; stats: GroupStats }> {
  const result = await sql<{
    top: { v: string | null; n: number | string }[];
    groups: number;
    total: number;
    small: number;
  }>`
    WITH g AS (SELECT ${sql.raw(valueOf(column))} AS v, count(*)::bigint AS n
               FROM ${sql.raw(qualified(table))} WHERE _to IS NULL GROUP BY 1)
    SELECT (SELECT coalesce(json_agg(x ORDER BY x.n DESC, x.v COLLATE "C" NULLS LAST), '[]'::json)
            FROM (SELECT v, n FROM g WHERE n >= ${k} ORDER BY n DESC, v COLLATE "C" NULLS LAST
                  LIMIT ${limit}) x) AS top,
      (SELECT count(*) FROM g)::bigint AS groups,
      (SELECT coalesce(sum(n), 0) FROM g)::bigint AS total,
      (SELECT count(*) FROM g WHERE n < ${k})::bigint AS small`.execute(db);
  const row = result.rows[0]!;
  return {
    top: row.top.map((group) => ({ key: group.v, count: Number(group.n) })),
    stats: { groups: Number(row.groups), total: Number(row.total), small: Number(row.small) },
  };
}

/**
 * Counts of a date or time column's current rows per month (`YYYY-MM`; times in China Standard
 * Time), null for rows without one; at most `limit` months (the caller gives up beyond that).
 */
export async function monthCounts(
  db: Kysely<DB>,
  table: Table,
  column: PoolColumn,
  limit: number,
): Promise<Group[]> {
  const name = ident(column.column);
  const month =
    column.dataType === 'T'
      ? `to_char((${name} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`
      : `to_char(${name}, 'YYYY-MM')`;
  const result = await sql<{ v: string | null; n: number | string }>`
    SELECT ${sql.raw(month)} AS v, count(*)::bigint AS n FROM ${sql.raw(qualified(table))}
    WHERE _to IS NULL GROUP BY 1 ORDER BY 1 LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => ({ key: row.v, count: Number(row.n) }));
}
