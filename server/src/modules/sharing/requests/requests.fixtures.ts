// Test helpers of the request flow: a resource that is not shared, calls through the real routes
// with their status and body, and a request of the market department for the police's resources.
import type { LightMyRequestResponse } from 'fastify';
import { addDays, todayInChina } from '../../../platform/calendar/dates.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { createDepartment, createUser, login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { MARKET_APP, sharingWorld } from '../sharing.fixtures.ts';

/** The world of the sharing tests plus a resource of the police that is not shared (不予共享). */
export async function flowWorld(t: TestApp, rows = 6) {
  const world = await sharingWorld(t, rows);
  const [closed] = await publishResources(t, [
    {
      name: '刑事案件立案信息',
      items: [
        {
          name: '案件编号',
          fieldName: 'ajbh',
          dataType: 'C',
          length: 30,
          sensitivity: 'general',
          isKey: true,
        },
        { name: '案件名称', fieldName: 'ajmc', dataType: 'C', length: 200, sensitivity: 'general' },
      ],
      shareType: 'none',
      shareMethods: [],
      shareBasis: '《中华人民共和国刑事诉讼法》：侦查阶段的案件信息不予共享',
      openType: 'none',
      openMethods: [],
      openBasis: '涉及侦查秘密，不予开放',
      securityLevel: 'important',
      securitySubLevel: 'important-2',
    },
  ]);
  const district = await t.database.db
    .selectFrom('regions')
    .select('id')
    .where('name', '=', '渝中区')
    .executeTakeFirstOrThrow();
  return { ...world, closed: closed!, districtRegionId: district.id };
}

/** The flow world. */
export type FlowWorld = Awaited<ReturnType<typeof flowWorld>>;

/** A response's status and parsed body. */
export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
  raw: LightMyRequestResponse;
}

/** Calls a route as a signed-in session (writes carry the CSRF token). */
export async function call(
  t: TestApp,
  session: TestSession,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<Answer> {
  const raw = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: method === 'GET' ? session.read : session.write,
    ...(payload ? { payload } : {}),
  });
  return { status: raw.statusCode, body: raw.json(), raw };
}

/** The field paths of a 400's problems (their messages are translated; the paths say where). */
export const problemPaths = (answer: Answer) =>
  ((answer.body.errors ?? []) as { path: string; message: string }[]).map((e) => e.path);

/** A day `n` days from today in China. */
export const inDays = (n: number) => addDays(todayInChina(), n);

/** A request body of the market department for `resourceId`; override what a test is about. */
export function askFor(resourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    resourceId,
    application: MARKET_APP,
    purpose: '企业登记核验',
    legalBasis: '《市场主体登记管理条例》第十四条',
    fields: ['sfzh', 'xm'],
    rowScope: [],
    validUntil: inDays(30),
    ...overrides,
  };
}

/** Signs in a user of the world (default test password). */
export const signIn = (t: TestApp, username: string) => login(t.app, username, 'Test-password-1');

/** The market department's application as the sharing API sees it (the actor of its API key). */
export const marketApplication = (w: FlowWorld): Actor => ({
  type: 'application',
  id: 'key',
  name: MARKET_APP,
  displayName: MARKET_APP,
  role: 'department_application',
  departmentId: w.market.id,
  regionId: w.market.region_id,
  regionScope: [],
  locale: 'zh-CN',
  identityVerified: false,
});

/** Signs in an authority officer of the district below the city (made when missing): outside the city's scope. */
export async function districtAuthority(t: TestApp, w: FlowWorld): Promise<TestSession> {
  const db = t.database.db;
  const username = 'district.authority';
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!exists) {
    const department = await createDepartment(db, { regionId: w.districtRegionId, kind: 'authority' });
    await createUser(db, {
      role: 'authority_officer',
      username,
      departmentId: department.id,
      regionId: w.districtRegionId,
    });
  }
  return signIn(t, username);
}
