// SQL of the usage report: the rollups in a scope (the provider's resources, the consumer's calls,
// or an authority's regions), as a series of China days or hours, the top callers, and a grant's keys.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/** Which rollups a caller may see. `regionIds: null` is everything (a platform administrator). */
export type UsageScope =
  | { side: 'provider' | 'consumer'; departmentId: string }
  | { side: 'authority'; regionIds: readonly string[] | null };

/** Narrower filters within the scope. */
export interface UsageFilter {
  grantId?: string;
  resourceId?: string;
  from: Date;
  to: Date;
}

// The scope and filters over alias `u`, as one SQL condition (shared by the queries below, whose
// joins differ, so written as SQL rather than through a typed builder of one query shape).
function scoped(scope: UsageScope, filter: UsageFilter): RawBuilder<SqlBool> {
  const parts = [sql`u.hour >= ${filter.from}`, sql`u.hour < ${filter.to}`];
  if (scope.side === 'provider') parts.push(sql`u.provider_department_id = ${scope.departmentId}`);
  if (scope.side === 'consumer') parts.push(sql`u.consumer_department_id = ${scope.departmentId}`);
  if (scope.side === 'authority' && scope.regionIds !== null) {
    const regions = [...scope.regionIds];
    parts.push(
      sql`(u.provider_region_id = ANY(${regions}::uuid[]) OR u.consumer_region_id = ANY(${regions}::uuid[]))`,
    );
  }
  if (filter.grantId) parts.push(sql`u.grant_id = ${filter.grantId}`);
  if (filter.resourceId) parts.push(sql`u.resource_id = ${filter.resourceId}`);
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

const sums = {
  calls: sql<number>`SUM(u.calls)`,
  denied: sql<number>`SUM(u.denied)`,
  failed: sql<number>`SUM(u.failed)`,
  records: sql<number>`SUM(u.records)`,
  offHours: sql<number>`SUM(u.off_hours)`,
};

/** Sums per period (China day, or hour) and way. */
export async function usageSeries(
  db: Kysely<DB>,
  scope: UsageScope,
  filter: UsageFilter,
  granularity: 'day' | 'hour',
) {
  // China time is UTC+8 all year: a fixed shift gives the China day without time-zone data.
  const period =
    granularity === 'day'
      ? sql<string>`to_char((u.hour AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD')`
      : sql<string>`to_char((u.hour AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD"T"HH24:00"+08:00"')`;
  const rows = await db
    .selectFrom('share_usage_hourly as u')
    .where(scoped(scope, filter))
    .select([
      period.as('period'),
      'u.way',
      sums.calls.as('calls'),
      sums.denied.as('denied'),
      sums.failed.as('failed'),
      sums.records.as('records'),
      sums.offHours.as('offHours'),
    ])
    .groupBy([period, 'u.way'])
    .execute();
  return rows.map((row) => ({
    period: row.period,
    way: row.way,
    calls: Number(row.calls),
    denied: Number(row.denied),
    failed: Number(row.failed),
    records: Number(row.records),
    offHours: Number(row.offHours),
  }));
}

/** The callers with the most calls: department, application and the grant (its purpose), at most `limit`. */
export async function topApplications(db: Kysely<DB>, scope: UsageScope, filter: UsageFilter, limit: number) {
  const rows = await db
    .selectFrom('share_usage_hourly as u')
    .innerJoin('departments as d', 'd.id', 'u.consumer_department_id')
    .leftJoin('share_grants as g', 'g.id', 'u.grant_id')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'u.resource_id')
    .where(scoped(scope, filter))
    .select([
      'd.id as departmentId',
      'd.name as departmentName',
      'u.application',
      'u.grant_id as grantId',
      'g.purpose',
      'u.resource_id as resourceId',
      'e.code as resourceCode',
      'e.name as resourceName',
      sums.calls.as('calls'),
      sums.denied.as('denied'),
      sums.records.as('records'),
    ])
    .groupBy([
      'd.id',
      'd.name',
      'u.application',
      'u.grant_id',
      'g.purpose',
      'u.resource_id',
      'e.code',
      'e.name',
    ])
    .orderBy(sql`SUM(u.calls)`, 'desc')
    .orderBy('d.name')
    .orderBy('u.application')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    ...row,
    calls: Number(row.calls),
    denied: Number(row.denied),
    records: Number(row.records),
  }));
}

/** The keys seen under a grant, first seen first. */
export async function grantKeys(db: Kysely<DB>, grantId: string) {
  return db
    .selectFrom('share_usage_keys')
    .select(['key_prefix', 'application', 'first_seen', 'last_seen', 'calls'])
    .where('grant_id', '=', grantId)
    .orderBy('first_seen')
    .execute();
}
