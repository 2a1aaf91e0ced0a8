import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Hits of one bucket in one window. */
export interface WindowHits {
  bucket: string;
  windowStart: Date;
  hits: number;
}

/**
 * Adds hits to their windows in one statement and returns each window's total over every
 * instance (the upsert's RETURNING), so a flush both writes and learns.
 */
export async function addHits(db: Kysely<DB>, rows: readonly WindowHits[]): Promise<WindowHits[]> {
  if (rows.length === 0) return [];
  const totals = await db
    .insertInto('rate_limit_hits')
    .values(rows.map((row) => ({ bucket: row.bucket, window_start: row.windowStart, hits: row.hits })))
    .onConflict((oc) =>
      oc.columns(['bucket', 'window_start']).doUpdateSet({
        hits: sql<number>`rate_limit_hits.hits + excluded.hits`,
      }),
    )
    .returning(['bucket', 'window_start', 'hits'])
    .execute();
  return totals.map((row) => ({
    bucket: row.bucket,
    windowStart: new Date(row.window_start),
    hits: Number(row.hits),
  }));
}

/** Hits recorded so far for some buckets in one window (missing buckets have none). */
export async function hitsIn(
  db: Kysely<DB>,
  buckets: readonly string[],
  windowStart: Date,
): Promise<Map<string, number>> {
  if (buckets.length === 0) return new Map();
  const rows = await db
    .selectFrom('rate_limit_hits')
    .select(['bucket', 'hits'])
    .where('bucket', 'in', [...buckets])
    .where('window_start', '=', windowStart)
    .execute();
  return new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
}

/** Removes windows that started before `before`; returns how many. */
export async function deleteWindowsBefore(db: Kysely<DB>, before: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limit_hits').where('window_start', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
