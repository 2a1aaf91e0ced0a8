import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import { sortOrder } from '../../platform/http/pagination.ts';
import type { User } from './org.schemas.ts';
import { containing } from '../../platform/db/like.ts';

function selectUsers(db: Kysely<DB>) {
  return db
    .selectFrom('users as u')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .leftJoin('regions as r', 'r.id', 'u.region_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name as displayName',
      'u.role',
      'u.region_id as regionId',
      'r.name as regionName',
      'u.department_id as departmentId',
      'd.name as departmentName',
      'd.region_id as departmentRegionId',
      'u.disabled',
      'u.locked_until as lockedUntil',
      'u.last_login_at as lastLoginAt',
      'u.created_at as createdAt',
      'u.email',
      'u.phone',
      'u.person_type as personType',
    ]);
}

/** A user row with what scope checks need besides the presented fields. */
export type UserRecord = User & { departmentRegionId: string | null };

type Row = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

function toUser(row: Row): UserRecord {
  const { lockedUntil, lastLoginAt, createdAt, ...rest } = row;
  return {
    ...rest,
    role: rest.role as User['role'],
    locked: lockedUntil !== null && new Date(lockedUntil).getTime() > Date.now(),
    lastLoginAt: lastLoginAt ? new Date(lastLoginAt).toISOString() : null,
    createdAt: new Date(createdAt).toISOString(),
  };
}

const SORTABLE = {
  username: 'u.username',
  displayName: 'u.display_name',
  createdAt: 'u.created_at',
  lastLoginAt: 'u.last_login_at',
  role: 'u.role',
} as const;

/** Lists users with filters and paging; `regionScope` limits to users of departments or regions in it. */
export async function listUsers(
  db: Kysely<DB>,
  filter: {
    role?: string;
    departmentId?: string;
    regionId?: string;
    disabled?: boolean;
    q?: string;
    sort?: string;
    offset: number;
    limit: number;
    regionScope?: readonly string[];
  },
): Promise<{ items: UserRecord[]; total: number }> {
  let query = selectUsers(db);
  if (filter.role) query = query.where('u.role', '=', filter.role);
  if (filter.departmentId) query = query.where('u.department_id', '=', filter.departmentId);
  if (filter.regionId) query = query.where('u.region_id', '=', filter.regionId);
  if (filter.disabled !== undefined) query = query.where('u.disabled', '=', filter.disabled);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        eb('u.username', 'like', containing(q.toLowerCase())),
        eb('u.display_name', 'like', containing(q)),
      ]),
    );
  }
  if (filter.regionScope) {
    const scope = filter.regionScope.length
      ? [...filter.regionScope]
      : ['00000000-0000-0000-0000-000000000000'];
    query = query.where((eb) => eb.or([eb('d.region_id', 'in', scope), eb('u.region_id', 'in', scope)]));
  }
  const order = sortOrder(filter.sort, SORTABLE, { column: 'u.username', direction: 'asc' });
  const { rows, total } = await fetchPage(query, filter, (q) =>
    q.orderBy(order.column, order.direction).orderBy('u.id'),
  );
  return { items: rows.map(toUser), total };
}

/** Finds one user. */
export async function findUser(db: Kysely<DB>, id: string): Promise<UserRecord | undefined> {
  const row = await selectUsers(db).where('u.id', '=', id).executeTakeFirst();
  return row ? toUser(row) : undefined;
}

/** Whether a username is taken (case-insensitively). */
export async function usernameTaken(db: Kysely<DB>, username: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a public identity (person type + number) is registered already. */
export async function identityTaken(
  db: Kysely<DB>,
  personType: string,
  identityNumber: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('person_type', '=', personType as 'natural')
    .where('identity_number', '=', identityNumber)
    .executeTakeFirst();
  return row !== undefined;
}

/** Inserts a user; returns the id. */
export async function insertUser(
  db: Kysely<DB>,
  values: {
    username: string;
    displayName: string;
    role: string;
    regionId: string | null;
    departmentId: string | null;
    passwordHash: string;
    email: string | null;
    phone: string | null;
    personType: 'natural' | 'legal' | 'other' | null;
    identityNumber: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('users')
    .values({
      username: values.username.toLowerCase(),
      display_name: values.displayName,
      role: values.role,
      region_id: values.regionId,
      department_id: values.departmentId,
      password_hash: values.passwordHash,
      email: values.email,
      phone: values.phone,
      person_type: values.personType,
      identity_number: values.identityNumber,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a user's profile, role, placement or status. */
export async function updateUser(
  db: Kysely<DB>,
  id: string,
  values: {
    displayName?: string;
    role?: string;
    regionId?: string | null;
    departmentId?: string | null;
    disabled?: boolean;
    email?: string | null;
    phone?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(values.displayName !== undefined && { display_name: values.displayName }),
      ...(values.role !== undefined && { role: values.role }),
      ...(values.regionId !== undefined && { region_id: values.regionId }),
      ...(values.departmentId !== undefined && { department_id: values.departmentId }),
      ...(values.disabled !== undefined && { disabled: values.disabled }),
      ...(values.email !== undefined && { email: values.email }),
      ...(values.phone !== undefined && { phone: values.phone }),
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Sets a new password hash and lifts any lock. */
export async function resetPasswordHash(db: Kysely<DB>, id: string, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      password_changed_at: null,
      failed_logins: 0,
      locked_until: null,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Lifts a sign-in lock. */
export async function unlockUser(db: Kysely<DB>, id: string): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}
