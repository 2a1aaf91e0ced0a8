import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { ResourceInput } from '../catalog.schemas.ts';
import { classIdOf, publishResources, resourceInput } from '../catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let themeClass: string;
let buses: { id: string; code: string };
let stations: { id: string; code: string };
let permits: { id: string; code: string };
let licences: { id: string; code: string };

const closedOverrides = {
  openType: 'none' as const,
  openMethods: [],
  openBasis: '《中华人民共和国数据安全法》',
};
const conditionalOverrides = {
  openType: 'conditional' as const,
  openCondition: '签订数据利用协议',
  openBasis: '《重庆市公共数据开放管理暂行办法》',
  openMethods: ['api' as const],
};

async function call(session: TestSession, method: 'POST' | 'PUT', url: string, payload: object) {
  const response = await t.app.inject({ method, url: `/api/v1${url}`, headers: session.write, payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}
const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });

/** Submits a department's changes, has the authority approve them all, and publishes a version. */
async function publish(session: TestSession, body: { resourceIds: string[]; removals?: object[] }) {
  const submission = await call(session, 'POST', '/catalog/submissions', body);
  await call(authority, 'POST', `/catalog/submissions/${submission.id}/decisions`, {
    decisions: submission.entries.map((e: { id: string }) => ({ entryId: e.id, decision: 'approved' })),
  });
  return call(authority, 'POST', '/catalog/versions', {});
}

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  themeClass = await classIdOf(t.database.db, '201');
  [buses, stations, permits] = (await publishResources(t, [
    { name: '公交线路信息' },
    { name: '治安卡口点位信息', ...closedOverrides, updateCycle: 'yearly' },
    { name: '户外活动许可信息', ...conditionalOverrides },
  ])) as [typeof buses, typeof stations, typeof permits];
  [police, market, authority] = await Promise.all([
    login(t.app, 'police.officer', 'Test-password-1'),
    login(t.app, 'market.officer', 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
  ]);
  licences = await call(
    market,
    'POST',
    '/catalog/resources',
    resourceInput(themeClass, { name: '食品经营许可证信息', keywords: ['食品', '许可'] }),
  );
  await publish(market, { resourceIds: [licences.id] });
});
afterAll(() => t.close());

describe('responsibility lists derived from the published catalog [CQ19 §13, CQO §16]', () => {
  it('lists a department’s collection duties: every published resource with update cycle and key items', async () => {
    const response = await get(police, '/catalog/duties?kind=collect');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ kind: 'collect', total: 3 });
    expect(body.items.map((d: { code: string }) => d.code).sort()).toEqual(
      [buses.code, stations.code, permits.code].sort(),
    );
    const bus = body.items.find((d: { code: string }) => d.code === buses.code);
    expect(bus).toMatchObject({
      name: '公交线路信息',
      department: { id: world.police.id, name: '市公安局' },
      updateCycle: 'monthly',
      keyItems: [{ name: '线路编号', fieldName: 'xlbh', isKey: true }],
      versionNumber: 1,
      fulfilment: { dataUpdatedAt: null },
    });
  });

  it('lists open duties: only unconditionally and conditionally open resources, with open methods', async () => {
    const body = (await get(police, '/catalog/duties?kind=open')).json();
    const byCode = new Map(body.items.map((d: { code: string }) => [d.code, d]));
    expect([...byCode.keys()].sort()).toEqual([buses.code, permits.code].sort());
    expect(byCode.get(permits.code)).toMatchObject({
      openType: 'conditional',
      openMethods: ['api'],
      openCondition: '签订数据利用协议',
    });
    expect(byCode.get(buses.code)).toMatchObject({
      openType: 'unconditional',
      openMethods: ['download', 'api'],
    });
  });

  it('shows the last data load once there is one (the pools will record it)', async () => {
    await t.database.db
      .updateTable('catalog_resources')
      .set({ data_updated_at: new Date('2026-01-05T02:00:00Z') })
      .where('id', '=', buses.id)
      .execute();
    const body = (await get(police, `/catalog/duties?departmentId=${world.police.id}`)).json();
    const bus = body.items.find((d: { code: string }) => d.code === buses.code);
    expect(bus.fulfilment).toEqual({ dataUpdatedAt: '2026-01-05T02:00:00.000Z' });
  });

  it('keeps departments to their own lists; the authority sees its region, page by page', async () => {
    expect((await get(police, `/catalog/duties?departmentId=${world.market.id}`)).statusCode).toBe(403);
    const own = (await get(market, '/catalog/duties')).json();
    expect(own.items.map((d: { code: string }) => d.code)).toEqual([licences.code]);
    const all = (await get(authority, '/catalog/duties?pageSize=2')).json();
    expect(all).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(all.items).toHaveLength(2);
    const second = (await get(authority, '/catalog/duties?pageSize=2&page=2')).json();
    const codes = [...all.items, ...second.items].map((d: { code: string }) => d.code);
    expect(new Set(codes).size).toBe(4);
    const onlyMarket = (
      await get(authority, `/catalog/duties?departmentId=${world.market.id}&kind=open`)
    ).json();
    expect(onlyMarket.total).toBe(1);
    const bad = await get(authority, '/catalog/duties?kind=everything');
    expect(bad.statusCode).toBe(400);
  });
});

describe('what each catalog version changed in the duty lists', () => {
  it('reports the first version’s duties as added, per department', async () => {
    const body = (await get(authority, '/catalog/duties/changes?version=1')).json();
    expect(body.version).toBe(1);
    expect(body.departments).toHaveLength(1);
    const [police1] = body.departments;
    expect(police1.department).toEqual({ id: world.police.id, name: '市公安局' });
    expect(police1.collect.added).toHaveLength(3);
    expect(police1.open.added.map((d: { code: string }) => d.code).sort()).toEqual(
      [buses.code, permits.code].sort(),
    );
    expect(police1.collect.removed).toEqual([]);
  });

  it('follows a version that changes a cycle, opens one resource and removes another', async () => {
    const edit = (name: string, overrides: Partial<ResourceInput>) =>
      resourceInput(themeClass, { name, ...overrides });
    await call(
      police,
      'PUT',
      `/catalog/resources/${buses.id}/draft`,
      edit('公交线路信息', { updateCycle: 'daily' }),
    );
    await call(
      police,
      'PUT',
      `/catalog/resources/${stations.id}/draft`,
      edit('治安卡口点位信息', { updateCycle: 'yearly', openMethods: ['download'] }),
    );
    const version = await publish(police, {
      resourceIds: [buses.id, stations.id],
      removals: [{ resourceId: permits.id, note: '职能划转' }],
    });
    const response = await get(police, '/catalog/duties/changes');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.version).toBe(3);
    expect(version.number).toBe(3);
    const [changes] = body.departments;
    const codes = (list: { code: string }[]) => list.map((d) => d.code);
    expect(codes(changes.collect.added)).toEqual([]);
    expect(changes.collect.changed).toEqual([
      expect.objectContaining({ code: buses.code, updateCycle: 'daily', fields: ['updateCycle'] }),
    ]);
    expect(codes(changes.collect.removed)).toEqual([permits.code]);
    expect(codes(changes.open.added)).toEqual([stations.code]);
    expect(changes.open.added[0]).toMatchObject({ openType: 'unconditional', openMethods: ['download'] });
    expect(codes(changes.open.removed)).toEqual([permits.code]);
    // The lists themselves follow at once.
    const open = (await get(police, '/catalog/duties?kind=open')).json();
    expect(open.items.map((d: { code: string }) => d.code).sort()).toEqual(
      [buses.code, stations.code].sort(),
    );
  });

  it('shows other departments nothing of it, and 404 for a version that does not exist', async () => {
    const body = (await get(market, '/catalog/duties/changes')).json();
    expect(body.departments).toEqual([]);
    expect((await get(market, '/catalog/duties/changes?version=2')).json().departments).toHaveLength(1);
    expect((await get(authority, '/catalog/duties/changes?version=99')).statusCode).toBe(404);
  });

  it('records each read on the audit trail', async () => {
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['catalog.duty.list', 'catalog.duty.changes'])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });
});
