import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { classIdOf, publishResources, resourceInput } from '../../catalog/catalog.factories.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { linesCsv, portalWorld } from './portal.fixtures.ts';
import { countOpenUse } from './usage.repository.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
});
afterAll(() => t.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { host: 'open.example.gov.cn', ...headers } });
const home = async () => {
  const response = await get('/api/v1/open/home');
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const use = (resourceId: string, kind: 'download' | 'api', rows: number, times = 1) =>
  t.database.db.transaction().execute(async (trx) => {
    for (let i = 0; i < times; i++) await countOpenUse(trx, resourceId, kind, rows);
  });
const ids = (cards: { id: string }[]) => cards.map((card) => card.id);

describe('GET /open/home', () => {
  it('counts the open catalog: datasets, providers, records in their pools, themes and departments', async () => {
    const body = await home();
    const { ids: sample } = world;
    // bus, companies (conditional), air and the loaded bus lines; never the census (not open).
    expect(body.counts).toEqual({ datasets: 4, departments: 2, downloads: 0, apiCalls: 0, records: 30 });
    expect(ids(body.newest)).toEqual([world.lines.id, sample.air, sample.companies, sample.bus]);
    expect(JSON.stringify(body)).not.toContain(sample.census);
    expect(body.themes).toEqual([
      { code: '201', name: '公共服务', kind: 'theme', count: 3 },
      { code: '102', name: '法人单位信息', kind: 'base', count: 1 },
    ]);
    expect(body.departments.map((d: { count: number }) => d.count)).toEqual([2, 2]);
    expect(body.newest[0]).toEqual({
      id: world.lines.id,
      code: world.lines.code,
      name: '公交线路运营信息',
      abstract: '全市公交线路的编号、名称、所属区县、开线日期和是否夜班线，按月更新。',
      provider: { id: world.world.police.id, name: world.world.police.name },
      openType: 'unconditional',
      formats: ['CSV', 'XLSX'],
      modifiedAt: expect.any(String),
      downloads: 0,
      apiCalls: 0,
    });
    // Nothing used yet: the most used are the newest.
    expect(ids(body.popular)).toEqual(ids(body.newest));
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'target_type'])
      .where('action', '=', 'open.portal.home.read')
      .execute();
    expect(audit.at(-1)).toEqual({ actor_type: 'anonymous', target_type: 'open_catalog' });
  });

  it('changes when a dataset is published and when data is used', async () => {
    const before = await home();
    const [stops] = await publishResources(t, [{ name: '公交站点信息', classCode: '201' }]);
    const [pending] = await publishResources(t, [{ name: '待审查的资源' }], 'police.officer', {
      review: false,
    });
    await use(world.ids.air, 'download', 100, 3);
    await use(world.ids.companies, 'api', 20, 2);
    await use(world.ids.census, 'download', 5); // counted by whoever served it, not shown as a card

    const after = await home();
    expect(after.counts).toEqual({
      ...before.counts,
      datasets: before.counts.datasets + 1,
      downloads: 4,
      apiCalls: 2,
    });
    expect(ids(after.newest)[0]).toBe(stops!.id);
    expect(ids(after.newest)).not.toContain(pending!.id);
    expect(ids(after.popular).slice(0, 2)).toEqual([world.ids.air, world.ids.companies]);
    expect(ids(after.popular)).not.toContain(world.ids.census);
    expect(new Set(ids(after.popular)).size).toBe(after.popular.length);
    const air = after.popular[0];
    expect([air.downloads, air.apiCalls]).toEqual([3, 0]);
  });
});

describe('GET /open/datasets/:id', () => {
  it('shows an open dataset with loaded data: metadata, access points, quality and update history', async () => {
    const response = await get(`/api/v1/open/datasets/${world.lines.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json();
    expect(page).toMatchObject({
      id: world.lines.id,
      code: world.lines.code,
      name: '公交线路运营信息',
      openType: 'unconditional',
      provider: { id: world.world.police.id },
      landingPage: `http://open.example.gov.cn/open/datasets/${world.lines.id}`,
      history: {
        records: 30,
        versions: 1,
        batches: [{ version: 1, mode: 'replace', rows: 30, replaced: 0 }],
      },
      usage: { downloads: 0, apiCalls: 0 },
    });
    expect(page.classPath.map((c: { code: string }) => c.code)).toEqual(['2', '201']);
    expect(page.items.map((i: { fieldName: string }) => i.fieldName)).toEqual([
      'xlbh',
      'xlmc',
      'ssqx',
      'kxrq',
      'sfyb',
    ]);
    expect(page.accessPoints.map((p: { key: string }) => p.key)).toEqual([
      'download-csv',
      'download-xlsx',
      'api',
    ]);
    expect(page.quality).toMatchObject({ rows: 30, examinedRows: 30, sampled: false, overdue: false });
    expect(page.quality.score).toBeGreaterThan(0);
    // Related: others of the same 项 (公共服务), those of the very same class first.
    expect(ids(page.related)).toContain(world.ids.air);
    // Never who loaded, nor what only government sees.
    for (const hidden of ['police.officer', 'actor', 'sensitivity', 'shareType', 'securityLevel', 'share_'])
      expect(response.body).not.toContain(hidden);
  });

  it('follows a new load: another version in the history, quality measured again', async () => {
    const second = await upload(t, world.police, world.lines.id, linesCsv('M'), 'wait=true&mode=upsert');
    expect(second.json().state, second.body).toBe('loaded');
    const page = (await get(`/api/v1/open/datasets/${world.lines.id}`)).json();
    expect(page.history.versions).toBe(2);
    expect(page.history.batches.map((b: { version: number }) => b.version)).toEqual([2, 1]);
    expect(page.quality.rows).toBe(60);
    expect(page.history.records).toBe(60);
  });

  it('shows a conditionally open dataset with its condition and related datasets that are open', async () => {
    const page = (await get(`/api/v1/open/datasets/${world.ids.companies}`)).json();
    expect(page).toMatchObject({
      openType: 'conditional',
      openCondition: '仅向完成实名认证的法人开放',
      openBasis: '《重庆市公共数据开放管理暂行办法》第十三条',
      quality: null,
      history: { records: 0, versions: 0, batches: [] },
    });
    expect(page.accessPoints.map((p: { key: string }) => p.key)).toEqual(['api', 'model']);
    expect(ids(page.related)[0]).toBe(world.ids.bus);
    // The bus lines name the census (not open) as related: it is left out of the cards.
    const bus = (await get(`/api/v1/open/datasets/${world.ids.bus}`)).json();
    expect(ids(bus.related).slice(0, 1)).toEqual([world.ids.companies]);
    expect(ids(bus.related)).not.toContain(world.ids.census);
  });

  it('is 404 problem+json, in the caller’s language, for what is not open, not published or unknown', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/catalog/resources',
      headers: world.police.write,
      payload: resourceInput(await classIdOf(t.database.db, '201'), { name: '只有草稿的资源' }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const [pending] = await publishResources(t, [{ name: '未通过审查的资源' }], 'police.officer', {
      review: false,
    });
    const missing = [
      world.ids.census,
      created.json().id as string,
      pending!.id,
      '00000000-0000-4000-8000-000000000000',
      'not-a-uuid',
      "1' OR '1'='1",
    ];
    for (const id of missing) {
      for (const path of ['', '/chart']) {
        const response = await get(`/api/v1/open/datasets/${encodeURIComponent(id)}${path}`);
        expect(response.statusCode, `${id}${path}`).toBe(404);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().detail ?? response.json().title).toContain('开放目录');
      }
    }
    const english = await get(`/api/v1/open/datasets/${world.ids.census}`, { 'accept-language': 'en' });
    expect(JSON.stringify(english.json())).toContain('No such open dataset');
    expect(english.body).not.toContain('户籍');
  });
});

describe('sort=newest|popular on GET /open-catalog/datasets', () => {
  it('orders the open catalog by first publication and by use in the window', async () => {
    const newest = (await get('/api/v1/open-catalog/datasets?sort=newest&pageSize=50')).json();
    const published = newest.items.map((e: { publishedAt: string }) => e.publishedAt);
    expect(published).toEqual([...published].sort().reverse());
    const popular = (await get('/api/v1/open-catalog/datasets?sort=popular&pageSize=3')).json();
    expect(popular.items.map((e: { resourceId: string }) => e.resourceId).slice(0, 2)).toEqual([
      world.ids.air,
      world.ids.companies,
    ]);
    const share = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/entries?sort=popular',
      headers: world.police.read,
    });
    expect(share.statusCode).toBe(400);
  });
});
