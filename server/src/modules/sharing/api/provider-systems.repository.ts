// SQL of providers' registered systems for pass-through calls (share_provider_systems).
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ShareProviderSystemTable } from './api.tables.ts';

/** A registered system as stored (its header value sealed). */
export type ProviderSystemRow = Selectable<ShareProviderSystemTable>;

/** The system registered for a resource, if any. */
export async function findProviderSystem(
  db: Kysely<DB>,
  resourceId: string,
): Promise<ProviderSystemRow | undefined> {
  return db
    .selectFrom('share_provider_systems')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

/** Registers or replaces the system of a resource; returns the row before, if there was one. */
export async function upsertProviderSystem(
  trx: Kysely<DB>,
  row: Omit<Insertable<ShareProviderSystemTable>, 'created_at' | 'updated_at'>,
): Promise<ProviderSystemRow | undefined> {
  const before = await trx
    .selectFrom('share_provider_systems')
    .selectAll()
    .where('resource_id', '=', row.resource_id)
    .forUpdate()
    .executeTakeFirst();
  const values = { ...row, updated_at: new Date() };
  await trx
    .insertInto('share_provider_systems')
    .values(values)
    .onConflict((oc) => oc.column('resource_id').doUpdateSet(values))
    .execute();
  return before;
}

/** Removes the system of a resource; returns the removed row. */
export async function deleteProviderSystem(
  trx: Kysely<DB>,
  resourceId: string,
): Promise<ProviderSystemRow | undefined> {
  return trx
    .deleteFrom('share_provider_systems')
    .where('resource_id', '=', resourceId)
    .returningAll()
    .executeTakeFirst();
}
