import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { AccountKind, VerifyMethod } from './identity.ts';
import { personTypeOf } from './identity.ts';

/**
 * Whether an account of this kind already has the identity: a self-registered one by one of the
 * number's digests (one per key of the keyring), or one an administrator made with the plain
 * number (0001's column, which those accounts still use).
 */
export async function identityRegistered(
  db: Kysely<DB>,
  kind: AccountKind,
  digests: readonly string[],
  number: string,
): Promise<boolean> {
  const personTypes = kind === 'natural' ? (['natural'] as const) : (['legal', 'other'] as const);
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('person_type', 'in', [...personTypes])
    .where((eb) =>
      eb.or([
        ...(digests.length ? [eb('identity_digest', 'in', [...digests])] : []),
        eb('identity_number', '=', number),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** A new public user with an authenticated identity (its number only in protected forms). */
export interface NewAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  kind: AccountKind;
  contactName: string | null;
  mobile: string;
  email: string | null;
  identity: { digest: string; digestKey: string; masked: string; sealed: Buffer };
  method: VerifyMethod;
}

/** Inserts a self-registered public user; returns when it was verified (the database's clock). */
export async function insertAccount(db: Kysely<DB>, account: NewAccount): Promise<Date> {
  const row = await db
    .insertInto('users')
    .values({
      id: account.id,
      username: account.username.toLowerCase(),
      display_name: account.displayName,
      role: 'public_user',
      password_hash: account.passwordHash,
      password_changed_at: sql<Date>`now()`,
      person_type: personTypeOf(account.kind),
      identity_number: null,
      identity_digest: account.identity.digest,
      identity_digest_key: account.identity.digestKey,
      identity_masked: account.identity.masked,
      identity_sealed: account.identity.sealed,
      identity_method: account.method,
      identity_verified_at: sql<Date>`now()`,
      contact_name: account.contactName,
      phone: account.mobile,
      email: account.email,
    })
    .returning('identity_verified_at')
    .executeTakeFirstOrThrow();
  return new Date(row.identity_verified_at!);
}

/** What the account page shows of a public user (the plain number only for administrator-made accounts). */
export async function findAccount(db: Kysely<DB>, userId: string) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'display_name as displayName',
      'role',
      'person_type as personType',
      'identity_number as identityNumber',
      'identity_masked as identityMasked',
      'identity_method as identityMethod',
      'identity_verified_at as identityVerifiedAt',
      'contact_name as contactName',
      'phone',
      'email',
      'created_at as createdAt',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

function selectKeys(db: Kysely<DB>) {
  return db
    .selectFrom('api_keys')
    .select([
      'id',
      'application as name',
      'token_prefix as tokenPrefix',
      'created_at as createdAt',
      'expires_at as expiresAt',
      'revoked_at as revokedAt',
      'last_used_at as lastUsedAt',
    ]);
}

/** A personal key row (times as the driver returns them). */
export type PersonalKeyRow = Awaited<ReturnType<ReturnType<typeof selectKeys>['executeTakeFirstOrThrow']>>;

/** One public user's personal keys, newest first. */
export async function listPersonalKeys(
  db: Kysely<DB>,
  userId: string,
  window: { offset: number; limit: number },
): Promise<{ rows: PersonalKeyRow[]; total: number }> {
  return fetchPage(selectKeys(db).where('user_id', '=', userId), window, (q) =>
    q.orderBy('created_at', 'desc').orderBy('id'),
  );
}

/** One of the user's own personal keys; another user's key is not found, like a key that is not there. */
export async function findPersonalKey(
  db: Kysely<DB>,
  userId: string,
  id: string,
): Promise<PersonalKeyRow | undefined> {
  return selectKeys(db).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

/** Locks the user's row for the rest of the transaction (serialises the user's key issuing). */
export async function lockUser(db: Kysely<DB>, userId: string): Promise<void> {
  await db.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/** How many of the user's keys still work (not revoked, not expired). */
export async function countActivePersonalKeys(db: Kysely<DB>, userId: string): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select(sql<number>`count(*)`.as('n'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Stores a new personal key by its digest; returns the id. */
export async function insertPersonalKey(
  db: Kysely<DB>,
  values: { userId: string; name: string; tokenPrefix: string; tokenHash: string; expiresInDays?: number },
): Promise<string> {
  const row = await db
    .insertInto('api_keys')
    .values({
      user_id: values.userId,
      department_id: null,
      application: values.name,
      token_prefix: values.tokenPrefix,
      token_hash: values.tokenHash,
      created_by: values.userId,
      expires_at:
        values.expiresInDays === undefined ? null : new Date(Date.now() + values.expiresInDays * 86_400_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks one of the user's keys revoked (idempotent: the first revocation's time stays). */
export async function revokePersonalKey(db: Kysely<DB>, userId: string, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: userId })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
