// SQL shared by the parts of public participation.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * Takes the user's lock for one kind of write until the transaction ends: a user's writes that
 * count against a limit queue up, so two at once cannot both take the last free place.
 */
export async function lockUser(trx: Kysely<DB>, what: string, userId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`open.participation.${what}:${userId}`}))`.execute(trx);
}
