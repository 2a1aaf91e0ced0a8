import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { classIdOf, publishResources, resourceInput } from '../catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let police: TestSession;
let policeHead: TestSession;
let market: TestSession;
let authority: TestSession;
let auditor: TestSession;
let district: TestSession;
type Six = [TestSession, TestSession, TestSession, TestSession, TestSession, TestSession];

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  await createUser(t.database.db, {
    role: 'department_officer',
    username: 'yz.officer',
    departmentId: world.districtDept.id,
    regionId: world.district.id,
  });
  const names = ['police.officer', 'police.head', 'market.officer', 'authority', 'auditor', 'yz.officer'];
  const sessions = await Promise.all(names.map((name) => login(t.app, name, 'Test-password-1')));
  [police, policeHead, market, authority, auditor, district] = sessions as Six;
});
afterAll(() => t.close());

const send = (
  session: TestSession,
  method: 'POST' | 'PUT',
  url: string,
  payload: object = {},
  lang = 'zh-CN',
) =>
  t.app.inject({
    method,
    url: `/api/v1/catalog/projects${url}`,
    headers: { ...session.write, 'accept-language': lang },
    payload,
  });
const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/catalog/projects${url}`, headers: session.read });

async function audited(action: string, targetId?: string) {
  let query = t.database.db
    .selectFrom('audit_events')
    .select(['action', 'detail', 'department_id'])
    .where('action', '=', action);
  if (targetId) query = query.where('target_id', '=', targetId);
  return query.execute();
}

/** Simulates the data pools (issue 4) loading data for a resource: they will set this column. */
async function loadData(resourceId: string) {
  await t.database.db
    .updateTable('catalog_resources')
    .set({ data_updated_at: new Date() })
    .where('id', '=', resourceId)
    .execute();
}

const planned = (name: string, overrides: object = {}) => ({
  name,
  classCode: '201',
  items: [
    { name: '号牌号码', dataType: 'C' },
    { name: '通过时间', dataType: 'T' },
  ],
  shareType: 'unconditional',
  openType: 'none',
  openBasis: '《中华人民共和国道路交通安全法》',
  updateCycle: 'realtime',
  ...overrides,
});

async function register(code: string, plannedResources: object[] = []) {
  const response = await send(police, 'POST', '', {
    name: `智慧交通建设项目 ${code}`,
    code,
    kind: 'construction',
    budget: 3_500_000.5,
    plannedResources,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string };
}

describe('registration and approval need the pre-compiled catalog [CQ19 §48]', () => {
  let project: { id: string };

  it('registers a project of the officer’s department, audited, with what approval still misses', async () => {
    const response = await send(police, 'POST', '', {
      name: '智慧交通卡口系统建设项目',
      code: '2401-500000-04-01-000123',
      kind: 'construction',
      budget: 3_500_000.5,
      description: '全市卡口系统升级',
    });
    expect(response.statusCode, response.body).toBe(201);
    project = response.json();
    expect(response.json()).toMatchObject({
      state: 'registered',
      kind: 'construction',
      department: { id: world.police.id, name: '市公安局' },
      budget: 3_500_000.5,
      plannedCount: 0,
      plannedResources: [],
      catalogRule: { required: true, article: 'CQ19 §48' },
      catalogProblems: [{ path: '/plannedResources', message: '目录清单中还没有资源' }],
      approval: null,
    });
    expect(await audited('catalog.project.register', project.id)).toEqual([
      expect.objectContaining({ department_id: world.police.id }),
    ]);
  });

  it('refuses a taken code, a missing kind and a blank name', async () => {
    const taken = await send(police, 'POST', '', {
      name: '另一项目',
      code: '2401-500000-04-01-000123',
      kind: 'operations',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().detail).toContain('2401-500000-04-01-000123');
    const noKind = await send(police, 'POST', '', { name: '项目', code: 'X-1' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().errors[0].path).toBe('/body/kind');
    const blank = await send(police, 'POST', '', { name: '   ', code: 'X-2', kind: 'operations' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ path: '/body/name' })]);
  });

  it('refuses approval while the catalog is empty, citing the profile’s article in both languages', async () => {
    const zh = await send(authority, 'POST', `/${project.id}/approve`);
    expect(zh.statusCode).toBe(409);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'catalog.project.catalog_required' });
    expect(zh.json().detail).toContain('CQ19 §48');
    expect(zh.json().detail).toContain('审批');
    const en = await send(authority, 'POST', `/${project.id}/approve`, {}, 'en');
    expect(en.json().detail).toContain('before approval (CQ19 §48)');
    expect((await get(police, `/${project.id}`)).json().state).toBe('registered');
  });

  it('lets only the authority decide, and only the owner department see or edit it before approval', async () => {
    expect((await send(police, 'POST', `/${project.id}/approve`)).statusCode).toBe(403);
    expect((await send(policeHead, 'POST', `/${project.id}/reject`, { reason: '不' })).statusCode).toBe(403);
    expect((await get(market, `/${project.id}`)).statusCode).toBe(403);
    expect((await send(market, 'PUT', `/${project.id}/catalog`, { plannedResources: [] })).statusCode).toBe(
      403,
    );
    expect((await get(market, '')).json()).toMatchObject({ items: [], total: 0 });
    expect((await get(policeHead, `/${project.id}`)).statusCode).toBe(200);
  });

  it('saves an incomplete catalog, and names what is missing when approval is asked', async () => {
    const saved = await send(policeHead, 'PUT', `/${project.id}/catalog`, {
      plannedResources: [
        { name: '卡口过车记录', classCode: '201', shareType: 'conditional', openType: 'none' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().plannedCount).toBe(1);
    const refused = await send(authority, 'POST', `/${project.id}/approve`);
    expect(refused.statusCode).toBe(409);
    const paths = refused.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual([
      '/plannedResources/0/items',
      '/plannedResources/0/shareBasis',
      '/plannedResources/0/openBasis',
    ]);
    expect(refused.json().errors[1].message).toContain('CQ19 §25');
  });

  it('refuses wrong values when the catalog is saved', async () => {
    const response = await send(police, 'PUT', `/${project.id}/catalog`, {
      plannedResources: [
        planned('甲', { classCode: '199' }),
        planned('乙', { classCode: '2' }),
        planned('甲', { items: [{ name: '照片', dataType: 'G' }] }),
        planned('丁', { resourceId: '00000000-0000-4000-8000-000000000000' }),
      ],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/plannedResources/0/classCode',
      '/body/plannedResources/1/classCode',
      '/body/plannedResources/2/items/0/dataType',
      '/body/plannedResources/2/name',
      '/body/plannedResources/3/resourceId',
    ]);
    expect((await get(police, `/${project.id}`)).json().plannedResources[0].name).toBe('卡口过车记录');
  });

  it('approves once the catalog is complete; a second approval is refused', async () => {
    const saved = await send(police, 'PUT', `/${project.id}/catalog`, {
      plannedResources: [planned('卡口过车记录'), planned('车辆通行')],
    });
    expect(saved.json().catalogProblems).toEqual([]);
    const approved = await send(authority, 'POST', `/${project.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'approved', approval: { byName: expect.any(String) } });
    const again = await send(authority, 'POST', `/${project.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('项目当前状态为“已批准”，不能批准');
    expect(await audited('catalog.project.approve', project.id)).toHaveLength(1);
  });

  it('freezes the plan after approval', async () => {
    const changed = await send(police, 'PUT', `/${project.id}/catalog`, {
      plannedResources: [planned('卡口过车记录')],
    });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('catalog.project.plan_frozen');
  });

  it('publishes approved projects to the region’s staff, but not the acceptance report', async () => {
    const list = await get(market, '');
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([project.id]);
    expect((await get(market, `/${project.id}`)).statusCode).toBe(200);
    expect((await get(market, `/${project.id}/acceptance`)).statusCode).toBe(403);
    // A district department sees its own region's list only.
    expect((await get(district, '')).json().total).toBe(0);
    expect(await audited('catalog.project.list')).not.toHaveLength(0);
  });

  describe('acceptance compares the promises with the real catalog [SC §16]', () => {
    let passes: { id: string; code: string };
    let similar: { id: string; code: string };
    let draft: { id: string };

    const report = async () => {
      const response = await get(police, `/${project.id}/acceptance`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    it('reports promised resources as missing until they are published, and refuses acceptance', async () => {
      const before = await report();
      expect(before).toMatchObject({
        verdict: 'failed',
        summary: { promised: 2, missing: 2, connected: 0 },
        resources: [{ status: 'missing', resource: null, matchedBy: null }, { status: 'missing' }],
        acceptance: null,
      });
      expect(before.criterion).toContain('数据资源池上线前');
      const refused = await send(authority, 'POST', `/${project.id}/accept`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toContain('不得通过验收（CQ19 §48）');
      expect(refused.json().errors).toEqual([
        { path: '/plannedResources/0', message: '“卡口过车记录”：目录中没有对应资源' },
        { path: '/plannedResources/1', message: '“车辆通行”：目录中没有对应资源' },
      ]);
    });

    it('finds a published resource of the same name, and suggests one of a similar name', async () => {
      [passes, similar] = (await publishResources(t, [
        { name: '卡口过车记录' },
        { name: '车辆通行数据' },
      ])) as [typeof passes, typeof similar];
      const after = await report();
      expect(after.resources[0]).toMatchObject({
        status: 'not_connected',
        matchedBy: 'name',
        resource: { id: passes.id, published: true, dataUpdatedAt: null },
      });
      expect(after.resources[1]).toMatchObject({
        status: 'missing',
        suggestions: [{ name: '车辆通行数据' }],
      });
    });

    it('lets the owner link a resource after approval; an unpublished one does not count', async () => {
      const classId = await classIdOf(t.database.db, '201');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/resources',
        headers: police.write,
        payload: resourceInput(classId, { name: '车辆通行草稿' }),
      });
      expect(created.statusCode, created.body).toBe(201);
      draft = created.json();
      const plan = (await get(police, `/${project.id}`)).json().plannedResources;
      const linked = await send(police, 'PUT', `/${project.id}/catalog`, {
        plannedResources: [plan[0], { ...plan[1], resourceId: draft.id }],
      });
      expect(linked.statusCode, linked.body).toBe(200);
      expect((await report()).resources[1]).toMatchObject({
        status: 'not_published',
        matchedBy: 'link',
        resource: { id: draft.id, name: '车辆通行草稿', published: false },
      });
      const relinked = await send(police, 'PUT', `/${project.id}/catalog`, {
        plannedResources: [plan[0], { ...plan[1], resourceId: similar.id }],
      });
      expect(relinked.statusCode).toBe(200);
    });

    it('accepts once every promised resource is connected, and keeps the report', async () => {
      await loadData(passes.id);
      const half = await report();
      expect(half.resources.map((r: { status: string }) => r.status)).toEqual(['connected', 'not_connected']);
      expect((await send(authority, 'POST', `/${project.id}/accept`)).statusCode).toBe(409);
      await loadData(similar.id);
      expect((await report()).verdict).toBe('passed');
      const accepted = await send(authority, 'POST', `/${project.id}/accept`);
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ state: 'accepted', acceptance: { override: null } });
      const kept = await report();
      expect(kept).toMatchObject({
        verdict: 'passed',
        summary: { connected: 2 },
        acceptance: { override: null },
      });
      const again = await send(authority, 'POST', `/${project.id}/accept`);
      expect(again.statusCode).toBe(409);
      expect(await audited('catalog.project.accept', project.id)).toEqual([
        expect.objectContaining({ detail: expect.objectContaining({ verdict: 'passed', override: null }) }),
      ]);
      expect(await audited('catalog.project.acceptance.read', project.id)).not.toHaveLength(0);
      expect(await audited('catalog.project.read', project.id)).not.toHaveLength(0);
    });
  });
});

describe('overrides, rejection, the list and the profile', () => {
  it('accepts with an explicit, audited override reason despite unmet promises', async () => {
    const project = await register('OVR-1', [planned('视频监控点位')]);
    expect((await send(authority, 'POST', `/${project.id}/approve`)).statusCode).toBe(200);
    const blank = await send(authority, 'POST', `/${project.id}/accept`, { override: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe('/body/override');
    const reason = '点位数据由市级视频共享平台统一汇聚，已另行立项';
    const accepted = await send(authority, 'POST', `/${project.id}/accept`, { override: reason });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().acceptance).toMatchObject({ override: reason });
    const report = await get(auditor, `/${project.id}/acceptance`);
    expect(report.json()).toMatchObject({ verdict: 'failed', acceptance: { override: reason } });
    expect(await audited('catalog.project.accept', project.id)).toEqual([
      expect.objectContaining({ detail: expect.objectContaining({ verdict: 'failed', override: reason }) }),
    ]);
  });

  it('rejects with a reason; a rejected project cannot be approved and stays unpublished', async () => {
    const project = await register('REJ-1', [planned('停车场泊位')]);
    expect((await send(authority, 'POST', `/${project.id}/reject`, { reason: ' ' })).statusCode).toBe(400);
    const rejected = await send(authority, 'POST', `/${project.id}/reject`, { reason: '与已建系统重复建设' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', rejection: { reason: '与已建系统重复建设' } });
    expect((await send(authority, 'POST', `/${project.id}/approve`)).statusCode).toBe(409);
    expect((await send(police, 'PUT', `/${project.id}/catalog`, { plannedResources: [] })).statusCode).toBe(
      409,
    );
    expect((await get(police, `/${project.id}/acceptance`)).statusCode).toBe(409);
    expect((await get(market, `/${project.id}`)).statusCode).toBe(403);
    expect(await audited('catalog.project.reject', project.id)).toHaveLength(1);
  });

  it('filters and pages the list', async () => {
    const all = (await get(authority, '?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    const rejected = (await get(authority, '?state=rejected')).json();
    expect(rejected.items.map((p: { code: string }) => p.code)).toEqual(['REJ-1']);
    const page = (await get(authority, `?departmentId=${world.police.id}&pageSize=1&page=2`)).json();
    expect(page).toMatchObject({ total: all.total, page: 2, pageSize: 1 });
    expect(page.items).toHaveLength(1);
    expect((await get(market, '?state=rejected')).json().total).toBe(0);
    expect((await get(police, '?state=bogus')).statusCode).toBe(400);
    expect((await get(police, '/not-a-uuid')).statusCode).toBe(400);
    expect((await get(police, '/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('finds projects by words of their name or code, and counts what approval still misses', async () => {
    const project = await register('WORDS-1', [{ name: '停车诱导', classCode: '201' }]);
    const found = (await get(police, `?q=${encodeURIComponent('words-1')}`)).json();
    expect(found.items).toEqual([
      expect.objectContaining({ id: project.id, plannedCount: 1, catalogProblemCount: 3 }),
    ]);
    const byName = (await get(police, `?q=${encodeURIComponent('智慧交通建设项目 WORDS')}`)).json();
    expect(byName.items.map((p: { id: string }) => p.id)).toEqual([project.id]);
    // Wildcards are matched literally.
    expect((await get(police, '?q=%25')).json().total).toBe(0);
    const complete = (await get(authority, '?q=OVR-1')).json().items[0];
    expect(complete.catalogProblemCount).toBe(0);
  });

  it('approves without a catalog when the profile does not require one', async () => {
    const project = await register('OPT-1');
    const profile = t.app.platform.profile;
    t.app.platform.profile = {
      ...profile,
      catalog: { ...profile.catalog, projectCatalog: { required: false, article: null } },
    };
    try {
      const approved = await send(authority, 'POST', `/${project.id}/approve`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().catalogRule).toEqual({ required: false, article: null });
      const accepted = await send(authority, 'POST', `/${project.id}/accept`);
      expect(accepted.statusCode).toBe(200);
    } finally {
      t.app.platform.profile = profile;
    }
  });
});
