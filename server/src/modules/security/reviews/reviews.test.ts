import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  catalogSessions,
  classIdOf,
  publishResources,
  resourceInput,
} from '../../catalog/catalog.factories.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { decideReviews, pendingReviewOf, securitySession } from './reviews.factories.ts';

// Secrecy reviews (保密审查, CQ19 §41): published share / open attributes take effect only once
// the providing department's security officer has passed them.
let t: TestApp;
let officer: TestSession;
let authority: TestSession;
let security: TestSession;
let policeId: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ officer, authority } = await catalogSessions(t));
  const police = await t.database.db
    .selectFrom('departments')
    .select('id')
    .where('name', '=', '市公安局')
    .executeTakeFirstOrThrow();
  policeId = police.id;
  security = await securitySession(t, policeId);
});
afterAll(() => t.close());

const inject = (session: TestSession | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: session ? (method === 'GET' ? session.read : session.write) : {},
    ...(payload ? { payload } : {}),
  });

/** A problem+json body's field problems by path. */
const errorsOf = (body: { errors?: { path: string; message: string }[] }): Record<string, string> =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));

async function inShareCatalog(name: string): Promise<boolean> {
  const response = await inject(officer, 'GET', `/catalog/entries?q=${encodeURIComponent(name)}`);
  expect(response.statusCode).toBe(200);
  return (response.json().items as { name: string }[]).some((item) => item.name === name);
}

async function inOpenCatalog(name: string): Promise<boolean> {
  const response = await inject(null, 'GET', `/open-catalog/datasets?q=${encodeURIComponent(name)}`);
  expect(response.statusCode).toBe(200);
  return (response.json().items as { name: string }[]).some((item) => item.name === name);
}

async function reviewOf(resourceId: string) {
  const list = await inject(security, 'GET', `/security/reviews?resourceId=${resourceId}`);
  expect(list.statusCode).toBe(200);
  return list.json().items as {
    id: string;
    state: string;
    reasons: string | null;
    changed: string[];
    dueOn: string | null;
    overdue: boolean;
  }[];
}

/** Changes a published resource through a draft, review of the list and a new catalog version. */
async function republish(id: string, input: ResourceInput) {
  const call = async (session: TestSession, method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await inject(session, method, url, payload);
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  await call(officer, 'PUT', `/catalog/resources/${id}/draft`, input);
  const submission = await call(officer, 'POST', '/catalog/submissions', { resourceIds: [id] });
  await call(authority, 'POST', `/catalog/submissions/${submission.id}/decisions`, {
    decisions: submission.entries.map((entry: { id: string }) => ({
      entryId: entry.id,
      decision: 'approved',
    })),
  });
  await call(authority, 'POST', '/catalog/versions', {});
}

describe('secrecy reviews', () => {
  it('keeps a published resource out of both catalogs until its review passes', async () => {
    const [resource] = await publishResources(t, [{ name: '公园绿地信息' }], 'police.officer', {
      review: false,
    });
    expect(await inShareCatalog('公园绿地信息')).toBe(false);
    expect(await inOpenCatalog('公园绿地信息')).toBe(false);
    const [review] = await reviewOf(resource!.id);
    expect(review).toMatchObject({ state: 'pending', changed: [], overdue: false });
    // The profile's deadline (set by the deployment: the article names none) gives the due date.
    expect(review!.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const decided = await inject(security, 'POST', `/security/reviews/${review!.id}/decision`, {
      outcome: 'passed',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'passed', canDecide: false });
    expect(await inShareCatalog('公园绿地信息')).toBe(true);
    expect(await inOpenCatalog('公园绿地信息')).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', review!.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['security.review.open', 'security.review.decide']),
    );
  });

  it('a review not passed needs reasons, keeps the resource out, and the department sees why', async () => {
    const [resource] = await publishResources(t, [{ name: '停车场信息' }], 'police.officer', {
      review: false,
    });
    const [review] = await reviewOf(resource!.id);
    const url = `/security/reviews/${review!.id}/decision`;
    const blank = await inject(security, 'POST', url, { outcome: 'not_passed', reasons: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(errorsOf(blank.json())['/body/reasons']).toContain('理由');
    const refused = await inject(security, 'POST', url, {
      outcome: 'not_passed',
      reasons: '含车牌号，须脱敏后开放',
    });
    expect(refused.statusCode).toBe(200);
    expect(await inShareCatalog('停车场信息')).toBe(false);
    expect(await inOpenCatalog('停车场信息')).toBe(false);
    const seen = await inject(officer, 'GET', `/security/reviews?resourceId=${resource!.id}`);
    expect(seen.json().items[0]).toMatchObject({ state: 'not_passed', reasons: '含车牌号，须脱敏后开放' });
    const again = await inject(security, 'POST', url, { outcome: 'passed' });
    expect(again.statusCode).toBe(409);
  });

  it('a republication that changes the open type hides the open entry again until it is re-reviewed', async () => {
    const classId = await classIdOf(t.database.db, '201');
    const [resource] = await publishResources(t, [{ name: '体育场馆信息' }]);
    expect(await inOpenCatalog('体育场馆信息')).toBe(true);
    await republish(
      resource!.id,
      resourceInput(classId, {
        name: '体育场馆信息',
        openType: 'conditional',
        openCondition: '实名注册的用户',
        openBasis: '《重庆市公共数据开放管理暂行办法》',
      }),
    );
    expect(await inOpenCatalog('体育场馆信息')).toBe(false);
    // The share attributes did not change: they stay in effect.
    expect(await inShareCatalog('体育场馆信息')).toBe(true);
    const [latest] = await reviewOf(resource!.id);
    expect(latest).toMatchObject({ state: 'pending' });
    expect(latest!.changed).toEqual(expect.arrayContaining(['openType', 'openCondition', 'openBasis']));
    await decideReviews(t, [resource!.id]);
    expect(await inOpenCatalog('体育场馆信息')).toBe(true);
    // Changing what no review looks at (the abstract) opens no new review.
    await republish(
      resource!.id,
      resourceInput(classId, {
        name: '体育场馆信息',
        abstract: '全市体育场馆的名称、地址、开放时间和预约方式，按月更新，供市民健身查询。',
        openType: 'conditional',
        openCondition: '实名注册的用户',
        openBasis: '《重庆市公共数据开放管理暂行办法》',
      }),
    );
    expect(await pendingReviewOf(t, resource!.id)).toBeUndefined();
    expect(await inOpenCatalog('体育场馆信息')).toBe(true);
  });

  it("refuses a decision by another role or another department's security officer", async () => {
    const [resource] = await publishResources(t, [{ name: '公共厕所信息' }], 'police.officer', {
      review: false,
    });
    const [review] = await reviewOf(resource!.id);
    const url = `/security/reviews/${review!.id}/decision`;
    expect((await inject(officer, 'POST', url, { outcome: 'passed' })).statusCode).toBe(403);
    const market = await t.database.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', '市市场监管局')
      .executeTakeFirstOrThrow();
    const other = await securitySession(t, market.id);
    const refused = await inject(other, 'POST', url, { outcome: 'passed' });
    expect(refused.statusCode).toBe(403);
    expect((await inject(other, 'GET', `/security/reviews/${review!.id}`)).statusCode).toBe(403);
    expect((await inject(other, 'GET', `/security/reviews?resourceId=${resource!.id}`)).json().total).toBe(0);
    // The security officer of the region's data authority may decide for departments of its region.
    const authorityDept = await t.database.db
      .selectFrom('departments')
      .select('id')
      .where('kind', '=', 'authority')
      .executeTakeFirstOrThrow();
    const regional = await securitySession(t, authorityDept.id);
    const detail = await inject(regional, 'GET', `/security/reviews/${review!.id}`);
    expect(detail.json()).toMatchObject({ canDecide: true });
    expect((await inject(regional, 'POST', url, { outcome: 'passed' })).statusCode).toBe(200);
  });

  it('flags a review past its due date as overdue through the case engine', async () => {
    const [resource] = await publishResources(t, [{ name: '公共自行车站点信息' }], 'police.officer', {
      review: false,
    });
    const [review] = await reviewOf(resource!.id);
    const dayAfter = new Date(new Date(`${review!.dueOn}T00:00:00Z`).getTime() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    await sweepOverdue(t.database.db, dayAfter);
    const overdue = await inject(security, 'GET', '/security/reviews?overdue=true&state=pending');
    expect((overdue.json().items as { id: string }[]).map((r) => r.id)).toContain(review!.id);
  });
});

describe('classification and grading', () => {
  it('refuses share and open types beyond what the level allows, and items graded below their resource', async () => {
    const classId = await classIdOf(t.database.db, '201');
    const core = await inject(
      officer,
      'POST',
      '/catalog/resources',
      resourceInput(classId, { name: '核心数据试验', securityLevel: 'core' }),
    );
    expect(core.statusCode).toBe(400);
    const errors = errorsOf(core.json());
    expect(errors['/body/openType']).toContain('核心数据');
    expect(errors['/body/shareType']).toContain('有条件共享');
    const input = resourceInput(classId, {
      name: '分级试验',
      securityLevel: 'important',
      openType: 'none',
      openMethods: [],
    });
    input.openBasis = '涉及重要数据';
    input.items[0] = { ...input.items[0]!, securityLevel: 'general' };
    input.items[1] = { ...input.items[1]!, securityLevel: 'core', category: 'nonsense' };
    const graded = await inject(officer, 'POST', '/catalog/resources', input);
    expect(graded.statusCode).toBe(400);
    const problems = errorsOf(graded.json());
    expect(problems['/body/items/0/securityLevel']).toContain('不得低于');
    expect(problems['/body/items/1/category']).toContain('personal');
    // The item graded core raises the resource: it may then not be unconditionally shared.
    expect(problems['/body/shareType']).toContain('信息项的最高安全级别');
    const english = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/resources',
      headers: { ...officer.write, 'accept-language': 'en' },
      payload: resourceInput(classId, { name: 'core test', securityLevel: 'core' }),
    });
    expect(errorsOf(english.json())['/body/openType']).toContain('may not be');
  });

  it('keeps category, sub-level and item levels with the revision and shows them in the share catalog', async () => {
    const base = resourceInput(await classIdOf(t.database.db, '201'));
    const [resource] = await publishResources(t, [
      {
        name: '城市照明设施信息',
        category: 'public_administration',
        securitySubLevel: 'general-2',
        items: base.items.map((item, i) =>
          i === 2 ? { ...item, category: 'economy', securityLevel: 'general' } : item,
        ),
      },
    ]);
    const read = await inject(officer, 'GET', `/catalog/resources/${resource!.id}`);
    expect(read.json().published).toMatchObject({
      category: 'public_administration',
      securitySubLevel: 'general-2',
    });
    expect(read.json().published.items[2]).toMatchObject({ category: 'economy', securityLevel: 'general' });
    const entries = await inject(
      officer,
      'GET',
      `/catalog/entries?q=${encodeURIComponent('城市照明设施信息')}`,
    );
    expect(entries.json().items[0]).toMatchObject({
      category: 'public_administration',
      securityLevel: 'general',
      securitySubLevel: 'general-2',
    });
    const bad = await inject(
      officer,
      'POST',
      '/catalog/resources',
      resourceInput(await classIdOf(t.database.db, '201'), {
        name: '子级试验',
        securitySubLevel: 'important-1',
      }),
    );
    expect(errorsOf(bad.json())['/body/securitySubLevel']).toContain('general-1');
  });
});
