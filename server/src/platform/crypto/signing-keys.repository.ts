import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { SigningKeyTable } from './signing.tables.ts';
import type { PublicSigningKey } from './signing.ts';

/** A published key as stored. */
export interface StoredSigningKey extends PublicSigningKey {
  firstUsedAt: Date;
  retiredAt: Date | null;
}

function toKey(
  row: Pick<SigningKeyTable, 'key_id' | 'alg' | 'public_key_pem'> & {
    first_used_at: Date;
    retired_at: Date | null;
  },
): StoredSigningKey {
  return {
    keyId: row.key_id,
    alg: row.alg,
    publicKeyPem: row.public_key_pem,
    firstUsedAt: row.first_used_at,
    retiredAt: row.retired_at,
  };
}

/** Every key that signs or signed, the current one(s) first, then the newest retired. */
export async function listSigningKeys(db: Kysely<DB>): Promise<StoredSigningKey[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .orderBy((eb) => eb.case().when('retired_at', 'is', null).then(0).else(1).end())
    .orderBy('first_used_at', 'desc')
    .execute();
  return rows.map(toKey);
}

/** One published key by its id. */
export async function findSigningKey(db: Kysely<DB>, keyId: string): Promise<StoredSigningKey | undefined> {
  const row = await db.selectFrom('signing_keys').selectAll().where('key_id', '=', keyId).executeTakeFirst();
  return row && toKey(row);
}

/**
 * Makes a key the current one: adds it when new (or un-retires it) and retires the others.
 * Returns whether something changed (so that the caller audits only a real change).
 */
export async function activateSigningKey(db: Kysely<DB>, key: PublicSigningKey): Promise<boolean> {
  const inserted = await db
    .insertInto('signing_keys')
    .values({ key_id: key.keyId, alg: key.alg, public_key_pem: key.publicKeyPem })
    .onConflict((oc) =>
      oc.column('key_id').doUpdateSet({ retired_at: null }).where('signing_keys.retired_at', 'is not', null),
    )
    .executeTakeFirst();
  const retired = await db
    .updateTable('signing_keys')
    .set({ retired_at: new Date() })
    .where('key_id', '<>', key.keyId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 || Number(retired.numUpdatedRows) > 0;
}
