// SQL of applications for conditionally open data: the open dataset applied for (its published
// entry, methods and items), storing and locking an application, and the lists with the names,
// the provider's case clock and the agreement an approval led to.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { OPEN_TYPES } from '../../dcat/open-catalog.repository.ts';
import { CASE_COLUMNS } from '../../sharing/sharing-cases.repository.ts';
import type { CaseColumns, LevelColumns } from '../../sharing/sharing-views.ts';
import type {
  OpenAgreementState,
  OpenApplicationState,
  OpenApplicationTable,
} from '../conditional.tables.ts';

/** An application as stored. */
export type ApplicationRow = Selectable<OpenApplicationTable>;

/** An open dataset as an application needs it: its provider, open type and the methods offered. */
export interface ApplicableDataset {
  resource_id: string;
  code: string;
  name: string;
  department_id: string;
  region_id: string;
  revision_id: string;
  open_type: string;
  open_methods: string[];
}

/** An application with the names it is shown with, its resource's published level, its case clock and its agreement. */
export interface ListedApplication extends ApplicationRow, Omit<CaseColumns, 'case_id'>, LevelColumns {
  resource_code: string;
  resource_name: string | null;
  provider_name: string;
  applicant_name: string;
  applicant_person_type: string | null;
  applicant_identity_masked: string | null;
  decided_by_name: string | null;
  agreement_id: string | null;
  agreement_number: string | null;
  agreement_state: OpenAgreementState | null;
  agreement_valid_from: string | null;
  agreement_valid_until: string | null;
}

/** The rows a list may show. */
export type ApplicationScope =
  | { kind: 'all' }
  | { kind: 'applicant'; userId: string }
  | { kind: 'provider'; departmentId: string }
  /** Applications for data of departments in these regions (the authority, auditors). */
  | { kind: 'regions'; regionIds: readonly string[] };

/** Filters of the lists. */
export interface ApplicationFilter {
  state?: OpenApplicationState;
  resourceId?: string;
  overdue?: boolean;
}

/**
 * The dataset in the open catalog (published, open type unconditional or conditional, secrecy
 * review passed) with this resource id; undefined when it is unknown, closed or not yet open.
 */
export function findApplicableDataset(
  db: Kysely<DB>,
  resourceId: string,
): Promise<ApplicableDataset | undefined> {
  return db
    .selectFrom('catalog_entries as e')
    .innerJoin('catalog_revisions as r', 'r.id', 'e.revision_id')
    .select([
      'e.resource_id',
      'e.code',
      'e.name',
      'e.department_id',
      'e.region_id',
      'e.revision_id',
      'e.open_type',
      'r.open_methods',
    ])
    .where('e.resource_id', '=', resourceId)
    .where('e.open_type', 'in', OPEN_TYPES)
    .where('e.open_review_passed', '=', true)
    .executeTakeFirst();
}

/** The items of a revision, in the catalog's order. */
export function findRevisionItems(db: Kysely<DB>, revisionId: string) {
  return db
    .selectFrom('catalog_items')
    .select(['field_name as field', 'name'])
    .where('revision_id', '=', revisionId)
    .orderBy('position')
    .execute();
}

/** The items of a resource's published revision (none when it is no longer published). */
export function findPublishedItems(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('catalog_resources as cr')
    .innerJoin('catalog_items as i', 'i.revision_id', 'cr.published_revision_id')
    .select(['i.field_name as field', 'i.name'])
    .where('cr.id', '=', resourceId)
    .orderBy('i.position')
    .execute();
}

/** The id of the user's application for the dataset that still waits for its answer. */
export async function findWaitingApplication(
  db: Kysely<DB>,
  userId: string,
  resourceId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('open_applications')
    .select('id')
    .where('applicant_user_id', '=', userId)
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'submitted')
    .executeTakeFirst();
  return row?.id;
}

/** Stores an application. */
export function insertApplication(
  trx: Kysely<DB>,
  values: Insertable<OpenApplicationTable>,
): Promise<ApplicationRow> {
  return trx.insertInto('open_applications').values(values).returningAll().executeTakeFirstOrThrow();
}

/** An application, locked until the transaction ends: decisions and withdrawals on it queue up. */
export function lockApplication(trx: Kysely<DB>, id: string): Promise<ApplicationRow | undefined> {
  return trx.selectFrom('open_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes an application (and its `updated_at`). */
export function updateApplication(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenApplicationTable>,
): Promise<ApplicationRow> {
  return trx
    .updateTable('open_applications')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_applications as a')
    .innerJoin('catalog_resources as cr', 'cr.id', 'a.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'a.resource_id')
    .innerJoin('departments as pd', 'pd.id', 'a.provider_department_id')
    .innerJoin('users as au', 'au.id', 'a.applicant_user_id')
    .leftJoin('users as du', 'du.id', 'a.decided_by')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('open_agreements as g', 'g.application_id', 'a.id')
    .selectAll('a')
    .select([
      'cr.code as resource_code',
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'pd.name as provider_name',
      'au.display_name as applicant_name',
      'au.person_type as applicant_person_type',
      'au.identity_masked as applicant_identity_masked',
      'du.display_name as decided_by_name',
      'g.id as agreement_id',
      'g.number as agreement_number',
      'g.state as agreement_state',
      'g.valid_from as agreement_valid_from',
      'g.valid_until as agreement_valid_until',
    ])
    .select(CASE_COLUMNS);
}

/** One page of the applications the scope allows, newest first, with the total. */
export async function listApplications(
  db: Kysely<DB>,
  scope: ApplicationScope,
  filter: ApplicationFilter,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedApplication[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'applicant') query = query.where('a.applicant_user_id', '=', scope.userId);
  if (scope.kind === 'provider') query = query.where('a.provider_department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('a.provider_region_id', 'in', [...scope.regionIds]);
  }
  if (filter.state) query = query.where('a.state', '=', filter.state);
  if (filter.resourceId) query = query.where('a.resource_id', '=', filter.resourceId);
  // Overdue: the provider's answer is late now (an open case the sweep flagged).
  if (filter.overdue !== undefined)
    query = filter.overdue
      ? query.where('c.overdue', '=', true).where('c.closed_at', 'is', null)
      : query.where((eb) => eb.or([eb('c.overdue', 'is not', true), eb('c.closed_at', 'is not', null)]));
  return fetchPage(query, window, (q) => q.orderBy('a.created_at', 'desc').orderBy('a.id'));
}

/** One application with its names, case clock and agreement. */
export function findListedApplication(db: Kysely<DB>, id: string): Promise<ListedApplication | undefined> {
  return listed(db).where('a.id', '=', id).executeTakeFirst();
}
