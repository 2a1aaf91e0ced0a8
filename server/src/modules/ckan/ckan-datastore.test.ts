import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { publishResources } from '../catalog/catalog.factories.ts';
import { registerPublicUser, type RegisteredUser } from '../opening/accounts/accounts.fixtures.ts';
import {
  LINES_BY_DISTRICT,
  lineItems,
  linesCsv,
  portalWorld,
  setMasking,
} from '../opening/portal/portal.fixtures.ts';
import { upload } from '../pools/pools.fixtures.ts';

// datastore_search serves the rows of an unconditionally open dataset exactly as the open-data
// records API does: to identity-authenticated users only, masked, audited and counted.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let citizen: RegisteredUser;
let unverified: TestSession;
let key: string;
let conditional: { id: string };
let downloadOnly: { id: string };
const ROWS = Object.values(LINES_BY_DISTRICT).reduce((sum, n) => sum + n, 0);

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000 } });
  world = await portalWorld(t);
  await setMasking(t, world.police, world.lines.id, 'xlmc', { kind: 'null' });
  citizen = await registerPublicUser(t.app);
  const { password } = await createUser(t.database.db, { role: 'public_user', username: 'ckan.no.identity' });
  unverified = await login(t.app, 'ckan.no.identity', password);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/open/me/keys',
    headers: citizen.session.write,
    payload: { name: 'CKAN 客户端' },
  });
  expect(created.statusCode, created.body).toBe(201);
  key = (created.json() as { key: string }).key;
  // A conditionally open copy and a download-only copy of the bus lines, both with rows.
  const published = await publishResources(t, [
    {
      name: '公交线路运营信息（有条件开放）',
      items: lineItems,
      openType: 'conditional',
      openCondition: '仅限科研用途',
      openBasis: '《重庆市公共数据开放管理暂行办法》第十三条',
    },
    { name: '公交线路运营信息（仅下载）', items: lineItems, openMethods: ['download'] },
  ]);
  [conditional, downloadOnly] = [published[0]!, published[1]!];
  for (const [resource, prefix] of [
    [conditional, 'C'],
    [downloadOnly, 'D'],
  ] as const) {
    const loaded = await upload(t, world.police, resource.id, linesCsv(prefix));
    expect(loaded.json().state, loaded.body).toBe('loaded');
  }
});
afterAll(() => t.close());

interface Field {
  id: string;
  type: string;
  info: { label: string };
}
interface Result {
  resource_id: string;
  fields: Field[];
  records: Record<string, unknown>[];
  total: number;
  limit: number;
  offset: number;
  sort?: string;
  filters?: Record<string, unknown>;
  _links: { start: string; next: string };
}
interface Envelope {
  success: boolean;
  result?: Result;
  error?: { __type: string; message?: string; [field: string]: unknown };
}

type Caller = TestSession | { authorization: string } | null;
const headersOf = (caller: Caller, write = false): Record<string, string> =>
  caller === null ? {} : 'authorization' in caller ? caller : write ? caller.write : caller.read;

/** A GET as curl sends it. */
async function search(query: string, caller: Caller = citizen.session, locale = 'en') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/3/action/datastore_search?${query}`,
    headers: { ...headersOf(caller), 'accept-language': locale },
  });
  return { status: response.statusCode, body: response.json() as Envelope };
}

/** A POST with a JSON object, as ckanapi sends it. */
async function post(params: Record<string, unknown>, caller: Caller = citizen.session) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/3/action/datastore_search',
    headers: { ...headersOf(caller, true), 'content-type': 'application/json', 'accept-language': 'en' },
    payload: JSON.stringify(params),
  });
  return { status: response.statusCode, body: response.json() as Envelope };
}

const rows = async (params: Record<string, unknown>) => {
  const response = await post({ resource_id: world.lines.id, ...params });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.result!;
};

/** What the records API serves for the same dataset (query string of /records). */
async function recordsApi(query: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/open/datasets/${world.lines.id}/records?${query}`,
    headers: citizen.session.read,
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { items: Record<string, unknown>[] }).items;
}

const events = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'actor_name', 'detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('who gets rows', () => {
  it('refuses the anonymous and a user without an authenticated identity with a 403 Authorization Error', async () => {
    for (const caller of [null, unverified]) {
      const { status, body } = await search(`resource_id=${world.lines.id}`, caller);
      expect(status).toBe(403);
      expect(body).toMatchObject({
        success: false,
        error: {
          __type: 'Authorization Error',
          message: expect.stringMatching(/^Access denied: .*identity-authenticated/),
        },
      });
    }
    const chinese = await search(`resource_id=${world.lines.id}`, null, 'zh-CN');
    expect(chinese.body.error!.message).toContain('实名认证');
    expect((await events('ckan.datastore.search')).at(-1)).toMatchObject({ outcome: 'denied' });
    expect((await events('open.data.query')).at(-1)).toMatchObject({ outcome: 'denied' });
  });

  it('refuses a department’s staff (not a public user) the same way', async () => {
    const { status, body } = await search(`resource_id=${world.lines.id}`, world.police);
    expect(status).toBe(403);
    expect(body.error!.__type).toBe('Authorization Error');
  });

  it('refuses conditionally open data: it needs an application and an agreement', async () => {
    const { status, body } = await search(`resource_id=${conditional.id}`);
    expect(status).toBe(403);
    expect(body.error).toEqual({
      __type: 'Authorization Error',
      message:
        'Access denied: dataset "公交线路运营信息（有条件开放）" is open on conditions; apply and sign a data usage agreement to get it',
    });
    expect(
      (await search(`resource_id=${conditional.id}`, citizen.session, 'zh-CN')).body.error!.message,
    ).toContain('有条件开放');
  });

  it('answers Not Found for an unknown, closed or data-less resource before asking who calls', async () => {
    for (const id of [
      '00000000-0000-4000-8000-000000000000',
      world.ids.census,
      `${world.lines.id}-nope`,
      world.ids.bus,
      downloadOnly.id,
    ]) {
      for (const caller of [null, citizen.session]) {
        const { status, body } = await search(`resource_id=${encodeURIComponent(id)}`, caller);
        expect({ id, status }).toEqual({ id, status: 404 });
        expect(body.error!.__type).toBe('Not Found Error');
      }
    }
  });
});

describe('the rows', () => {
  it('serves a verified user’s session the records API’s rows, masked, with CKAN’s fields and links', async () => {
    const { status, body } = await search(`resource_id=${world.lines.id}`);
    expect(status).toBe(200);
    const result = body.result!;
    expect(result.records).toEqual(await recordsApi('limit=100'));
    expect(result.records).toHaveLength(ROWS);
    expect(result.records[0]).toEqual({
      xlbh: 'L001',
      xlmc: null,
      ssqx: '渝中区',
      kxrq: '2020-01-15',
      sfyb: true,
    });
    expect(result).toMatchObject({
      resource_id: world.lines.id,
      total: ROWS,
      limit: t.app.platform.profile.opening.api.defaultPageSize,
      offset: 0,
      records_format: 'objects',
      include_total: true,
      total_was_estimated: false,
    });
    expect(result.fields).toEqual([
      { id: 'xlbh', type: 'text', info: { label: '线路编号' } },
      { id: 'xlmc', type: 'text', info: { label: '线路名称' } },
      { id: 'ssqx', type: 'text', info: { label: '所属区县' } },
      { id: 'kxrq', type: 'date', info: { label: '开线日期' } },
      { id: 'sfyb', type: 'bool', info: { label: '是否夜班线' } },
    ]);
    expect(result._links).toEqual({
      start: `/api/3/action/datastore_search?resource_id=${world.lines.id}`,
      next: `/api/3/action/datastore_search?resource_id=${world.lines.id}&offset=100`,
    });
  });

  it('answers a personal API key sent bare (as CKAN clients send it) or as Bearer, audited and counted', async () => {
    const totals = () =>
      t.database.db
        .selectFrom('open_usage_totals')
        .select('api_calls')
        .where('resource_id', '=', world.lines.id)
        .executeTakeFirst();
    const before = (await totals())?.api_calls ?? 0;
    const bare = await post({ resource_id: `${world.lines.id}-api`, limit: 5 }, { authorization: key });
    expect(bare.status, JSON.stringify(bare.body)).toBe(200);
    const bearer = await search(`resource_id=${world.lines.id}&limit=5`, { authorization: `Bearer ${key}` });
    expect(bearer.status).toBe(200);
    expect(bare.body.result!.records).toEqual(bearer.body.result!.records);
    expect(bare.body.result!.resource_id).toBe(`${world.lines.id}-api`);
    expect((await totals())?.api_calls).toBe(before + 2);
    const audit = (await events('open.data.query')).at(-1)!;
    expect(audit).toMatchObject({ outcome: 'success', actor_name: citizen.username });
    expect(audit.detail).toMatchObject({ count: 5, total: ROWS, datasetId: world.lines.id });
    expect((await events('ckan.datastore.search')).at(-1)).toMatchObject({
      outcome: 'success',
      detail: { returned: 5 },
    });
    // A wrong bare key is refused; other routes still want `Bearer`.
    expect((await search(`resource_id=${world.lines.id}`, { authorization: 'zsk_wrong' })).status).toBe(401);
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open/datasets/${world.lines.id}/records`,
      headers: { authorization: key },
    });
    expect(elsewhere.statusCode).toBe(401);
    expect(bare.body.result!.records).toEqual(await recordsApi('limit=5'));
  });

  it('filters by equality and by a list of values, with the matching total', async () => {
    const one = await rows({ filters: { ssqx: '渝中区' } });
    expect(one.total).toBe(LINES_BY_DISTRICT['渝中区']);
    expect(one.records).toEqual(await recordsApi(`ssqx=eq.${encodeURIComponent('渝中区')}`));
    expect(one.filters).toEqual({ ssqx: ['渝中区'] });
    const two = await rows({ filters: { ssqx: ['渝中区', '南岸区'] }, limit: 3 });
    expect(two.total).toBe(LINES_BY_DISTRICT['渝中区'] + LINES_BY_DISTRICT['南岸区']);
    expect(two.records).toHaveLength(3);
    const typed = await rows({ filters: { sfyb: true, kxrq: '2020-01-15' } });
    expect(typed.records.every((r) => r.sfyb === true && r.kxrq === '2020-01-15')).toBe(true);
    expect(typed.total).toBe(typed.records.length);
    // GET sends filters as JSON text.
    const get = await search(
      `resource_id=${world.lines.id}&filters=${encodeURIComponent(JSON.stringify({ ssqx: '沙坪坝区' }))}`,
    );
    expect(get.body.result!.total).toBe(LINES_BY_DISTRICT['沙坪坝区']);
  });

  it('pages by offset through every row, following _links.next', async () => {
    const seen: unknown[] = [];
    let url = `resource_id=${world.lines.id}&limit=12`;
    for (let i = 0; i < 5; i++) {
      const { body } = await search(url);
      const result = body.result!;
      expect(result.total).toBe(ROWS);
      if (result.records.length === 0) break;
      seen.push(...result.records);
      url = result._links.next.split('?')[1]!;
    }
    expect(seen).toEqual(await recordsApi('limit=100'));
    const past = await rows({ offset: 1000 });
    expect(past).toMatchObject({ records: [], total: ROWS, offset: 1000 });
  });

  it('returns the fields asked for, sorts on unmasked items and cuts the limit to the profile’s maximum', async () => {
    const some = await rows({ fields: ['ssqx', 'xlbh'], limit: 2 });
    expect(some.fields.map((f) => f.id)).toEqual(['xlbh', 'ssqx']);
    expect(some.records).toEqual([
      { xlbh: 'L001', ssqx: '渝中区' },
      { xlbh: 'L002', ssqx: '渝中区' },
    ]);
    expect((await rows({ fields: 'xlbh,kxrq', limit: 1 })).records).toEqual([
      { xlbh: 'L001', kxrq: '2020-01-15' },
    ]);
    const desc = await rows({ sort: 'xlbh desc', limit: 2, fields: ['xlbh'] });
    expect(desc.records).toEqual([{ xlbh: `L0${ROWS}` }, { xlbh: `L0${ROWS - 1}` }]);
    expect(desc.sort).toBe('xlbh desc');
    // Two keys: each district's rows together (in the database's collation), numbers descending within.
    const two = await rows({ sort: 'ssqx asc, xlbh desc', fields: ['xlbh', 'ssqx'] });
    const districts = two.records.map((r) => String(r.ssqx)).filter((d, i, all) => d !== all[i - 1]);
    expect(districts).toHaveLength(Object.keys(LINES_BY_DISTRICT).length);
    for (const district of districts) {
      const numbers = two.records.filter((r) => r.ssqx === district).map((r) => String(r.xlbh));
      expect(numbers).toEqual([...numbers].sort().reverse());
    }
    const reverse = await rows({ sort: '_id desc', limit: 1, fields: ['xlbh'] });
    expect(reverse.records).toEqual([{ xlbh: `L0${ROWS}` }]);
    const max = t.app.platform.profile.opening.api.maxPageSize;
    const capped = await rows({ limit: max * 10 });
    expect(capped.limit).toBe(max);
    expect(capped.records).toHaveLength(ROWS);
    const none = await rows({ limit: 0 });
    expect(none).toMatchObject({ records: [], total: ROWS, limit: 0 });
  });
});

describe('refused parameters', () => {
  it('refuses filters and sorting on a masked item: matching or ordering would reveal its values', async () => {
    const filter = await post({ resource_id: world.lines.id, filters: { xlmc: '渝中区1路' } });
    expect(filter.status).toBe(409);
    expect(filter.body.error).toEqual({
      __type: 'Validation Error',
      filters: ['Item xlmc is masked and cannot be used as a filter'],
    });
    const sort = await post({ resource_id: world.lines.id, sort: 'xlmc asc' });
    expect(sort.status).toBe(409);
    expect(sort.body.error).toEqual({
      __type: 'Validation Error',
      sort: ['Item xlmc is masked and cannot be sorted on'],
    });
  });

  it('refuses full-text q, unknown fields, wrong values and unreadable parameters with Validation Errors', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ q: '渝中区' }, 'q'],
      [{ q: { ssqx: '渝中' } }, 'q'],
      [{ full_text: '渝中区' }, 'full_text'],
      [{ distinct: true }, 'distinct'],
      [{ records_format: 'csv' }, 'records_format'],
      [{ fields: ['xlbh', 'nope'] }, 'fields'],
      [{ filters: { nope: 'x' } }, 'filters'],
      [{ filters: { kxrq: 'yesterday' } }, 'filters'],
      [{ filters: { ssqx: [] } }, 'filters'],
      [{ filters: { ssqx: { op: 'like' } } }, 'filters'],
      [{ filters: '["x"]' }, 'filters'],
      [{ sort: 'nope desc' }, 'sort'],
      [{ sort: 'xlbh sideways' }, 'sort'],
      [{ limit: -1 }, 'limit'],
      [{ offset: 'ten' }, 'offset'],
    ];
    for (const [params, field] of cases) {
      const { status, body } = await post({ resource_id: world.lines.id, ...params });
      expect({ params, status }).toEqual({ params, status: 409 });
      expect(body.error!.__type).toBe('Validation Error');
      expect(Object.keys(body.error!)).toEqual(['__type', field]);
    }
    const empty = await rows({ q: '', limit: 1 });
    expect(empty.records).toHaveLength(1);
    const chinese = await search(`resource_id=${world.lines.id}&q=x`, citizen.session, 'zh-CN');
    expect(chinese.body.error).toEqual({
      __type: 'Validation Error',
      q: ['不支持对数据行的全文检索，请用 filters 按字段精确匹配'],
    });
  });
});

describe('datastore_active', () => {
  interface Pkg {
    id: string;
    resources: { id: string; datastore_active: boolean }[];
  }
  const show = async (id: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/3/action/package_show?id=${id}` });
    return (response.json() as { result: Pkg }).result;
  };
  const flags = (pkg: Pkg) => [...new Set(pkg.resources.map((r) => r.datastore_active))];

  it('is true on the resources of open datasets with pool rows and the API, false otherwise', async () => {
    expect(flags(await show(world.lines.id))).toEqual([true]);
    expect(flags(await show(conditional.id))).toEqual([true]);
    expect(flags(await show(downloadOnly.id))).toEqual([false]);
    expect(flags(await show(world.ids.bus))).toEqual([false]);
    const lines = await show(world.lines.id);
    const resource = await t.app.inject({
      method: 'GET',
      url: `/api/3/action/resource_show?id=${lines.resources[0]!.id}`,
    });
    expect(resource.json().result.datastore_active).toBe(true);
    const found = await t.app.inject({ method: 'GET', url: '/api/3/action/package_search?rows=100' });
    const results = (found.json() as { result: { results: Pkg[] } }).result.results;
    const active = results.filter((pkg) => flags(pkg)[0] === true).map((pkg) => pkg.id);
    expect(active.sort()).toEqual([world.lines.id, conditional.id].sort());
  });
});
