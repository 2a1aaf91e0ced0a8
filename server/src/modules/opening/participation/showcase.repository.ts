// SQL of the showcase (应用展示): entries with the open datasets they use, the per-user count of the
// daily limit, the review, and the lists (the public's approved entries, a submitter's own, the
// authority's by region).
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { OPEN_TYPES } from '../../dcat/open-catalog.repository.ts';
import type { OpenShowcaseTable, ShowcaseKind, ShowcaseState } from './participation.tables.ts';

/** A showcase entry as stored. */
export type ShowcaseRow = Selectable<OpenShowcaseTable>;

/** An entry with its submitter's name and kind of person. */
export interface ListedShowcase extends ShowcaseRow {
  submitter_name: string;
  submitter_person_type: string | null;
  reviewed_by_name: string | null;
}

/** Which entries a list shows. */
export type ShowcaseScope =
  | { kind: 'public' }
  | { kind: 'submitter'; userId: string }
  | { kind: 'regions'; regionIds: readonly string[] };

/** Filters of the lists. */
export interface ShowcaseFilter {
  state?: ShowcaseState;
  kind?: ShowcaseKind;
  resourceId?: string;
}

/** Stores an entry and the datasets it uses, in the order given. */
export async function insertShowcase(
  trx: Kysely<DB>,
  values: Insertable<OpenShowcaseTable>,
  resourceIds: readonly string[],
): Promise<ShowcaseRow> {
  const row = await trx.insertInto('open_showcase').values(values).returningAll().executeTakeFirstOrThrow();
  await trx
    .insertInto('open_showcase_datasets')
    .values(resourceIds.map((resource_id, position) => ({ showcase_id: row.id, resource_id, position })))
    .execute();
  return row;
}

/**
 * How many entries the user submitted in the last `seconds`, and in how many seconds the oldest
 * of them leaves that window.
 */
export async function showcaseWithin(trx: Kysely<DB>, userId: string, seconds: number) {
  const row = await trx
    .selectFrom('open_showcase')
    .select([
      sql<number>`count(*)`.as('n'),
      sql<
        number | null
      >`ceil(extract(epoch from (min(created_at) + make_interval(secs => ${seconds}) - now())))::int`.as(
        'free_in',
      ),
    ])
    .where('submitter_user_id', '=', userId)
    .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${seconds})`)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), freeInSeconds: Math.max(1, Number(row.free_in ?? 1)) };
}

/** An entry, locked until the transaction ends: two reviews at once queue up. */
export function lockShowcase(trx: Kysely<DB>, id: string): Promise<ShowcaseRow | undefined> {
  return trx.selectFrom('open_showcase').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes an entry (and its `updated_at`). */
export function updateShowcase(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenShowcaseTable>,
): Promise<ShowcaseRow> {
  return trx
    .updateTable('open_showcase')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_showcase as s')
    .innerJoin('users as u', 'u.id', 's.submitter_user_id')
    .leftJoin('users as ru', 'ru.id', 's.reviewed_by')
    .selectAll('s')
    .select([
      'u.display_name as submitter_name',
      'u.person_type as submitter_person_type',
      'ru.display_name as reviewed_by_name',
    ]);
}

/** One page of the entries the scope and filter allow; the public's by approval, newest first. */
export function listShowcase(
  db: Kysely<DB>,
  scope: ShowcaseScope,
  filter: ShowcaseFilter,
  window: { offset: number; limit: number },
): Promise<{ rows: ListedShowcase[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'public') query = query.where('s.state', '=', 'approved');
  if (scope.kind === 'submitter') query = query.where('s.submitter_user_id', '=', scope.userId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return Promise.resolve({ rows: [], total: 0 });
    query = query.where('s.region_id', 'in', [...scope.regionIds]);
  }
  if (filter.state) query = query.where('s.state', '=', filter.state);
  if (filter.kind) query = query.where('s.kind', '=', filter.kind);
  if (filter.resourceId) {
    const resourceId = filter.resourceId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('open_showcase_datasets as sd')
          .select('sd.resource_id')
          .whereRef('sd.showcase_id', '=', 's.id')
          .where('sd.resource_id', '=', resourceId),
      ),
    );
  }
  const byReview = scope.kind === 'public';
  return fetchPage(query, window, (q) =>
    (byReview ? q.orderBy('s.reviewed_at', 'desc') : q.orderBy('s.created_at', 'desc')).orderBy('s.id'),
  );
}

/** One entry with its names. */
export function findListedShowcase(db: Kysely<DB>, id: string): Promise<ListedShowcase | undefined> {
  return listed(db).where('s.id', '=', id).executeTakeFirst();
}

/**
 * The datasets of these entries in their order, with their names as the open catalog has them;
 * `openOnly` leaves out the ones no longer in the open catalog (what the public may be shown).
 */
export async function datasetsOf(db: Kysely<DB>, showcaseIds: readonly string[], openOnly: boolean) {
  if (showcaseIds.length === 0) return [];
  let query = db
    .selectFrom('open_showcase_datasets as sd')
    .innerJoin('catalog_resources as cr', 'cr.id', 'sd.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'sd.resource_id')
    .select([
      'sd.showcase_id',
      'sd.resource_id',
      'cr.code',
      'ce.name',
      'ce.open_type',
      'ce.open_review_passed',
    ])
    .where('sd.showcase_id', 'in', [...showcaseIds]);
  if (openOnly)
    query = query.where('ce.open_type', 'in', OPEN_TYPES).where('ce.open_review_passed', '=', true);
  return query.orderBy('sd.showcase_id').orderBy('sd.position').execute();
}
