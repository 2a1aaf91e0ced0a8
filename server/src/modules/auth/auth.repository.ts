import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The fields sign-in needs of a user. */
export interface LoginUserRow {
  id: string;
  username: string;
  passwordHash: string | null;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  departmentId: string | null;
  regionId: string | null;
  role: string;
}

/** Finds a user by username, case-insensitively. */
export async function findLoginUser(db: Kysely<DB>, username: string): Promise<LoginUserRow | undefined> {
  return db
    .selectFrom('users')
    .select([
      'id',
      'username',
      'password_hash as passwordHash',
      'disabled',
      'failed_logins as failedLogins',
      'locked_until as lockedUntil',
      'department_id as departmentId',
      'region_id as regionId',
      'role',
    ])
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
}

/** Counts a failed sign-in; locks the account until `lockUntil` when given. */
export async function recordFailedLogin(
  db: Kysely<DB>,
  userId: string,
  lockUntil: Date | null,
): Promise<void> {
  await db
    .updateTable('users')
    .set(
      lockUntil
        ? { failed_logins: 0, locked_until: lockUntil }
        : { failed_logins: sql<number>`failed_logins + 1` },
    )
    .where('id', '=', userId)
    .execute();
}

/** Clears failed sign-ins and notes the successful one. */
export async function recordSuccessfulLogin(db: Kysely<DB>, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Stores a new password hash. */
export async function updatePasswordHash(
  db: Kysely<DB>,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', userId)
    .execute();
}

/** The profile the console shows for the signed-in user. */
export interface MeRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  locale: string;
  departmentId: string | null;
  departmentName: string | null;
  regionId: string | null;
  regionName: string | null;
  passwordChangedAt: Date | null;
}

/** Loads the signed-in user with the names of their department and region. */
export async function findMe(db: Kysely<DB>, userId: string): Promise<MeRow | undefined> {
  return db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.locale',
      'u.department_id as departmentId',
      'd.name as departmentName',
      'u.region_id as regionId',
      'r.name as regionName',
      'u.password_changed_at as passwordChangedAt',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}
