import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { createUser, createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let district: TestSession;
let citizen: TestSession;
let otherCitizen: TestSession;
let vehicles: { id: string; code: string };
let drivers: { id: string; code: string };
let offences: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  world = await createWorld(db);
  [vehicles, drivers, offences] = (await publishResources(t, [
    {
      name: '机动车登记信息',
      abstract: '机动车号牌号码、车辆类型、所有人和登记日期，供交通管理、二手车交易和保险理赔核验使用。',
      keywords: ['机动车', '车辆', '登记'],
    },
    {
      name: '驾驶人信息',
      abstract: '驾驶证号、准驾车型、驾驶证状态和记分情况。',
      keywords: ['驾驶证', '驾驶人'],
      openType: 'none',
      openMethods: [],
      openBasis: '《中华人民共和国道路交通安全法》',
    },
    {
      name: '机动车驾驶人违法记录',
      abstract: '机动车驾驶人的交通违法行为、处罚决定和执行情况。',
      keywords: ['违法', '机动车'],
      shareType: 'none',
      shareMethods: [],
      shareBasis: '《中华人民共和国治安管理处罚法》',
      openType: 'none',
      openMethods: [],
      openBasis: '《中华人民共和国治安管理处罚法》',
    },
  ])) as [typeof vehicles, typeof drivers, typeof offences];
  await createUser(db, {
    role: 'department_officer',
    username: 'yz.officer',
    departmentId: world.districtDept.id,
    regionId: world.district.id,
  });
  await createUser(db, { role: 'public_user', username: 'citizen' });
  await createUser(db, { role: 'public_user', username: 'citizen2' });
  [police, market, authority, district, citizen, otherCitizen] = await Promise.all([
    login(t.app, 'police.officer', 'Test-password-1'),
    login(t.app, 'market.officer', 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
    login(t.app, 'yz.officer', 'Test-password-1'),
    login(t.app, 'citizen', 'Test-password-1'),
    login(t.app, 'citizen2', 'Test-password-1'),
  ]);
});
afterAll(() => t.close());

const post = (session: TestSession, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.write, payload });
const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });

async function audited(action: string, targetId: string) {
  const rows = await t.database.db
    .selectFrom('audit_events')
    .select(['action', 'detail'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .execute();
  return rows;
}

const marketDemand = (overrides: object = {}) => ({
  title: '二手车交易车辆核验',
  description: '开展二手车交易市场监管，需要核验交易车辆的机动车登记状态和所有人。',
  wantedItems: '号牌号码、所有人、登记状态',
  purpose: '二手车交易市场监管',
  basis: '《二手车流通管理办法》第十四条',
  ...overrides,
});

describe('a department files a demand; the authority matches it [CQ19 §12]', () => {
  let demand: {
    id: string;
    cases: { id: string; type: string; state: string; dueOn: string | null; closedAt: string | null }[];
  };

  it('files it as a case of the top authority, with the deadline and candidates found by search', async () => {
    const response = await post(market, '/catalog/demands', {
      ...marketDemand(),
      suggestedProviderId: world.police.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    demand = response.json();
    const body = response.json();
    expect(body).toMatchObject({
      kind: 'department',
      state: 'open',
      catalog: 'share',
      requesterDepartment: { id: world.market.id, name: '市市场监管局' },
      authority: { id: world.authority.id, name: '市大数据发展局' },
      suggestedProvider: { id: world.police.id, name: '市公安局' },
      deadline: { workdays: 10, article: 'CQ19 §12', setByDeployment: true },
      dueOn: t.app.platform.calendar.addWorkdays(todayInChina(), 10),
      overdue: false,
    });
    expect(body.cases).toEqual([
      expect.objectContaining({
        type: 'catalog.demand',
        state: 'open',
        department: expect.objectContaining({ id: world.authority.id }),
      }),
    ]);
    // The vehicle register answers the demand best; a resource that is not shared is never offered.
    const codes = body.candidates.map((c: { code: string }) => c.code);
    expect(codes[0]).toBe(vehicles.code);
    expect(codes).not.toContain(offences.code);
    expect(body.candidates[0]).toMatchObject({ rank: 1, published: true, name: '机动车登记信息' });
    expect(body.candidates[0].score).toBeGreaterThan(0);
    expect(await audited('catalog.demand.create', demand.id)).toHaveLength(1);
  });

  it('refuses a demand without a basis, and a suggested provider that does not exist', async () => {
    const { basis: _basis, ...noBasis } = marketDemand();
    const missing = await post(market, '/catalog/demands', noBasis);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: '/body/basis' });
    const blank = await post(market, '/catalog/demands', marketDemand({ title: '  ', basis: ' ' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((e: { path: string }) => e.path)).toEqual(['/body/title', '/body/basis']);
    const unknown = await post(market, '/catalog/demands', {
      ...marketDemand(),
      suggestedProviderId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: '/body/suggestedProviderId' });
  });

  it('lets only the authority answer, and only with published resources the requester can use', async () => {
    expect(
      (await post(police, `/catalog/demands/${demand.id}/match`, { resourceIds: [vehicles.id] })).statusCode,
    ).toBe(403);
    const notShared = await post(authority, `/catalog/demands/${demand.id}/match`, {
      resourceIds: [offences.id],
    });
    expect(notShared.statusCode).toBe(400);
    expect(notShared.json().errors[0]).toMatchObject({ path: '/body/resourceIds/0' });
    expect(notShared.json().errors[0].message).toContain('不予共享');
    const unknown = await post(authority, `/catalog/demands/${demand.id}/match`, {
      resourceIds: [vehicles.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: '/body/resourceIds/1' });
    // The refused answers left the case open.
    expect((await get(market, `/catalog/demands/${demand.id}`)).json().state).toBe('open');
  });

  it('matches it: the requester sees the answer and the closed case; a second answer is a conflict', async () => {
    const response = await post(authority, `/catalog/demands/${demand.id}/match`, {
      resourceIds: [vehicles.id, drivers.id],
      note: '请通过共享目录申请使用',
    });
    expect(response.statusCode, response.body).toBe(200);
    const seen = (await get(market, `/catalog/demands/${demand.id}`)).json();
    expect(seen.state).toBe('matched');
    expect(seen.answers).toEqual([
      expect.objectContaining({
        step: 'match',
        department: { id: world.authority.id, name: '市大数据发展局' },
        note: '请通过共享目录申请使用',
        resources: [
          expect.objectContaining({ id: vehicles.id, code: vehicles.code, published: true }),
          expect.objectContaining({ id: drivers.id, shareType: 'unconditional' }),
        ],
      }),
    ]);
    expect(seen.cases[0]).toMatchObject({ state: 'matched' });
    expect(seen.cases[0].closedAt).not.toBeNull();
    expect(seen.history.map((h: { action: string }) => h.action)).toEqual(['open', 'match']);
    const again = await post(authority, `/catalog/demands/${demand.id}/reject`, { reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(await audited('catalog.demand.match', demand.id)).toHaveLength(1);
  });
});

describe('routing a demand to the department that should provide the data', () => {
  let id: string;

  it('refuses routing back to the requester, then routes to the police with a case of its own', async () => {
    id = (
      await post(market, '/catalog/demands', {
        ...marketDemand({ title: '网约车驾驶员背景核查', description: '网约车平台驾驶员从业资格背景核查' }),
      })
    ).json().id;
    const back = await post(authority, `/catalog/demands/${id}/route`, { departmentId: world.market.id });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors[0]).toMatchObject({ path: '/body/departmentId' });
    const routed = await post(authority, `/catalog/demands/${id}/route`, {
      departmentId: world.police.id,
      note: '请公安局评估后答复',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    const body = routed.json();
    expect(body).toMatchObject({ state: 'routed', provider: { id: world.police.id, name: '市公安局' } });
    expect(body.cases.map((c: { type: string; state: string }) => [c.type, c.state])).toEqual([
      ['catalog.demand', 'routed'],
      ['catalog.demand_provider', 'open'],
    ]);
    expect(body.dueOn).toBe(body.cases[1].dueOn);
    const inbox = (await get(police, '/catalog/demands?inbox=true')).json();
    expect(inbox.items.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('lets only the routed department answer, and a decline needs a reason', async () => {
    expect((await post(market, `/catalog/demands/${id}/accept`, {})).statusCode).toBe(403);
    const blank = await post(police, `/catalog/demands/${id}/decline`, { reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ path: '/body/reason' });
    const foreign = await post(police, `/catalog/demands/${id}/accept`, {
      resourceId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0]).toMatchObject({ path: '/body/resourceId' });
  });

  it('accepts, links the resource later, and cannot decline afterwards', async () => {
    const linkEarly = await post(police, `/catalog/demands/${id}/link`, { resourceId: drivers.id });
    expect(linkEarly.statusCode).toBe(409);
    const accepted = await post(police, `/catalog/demands/${id}/accept`, { note: '下季度纳入目录' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    expect((await post(police, `/catalog/demands/${id}/decline`, { reason: '改变主意' })).statusCode).toBe(
      409,
    );
    const linked = await post(police, `/catalog/demands/${id}/link`, { resourceId: drivers.id });
    expect(linked.statusCode, linked.body).toBe(200);
    const seen = (await get(market, `/catalog/demands/${id}`)).json();
    expect(seen.answers.map((a: { step: string }) => a.step)).toEqual(['route', 'accept', 'link']);
    expect(seen.answers[2].resources[0]).toMatchObject({ code: drivers.code, name: '驾驶人信息' });
    expect(
      seen.history.map((h: { caseType: string; action: string }) => `${h.caseType}:${h.action}`),
    ).toEqual([
      'catalog.demand:open',
      'catalog.demand:route',
      'catalog.demand_provider:open',
      'catalog.demand_provider:accept',
    ]);
  });

  it('a declined demand shows the provider’s reason to the requester', async () => {
    const other = (await post(market, '/catalog/demands', marketDemand({ title: '警用装备清单' }))).json().id;
    await post(authority, `/catalog/demands/${other}/route`, { departmentId: world.police.id });
    const declined = await post(police, `/catalog/demands/${other}/decline`, {
      reason: '涉及国家秘密，不予提供',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const seen = (await get(market, `/catalog/demands/${other}`)).json();
    expect(seen.state).toBe('declined');
    expect(seen.answers[1]).toMatchObject({ step: 'decline', reason: '涉及国家秘密，不予提供' });
    expect(await audited('catalog.demand.decline', other)).toHaveLength(1);
  });
});

describe('rejecting, scope and the list', () => {
  it('rejects with a required reason', async () => {
    const id = (await post(market, '/catalog/demands', marketDemand({ title: '居民个人消费明细' }))).json()
      .id;
    const noReason = await post(authority, `/catalog/demands/${id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: '/body/reason' });
    const rejected = await post(authority, `/catalog/demands/${id}/reject`, { reason: '不属于政务数据' });
    expect(rejected.statusCode).toBe(200);
    const seen = (await get(market, `/catalog/demands/${id}`)).json();
    expect(seen).toMatchObject({
      state: 'rejected',
      answers: [{ step: 'reject', reason: '不属于政务数据' }],
    });
  });

  it('shows a department its own and routed demands only; the authority all of its region', async () => {
    const mine = (await get(market, '/catalog/demands?pageSize=50')).json();
    expect(mine.total).toBe(4);
    expect(
      mine.items.every(
        (d: { requesterDepartment: { id: string } }) => d.requesterDepartment.id === world.market.id,
      ),
    ).toBe(true);
    const routedToPolice = (await get(police, '/catalog/demands')).json();
    expect(routedToPolice.items.map((d: { state: string }) => d.state).sort()).toEqual([
      'accepted',
      'declined',
    ]);
    expect((await get(district, '/catalog/demands')).json().total).toBe(0);
    expect((await get(district, `/catalog/demands/${mine.items[0].id}`)).statusCode).toBe(403);
    const all = (await get(authority, '/catalog/demands?kind=department&state=rejected')).json();
    expect(all.items.map((d: { title: string }) => d.title)).toEqual(['居民个人消费明细']);
  });
});

describe('public suggestions of data to open [CQO §14]', () => {
  let id: string;

  it('files a suggestion for the top authority; the public has no access to the government list', async () => {
    const response = await post(citizen, '/catalog/demands/suggestions', {
      title: '开放机动车登记统计',
      description: '希望开放按车辆类型统计的机动车登记数量，用于研究城市交通。',
      purpose: '城市交通研究',
    });
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
    expect(response.json()).toMatchObject({
      state: 'open',
      authority: { id: world.authority.id },
      answers: [],
      dueOn: t.app.platform.calendar.addWorkdays(todayInChina(), 10),
    });
    expect((await get(citizen, '/catalog/demands')).statusCode).toBe(403);
    expect((await get(citizen, `/catalog/demands/${id}`)).statusCode).toBe(403);
    expect(
      (await post(market, '/catalog/demands/suggestions', { title: 'x', description: 'y', purpose: 'z' }))
        .statusCode,
    ).toBe(403);
  });

  it('gives the authority the author’s name and open candidates only', async () => {
    const seen = (await get(authority, `/catalog/demands/${id}`)).json();
    expect(seen).toMatchObject({ kind: 'public', catalog: 'open', requesterDepartment: null });
    expect(seen.requesterName).toMatch(/测试用户/);
    const codes = seen.candidates.map((c: { code: string }) => c.code);
    expect(codes).toContain(vehicles.code);
    expect(codes).not.toContain(drivers.code);
    const list = (await get(authority, '/catalog/demands?kind=public&inbox=true')).json();
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([id]);
  });

  it('matches it only with open resources; the author sees the answer without officials’ names', async () => {
    const closed = await post(authority, `/catalog/demands/${id}/match`, { resourceIds: [drivers.id] });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().errors[0].message).toContain('不予开放');
    expect(
      (await post(authority, `/catalog/demands/${id}/match`, { resourceIds: [vehicles.id] })).statusCode,
    ).toBe(200);
    const mine = (await get(citizen, `/catalog/demands/suggestions/${id}`)).json();
    expect(mine.state).toBe('matched');
    expect(mine.answers[0]).toMatchObject({
      step: 'match',
      answeredByName: null,
      resources: [expect.objectContaining({ code: vehicles.code, openType: 'unconditional' })],
    });
    const list = (await get(citizen, '/catalog/demands/suggestions')).json();
    expect(list).toMatchObject({ total: 1, items: [{ id, state: 'matched' }] });
    expect((await get(otherCitizen, `/catalog/demands/suggestions/${id}`)).statusCode).toBe(403);
    expect((await get(otherCitizen, '/catalog/demands/suggestions')).json().total).toBe(0);
  });
});

describe('deadlines of demands', () => {
  it('follows the case engine: no extension under CQ19 §12, and the sweep flags what is left unanswered', async () => {
    const id = (await post(market, '/catalog/demands', marketDemand({ title: '食品经营许可核验' }))).json()
      .id;
    const caseId = (await get(authority, `/catalog/demands/${id}`)).json().cases[0].id;
    const extension = await post(authority, `/cases/${caseId}/extension`, { workdays: 5, reason: '需协调' });
    expect(extension.statusCode).toBe(409);
    const later = t.app.platform.calendar.addWorkdays(todayInChina(), 12);
    expect((await sweepOverdue(t.database.db, later)).marked).toBeGreaterThan(0);
    const overdue = (await get(authority, '/catalog/demands?overdue=true')).json();
    expect(overdue.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect(overdue.items[0].overdue).toBe(true);
  });

  it('has no due date where the profile sets none (CQ18)', async () => {
    const cq18 = await createTestApp({ config: { profileId: 'cq18' } });
    try {
      const other = await createWorld(cq18.database.db);
      const session = await login(cq18.app, 'market.officer', other.users.marketOfficer.password);
      const response = await cq18.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/demands',
        headers: session.write,
        payload: marketDemand(),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ dueOn: null, deadline: null, candidates: [] });
    } finally {
      await cq18.close();
    }
  });
});
