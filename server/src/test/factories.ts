import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../platform/auth/secrets.ts';
import type { DB } from '../platform/db/schema.ts';
import { citizenIdCheckChar } from '../platform/identifiers/citizen-id.ts';
import { creditCodeCheckChar } from '../platform/identifiers/credit-code.ts';
import type { AppInstance } from '../platform/http/types.ts';
import type { UserRole } from '../platform/policy/permissions.ts';

let counter = 0;
const next = () => ++counter;

/** A valid unified social credit code for a government body ("11" + region + a random org code). */
export function makeCreditCode(regionCode = '500000'): string {
  const orgCode = crypto
    .randomBytes(8)
    .toString('hex')
    .toUpperCase()
    .replace(/[IOSVZ]/g, '0')
    .slice(0, 8);
  const first17 = `11${regionCode}${orgCode}0`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid citizen ID number born on the given date. */
export function makeCitizenId(birth = '19800101', regionCode = '500103'): string {
  const first17 = `${regionCode}${birth}${String(next() % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17);
}

/** Inserts a region. */
export async function createRegion(
  db: Kysely<DB>,
  values: {
    name?: string;
    code?: string;
    level?: 'province' | 'city' | 'district';
    parentId?: string | null;
  } = {},
) {
  const n = next();
  return db
    .insertInto('regions')
    .values({
      name: values.name ?? `测试区${n}`,
      code: values.code ?? String(500000 + (n % 99_999)).padStart(6, '0'),
      level: values.level ?? 'city',
      parent_id: values.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Inserts a department of a region. */
export async function createDepartment(
  db: Kysely<DB>,
  values: {
    regionId: string;
    name?: string;
    kind?: 'authority' | 'department' | 'enterprise';
    parentId?: string;
  },
) {
  return db
    .insertInto('departments')
    .values({
      name: values.name ?? `测试部门${next()}`,
      credit_code: makeCreditCode(),
      region_id: values.regionId,
      kind: values.kind ?? 'department',
      parent_id: values.parentId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// Argon2 at the production cost takes tens of milliseconds per hash and most users share the
// default password, so each password is hashed once per test process: sign-ins still verify it
// with the production parameters.
const hashes = new Map<string, Promise<string>>();
function hashOnce(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
}

/** Inserts a user with a known password; returns the row and the password. */
export async function createUser(
  db: Kysely<DB>,
  values: {
    role: UserRole;
    username?: string;
    departmentId?: string | null;
    regionId?: string | null;
    password?: string;
    disabled?: boolean;
  },
) {
  const password = values.password ?? 'Test-password-1';
  const user = await db
    .insertInto('users')
    .values({
      username: values.username ?? `user${next()}`,
      display_name: `测试用户${counter}`,
      role: values.role,
      department_id: values.departmentId ?? null,
      region_id: values.regionId ?? null,
      password_hash: await hashOnce(password),
      disabled: values.disabled ?? false,
      person_type: values.role === 'public_user' ? 'natural' : null,
      identity_number: values.role === 'public_user' ? makeCitizenId() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, password };
}

/** A signed-in browser session: its cookie and CSRF token, ready to pass to `app.inject`. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** Headers for a read. */
  read: Record<string, string>;
  /** Headers for a write (with the CSRF token). */
  write: Record<string, string>;
}

/** Signs in through the real login route. */
export async function login(app: AppInstance, username: string, password: string): Promise<TestSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'zs_session');
  if (!setCookie) throw new Error('login set no session cookie');
  const cookie = `zs_session=${setCookie.value}`;
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, read: { cookie }, write: { cookie, 'x-csrf-token': csrfToken } };
}

/**
 * A small world most tests need: a city with a district, the city authority, two departments
 * and a user of every role, each signed in on demand.
 */
export async function createWorld(db: Kysely<DB>) {
  const city = await createRegion(db, { name: '重庆市', code: '500000', level: 'city' });
  const district = await createRegion(db, {
    name: '渝中区',
    code: '500103',
    level: 'district',
    parentId: city.id,
  });
  const authority = await createDepartment(db, {
    regionId: city.id,
    name: '市大数据发展局',
    kind: 'authority',
  });
  const police = await createDepartment(db, { regionId: city.id, name: '市公安局' });
  const market = await createDepartment(db, { regionId: city.id, name: '市市场监管局' });
  const districtDept = await createDepartment(db, { regionId: district.id, name: '渝中区公安分局' });
  const admin = await createUser(db, { role: 'platform_admin', username: 'admin' });
  const authorityOfficer = await createUser(db, {
    role: 'authority_officer',
    username: 'authority',
    departmentId: authority.id,
    regionId: city.id,
  });
  const policeOfficer = await createUser(db, {
    role: 'department_officer',
    username: 'police.officer',
    departmentId: police.id,
    regionId: city.id,
  });
  const policeHead = await createUser(db, {
    role: 'department_head',
    username: 'police.head',
    departmentId: police.id,
    regionId: city.id,
  });
  const marketOfficer = await createUser(db, {
    role: 'department_officer',
    username: 'market.officer',
    departmentId: market.id,
    regionId: city.id,
  });
  const auditor = await createUser(db, { role: 'auditor', username: 'auditor', regionId: city.id });
  return {
    city,
    district,
    authority,
    police,
    market,
    districtDept,
    users: { admin, authorityOfficer, policeOfficer, policeHead, marketOfficer, auditor },
  };
}
