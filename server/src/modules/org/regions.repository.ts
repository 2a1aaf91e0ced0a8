import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB, RegionTable } from '../../platform/db/schema.ts';
import type { Region } from './org.schemas.ts';
import { containing, startingWith } from '../../platform/db/like.ts';

/** Region row with its parent's name, as listed. */
function selectRegions(db: Kysely<DB>) {
  return db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.id', 'r.parent_id')
    .select(['r.id', 'r.code', 'r.name', 'r.level', 'r.parent_id as parentId', 'p.name as parentName']);
}

/** Lists regions, filtered; regions are few (hundreds at most), ordered by code. */
export async function listRegions(
  db: Kysely<DB>,
  filter: { parentId?: string; level?: string; q?: string; offset: number; limit: number },
): Promise<{ items: Region[]; total: number }> {
  let query = selectRegions(db);
  if (filter.parentId) query = query.where('r.parent_id', '=', filter.parentId);
  if (filter.level) query = query.where('r.level', '=', filter.level as RegionTable['level']);
  const q = filter.q;
  if (q)
    query = query.where((eb) =>
      eb.or([eb('r.name', 'like', containing(q)), eb('r.code', 'like', startingWith(q))]),
    );
  const { rows, total } = await fetchPage(query, filter, (q) => q.orderBy('r.code'));
  return { items: rows, total };
}

/** Finds one region. */
export function findRegion(db: Kysely<DB>, id: string): Promise<Region | undefined> {
  return selectRegions(db).where('r.id', '=', id).executeTakeFirst();
}

/** Whether a region code is in use (by another region than `exceptId`). */
export async function regionCodeTaken(db: Kysely<DB>, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('regions').select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Inserts a region; returns its id. */
export async function insertRegion(
  db: Kysely<DB>,
  values: { code: string; name: string; level: RegionTable['level']; parentId: string | null },
): Promise<string> {
  const row = await db
    .insertInto('regions')
    .values({ code: values.code, name: values.name, level: values.level, parent_id: values.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a region's name or code. */
export async function updateRegion(
  db: Kysely<DB>,
  id: string,
  values: { code?: string; name?: string },
): Promise<void> {
  await db
    .updateTable('regions')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The id of the region with this GB/T 2260 code, if any. */
export async function findRegionIdByCode(db: Kysely<DB>, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}
