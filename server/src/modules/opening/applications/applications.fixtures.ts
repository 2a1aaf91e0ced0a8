// Test helpers of conditionally open data (for this module's tests, the agreements' and the access
// tests): a conditionally open dataset of the police with data in its pool, published and loaded
// through the real routes; applications filed and approved through the real routes; a verified
// public user from the real registration route.
import type { LightMyRequestResponse } from 'fastify';
import { addDays, todayInChina } from '../../../platform/calendar/dates.ts';
import type { Config } from '../../../config.ts';
import { login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { registerPublicUser, type RegisteredUser } from '../accounts/accounts.fixtures.ts';
import { lineItems, linesCsv, LINES_BY_DISTRICT } from '../portal/portal.fixtures.ts';

/** A test app whose registration limit lets a test register many public users (optionally a profile). */
export function createOpenTestApp(profileId?: Config['profileId']): Promise<TestApp> {
  return createTestApp({ config: { registrationsPerIpHour: 1000, ...(profileId ? { profileId } : {}) } });
}

/** A day `n` days from today in China. */
export const inDays = (n: number) => addDays(todayInChina(), n);

/** Rows of the conditional dataset's pool (the bus lines of the portal fixtures). */
export const CONDITIONAL_ROWS = Object.values(LINES_BY_DISTRICT).reduce((sum, n) => sum + n, 0);

/** Signs in a user of the test world (default test password). */
export const signIn = (t: TestApp, username: string) => login(t.app, username, 'Test-password-1');

/**
 * The world of conditionally open data: a dataset of the police (市公安局) open on conditions by
 * download and API, with the bus lines' five items (`xlbh` key, `xlmc`, `ssqx`, `kxrq`, `sfyb`) and
 * 30 rows loaded; sessions of its officer and head (provider), of the market officer (another
 * department), the city authority and the auditor. Works on a fresh app and after `portalWorld`.
 */
export async function conditionalWorld(
  t: TestApp,
  options: {
    name?: string;
    openMethods?: ('download' | 'api')[];
    /** The dataset's 安全级别 and sub-level (default: the factory's general level, no sub-level). */
    securityLevel?: string;
    securitySubLevel?: string;
  } = {},
) {
  const [dataset] = await publishResources(t, [
    {
      name: options.name ?? '公交线路运营明细',
      abstract: '全市公交线路的编号、名称、所属区县、开线日期和是否夜班线，经申请并签订数据利用协议后开放。',
      classCode: '201',
      items: lineItems,
      openType: 'conditional',
      openMethods: options.openMethods ?? ['download', 'api'],
      openCondition: '用于交通研究，须签订数据利用协议',
      openBasis: '《重庆市公共数据开放管理暂行办法》第二十四条',
      ...(options.securityLevel && { securityLevel: options.securityLevel }),
      ...(options.securitySubLevel && { securitySubLevel: options.securitySubLevel }),
    },
  ]);
  const [police, head, market, authority, auditor] = await Promise.all(
    ['police.officer', 'police.head', 'market.officer', 'authority', 'auditor'].map((name) =>
      signIn(t, name),
    ),
  );
  const loaded = await upload(t, police!, dataset!.id, linesCsv('C'));
  if (loaded.json<{ state: string }>().state !== 'loaded') throw new Error(`load failed: ${loaded.body}`);
  const provider = await t.database.db
    .selectFrom('departments')
    .select(['id', 'region_id'])
    .where('name', '=', '市公安局')
    .executeTakeFirstOrThrow();
  return {
    dataset: { ...dataset!, name: options.name ?? '公交线路运营明细' },
    provider: { departmentId: provider.id, regionId: provider.region_id },
    sessions: { police: police!, head: head!, market: market!, authority: authority!, auditor: auditor! },
  };
}

/** The conditional world. */
export type ConditionalWorld = Awaited<ReturnType<typeof conditionalWorld>>;

/** A registered, identity-verified public user (the app must allow many registrations: `createOpenTestApp`). */
export const verifiedApplicant = (t: TestApp): Promise<RegisteredUser> => registerPublicUser(t.app);

/** An application body for `resourceId`: two items, download, for 90 days from today; override what a test is about. */
export function applicationBody(resourceId: string, overrides: Record<string, unknown> = {}) {
  return {
    resourceId,
    purpose: '公交线网优化研究',
    scenario: '高校交通规划课题组在校内服务器上分析线路分布，成果用于学术论文',
    securityMeasures: '数据存放于内网服务器，仅课题组三人可访问，使用期满后删除',
    fields: ['xlbh', 'ssqx'],
    methods: ['download'],
    validUntil: inDays(89),
    ...overrides,
  };
}

/** A response's status and parsed body. */
export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string };
  raw: LightMyRequestResponse;
}

/** Calls a route under /api/v1 as a signed-in session (writes carry the CSRF token). */
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

/** Files an application through POST /open/applications (the answer is returned as it is, whatever its status). */
export function submitApplication(
  t: TestApp,
  session: TestSession,
  resourceId: string,
  overrides: Record<string, unknown> = {},
): Promise<Answer> {
  return call(t, session, 'POST', '/open/applications', applicationBody(resourceId, overrides));
}

/** Answers an application through POST /open/applications/:id/decision (the answer as it is, whatever its status). */
export function decide(t: TestApp, session: TestSession, id: string, body: Record<string, unknown>) {
  return call(t, session, 'POST', `/open/applications/${id}/decision`, body);
}

/** An approved application and the agreement it generated. */
export interface ApprovedApplication {
  applicationId: string;
  agreementId: string;
  agreementNumber: string;
  /** The agreement's stored state: `awaiting_signatures`, or `active` where the profile needs no agreement. */
  agreementState: string;
  application: Record<string, unknown>;
}

/**
 * Files an application of `applicant` for the world's dataset and has the police officer approve it
 * (`decision` overrides the answer, e.g. `{ decision: 'approve_in_part', fields: ['xlbh'], reason }`).
 * Throws when either step fails, so a test starts from an agreement.
 */
export async function approvedApplication(
  t: TestApp,
  world: ConditionalWorld,
  applicant: TestSession,
  options: { application?: Record<string, unknown>; decision?: Record<string, unknown> } = {},
): Promise<ApprovedApplication> {
  const filed = await submitApplication(t, applicant, world.dataset.id, options.application);
  if (filed.status !== 201) throw new Error(`application failed: ${filed.status} ${filed.raw.body}`);
  const id = filed.body.id as string;
  const decided = await decide(t, world.sessions.police, id, options.decision ?? { decision: 'approve' });
  if (decided.status !== 200) throw new Error(`decision failed: ${decided.status} ${decided.raw.body}`);
  const agreement = decided.body.agreement as { id: string; number: string; state: string } | null;
  if (!agreement) throw new Error('the approval generated no agreement');
  return {
    applicationId: id,
    agreementId: agreement.id,
    agreementNumber: agreement.number,
    agreementState: agreement.state,
    application: decided.body,
  };
}
