// SQL of emergency opening: emergencies, the datasets opened under them, and the deletion of a
// dataset's pool rows when its disposal is decided.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { qualified } from '../../pools/pool-schema.ts';
import type { PoolTableRow } from '../../pools/pool-tables.repository.ts';
import type { OpenEmergencyDatasetTable, OpenEmergencyTable } from './emergencies.tables.ts';

/** A stored emergency. */
export type EmergencyRow = Selectable<OpenEmergencyTable>;
/** A dataset opened under an emergency, with its names. */
export interface EmergencyDatasetRow extends Selectable<OpenEmergencyDatasetTable> {
  code: string;
  name: string | null;
  department_name: string;
}

/** Stores an emergency. */
export function insertEmergency(trx: Kysely<DB>, row: Insertable<OpenEmergencyTable>): Promise<EmergencyRow> {
  return trx.insertInto('open_emergencies').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An emergency, locked until the transaction ends when `lock` is set. */
export function findEmergency(db: Kysely<DB>, id: string, lock = false): Promise<EmergencyRow | undefined> {
  const query = db.selectFrom('open_emergencies').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** Changes an emergency. */
export function updateEmergency(trx: Kysely<DB>, id: string, patch: Updateable<OpenEmergencyTable>) {
  return trx
    .updateTable('open_emergencies')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The emergencies of some regions, newest first. */
export function listEmergencies(db: Kysely<DB>, regionIds: readonly string[]): Promise<EmergencyRow[]> {
  if (regionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('open_emergencies')
    .selectAll()
    .where('region_id', 'in', [...regionIds])
    .orderBy('starts_on', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** The datasets opened under an emergency, with their names; only one department's when given. */
export function listEmergencyDatasets(
  db: Kysely<DB>,
  emergencyId: string,
  departmentId?: string,
): Promise<EmergencyDatasetRow[]> {
  let query = db
    .selectFrom('open_emergency_datasets as x')
    .innerJoin('catalog_resources as r', 'r.id', 'x.resource_id')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'x.resource_id')
    .innerJoin('departments as d', 'd.id', 'x.department_id')
    .selectAll('x')
    .select(['r.code', 'e.name', 'd.name as department_name'])
    .where('x.emergency_id', '=', emergencyId);
  if (departmentId) query = query.where('x.department_id', '=', departmentId);
  return query.orderBy('x.added_at').orderBy('x.resource_id').execute();
}

/** Adds a dataset to an emergency (409 in the caller when it is there already). */
export async function insertEmergencyDataset(
  trx: Kysely<DB>,
  row: Insertable<OpenEmergencyDatasetTable>,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('open_emergency_datasets')
    .values(row)
    .onConflict((oc) => oc.columns(['emergency_id', 'resource_id']).doNothing())
    .returning('resource_id')
    .executeTakeFirst();
  return Boolean(inserted);
}

/** One dataset of an emergency, locked until the transaction ends. */
export function lockEmergencyDataset(trx: Kysely<DB>, emergencyId: string, resourceId: string) {
  return trx
    .selectFrom('open_emergency_datasets')
    .selectAll()
    .where('emergency_id', '=', emergencyId)
    .where('resource_id', '=', resourceId)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the disposal decided for a dataset of an emergency. */
export async function decideEmergencyDataset(
  trx: Kysely<DB>,
  emergencyId: string,
  resourceId: string,
  patch: Updateable<OpenEmergencyDatasetTable>,
): Promise<void> {
  await trx
    .updateTable('open_emergency_datasets')
    .set(patch)
    .where('emergency_id', '=', emergencyId)
    .where('resource_id', '=', resourceId)
    .execute();
}

/** Deletes every row (current and history) of a pool table and zeroes its row count; the count deleted. */
export async function purgePoolRows(trx: Kysely<DB>, table: PoolTableRow): Promise<number> {
  const result = await sql.raw(`DELETE FROM ${qualified(table)}`).execute(trx);
  await trx
    .updateTable('pool_tables')
    .set({ row_count: 0, updated_at: sql<Date>`now()` })
    .where('resource_id', '=', table.resource_id)
    .execute();
  return Number(result.numAffectedRows ?? 0);
}

/** The emergency in force today (China day) that a dataset was opened under, if one. */
export function findActiveEmergencyOf(db: Kysely<DB>, resourceId: string, today: string) {
  return db
    .selectFrom('open_emergency_datasets as x')
    .innerJoin('open_emergencies as m', 'm.id', 'x.emergency_id')
    .select(['m.id', 'm.name', 'm.starts_on', 'm.ends_on', 'm.ended_early_on'])
    .where('x.resource_id', '=', resourceId)
    .where('m.starts_on', '<=', today)
    .where('m.ends_on', '>=', today)
    .where('m.ended_early_on', 'is', null)
    .orderBy('m.starts_on', 'desc')
    .executeTakeFirst();
}
