// SQL of the requests answered in the portal (open-catalog corrections, data error reports,
// opinions): storing and locking one, and the lists with the names and the case clock.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { CASE_COLUMNS } from '../../sharing/sharing-cases.repository.ts';
import type { CaseColumns } from '../../sharing/sharing-views.ts';
import type { StaffScope } from './participation.scope.ts';
import type {
  OpenParticipationRequestTable,
  ParticipationKind,
  ParticipationState,
} from './participation.tables.ts';

/** A request as stored. */
export type RequestRow = Selectable<OpenParticipationRequestTable>;

/** A request with the names it is shown with and its case clock. */
export interface ListedRequest extends RequestRow, Omit<CaseColumns, 'case_id'> {
  resource_code: string | null;
  resource_name: string | null;
  department_name: string;
  requester_name: string;
  answered_by_name: string | null;
}

/** The rows a list shows: one requester's, or a handler's. */
export type RequestScope = { kind: 'requester'; userId: string } | StaffScope;

/** Filters of the lists. */
export interface RequestFilter {
  kind?: ParticipationKind;
  state?: ParticipationState;
  resourceId?: string;
  overdue?: boolean;
}

/** Stores a request. */
export function insertRequest(
  trx: Kysely<DB>,
  values: Insertable<OpenParticipationRequestTable>,
): Promise<RequestRow> {
  return trx
    .insertInto('open_participation_requests')
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A request, locked until the transaction ends: two answers at once queue up. */
export function lockRequest(trx: Kysely<DB>, id: string): Promise<RequestRow | undefined> {
  return trx
    .selectFrom('open_participation_requests')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes a request (and its `updated_at`). */
export function updateRequest(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenParticipationRequestTable>,
): Promise<RequestRow> {
  return trx
    .updateTable('open_participation_requests')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_participation_requests as q')
    .leftJoin('catalog_resources as cr', 'cr.id', 'q.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'q.resource_id')
    .innerJoin('departments as d', 'd.id', 'q.department_id')
    .innerJoin('users as u', 'u.id', 'q.requester_user_id')
    .leftJoin('users as au', 'au.id', 'q.answered_by')
    .innerJoin('cases as c', 'c.id', 'q.case_id')
    .selectAll('q')
    .select([
      'cr.code as resource_code',
      'ce.name as resource_name',
      'd.name as department_name',
      'u.display_name as requester_name',
      'au.display_name as answered_by_name',
    ])
    .select(CASE_COLUMNS);
}

/** One page of the requests the scope allows, newest first, with the total. */
export function listRequests(
  db: Kysely<DB>,
  scope: RequestScope,
  filter: RequestFilter,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedRequest[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'requester') query = query.where('q.requester_user_id', '=', scope.userId);
  if (scope.kind === 'provider') query = query.where('q.department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return Promise.resolve({ rows: [], total: 0 });
    query = query.where('q.region_id', 'in', [...scope.regionIds]);
  }
  if (filter.kind) query = query.where('q.kind', '=', filter.kind);
  if (filter.state) query = query.where('q.state', '=', filter.state);
  if (filter.resourceId) query = query.where('q.resource_id', '=', filter.resourceId);
  // Overdue: the answer is late now (an open case the sweep flagged).
  if (filter.overdue !== undefined)
    query = filter.overdue
      ? query.where('c.overdue', '=', true).where('c.closed_at', 'is', null)
      : query.where((eb) => eb.or([eb('c.overdue', '=', false), eb('c.closed_at', 'is not', null)]));
  return fetchPage(query, window, (q) => q.orderBy('q.created_at', 'desc').orderBy('q.id'));
}

/** One request with its names and case clock. */
export function findListedRequest(db: Kysely<DB>, id: string): Promise<ListedRequest | undefined> {
  return listed(db).where('q.id', '=', id).executeTakeFirst();
}
