// SQL of share requests: the published resource asked for, the department asking, storing and
// locking a request, and the lists with the names and the case (due date, overdue, extension).
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { SharedResourceRow } from '../grants/grants.repository.ts';
import type { ShareRequestState, ShareRequestTable } from '../sharing.tables.ts';
import type { PartyScope } from '../sharing-scope.ts';
import type { CaseColumns, LevelColumns } from '../sharing-views.ts';
import { CASE_COLUMNS } from '../sharing-cases.repository.ts';

/** A request as stored. */
export type RequestRow = Selectable<ShareRequestTable>;

/** A request with the names it is shown with, its resource's published level and its case's clock. */
export interface ListedRequest extends RequestRow, CaseColumns, LevelColumns {
  resource_code: string;
  resource_name: string | null;
  provider_name: string;
  applicant_name: string;
  applicant_user_name: string | null;
  decided_by_name: string | null;
  opened_by_name: string | null;
  withdrawn_by_name: string | null;
}

/** Filters of the request lists. */
export interface RequestFilter {
  state?: ShareRequestState;
  resourceId?: string;
  kind?: 'unconditional' | 'conditional';
  overdue?: boolean;
}

/** What a request needs of the resource asked for: its published entry (share type and review). */
export type RequestedResource = SharedResourceRow;

/** The published entry of a resource, or undefined when it is not in the published catalog. */
export async function findRequestedResource(
  db: Kysely<DB>,
  resourceId: string,
): Promise<RequestedResource | undefined> {
  return db
    .selectFrom('catalog_entries')
    .select([
      'resource_id',
      'code',
      'name',
      'department_id',
      'region_id',
      'share_type',
      'share_review_passed',
    ])
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

/** A department's region (for the request's and grant's region columns). */
export async function findDepartmentRegion(db: Kysely<DB>, id: string) {
  return db.selectFrom('departments').select(['id', 'region_id']).where('id', '=', id).executeTakeFirst();
}

/** The id of a request of the department still waiting for the same resource, application and purpose. */
export async function findPendingTwin(
  db: Kysely<DB>,
  twin: { applicantDepartmentId: string; resourceId: string; application: string; purpose: string },
): Promise<string | undefined> {
  const row = await db
    .selectFrom('share_requests')
    .select('id')
    .where('applicant_department_id', '=', twin.applicantDepartmentId)
    .where('resource_id', '=', twin.resourceId)
    .where('application', '=', twin.application)
    .where('purpose', '=', twin.purpose)
    .where('state', 'in', ['submitted', 'awaiting_authority'])
    .executeTakeFirst();
  return row?.id;
}

/** Stores a request. */
export async function insertRequest(
  trx: Kysely<DB>,
  values: Insertable<ShareRequestTable>,
): Promise<RequestRow> {
  return trx.insertInto('share_requests').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A request, locked until the transaction ends: decisions, openings and withdrawals on it queue up. */
export async function lockRequest(trx: Kysely<DB>, id: string): Promise<RequestRow | undefined> {
  return trx.selectFrom('share_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes a request (and its `updated_at`). */
export async function updateRequest(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<ShareRequestTable>,
): Promise<RequestRow> {
  return trx
    .updateTable('share_requests')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('share_requests as r')
    .innerJoin('catalog_resources as cr', 'cr.id', 'r.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'r.resource_id')
    .innerJoin('departments as pd', 'pd.id', 'r.provider_department_id')
    .innerJoin('departments as ad', 'ad.id', 'r.applicant_department_id')
    .leftJoin('users as au', 'au.id', 'r.applicant_user_id')
    .leftJoin('users as du', 'du.id', 'r.decided_by')
    .leftJoin('users as ou', 'ou.id', 'r.opened_by')
    .leftJoin('users as wu', 'wu.id', 'r.withdrawn_by')
    .leftJoin('cases as c', 'c.id', 'r.case_id')
    .selectAll('r')
    .select([
      'cr.code as resource_code',
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'pd.name as provider_name',
      'ad.name as applicant_name',
      'au.display_name as applicant_user_name',
      'du.display_name as decided_by_name',
      'ou.display_name as opened_by_name',
      'wu.display_name as withdrawn_by_name',
    ])
    .select(CASE_COLUMNS);
}

/** One page of the requests the scope allows (asker: the applicant), newest first, with the total. */
export async function listRequests(
  db: Kysely<DB>,
  scope: PartyScope,
  filter: RequestFilter,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedRequest[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'asker') query = query.where('r.applicant_department_id', '=', scope.departmentId);
  if (scope.kind === 'provider') query = query.where('r.provider_department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    const ids = [...scope.regionIds];
    query = query.where((eb) =>
      eb.or([eb('r.provider_region_id', 'in', ids), eb('r.applicant_region_id', 'in', ids)]),
    );
  }
  if (filter.state) query = query.where('r.state', '=', filter.state);
  if (filter.resourceId) query = query.where('r.resource_id', '=', filter.resourceId);
  if (filter.kind) query = query.where('r.kind', '=', filter.kind);
  // Overdue: the provider's answer is late now (an open case the sweep flagged).
  if (filter.overdue !== undefined)
    query = filter.overdue
      ? query.where('c.overdue', '=', true).where('c.closed_at', 'is', null)
      : query.where((eb) => eb.or([eb('c.overdue', 'is not', true), eb('c.closed_at', 'is not', null)]));
  return fetchPage(query, window, (q) => q.orderBy('r.created_at', 'desc').orderBy('r.id'));
}

/** One request with its names and case clock. */
export async function findListedRequest(db: Kysely<DB>, id: string): Promise<ListedRequest | undefined> {
  return listed(db).where('r.id', '=', id).executeTakeFirst();
}
