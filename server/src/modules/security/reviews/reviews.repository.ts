// Secrecy reviews (`security_reviews`) and the review flags of the published view. Only this file
// holds the reviews' SQL; the share / open predicates other modules use are in reviews.effect.ts.
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ReviewState, SecurityReviewTable } from './reviews.tables.ts';

/** A review row as stored. */
export type ReviewRow = Selectable<SecurityReviewTable>;

/** The reviews that decide what a new publication needs: the last passed, the waiting, the newest. */
export async function reviewStanding(trx: Kysely<DB>, resourceId: string) {
  const rows = await trx
    .selectFrom('security_reviews')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('state', '<>', 'superseded')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return {
    lastPassed: rows.find((row) => row.state === 'passed'),
    pending: rows.find((row) => row.state === 'pending'),
    latest: rows[0],
  };
}

/** Inserts a review; returns its id. */
export async function insertReview(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityReviewTable>, 'id' | 'created_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('security_reviews')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Points a waiting review at a newer revision with the same reviewed attributes. */
export async function moveReviewToRevision(trx: Kysely<DB>, id: string, revisionId: string): Promise<void> {
  await trx.updateTable('security_reviews').set({ revision_id: revisionId }).where('id', '=', id).execute();
}

/** Reads a review and locks it until the transaction ends (two decisions take turns). */
export function lockReview(trx: Kysely<DB>, id: string): Promise<ReviewRow | undefined> {
  return trx.selectFrom('security_reviews').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Sets a review's outcome (or supersedes it). */
export async function setReviewOutcome(
  trx: Kysely<DB>,
  id: string,
  values: {
    state: ReviewState;
    reasons?: string | null;
    decidedBy?: string | null;
    decidedByName?: string | null;
  },
): Promise<void> {
  const decided = values.state === 'passed' || values.state === 'not_passed';
  await trx
    .updateTable('security_reviews')
    .set({
      state: values.state,
      reasons: values.reasons ?? null,
      decided_by: values.decidedBy ?? null,
      decided_by_name: values.decidedByName ?? null,
      decided_at: decided ? sql<Date>`now()` : null,
    })
    .where('id', '=', id)
    .execute();
}

/** The published entry of a resource: its revision and review flags. */
export function findEntryFlags(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['resource_id', 'revision_id', 'share_review_passed', 'open_review_passed', 'open_type'])
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

/** Sets the review flags of a resource's published entry. */
export async function setEntryFlags(
  trx: Kysely<DB>,
  resourceId: string,
  flags: { share_review_passed: boolean; open_review_passed: boolean },
): Promise<void> {
  await trx.updateTable('catalog_entries').set(flags).where('resource_id', '=', resourceId).execute();
}

/** The department kind of a department (an authority's security officer reviews for its region). */
export function findDepartmentKind(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'kind', 'region_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Which reviews a reader sees: all, some regions, or one department. */
export type ReviewScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'department'; departmentId: string };

/** Filters of the review queue. */
export interface ReviewFilter {
  state?: ReviewState;
  departmentId?: string;
  resourceId?: string;
  overdue?: boolean;
  /** Due on or before this day. */
  dueBy?: string;
}

const REVIEW_SORT = { createdAt: 'v.created_at', dueOn: 'c.due_on', decidedAt: 'v.decided_at' } as const;
/** API sort field → column of the review queue. */
export const REVIEW_SORTABLE = REVIEW_SORT;

function reviewQuery(db: Kysely<DB>) {
  return db
    .selectFrom('security_reviews as v')
    .innerJoin('catalog_resources as r', 'r.id', 'v.resource_id')
    .innerJoin('catalog_revisions as rv', 'rv.id', 'v.revision_id')
    .innerJoin('departments as d', 'd.id', 'v.department_id')
    .leftJoin('cases as c', 'c.id', 'v.case_id')
    .selectAll('v')
    .select([
      'r.code',
      'rv.name',
      'rv.number as revisionNumber',
      'd.name as departmentName',
      'c.due_on as dueOn',
      'c.overdue as overdue',
    ]);
}

/** A review with its resource's code and name, department name and case deadline. */
export type ReviewListRow = Awaited<ReturnType<ReturnType<typeof reviewQuery>['execute']>>[number];

/** One page of the review queue within a scope. */
export async function listReviews(
  db: Kysely<DB>,
  scope: ReviewScope,
  filter: ReviewFilter,
  window: { offset: number; limit: number },
  order: { column: (typeof REVIEW_SORT)[keyof typeof REVIEW_SORT]; direction: 'asc' | 'desc' },
) {
  let query = reviewQuery(db);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('v.region_id', 'in', scope.regionIds);
  }
  if (scope.kind === 'department') query = query.where('v.department_id', '=', scope.departmentId);
  if (filter.state) query = query.where('v.state', '=', filter.state);
  if (filter.departmentId) query = query.where('v.department_id', '=', filter.departmentId);
  if (filter.resourceId) query = query.where('v.resource_id', '=', filter.resourceId);
  if (filter.overdue !== undefined) query = query.where('c.overdue', '=', filter.overdue);
  if (filter.dueBy) query = query.where('c.due_on', '<=', filter.dueBy);
  return fetchPage(query, window, (q) =>
    q
      .orderBy(
        sql`${sql.ref(order.column)} ${sql.raw(order.direction === 'asc' ? 'ASC' : 'DESC')} NULLS LAST`,
      )
      .orderBy('v.id'),
  );
}

/** One review with the names the queue shows. */
export function findReview(db: Kysely<DB>, id: string): Promise<ReviewListRow | undefined> {
  return reviewQuery(db).where('v.id', '=', id).executeTakeFirst();
}
