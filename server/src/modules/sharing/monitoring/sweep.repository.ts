// SQL of the monitoring sweep: the cursor, the chained data-call events after it, what the calls
// name (grants, resources, departments, keys), the rollups it folds them into and the totals its
// rules read back. Sets are passed as one jsonb parameter (jsonb_to_recordset), so a batch is one
// statement whatever its size, on PostgreSQL and PGlite alike.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { DataEventRow } from './monitoring.calls.ts';
import type { ShareAlertKind, ShareWay } from './monitoring.tables.ts';

/** The last chain position folded (0 before the first sweep). */
export async function readCursor(trx: Kysely<DB>): Promise<number> {
  const row = await trx
    .selectFrom('share_monitor_cursor')
    .select('last_seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

/** The newest chained position: every event up to it is committed and visible. */
export async function chainHead(trx: Kysely<DB>): Promise<number> {
  const row = await trx.selectFrom('audit_chain_head').select('seq').where('id', '=', 1).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * Chained data-call events with `after < seq <= upTo`, in chain order, at most `limit`. The literal
 * LIKE pattern lets the planner use the partial index `audit_events_share_data`.
 */
export async function readDataEvents(
  trx: Kysely<DB>,
  after: number,
  upTo: number,
  limit: number,
): Promise<DataEventRow[]> {
  const result = await sql<DataEventRow>`
    SELECT seq, occurred_at, actor_id, actor_name, department_id, action, outcome, target_type,
           target_id, purpose, detail
      FROM audit_events
     WHERE seq > ${after} AND seq <= ${upTo} AND action LIKE 'share.data.%'
     ORDER BY seq
     LIMIT ${limit}`.execute(trx);
  return result.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** Moves the cursor on and counts the events folded. */
export async function advanceCursor(trx: Kysely<DB>, seq: number, events: number): Promise<void> {
  await trx
    .updateTable('share_monitor_cursor')
    .set((eb) => ({ last_seq: seq, events: eb('events', '+', events), updated_at: sql<Date>`now()` }))
    .where('id', '=', 1)
    .execute();
}

/** What the sweep needs of the grants named by a batch. */
export async function grantsByIds(trx: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return trx
    .selectFrom('share_grants')
    .select(['id', 'resource_id', 'provider_department_id', 'provider_region_id'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * The providers of the resources named by a batch: by id, or by catalog code for calls refused
 * before the API knew the resource's id.
 */
export async function resourcesBy(trx: Kysely<DB>, column: 'id' | 'code', values: string[]) {
  if (values.length === 0) return [];
  return trx
    .selectFrom('catalog_resources')
    .select(['id', 'code', 'department_id', 'region_id'])
    .where(column, 'in', values)
    .execute();
}

/** The regions of the calling departments of a batch. */
export async function departmentRegions(trx: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('departments').select(['id', 'region_id']).where('id', 'in', ids).execute();
}

/** The shown prefixes of API keys (ids that are not key ids are simply not found). */
export async function keyPrefixes(trx: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('api_keys').select(['id', 'token_prefix']).where('id', 'in', ids).execute();
}

/** The keys already seen under the grants of a batch. */
export async function knownKeys(trx: Kysely<DB>, grantIds: string[]) {
  if (grantIds.length === 0) return [];
  return trx
    .selectFrom('share_usage_keys')
    .select(['grant_id', 'key_id'])
    .where('grant_id', 'in', grantIds)
    .execute();
}

/** One subject's calls in one hour and way, as the sweep adds them up. */
export interface HourlyIncrement {
  hour: string;
  way: ShareWay;
  grant_id: string | null;
  resource_id: string | null;
  provider_department_id: string | null;
  provider_region_id: string | null;
  consumer_department_id: string;
  consumer_region_id: string;
  application: string;
  calls: number;
  denied: number;
  failed: number;
  records: number;
  off_hours: number;
  key_ids: string[];
}

/** Adds a batch's counts to the hourly rollups (one row per subject, hour and way). */
export async function addToHourly(trx: Kysely<DB>, rows: HourlyIncrement[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO share_usage_hourly AS u (hour, way, grant_id, resource_id, provider_department_id,
           provider_region_id, consumer_department_id, consumer_region_id, application, calls, denied,
           failed, records, off_hours, key_ids)
    SELECT r.hour, r.way, r.grant_id, r.resource_id, r.provider_department_id, r.provider_region_id,
           r.consumer_department_id, r.consumer_region_id, r.application, r.calls, r.denied, r.failed,
           r.records, r.off_hours, r.key_ids
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(hour timestamptz, way text,
           grant_id uuid, resource_id uuid, provider_department_id uuid, provider_region_id uuid,
           consumer_department_id uuid, consumer_region_id uuid, application text, calls integer,
           denied integer, failed integer, records bigint, off_hours integer, key_ids text[])
    ON CONFLICT (consumer_department_id, application,
                 (COALESCE(grant_id, '00000000-0000-0000-0000-000000000000'::uuid)),
                 (COALESCE(resource_id, '00000000-0000-0000-0000-000000000000'::uuid)), hour, way)
    DO UPDATE SET calls = u.calls + EXCLUDED.calls,
                  denied = u.denied + EXCLUDED.denied,
                  failed = u.failed + EXCLUDED.failed,
                  records = u.records + EXCLUDED.records,
                  off_hours = u.off_hours + EXCLUDED.off_hours,
                  key_ids = ARRAY(SELECT DISTINCT k FROM unnest(u.key_ids || EXCLUDED.key_ids) AS k ORDER BY k),
                  updated_at = now()`.execute(trx);
}

/** One key's calls under one grant in a batch. */
export interface KeyIncrement {
  grant_id: string;
  key_id: string;
  key_prefix: string | null;
  application: string;
  first_seen: string;
  last_seen: string;
  calls: number;
}

/** Records the keys seen under grants (first and last seen, calls). */
export async function addToKeys(trx: Kysely<DB>, rows: KeyIncrement[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO share_usage_keys AS k (grant_id, key_id, key_prefix, application, first_seen, last_seen, calls)
    SELECT r.grant_id, r.key_id, r.key_prefix, r.application, r.first_seen, r.last_seen, r.calls
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(grant_id uuid, key_id text,
           key_prefix text, application text, first_seen timestamptz, last_seen timestamptz, calls bigint)
    ON CONFLICT (grant_id, key_id)
    DO UPDATE SET first_seen = LEAST(k.first_seen, EXCLUDED.first_seen),
                  last_seen = GREATEST(k.last_seen, EXCLUDED.last_seen),
                  calls = k.calls + EXCLUDED.calls,
                  key_prefix = COALESCE(k.key_prefix, EXCLUDED.key_prefix)`.execute(trx);
}

/** For each (grant, hour): the lookups in that hour that were not refused. */
export async function lookupTotals(trx: Kysely<DB>, pairs: { grant_id: string; hour: string }[]) {
  if (pairs.length === 0) return [];
  const result = await sql<{ grant_id: string; hour: Date; lookups: number }>`
    SELECT p.grant_id, p.hour,
           (SELECT COALESCE(SUM(u.calls - u.denied), 0) FROM share_usage_hourly u
             WHERE u.grant_id = p.grant_id AND u.hour = p.hour AND u.way = 'lookup') AS lookups
      FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS p(grant_id uuid, hour timestamptz)`.execute(
    trx,
  );
  return result.rows.map((row) => ({ ...row, lookups: Number(row.lookups) }));
}

/**
 * For each (grant, hour): the grant's usual hour before it, the median of its lookups over its
 * earlier active hours within `windowDays`, and how many active hours there were.
 */
export async function lookupHistory(
  trx: Kysely<DB>,
  pairs: { grant_id: string; hour: string }[],
  windowDays: number,
) {
  if (pairs.length === 0) return [];
  const result = await sql<{ grant_id: string; hour: Date; median: number | null; active_hours: number }>`
    SELECT p.grant_id, p.hour, h.median, h.active_hours
      FROM jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) AS p(grant_id uuid, hour timestamptz),
           LATERAL (
             SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s.n) AS median, COUNT(*) AS active_hours
               FROM (SELECT SUM(u.calls - u.denied) AS n FROM share_usage_hourly u
                      WHERE u.grant_id = p.grant_id AND u.way = 'lookup' AND u.hour < p.hour
                        AND u.hour >= p.hour - make_interval(days => ${windowDays})
                      GROUP BY u.hour HAVING SUM(u.calls - u.denied) > 0) AS s
           ) AS h`.execute(trx);
  return result.rows.map((row) => ({
    ...row,
    median: row.median === null ? null : Number(row.median),
    active_hours: Number(row.active_hours),
  }));
}

/** For each (grant, China day as a time range): the calls outside working hours. */
export async function offHoursTotals(
  trx: Kysely<DB>,
  days: { grant_id: string; date: string; from: string; to: string }[],
) {
  if (days.length === 0) return [];
  const result = await sql<{ grant_id: string; date: string; calls: number }>`
    SELECT p.grant_id, p.date,
           (SELECT COALESCE(SUM(u.off_hours), 0) FROM share_usage_hourly u
             WHERE u.grant_id = p.grant_id AND u.hour >= p.from AND u.hour < p.to) AS calls
      FROM jsonb_to_recordset(${JSON.stringify(days)}::jsonb)
           AS p(grant_id uuid, date text, "from" timestamptz, "to" timestamptz)`.execute(trx);
  return result.rows.map((row) => ({ ...row, calls: Number(row.calls) }));
}

/** A subject in an hour: a grant, or a refused caller (department and the resource, when known). */
export interface SubjectHour {
  key: string;
  consumer_department_id: string;
  grant_id: string | null;
  resource_id: string | null;
  hour: string;
}

/**
 * For each subject and hour: the refused calls (every way and application together). A grant is
 * found by `share_usage_hourly_grant`, a refused caller by `share_usage_hourly_refused`.
 */
export async function deniedTotals(trx: Kysely<DB>, subjects: SubjectHour[]) {
  if (subjects.length === 0) return [];
  const result = await sql<{ key: string; denied: number }>`
    SELECT p.key,
           CASE WHEN p.grant_id IS NOT NULL THEN
             (SELECT COALESCE(SUM(u.denied), 0) FROM share_usage_hourly u
               WHERE u.grant_id = p.grant_id AND u.hour = p.hour)
           ELSE
             (SELECT COALESCE(SUM(u.denied), 0) FROM share_usage_hourly u
               WHERE u.grant_id IS NULL AND u.consumer_department_id = p.consumer_department_id
                 AND u.hour = p.hour AND u.resource_id IS NOT DISTINCT FROM p.resource_id)
           END AS denied
      FROM jsonb_to_recordset(${JSON.stringify(subjects)}::jsonb) AS p(key text,
           consumer_department_id uuid, grant_id uuid, resource_id uuid, hour timestamptz)`.execute(trx);
  return result.rows.map((row) => ({ key: row.key, denied: Number(row.denied) }));
}

/** An alert to raise. */
export interface NewAlert {
  kind: ShareAlertKind;
  dedupe_key: string;
  period: string;
  grant_id: string | null;
  resource_id: string | null;
  provider_department_id: string | null;
  provider_region_id: string | null;
  consumer_department_id: string;
  consumer_region_id: string;
  region_id: string;
  application: string;
  evidence: Record<string, unknown>;
}

/**
 * Stores alerts, skipping those whose kind, subject and period already have one (one statement for
 * a whole batch, so a storm of alerts stays cheap); returns the new ones' ids by dedupe key.
 */
export async function insertAlerts(trx: Kysely<DB>, alerts: NewAlert[]): Promise<Map<string, string>> {
  if (alerts.length === 0) return new Map();
  const rows = await trx
    .insertInto('share_alerts')
    .values(alerts.map((alert) => ({ ...alert, evidence: JSON.stringify(alert.evidence) })))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning(['id', 'dedupe_key'])
    .execute();
  return new Map(rows.map((row) => [row.dedupe_key, row.id]));
}
