// SQL of the demo sharing seed: the demo users it acts as, resources by name, and whether an item
// is there already (so a second run adds nothing).
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** A demo user by username. */
export async function findDemoUser(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'department_id', 'region_id'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

/** The id of the published resource with this name, if the catalog has one. */
export async function findResourceIdByName(db: Kysely<DB>, name: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('catalog_entries')
    .select('resource_id')
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.resource_id;
}

/** Whether a request for the resource with this purpose exists. */
export async function hasRequestFor(db: Kysely<DB>, resourceId: string, purpose: string): Promise<boolean> {
  const row = await db
    .selectFrom('share_requests')
    .select('id')
    .where('resource_id', '=', resourceId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a dispute about the resource exists. */
export async function hasDisputeOn(db: Kysely<DB>, resourceId: string): Promise<boolean> {
  const row = await db
    .selectFrom('share_disputes')
    .select('id')
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return row !== undefined;
}
