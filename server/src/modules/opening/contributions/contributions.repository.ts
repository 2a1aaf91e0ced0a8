// SQL of multi-source opening: organisations' datasets, their review, reads and download counts.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ContributionState, OpenContributionTable } from './contributions.tables.ts';

/** A stored contribution without its file. */
export type ContributionInfo = Omit<Selectable<OpenContributionTable>, 'content'> & {
  publisher_name: string;
};

const INFO = [
  'c.id',
  'c.publisher_user_id',
  'c.region_id',
  'c.name',
  'c.description',
  'c.keywords',
  'c.licence',
  'c.update_cycle',
  'c.source_note',
  'c.columns',
  'c.row_count',
  'c.size_bytes',
  'c.digest',
  'c.state',
  'c.review_reason',
  'c.reviewed_by',
  'c.reviewed_at',
  'c.downloads',
  'c.created_at',
  'c.updated_at',
  'u.display_name as publisher_name',
] as const;

function info(db: Kysely<DB>) {
  return db
    .selectFrom('open_contributions as c')
    .innerJoin('users as u', 'u.id', 'c.publisher_user_id')
    .select(INFO);
}

/** The region whose authority reviews organisations' datasets: the top of the region tree. */
export async function findTopRegion(db: Kysely<DB>): Promise<string | undefined> {
  const row = await db
    .selectFrom('regions')
    .select('id')
    .where('parent_id', 'is', null)
    .orderBy('code')
    .executeTakeFirst();
  return row?.id;
}

/** The person type of a public user (organisations publish, natural persons do not). */
export async function findPersonType(db: Kysely<DB>, userId: string) {
  const row = await db.selectFrom('users').select('person_type').where('id', '=', userId).executeTakeFirst();
  return row?.person_type ?? null;
}

/** Stores a contribution. */
export async function insertContribution(trx: Kysely<DB>, row: Insertable<OpenContributionTable>) {
  return trx.insertInto('open_contributions').values(row).returning(['id']).executeTakeFirstOrThrow();
}

/** A contribution, locked until the transaction ends. */
export function lockContribution(trx: Kysely<DB>, id: string) {
  return trx
    .selectFrom('open_contributions')
    .select(['id', 'publisher_user_id', 'region_id', 'name', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes a contribution (and its `updated_at`). */
export async function updateContribution(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenContributionTable>,
) {
  await trx
    .updateTable('open_contributions')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** One contribution without its file. */
export function findContribution(db: Kysely<DB>, id: string): Promise<ContributionInfo | undefined> {
  return info(db).where('c.id', '=', id).executeTakeFirst();
}

/** Contributions by filter, newest first: public (approved, with a text filter), a publisher's, a region's. */
export function listContributions(
  db: Kysely<DB>,
  filter: { state?: ContributionState; publisherId?: string; regionIds?: readonly string[]; q?: string },
  window: { offset: number; limit: number },
): Promise<ContributionInfo[]> {
  let query = info(db);
  if (filter.state) query = query.where('c.state', '=', filter.state);
  if (filter.publisherId) query = query.where('c.publisher_user_id', '=', filter.publisherId);
  if (filter.regionIds) {
    if (filter.regionIds.length === 0) return Promise.resolve([]);
    query = query.where('c.region_id', 'in', [...filter.regionIds]);
  }
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.description', 'ilike', like)]));
  }
  return query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .offset(window.offset)
    .limit(window.limit)
    .execute();
}

/** The stored CSV of an approved contribution, counting one download. */
export async function takeDownload(trx: Kysely<DB>, id: string) {
  return trx
    .updateTable('open_contributions')
    .set({ downloads: sql<number>`downloads + 1` })
    .where('id', '=', id)
    .where('state', '=', 'approved')
    .returning(['id', 'name', 'content', 'row_count', 'digest'])
    .executeTakeFirst();
}

/** The first bytes of an approved contribution's file, for the page's preview. */
export async function findContentHead(db: Kysely<DB>, id: string, bytes: number) {
  const { rows } = await sql<{ head: Uint8Array }>`
    SELECT substring(content FROM 1 FOR ${bytes}) AS head FROM open_contributions WHERE id = ${id}::uuid`.execute(
    db,
  );
  return rows[0] ? Buffer.from(rows[0].head) : undefined;
}
