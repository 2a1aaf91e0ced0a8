import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { idsInSubtree } from '../db/tree.ts';

/** What resolving a cookie needs: the session and its user in one row. */
export interface SessionWithUser {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  regionId: string | null;
  departmentId: string | null;
  locale: string;
  disabled: boolean;
  identityVerifiedAt: Date | null;
}

/** Finds a live session by its digest, with its user. */
export async function findSession(db: Kysely<DB>, sessionId: string): Promise<SessionWithUser | undefined> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.region_id as regionId',
      'u.department_id as departmentId',
      'u.locale',
      'u.disabled',
      'u.identity_verified_at as identityVerifiedAt',
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  return row
    ? { ...row, expiresAt: new Date(row.expiresAt), lastSeenAt: new Date(row.lastSeenAt) }
    : undefined;
}

/**
 * What resolving an API key needs: the key and its owner, either a department (with its region)
 * or, for a personal key, a public user (with whether the user may still act and is verified).
 */
export interface ApiKeyWithOwner {
  id: string;
  application: string;
  tokenPrefix: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
  departmentId: string | null;
  departmentName: string | null;
  regionId: string | null;
  userId: string | null;
  username: string | null;
  userDisplayName: string | null;
  userRole: string | null;
  userLocale: string | null;
  userDisabled: boolean | null;
  identityVerifiedAt: Date | null;
}

/** Finds an API key by the digest of its token, with its department or its user. */
export async function findApiKeyByDigest(
  db: Kysely<DB>,
  digest: string,
): Promise<ApiKeyWithOwner | undefined> {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('departments as d', 'd.id', 'k.department_id')
    .leftJoin('users as u', 'u.id', 'k.user_id')
    .select([
      'k.id',
      'k.application',
      'k.token_prefix as tokenPrefix',
      'k.revoked_at as revokedAt',
      'k.expires_at as expiresAt',
      'k.department_id as departmentId',
      'd.name as departmentName',
      'd.region_id as regionId',
      'k.user_id as userId',
      'u.username',
      'u.display_name as userDisplayName',
      'u.role as userRole',
      'u.locale as userLocale',
      'u.disabled as userDisabled',
      'u.identity_verified_at as identityVerifiedAt',
    ])
    .where('k.token_hash', '=', digest)
    .executeTakeFirst();
}

/** Records that a key was used (callers throttle this; it is not needed on every request). */
export async function touchApiKey(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Records that a session was used (callers throttle this; the idle limit reads it). */
export async function touchSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql<Date>`now()` })
    .where('id', '=', sessionId)
    .execute();
}

/** A region and every region below it. */
export function regionWithDescendants(db: Kysely<DB>, regionId: string): Promise<string[]> {
  return idsInSubtree(db, 'regions', regionId);
}

/** Creates a session row. */
export async function insertSession(
  db: Kysely<DB>,
  session: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

/** Ends one session. */
export async function deleteSession(db: Kysely<DB>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, or every other one (logout everywhere, password change, account disabled). */
export async function deleteSessionsOfUser(
  db: Kysely<DB>,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes expired sessions; returns how many. */
export async function deleteExpiredSessions(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where('expires_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
