// SQL of sharing disputes: the authority that coordinates (the provider's region's, else the nearest
// above), storing and locking a dispute, and the lists with names and the case's clock.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ShareDisputeTable } from '../sharing.tables.ts';
import type { PartyScope } from '../sharing-scope.ts';
import type { CaseColumns, LevelColumns } from '../sharing-views.ts';
import { CASE_COLUMNS } from '../sharing-cases.repository.ts';

/** A dispute as stored. */
export type DisputeRow = Selectable<ShareDisputeTable>;

/** A dispute with the names it is shown with, its resource's published level and its case's clock. */
export interface ListedDispute extends DisputeRow, Omit<CaseColumns, 'case_id'>, LevelColumns {
  resource_code: string;
  resource_name: string | null;
  provider_name: string;
  provider_region_id: string;
  applicant_name: string;
  applicant_region_id: string;
  coordinator_id: string | null;
  coordinator_name: string | null;
  raised_by_name: string | null;
  resolved_by_name: string | null;
}

/** Filters of the dispute lists. */
export interface DisputeFilter {
  state?: 'open' | 'resolved' | 'withdrawn';
  resourceId?: string;
}

/**
 * The data authority (a department of kind `authority`) of the region, or of the nearest region
 * above it that has one: the body that coordinates a dispute about the region's departments.
 */
export async function findCoordinator(db: Kysely<DB>, regionId: string) {
  const result = await sql<{ id: string; region_id: string }>`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM regions WHERE id = ${regionId}
      UNION ALL
      SELECT r.id, r.parent_id, up.depth + 1 FROM regions r JOIN up ON r.id = up.parent_id
    )
    SELECT d.id, d.region_id FROM departments d JOIN up ON up.id = d.region_id
    WHERE d.kind = 'authority'
    ORDER BY up.depth, d.created_at, d.id
    LIMIT 1`.execute(db);
  return result.rows[0];
}

/** Whether the department already has an open dispute on the resource (and request). */
export async function hasOpenTwin(
  db: Kysely<DB>,
  twin: { applicantDepartmentId: string; resourceId: string; requestId: string | null },
): Promise<boolean> {
  let query = db
    .selectFrom('share_disputes')
    .select('id')
    .where('applicant_department_id', '=', twin.applicantDepartmentId)
    .where('resource_id', '=', twin.resourceId)
    .where('state', '=', 'open');
  query = twin.requestId
    ? query.where('request_id', '=', twin.requestId)
    : query.where('request_id', 'is', null);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Stores a dispute. */
export async function insertDispute(
  trx: Kysely<DB>,
  values: Insertable<ShareDisputeTable>,
): Promise<DisputeRow> {
  return trx.insertInto('share_disputes').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A dispute, locked until the transaction ends (an outcome and a withdrawal do not race). */
export async function lockDispute(trx: Kysely<DB>, id: string): Promise<DisputeRow | undefined> {
  return trx.selectFrom('share_disputes').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes a dispute. */
export async function updateDispute(trx: Kysely<DB>, id: string, patch: Updateable<ShareDisputeTable>) {
  await trx.updateTable('share_disputes').set(patch).where('id', '=', id).execute();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('share_disputes as s')
    .innerJoin('catalog_resources as cr', 'cr.id', 's.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 's.resource_id')
    .innerJoin('departments as pd', 'pd.id', 's.provider_department_id')
    .innerJoin('departments as ad', 'ad.id', 's.applicant_department_id')
    .leftJoin('users as ru', 'ru.id', 's.raised_by')
    .leftJoin('users as vu', 'vu.id', 's.resolved_by')
    .leftJoin('cases as c', 'c.id', 's.case_id')
    .leftJoin('departments as co', 'co.id', 'c.department_id')
    .selectAll('s')
    .select([
      'cr.code as resource_code',
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'pd.name as provider_name',
      'pd.region_id as provider_region_id',
      'ad.name as applicant_name',
      'ad.region_id as applicant_region_id',
      'co.id as coordinator_id',
      'co.name as coordinator_name',
      'ru.display_name as raised_by_name',
      'vu.display_name as resolved_by_name',
    ])
    .select(CASE_COLUMNS);
}

/** One page of the disputes the scope allows (asker: the department that raised them), newest first. */
export async function listDisputes(
  db: Kysely<DB>,
  scope: PartyScope,
  filter: DisputeFilter,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedDispute[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'asker') query = query.where('s.applicant_department_id', '=', scope.departmentId);
  if (scope.kind === 'provider') query = query.where('s.provider_department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    const ids = [...scope.regionIds];
    query = query.where((eb) =>
      eb.or([eb('s.region_id', 'in', ids), eb('pd.region_id', 'in', ids), eb('ad.region_id', 'in', ids)]),
    );
  }
  if (filter.state) query = query.where('s.state', '=', filter.state);
  if (filter.resourceId) query = query.where('s.resource_id', '=', filter.resourceId);
  return fetchPage(query, window, (q) => q.orderBy('s.created_at', 'desc').orderBy('s.id'));
}

/** One dispute with its names and case clock. */
export async function findListedDispute(db: Kysely<DB>, id: string): Promise<ListedDispute | undefined> {
  return listed(db).where('s.id', '=', id).executeTakeFirst();
}
