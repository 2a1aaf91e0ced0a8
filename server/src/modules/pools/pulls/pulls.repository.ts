// SQL of the pulls register, of claiming due pulls for a run, and of the return flow's lookups.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { PoolPullTable } from './pulls.tables.ts';

/** A row of `pool_pulls`. */
export type PullRow = Selectable<PoolPullTable>;

/** Registers a pull. */
export async function insertPull(trx: Kysely<DB>, values: Insertable<PoolPullTable>): Promise<PullRow> {
  return trx.insertInto('pool_pulls').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A pull by id. */
export async function findPull(db: Kysely<DB>, id: string): Promise<PullRow | undefined> {
  return db.selectFrom('pool_pulls').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The pulls of a resource, oldest first. */
export async function listPulls(db: Kysely<DB>, resourceId: string): Promise<PullRow[]> {
  return db
    .selectFrom('pool_pulls')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Changes a pull's settings or its run state. */
export async function updatePull(
  db: Kysely<DB>,
  id: string,
  changes: Updateable<PoolPullTable>,
): Promise<PullRow | undefined> {
  return db
    .updateTable('pool_pulls')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a pull (its batches stay, as versions or failed loads of the table). */
export async function deletePull(trx: Kysely<DB>, id: string): Promise<void> {
  await trx.deleteFrom('pool_pulls').where('id', '=', id).execute();
}

/**
 * Claims the enabled pulls due at `now` that are not running: marks them running and moves their
 * next run one interval on from `now`, so a due time is claimed once. Rows another transaction holds
 * are skipped, not waited for.
 */
export async function claimDuePulls(trx: Kysely<DB>, now: Date, staleBefore: Date): Promise<PullRow[]> {
  const due = await trx
    .selectFrom('pool_pulls')
    .select(['id', 'interval_minutes'])
    .where('enabled', '=', true)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('running_since', 'is', null), eb('running_since', '<', staleBefore)]))
    .orderBy('next_run_at')
    .forUpdate()
    .skipLocked()
    .execute();
  const claimed: PullRow[] = [];
  for (const pull of due) {
    const row = await updatePull(trx, pull.id, {
      running_since: now,
      next_run_at: new Date(now.getTime() + pull.interval_minutes * 60_000),
    });
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Marks one pull running ("run now"), unless a run of it is under way. */
export async function claimPull(
  trx: Kysely<DB>,
  id: string,
  now: Date,
  staleBefore: Date,
): Promise<PullRow | undefined> {
  return trx
    .updateTable('pool_pulls')
    .set({ running_since: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('running_since', 'is', null), eb('running_since', '<', staleBefore)]))
    .returningAll()
    .executeTakeFirst();
}

/** Records where a batch came from. */
export async function setBatchOrigin(db: Kysely<DB>, batchId: string, origin: string): Promise<void> {
  await db.updateTable('pool_batches').set({ origin }).where('id', '=', batchId).execute();
}

/** A department's region and kind (an authority's application may return records). */
export async function findDepartmentKind(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'region_id as regionId', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}
