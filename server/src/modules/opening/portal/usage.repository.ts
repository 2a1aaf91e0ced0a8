// SQL of the use counters of open data (migration 0025): the upsert the open-data download and API
// routes call in their own transactions, and the reads the portal ranks and shows datasets by.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { chinaDate } from '../../sharing/monitoring/monitoring.calls.ts';

/** What one counted use was: a download (one file) or an API call (one page of records). */
export type OpenUseKind = 'download' | 'api';

/** The window of "most used": this many days up to and including today (China time). */
export const POPULAR_DAYS = 30;

/** The first China day of the "most used" window that ends at `now`. */
export function popularSince(now = new Date()): string {
  return chinaDate(new Date(now.getTime() - (POPULAR_DAYS - 1) * 86_400_000));
}

/**
 * Counts one use of an open resource: +1 download or API call and `rows` rows delivered, on the
 * resource's row of the day (China time) and on its running total, in one statement. Call it in the
 * transaction that serves the data, as late as possible: the two rows stay locked until it commits,
 * so concurrent uses of the same resource wait on each other for that long.
 */
export async function countOpenUse(
  trx: Kysely<DB>,
  resourceId: string,
  kind: OpenUseKind,
  rows: number,
  at: Date = new Date(),
): Promise<void> {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new RangeError(`rows must be a count, got ${rows}`);
  const downloads = kind === 'download' ? 1 : 0;
  const apiCalls = kind === 'api' ? 1 : 0;
  await sql`
    WITH day AS (
      INSERT INTO open_usage_daily AS u (resource_id, day, downloads, api_calls, rows)
      VALUES (${resourceId}::uuid, ${chinaDate(at)}::date, ${downloads}, ${apiCalls}, ${rows})
      ON CONFLICT (resource_id, day) DO UPDATE SET downloads = u.downloads + excluded.downloads,
        api_calls = u.api_calls + excluded.api_calls, rows = u.rows + excluded.rows, updated_at = now()
      RETURNING 1)
    INSERT INTO open_usage_totals AS t (resource_id, downloads, api_calls, rows)
    VALUES (${resourceId}::uuid, ${downloads}, ${apiCalls}, ${rows})
    ON CONFLICT (resource_id) DO UPDATE SET downloads = t.downloads + excluded.downloads,
      api_calls = t.api_calls + excluded.api_calls, rows = t.rows + excluded.rows, updated_at = now()`.execute(
    trx,
  );
}

/** SQL: the uses (downloads + API calls) of the resource `alias.resource_id` since a China day. */
export function recentUseSql(alias: string, since: string): RawBuilder<number> {
  return sql<number>`(SELECT coalesce(sum(u.downloads + u.api_calls), 0)::bigint FROM open_usage_daily u
    WHERE u.resource_id = ${sql.ref(`${alias}.resource_id`)} AND u.day >= ${since}::date)`;
}

/** A resource's use: of all time, and within the "most used" window. */
export interface OpenUsage {
  downloads: number;
  apiCalls: number;
  rows: number;
  recent: { since: string; downloads: number; apiCalls: number };
}

/** The use of one resource (zeros when it was never used). */
export async function usageOf(db: Kysely<DB>, resourceId: string, since: string): Promise<OpenUsage> {
  const result = await sql<{
    downloads: number | null;
    api_calls: number | null;
    rows: number | null;
    recent_downloads: number | string;
    recent_api_calls: number | string;
  }>`
    SELECT t.downloads, t.api_calls, t.rows,
      (SELECT coalesce(sum(downloads), 0)::bigint FROM open_usage_daily
        WHERE resource_id = ${resourceId}::uuid AND day >= ${since}::date) AS recent_downloads,
      (SELECT coalesce(sum(api_calls), 0)::bigint FROM open_usage_daily
        WHERE resource_id = ${resourceId}::uuid AND day >= ${since}::date) AS recent_api_calls
    FROM (SELECT 1) AS one LEFT JOIN open_usage_totals t ON t.resource_id = ${resourceId}::uuid`.execute(db);
  const row = result.rows[0]!;
  return {
    downloads: Number(row.downloads ?? 0),
    apiCalls: Number(row.api_calls ?? 0),
    rows: Number(row.rows ?? 0),
    recent: { since, downloads: Number(row.recent_downloads), apiCalls: Number(row.recent_api_calls) },
  };
}
