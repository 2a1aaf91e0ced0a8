// Test helpers of public participation: the sample open catalog (the police's unconditionally open
// bus lines, the market's conditionally open companies and open air quality, the police's closed
// census), a district with its own authority and an open dataset of the district's police, signed-in
// sessions of every side, verified public users from the real registration route, and calls.
import type { LightMyRequestResponse } from 'fastify';
import type { Config } from '../../../config.ts';
import { createDepartment, createUser, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { insertPublishedEntry, seedOpenCatalog } from '../../dcat/open-catalog.fixtures.ts';
import { registerPublicUser, type RegisteredUser } from '../accounts/accounts.fixtures.ts';

/** A test app that lets a test register many public users (and a profile or limits of its own). */
export function createParticipationApp(config: Partial<Config> = {}): Promise<TestApp> {
  return createTestApp({ config: { registrationsPerIpHour: 1000, ...config } });
}

/** Signs in a user of the test world (default test password). */
export const signIn = (t: TestApp, username: string) => login(t.app, username, 'Test-password-1');

/**
 * The participation world: the sample open catalog (`ids.bus` police, `ids.companies` and `ids.air`
 * market, `ids.census` not open), a district authority (渝中区大数据发展局) with its officer and a
 * dataset of the district's police (`districtDataset`), and sessions of the police officer and
 * head, the market officer, the city authority, the district authority and the auditor.
 */
export async function participationWorld(t: TestApp) {
  const db = t.database.db;
  const sample = await seedOpenCatalog(db);
  const { world } = sample;
  const districtAuthority = await createDepartment(db, {
    regionId: world.district.id,
    name: '渝中区大数据发展局',
    kind: 'authority',
  });
  await createUser(db, {
    role: 'authority_officer',
    username: 'district.authority',
    departmentId: districtAuthority.id,
    regionId: world.district.id,
  });
  const districtDataset = await insertPublishedEntry(db, {
    code: '201/000099',
    name: '渝中区停车场信息',
    departmentId: world.districtDept.id,
    regionId: world.district.id,
    classCode: '201',
    openType: 'unconditional',
  });
  const [police, head, market, authority, district, auditor] = await Promise.all(
    ['police.officer', 'police.head', 'market.officer', 'authority', 'district.authority', 'auditor'].map(
      (name) => signIn(t, name),
    ),
  );
  return {
    ...sample,
    districtAuthority,
    districtDataset,
    sessions: {
      police: police!,
      head: head!,
      market: market!,
      authority: authority!,
      district: district!,
      auditor: auditor!,
    },
  };
}

/** The participation world. */
export type ParticipationWorld = Awaited<ReturnType<typeof participationWorld>>;

/** A registered, identity-verified public user (张三, a natural person), signed in. */
export const verifiedUser = (t: TestApp): Promise<RegisteredUser> => registerPublicUser(t.app);

/** A public user whose identity is not authenticated, signed in. */
export async function unverifiedUser(t: TestApp, username: string): Promise<TestSession> {
  const { password } = await createUser(t.database.db, { role: 'public_user', username });
  return login(t.app, username, password);
}

/** A response's status and parsed body. */
export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
  raw: LightMyRequestResponse;
}

/** Calls a route under /api/v1 as a session (or anonymously with null); writes carry the CSRF token. */
export async function send(
  t: TestApp,
  session: TestSession | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
): Promise<Answer> {
  const raw = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session ? (method === 'GET' ? session.read : session.write) : {},
    ...(payload ? { payload } : {}),
  });
  return { status: raw.statusCode, body: raw.body ? raw.json() : {}, raw };
}

/** The messages of a 4xx answer's field problems, by path. */
export const problemsOf = (answer: Answer) =>
  Object.fromEntries(
    ((answer.body.errors ?? []) as { path: string; message: string }[]).map((e) => [e.path, e.message]),
  );
