// Test helpers of the security registers: the usual world plus a security officer of the police,
// experts and a public user, each signed in, and a small request helper.
import { createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

/** The world of `createWorld` with the security registers' people signed in. */
export async function securityWorld(t: TestApp) {
  const db = t.database.db;
  const world = await createWorld(db);
  const extra = [
    {
      role: 'security_officer',
      username: 'police.security',
      departmentId: world.police.id,
      regionId: world.city.id,
    },
    { role: 'expert', username: 'expert.wang' },
    { role: 'expert', username: 'expert.li' },
    { role: 'public_user', username: 'citizen' },
    {
      role: 'department_officer',
      username: 'yz.officer',
      departmentId: world.districtDept.id,
      regionId: world.district.id,
    },
  ] as const;
  const created = [];
  for (const user of extra) created.push((await createUser(db, user)).user);
  const names = [
    'police.security',
    'police.officer',
    'market.officer',
    'authority',
    'auditor',
    'expert.wang',
    'expert.li',
    'citizen',
    'yz.officer',
    'admin',
  ] as const;
  const sessions = await Promise.all(names.map((name) => login(t.app, name, 'Test-password-1')));
  const as = Object.fromEntries(names.map((name, i) => [name, sessions[i]!])) as Record<
    (typeof names)[number],
    TestSession
  >;
  return { world, as, experts: { wang: created[1]!, li: created[2]! } };
}

/** Calls a security route as a session: `call(t, s, 'POST', '/incidents', body)`. */
export function call(
  t: TestApp,
  session: TestSession,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url: `/api/v1/security${url}`,
    headers: method === 'GET' ? session.read : session.write,
    ...(payload ? { payload } : {}),
  });
}

/** An instant `hours` hours before now, as ISO text. */
export function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString();
}
