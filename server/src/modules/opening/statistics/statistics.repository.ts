// SQL of the open-data statistics: use per day and per dataset from the use counters, distinct users
// from the data reads' audit events, applications and agreements by state. Every query takes the
// scope as a list of provider departments (one for a provider, the region's for the authority). An
// audit event's target is text — a refused read may name no dataset at all — so it is compared as
// text, never cast.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** The period and providers a statistic covers (China days, both ends included). */
export interface StatisticsScope {
  departmentIds: readonly string[];
  from: string;
  to: string;
}

/** The provider departments of a set of regions. */
export async function departmentsOfRegions(db: Kysely<DB>, regionIds: readonly string[]): Promise<string[]> {
  if (regionIds.length === 0) return [];
  const rows = await db
    .selectFrom('departments')
    .select('id')
    .where('region_id', 'in', [...regionIds])
    .execute();
  return rows.map((row) => row.id);
}

/** Use per day of the period (days without use are absent). */
export async function usePerDay(db: Kysely<DB>, scope: StatisticsScope) {
  if (scope.departmentIds.length === 0) return [];
  const { rows } = await sql<{ day: string; downloads: string; api_calls: string; rows: string }>`
    SELECT to_char(u.day, 'YYYY-MM-DD') AS day, sum(u.downloads)::bigint AS downloads,
      sum(u.api_calls)::bigint AS api_calls, sum(u.rows)::bigint AS rows
    FROM open_usage_daily u JOIN catalog_entries e ON e.resource_id = u.resource_id
    WHERE e.department_id IN (${sql.join(scope.departmentIds.map((id) => sql`${id}::uuid`))})
      AND u.day BETWEEN ${scope.from}::date AND ${scope.to}::date
    GROUP BY u.day ORDER BY u.day`.execute(db);
  return rows.map((row) => ({
    day: row.day,
    downloads: Number(row.downloads),
    apiCalls: Number(row.api_calls),
    rows: Number(row.rows),
  }));
}

/** Use per open dataset of the providers in the period, most used first (datasets without use too). */
export async function usePerDataset(db: Kysely<DB>, scope: StatisticsScope, limit: number) {
  if (scope.departmentIds.length === 0) return [];
  const ids = sql.join(scope.departmentIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{
    resource_id: string;
    name: string;
    department_name: string;
    open_type: string;
    downloads: string;
    api_calls: string;
    rows: string;
    users: string;
  }>`
    SELECT e.resource_id, e.name, d.name AS department_name, e.open_type,
      coalesce(u.downloads, 0)::bigint AS downloads, coalesce(u.api_calls, 0)::bigint AS api_calls,
      coalesce(u.rows, 0)::bigint AS rows, coalesce(p.users, 0)::bigint AS users
    FROM catalog_entries e
    JOIN departments d ON d.id = e.department_id
    LEFT JOIN (
      SELECT resource_id, sum(downloads) AS downloads, sum(api_calls) AS api_calls, sum(rows) AS rows
      FROM open_usage_daily WHERE day BETWEEN ${scope.from}::date AND ${scope.to}::date GROUP BY resource_id
    ) u ON u.resource_id = e.resource_id
    LEFT JOIN (
      SELECT target_id AS resource_id, count(DISTINCT actor_id) AS users
      FROM audit_events
      WHERE action IN ('open.data.download', 'open.data.query') AND outcome = 'success'
        AND target_type = 'open_dataset'
        AND occurred_at >= (${scope.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
        AND occurred_at < ((${scope.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Shanghai'
      GROUP BY target_id
    ) p ON p.resource_id = e.resource_id::text
    WHERE e.department_id IN (${ids}) AND e.open_type IN ('unconditional', 'conditional')
      AND e.open_review_passed
    ORDER BY coalesce(u.downloads, 0) + coalesce(u.api_calls, 0) DESC, e.name, e.resource_id
    LIMIT ${limit}`.execute(db);
  return rows.map((row) => ({
    id: row.resource_id,
    name: row.name,
    department: row.department_name,
    openType: row.open_type,
    downloads: Number(row.downloads),
    apiCalls: Number(row.api_calls),
    rows: Number(row.rows),
    users: Number(row.users),
  }));
}

/** Distinct users who got data of the providers in the period. */
export async function distinctUsers(db: Kysely<DB>, scope: StatisticsScope): Promise<number> {
  if (scope.departmentIds.length === 0) return 0;
  const { rows } = await sql<{ n: string }>`
    SELECT count(DISTINCT a.actor_id)::bigint AS n
    FROM audit_events a JOIN catalog_entries e ON e.resource_id::text = a.target_id
    WHERE a.action IN ('open.data.download', 'open.data.query') AND a.outcome = 'success'
      AND a.target_type = 'open_dataset'
      AND e.department_id IN (${sql.join(scope.departmentIds.map((id) => sql`${id}::uuid`))})
      AND a.occurred_at >= (${scope.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND a.occurred_at < ((${scope.to}::date + 1)::timestamp) AT TIME ZONE 'Asia/Shanghai'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Applications for conditional data filed in the period, by state. */
export async function applicationsByState(db: Kysely<DB>, scope: StatisticsScope) {
  if (scope.departmentIds.length === 0) return [];
  return db
    .selectFrom('open_applications')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .where('provider_department_id', 'in', [...scope.departmentIds])
    .where(
      sql<boolean>`(created_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${scope.from}::date AND ${scope.to}::date`,
    )
    .groupBy('state')
    .execute();
}

/** Agreements of the providers by stored state (all time: an agreement's life spans periods). */
export async function agreementsByState(db: Kysely<DB>, departmentIds: readonly string[]) {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('open_agreements')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .where('provider_department_id', 'in', [...departmentIds])
    .groupBy('state')
    .execute();
}

/** Use per provider department in the period (the authority's comparison). */
export async function usePerDepartment(db: Kysely<DB>, scope: StatisticsScope) {
  if (scope.departmentIds.length === 0) return [];
  const { rows } = await sql<{
    id: string;
    name: string;
    datasets: string;
    downloads: string;
    api_calls: string;
  }>`
    SELECT d.id, d.name, count(DISTINCT e.resource_id)::bigint AS datasets,
      coalesce(sum(u.downloads), 0)::bigint AS downloads, coalesce(sum(u.api_calls), 0)::bigint AS api_calls
    FROM departments d
    JOIN catalog_entries e ON e.department_id = d.id AND e.open_type IN ('unconditional', 'conditional')
      AND e.open_review_passed
    LEFT JOIN open_usage_daily u ON u.resource_id = e.resource_id
      AND u.day BETWEEN ${scope.from}::date AND ${scope.to}::date
    WHERE d.id IN (${sql.join(scope.departmentIds.map((id) => sql`${id}::uuid`))})
    GROUP BY d.id, d.name
    ORDER BY coalesce(sum(u.downloads), 0) + coalesce(sum(u.api_calls), 0) DESC, d.name`.execute(db);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    datasets: Number(row.datasets),
    downloads: Number(row.downloads),
    apiCalls: Number(row.api_calls),
  }));
}

/** How many datasets of the providers are open now. */
export async function countOpenDatasets(db: Kysely<DB>, departmentIds: readonly string[]): Promise<number> {
  if (departmentIds.length === 0) return 0;
  const row = await db
    .selectFrom('catalog_entries')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('department_id', 'in', [...departmentIds])
    .where('open_type', 'in', ['unconditional', 'conditional'])
    .where('open_review_passed', '=', true)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
