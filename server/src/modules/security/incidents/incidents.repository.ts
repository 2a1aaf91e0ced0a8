import { sql, type Insertable, type Kysely, type RawBuilder, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { SecurityRules } from '../../../platform/profiles/profile.schema.ts';
import { scopeDepartmentIds } from '../security.repository.ts';
import type { RegisterScope } from '../security.scope.ts';
import type {
  IncidentState,
  SecurityIncidentActionTable,
  SecurityIncidentTable,
} from '../security.tables.ts';

/**
 * When the report of an incident is due: its detection plus the hours its severity's rule gives
 * (null where the profile sets no duty). Built from the active profile, so the list can filter on it.
 */
export function reportDueSql(rules: SecurityRules['incidents']): RawBuilder<Date | null> {
  const due = rules.severities.filter((s) => s.reportWithinHours !== null);
  if (due.length === 0) return sql<Date | null>`NULL::timestamptz`;
  const cases = due.map((s) => sql`WHEN ${s.code} THEN ${s.reportWithinHours}::int`);
  return sql<Date | null>`(i.detected_at + make_interval(hours => (CASE i.severity ${sql.join(cases, sql` `)} END)))`;
}

function selectIncidents(db: Kysely<DB>, rules: SecurityRules['incidents']) {
  return db
    .selectFrom('security_incidents as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .selectAll('i')
    .select(['d.name as departmentName', 'd.region_id as regionId', reportDueSql(rules).as('reportDueAt')]);
}

/** An incident with its department and report due time. */
export function findIncident(db: Kysely<DB>, rules: SecurityRules['incidents'], id: string, lock = false) {
  const query = selectIncidents(db, rules).where('i.id', '=', id);
  return (lock ? query.forUpdate('i') : query).executeTakeFirst();
}

/** An incident as `findIncident` returns it. */
export type IncidentRecord = NonNullable<Awaited<ReturnType<typeof findIncident>>>;

/** Filters of the incident list. */
export interface IncidentFilter {
  state?: IncidentState;
  severity?: string;
  departmentId?: string;
  reportOverdue?: boolean;
}

/** One page of incidents in scope, latest detected first. */
export function listIncidents(
  db: Kysely<DB>,
  rules: SecurityRules['incidents'],
  scope: RegisterScope,
  filter: IncidentFilter,
  window: { offset: number; limit: number },
) {
  let query = selectIncidents(db, rules).where('i.department_id', 'in', scopeDepartmentIds(db, scope));
  if (filter.state) query = query.where('i.state', '=', filter.state);
  if (filter.severity) query = query.where('i.severity', '=', filter.severity);
  if (filter.departmentId) query = query.where('i.department_id', '=', filter.departmentId);
  if (filter.reportOverdue !== undefined) {
    const overdue = sql<boolean>`(i.reported_at IS NULL AND ${reportDueSql(rules)} < now())`;
    query = query.where(filter.reportOverdue ? overdue : sql<boolean>`NOT coalesce(${overdue}, false)`);
  }
  return fetchPage(query, window, (q) => q.orderBy('i.detected_at', 'desc').orderBy('i.id'));
}

/** Incidents in scope detected since a day, counted by month (Beijing time) and severity. */
export function countIncidentsByMonth(
  db: Kysely<DB>,
  rules: SecurityRules['incidents'],
  scope: RegisterScope,
  since: string,
) {
  const month = sql<string>`to_char((i.detected_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM')`;
  return selectIncidents(db, rules)
    .where('i.department_id', 'in', scopeDepartmentIds(db, scope))
    .clearSelect()
    .select([month.as('month'), 'i.severity', sql<number>`count(*)`.as('count')])
    .where(sql<boolean>`(i.detected_at AT TIME ZONE 'UTC') + interval '8 hours' >= ${since}::date`)
    .groupBy([month, 'i.severity'])
    .orderBy(month)
    .execute();
}

/** Inserts an incident; returns its id. */
export async function insertIncident(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityIncidentTable>, 'state' | 'created_at' | 'updated_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('security_incidents')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an incident. */
export async function updateIncident(
  trx: Kysely<DB>,
  id: string,
  patch: Omit<Updateable<SecurityIncidentTable>, 'id' | 'department_id' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('security_incidents')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Replaces the resources an incident affected. */
export async function setIncidentResources(trx: Kysely<DB>, id: string, resourceIds: readonly string[]) {
  await trx.deleteFrom('security_incident_resources').where('incident_id', '=', id).execute();
  if (resourceIds.length === 0) return;
  await trx
    .insertInto('security_incident_resources')
    .values(resourceIds.map((resource_id) => ({ incident_id: id, resource_id })))
    .execute();
}

/** The ids of the resources an incident affected. */
export async function incidentResourceIds(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('security_incident_resources')
    .select('resource_id')
    .where('incident_id', '=', id)
    .execute();
  return rows.map((row) => row.resource_id);
}

/** Adds a timeline entry. */
export async function insertAction(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityIncidentActionTable>, 'id' | 'created_at'>,
): Promise<number> {
  const row = await trx
    .insertInto('security_incident_actions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An incident's timeline, oldest first. */
export function incidentTimeline(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('security_incident_actions')
    .selectAll()
    .where('incident_id', '=', id)
    .orderBy('taken_at')
    .orderBy('id')
    .execute();
}
