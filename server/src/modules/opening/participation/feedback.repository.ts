// SQL of ratings and comments on open datasets: a user's rating, a dataset's rating summary, the
// comments (the public's visible ones, the handlers' with hidden ones), and the per-user counts the
// limits and the repeat check read.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { OpenCommentTable } from './participation.tables.ts';
import type { StaffScope } from './participation.scope.ts';

/** A comment as stored. */
export type CommentRow = Selectable<OpenCommentTable>;

/** A comment with its author's name and kind of person, and the dataset's name. */
export interface ListedComment extends CommentRow {
  author_name: string;
  author_person_type: string | null;
  resource_code: string;
  resource_name: string | null;
  hidden_by_name: string | null;
}

/** A user's rating of a dataset, or undefined; locked until the transaction ends. */
export async function lockRating(
  trx: Kysely<DB>,
  resourceId: string,
  userId: string,
): Promise<number | undefined> {
  const row = await trx
    .selectFrom('open_ratings')
    .select('stars')
    .where('resource_id', '=', resourceId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  return row?.stars;
}

/** A user's rating of a dataset, or undefined. */
export async function findRating(db: Kysely<DB>, resourceId: string, userId: string) {
  const row = await db
    .selectFrom('open_ratings')
    .select('stars')
    .where('resource_id', '=', resourceId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.stars;
}

/** Sets a user's rating of a dataset (a second rating replaces the first). */
export async function upsertRating(trx: Kysely<DB>, resourceId: string, userId: string, stars: number) {
  await trx
    .insertInto('open_ratings')
    .values({ resource_id: resourceId, user_id: userId, stars })
    .onConflict((oc) =>
      oc.columns(['resource_id', 'user_id']).doUpdateSet({ stars, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/** How many ratings of each number of stars a dataset has (stars without ratings are left out). */
export async function ratingCounts(db: Kysely<DB>, resourceId: string) {
  const rows = await db
    .selectFrom('open_ratings')
    .select(['stars', sql<number>`count(*)`.as('n')])
    .where('resource_id', '=', resourceId)
    .groupBy('stars')
    .execute();
  return rows.map((row) => ({ stars: Number(row.stars), count: Number(row.n) }));
}

/**
 * How many comments the user wrote in the last `seconds` (deleted and hidden ones too: deleting
 * does not give the place back), and in how many seconds the oldest of them leaves that window.
 */
export async function commentsWithin(trx: Kysely<DB>, userId: string, seconds: number) {
  const row = await trx
    .selectFrom('open_comments')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<
        number | null
      >`ceil(extract(epoch from (min(created_at) + make_interval(secs => ${seconds}) - now())))::int`.as(
        'free_in',
      ),
    ])
    .where('author_user_id', '=', userId)
    .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), freeInSeconds: Math.max(1, Number(row.free_in ?? 1)) };
}

/** Whether the user wrote this very text (blanks around it aside) in the last `seconds` and kept it. */
export async function sameCommentWithin(
  trx: Kysely<DB>,
  userId: string,
  text: string,
  seconds: number,
): Promise<boolean> {
  const row = await trx
    .selectFrom('open_comments')
    .select('id')
    .where('author_user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .where(sql<string>`btrim(body)`, '=', text)
    .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a comment. */
export function insertComment(
  trx: Kysely<DB>,
  values: Pick<CommentRow, 'resource_id' | 'department_id' | 'region_id' | 'author_user_id' | 'body'>,
): Promise<CommentRow> {
  return trx.insertInto('open_comments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A comment, locked until the transaction ends. */
export function lockComment(trx: Kysely<DB>, id: string): Promise<CommentRow | undefined> {
  return trx.selectFrom('open_comments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes a comment. */
export function updateComment(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenCommentTable>,
): Promise<CommentRow> {
  return trx
    .updateTable('open_comments')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_comments as m')
    .innerJoin('users as u', 'u.id', 'm.author_user_id')
    .innerJoin('catalog_resources as cr', 'cr.id', 'm.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'm.resource_id')
    .leftJoin('users as hu', 'hu.id', 'm.hidden_by')
    .selectAll('m')
    .select([
      'u.display_name as author_name',
      'u.person_type as author_person_type',
      'cr.code as resource_code',
      'ce.name as resource_name',
      'hu.display_name as hidden_by_name',
    ]);
}

/** One page of a dataset's visible comments (neither hidden nor deleted), newest first. */
export function listVisibleComments(
  db: Kysely<DB>,
  resourceId: string,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedComment[]; total: number }> {
  const query = listed(db)
    .where('m.resource_id', '=', resourceId)
    .where('m.hidden_at', 'is', null)
    .where('m.deleted_at', 'is', null);
  return fetchPage(query, window, (q) => q.orderBy('m.created_at', 'desc').orderBy('m.id'));
}

/** One comment with its names. */
export function findListedComment(db: Kysely<DB>, id: string): Promise<ListedComment | undefined> {
  return listed(db).where('m.id', '=', id).executeTakeFirst();
}

/** One page of the comments a handler sees (deleted ones left out), newest first. */
export function listHandledComments(
  db: Kysely<DB>,
  scope: StaffScope,
  filter: { resourceId?: string; hidden?: boolean },
  window: { offset: number; limit: number },
): Promise<{ rows: ListedComment[]; total: number }> {
  let query = listed(db).where('m.deleted_at', 'is', null);
  if (scope.kind === 'provider') query = query.where('m.department_id', '=', scope.departmentId);
  else {
    if (scope.regionIds.length === 0) return Promise.resolve({ rows: [], total: 0 });
    query = query.where('m.region_id', 'in', [...scope.regionIds]);
  }
  if (filter.resourceId) query = query.where('m.resource_id', '=', filter.resourceId);
  if (filter.hidden !== undefined) query = query.where('m.hidden_at', filter.hidden ? 'is not' : 'is', null);
  return fetchPage(query, window, (q) => q.orderBy('m.created_at', 'desc').orderBy('m.id'));
}
