// SQL of grants: the live grants of a caller (the hot path of every sharing call), one grant,
// inserting and revoking.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { ShareGrantTable } from '../sharing.tables.ts';

/** A grant as stored. */
export type GrantRow = Selectable<ShareGrantTable>;

/** What the sharing API needs of a published resource to serve it. */
export interface SharedResourceRow {
  resource_id: string;
  code: string;
  name: string;
  department_id: string;
  region_id: string;
  share_type: string;
  share_review_passed: boolean;
}

/**
 * The grants of one application of one department on one resource code that are in force at
 * `now`: not revoked, started and not ended. Uses the partial index `share_grants_caller`.
 */
export async function findLiveGrants(
  db: Kysely<DB>,
  caller: { departmentId: string; application: string; resourceCode: string },
  now: Date,
): Promise<GrantRow[]> {
  return db
    .selectFrom('share_grants')
    .selectAll()
    .where('consumer_department_id', '=', caller.departmentId)
    .where('application', '=', caller.application)
    .where('resource_code', '=', caller.resourceCode)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .orderBy('created_at')
    .execute();
}

/** Whether the department holds a live grant on the code for some other application (explains a 403). */
export async function otherApplicationHasGrant(
  db: Kysely<DB>,
  caller: { departmentId: string; application: string; resourceCode: string },
  now: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('share_grants')
    .select('id')
    .where('consumer_department_id', '=', caller.departmentId)
    .where('application', '<>', caller.application)
    .where('resource_code', '=', caller.resourceCode)
    .where('revoked_at', 'is', null)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The published resource with this catalog code, as the sharing API sees it. */
export async function findSharedResource(
  db: Kysely<DB>,
  code: string,
): Promise<SharedResourceRow | undefined> {
  return db
    .selectFrom('catalog_entries')
    .select([
      'resource_id',
      'code',
      'name',
      'department_id',
      'region_id',
      'share_type',
      'share_review_passed',
    ])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** One grant by id. */
export async function findGrant(db: Kysely<DB>, id: string): Promise<GrantRow | undefined> {
  return db.selectFrom('share_grants').selectAll().where('id', '=', id).executeTakeFirst();
}

/** One grant by id, locked for the rest of the transaction (revocations do not race). */
export async function lockGrant(trx: Kysely<DB>, id: string): Promise<GrantRow | undefined> {
  return trx.selectFrom('share_grants').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Stores a new grant. */
export async function insertGrant(trx: Kysely<DB>, values: Insertable<ShareGrantTable>): Promise<GrantRow> {
  return trx.insertInto('share_grants').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Marks a grant revoked. */
export async function markGrantRevoked(
  trx: Kysely<DB>,
  id: string,
  revocation: { by: string | null; byName: string | null; reason: string; at: Date },
): Promise<GrantRow> {
  return trx
    .updateTable('share_grants')
    .set({
      revoked_at: revocation.at,
      revoked_by: revocation.by,
      revoked_by_name: revocation.byName,
      revoke_reason: revocation.reason,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
