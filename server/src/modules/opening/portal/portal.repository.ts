// SQL of the portal's pages: the home page's counts, themes and departments in one statement over
// the open catalog, dataset cards (newest, most used, related), and a dataset's update history.
// Only entries in the open catalog (openEffectiveSql) are read; nothing here selects share types,
// security levels, item sensitivity or who loaded a batch.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { startingWith } from '../../../platform/db/like.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ClassKind } from '../../catalog/catalog.tables.ts';
import { openEffectiveSql } from '../../security/reviews/reviews.effect.ts';
import { recentUseSql } from './usage.repository.ts';

/** The home page's figures (use: of all time, over every resource ever used). */
export interface HomeSummary {
  datasets: number;
  departments: number;
  downloads: number;
  apiCalls: number;
  /** Current rows of the open resources' pool tables, as their registers count them (row_count). */
  records: number;
  themes: { code: string; name: string; kind: ClassKind; count: number }[];
  providers: { id: string; name: string; count: number }[];
}

/**
 * The home page's counts, its themes (the classification's 项 holding open resources) and the
 * providing departments, in one statement: a scan of the open entries (an indexed, denormalised
 * table), the use totals (a row per resource) and the pool registers of the open resources.
 */
export async function homeSummary(db: Kysely<DB>): Promise<HomeSummary> {
  const result = await sql<{
    datasets: number;
    departments: number;
    downloads: number;
    api_calls: number;
    records: number;
    themes: HomeSummary['themes'];
    providers: HomeSummary['providers'];
  }>`
    WITH o AS (SELECT m.resource_id, m.department_id, m.class_code FROM catalog_entries m
               WHERE ${openEffectiveSql('m')}),
      by_class AS (SELECT class_code, count(*)::bigint AS n FROM o GROUP BY class_code),
      themes AS (SELECT c.code, c.name, c.kind, sum(g.n)::bigint AS count FROM by_class g
                 JOIN catalog_classes c ON c.level = 2 AND left(g.class_code, length(c.code)) = c.code
                 GROUP BY c.code, c.name, c.kind),
      providers AS (SELECT department_id AS id, count(*)::bigint AS count FROM o GROUP BY department_id)
    SELECT (SELECT count(*) FROM o)::bigint AS datasets,
      (SELECT count(*) FROM providers)::bigint AS departments,
      (SELECT coalesce(sum(downloads), 0) FROM open_usage_totals)::bigint AS downloads,
      (SELECT coalesce(sum(api_calls), 0) FROM open_usage_totals)::bigint AS api_calls,
      (SELECT coalesce(sum(p.row_count), 0) FROM pool_tables p JOIN o ON o.resource_id = p.resource_id)::bigint
        AS records,
      (SELECT coalesce(json_agg(t ORDER BY t.count DESC, t.code COLLATE "C"), '[]'::json) FROM themes t) AS themes,
      (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', d.name, 'count', p.count)
                ORDER BY p.count DESC, d.name COLLATE "C"), '[]'::json)
       FROM providers p JOIN departments d ON d.id = p.id) AS providers`.execute(db);
  const row = result.rows[0]!;
  return {
    datasets: Number(row.datasets),
    departments: Number(row.departments),
    downloads: Number(row.downloads),
    apiCalls: Number(row.api_calls),
    records: Number(row.records),
    themes: row.themes.map((t) => ({ ...t, count: Number(t.count) })),
    providers: row.providers.map((p) => ({ ...p, count: Number(p.count) })),
  };
}

/** What a dataset card shows of an open entry, with its use of all time. */
export interface CardRow {
  resource_id: string;
  code: string;
  name: string;
  abstract: string;
  department_id: string;
  department_name: string;
  open_type: 'unconditional' | 'conditional';
  formats: string[];
  modified_at: Date | string;
  downloads: number;
  api_calls: number;
}

// The cards' columns over the open entries `m`, their provider `d` and use totals `t`.
const CARD_COLUMNS = sql`m.resource_id, m.code, m.name, m.abstract, m.department_id,
  d.name AS department_name, m.open_type, m.formats, m.modified_at,
  coalesce(t.downloads, 0)::bigint AS downloads, coalesce(t.api_calls, 0)::bigint AS api_calls`;
const CARD_JOINS = sql`JOIN departments d ON d.id = m.department_id
  LEFT JOIN open_usage_totals t ON t.resource_id = m.resource_id`;

async function cards(db: Kysely<DB>, where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit: number) {
  const result = await sql<CardRow>`
    SELECT ${CARD_COLUMNS} FROM catalog_entries m ${CARD_JOINS}
    WHERE ${openEffectiveSql('m')} AND ${where}
    ORDER BY ${order} LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    downloads: Number(row.downloads),
    api_calls: Number(row.api_calls),
  }));
}

/** The open datasets first published most recently. */
export function newestCards(db: Kysely<DB>, limit: number): Promise<CardRow[]> {
  return cards(db, sql`true`, sql`m.published_at DESC, m.resource_id`, limit);
}

/**
 * The open datasets used most (downloads + API calls) since a China day; only datasets used in the
 * window at all, so the caller fills up with others.
 */
export function popularCards(db: Kysely<DB>, since: string, limit: number): Promise<CardRow[]> {
  const uses = recentUseSql('m', since);
  return cards(
    db,
    sql`m.resource_id IN (SELECT resource_id FROM open_usage_daily WHERE day >= ${since}::date)`,
    sql`${uses} DESC, m.published_at DESC, m.resource_id`,
    limit,
  );
}

/** The open datasets among `ids`, in the order given (the others are left out). */
export async function cardsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  const found = await cards(
    db,
    sql`m.resource_id IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})`,
    sql`m.resource_id`,
    ids.length,
  );
  const byId = new Map(found.map((row) => [row.resource_id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Other open datasets of the same part of the classification (its 项, the first `prefix` of the
 * class code): those of the very same class first, then the newest.
 */
export function sameClassCards(
  db: Kysely<DB>,
  dataset: { id: string; classCode: string; prefix: string },
  exclude: readonly string[],
  limit: number,
): Promise<CardRow[]> {
  const excluded = [dataset.id, ...exclude];
  return cards(
    db,
    sql`m.class_code LIKE ${startingWith(dataset.prefix)}
      AND m.resource_id NOT IN (${sql.join(excluded.map((id) => sql`${id}::uuid`))})`,
    sql`(m.class_code = ${dataset.classCode}) DESC, m.published_at DESC, m.resource_id`,
    limit,
  );
}

/** A loaded version of a pool table as the public sees it: when, how many rows, how — not who. */
export interface HistoryRow {
  version: number;
  mode: 'replace' | 'upsert';
  loaded_at: Date;
  rows_loaded: number;
  rows_replaced: number;
}

/** The newest loaded versions of a resource's pool table. */
export async function loadedVersions(
  db: Kysely<DB>,
  resourceId: string,
  limit: number,
): Promise<HistoryRow[]> {
  const rows = await db
    .selectFrom('pool_batches')
    .select(['version', 'mode', 'finished_at', 'started_at', 'rows_loaded', 'rows_replaced'])
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'loaded')
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    version: row.version!,
    mode: row.mode,
    loaded_at: new Date(row.finished_at ?? row.started_at),
    rows_loaded: Number(row.rows_loaded),
    rows_replaced: Number(row.rows_replaced),
  }));
}

/** The open entry of a resource, with what the chart decides on; undefined when not open. */
export async function findOpenEntry(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('catalog_entries as m')
    .select(['m.resource_id', 'm.code', 'm.open_type', 'm.department_id'])
    .where('m.resource_id', '=', resourceId)
    .where(openEffectiveSql('m'))
    .executeTakeFirst();
}
