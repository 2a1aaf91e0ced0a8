import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { createTestApp } from '../../test/test-app.ts';
import { SAMPLE, seedOpenCatalog } from '../dcat/open-catalog.fixtures.ts';

let t: TestApp;
let seeded: Awaited<ReturnType<typeof seedOpenCatalog>>;
const host = { host: 'data.example.gov.cn' };

beforeAll(async () => {
  t = await createTestApp();
  seeded = await seedOpenCatalog(t.database.db);
});
afterAll(() => t.close());

interface Envelope {
  help: string;
  success: boolean;
  result?: unknown;
  error?: { __type: string; message?: string; [field: string]: unknown };
}

/** A GET as a browser or curl sends it. */
async function get(action: string, query = '', headers: Record<string, string> = {}) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/3/action/${action}${query ? `?${query}` : ''}`,
    headers: { ...host, ...headers },
  });
  return { status: response.statusCode, body: response.json() as Envelope, headers: response.headers };
}

/**
 * What a CKAN client library (ckanapi's RemoteCKAN) does: POST the parameters as JSON, raise on
 * `success: false` with the error's `__type`, and hand back `result`.
 */
async function ckan<T>(action: string, params: Record<string, unknown> = {}): Promise<T> {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/3/action/${action}`,
    headers: { ...host, 'content-type': 'application/json' },
    payload: JSON.stringify(params),
  });
  const body = response.json() as Envelope;
  if (!body.success) throw new Error(`${body.error?.__type}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

interface Package {
  id: string;
  name: string;
  title: string;
  organization: { name: string; title: string };
  tags: { name: string }[];
  groups: { name: string }[];
  resources: { id: string; format: string; url: string; package_id: string; datastore_active: boolean }[];
  extras: { key: string; value: string }[];
  metadata_modified: string;
  [key: string]: unknown;
}
interface SearchResult {
  count: number;
  sort: string;
  results: Package[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<
    string,
    { title: string; items: { name: string; display_name: string; count: number }[] }
  >;
}

const names = (packages: Package[]) => packages.map((p) => p.name);
const police = () => seeded.world.police.credit_code.toLowerCase();
const market = () => seeded.world.market.credit_code.toLowerCase();

describe('package_list and package_show', () => {
  it('lists the open datasets by CKAN name, never the closed one', async () => {
    const { status, body, headers } = await get('package_list');
    expect(status).toBe(200);
    expect(headers['content-type']).toMatch(/^application\/json/);
    expect(body).toEqual({
      help: 'http://data.example.gov.cn/api/3/action/help_show?name=package_list',
      success: true,
      result: ['zs-102-000002', 'zs-201-000004', 'zs-201001-000001'],
    });
    expect((await get('package_list', 'limit=1&offset=1')).body.result).toEqual(['zs-201-000004']);
  });

  it('shows a package by id, by name or by resource code, with CKAN field names', async () => {
    const byName = await ckan<Package>('package_show', { id: 'zs-201001-000001' });
    expect(await ckan<Package>('package_show', { id: SAMPLE.bus })).toEqual(byName);
    expect(await ckan<Package>('package_show', { id: seeded.ids.bus })).toEqual(byName);
    expect(byName).toMatchObject({
      id: seeded.ids.bus,
      name: 'zs-201001-000001',
      title: '公交线路信息',
      notes: '全市公交线路的线路名称、起讫站点、首末班时间和票价。',
      author: '市公安局',
      maintainer: '市公安局数据处',
      maintainer_email: 'data@police.example.gov.cn',
      owner_org: seeded.world.police.id,
      organization: { id: seeded.world.police.id, name: police(), title: '市公安局', is_organization: true },
      state: 'active',
      type: 'dataset',
      private: false,
      num_resources: 3,
      num_tags: 2,
      metadata_created: '2024-01-10T02:00:00.000000',
      metadata_modified: '2024-05-01T02:00:00.000000',
    });
    expect(byName.tags.map((tag) => tag.name)).toEqual(['公交', '线路']);
    expect(byName.groups.map((group) => group.name)).toEqual(['class-2', 'class-201', 'class-201001']);
    expect(byName.resources.map((r) => [r.format, r.url])).toEqual([
      ['CSV', `http://data.example.gov.cn/api/v1/open/datasets/${seeded.ids.bus}/download?format=csv`],
      ['XLSX', `http://data.example.gov.cn/api/v1/open/datasets/${seeded.ids.bus}/download?format=xlsx`],
      ['API', `http://data.example.gov.cn/api/v1/open/datasets/${seeded.ids.bus}/records`],
    ]);
    const extras = Object.fromEntries(byName.extras.map((e) => [e.key, e.value]));
    expect(extras).toMatchObject({
      resource_code: SAMPLE.bus,
      open_type: 'unconditional',
      open_type_name: '无条件开放',
      update_cycle: 'monthly',
      classification: '2 主题信息资源 / 201 公共服务 / 201001 公交出行',
      related_resources: SAMPLE.companies,
      temporal_start: '2020-01-01',
    });
    expect(JSON.parse(extras.information_items!)).toEqual([
      { name: '统一编号', field: 'tybh', type: 'C', length: 32, description: '记录的唯一编号' },
      { name: '联系人身份证号', field: 'lxrsfzh', type: 'C', length: 18, description: null },
    ]);
  });

  it('reveals nothing of share types, security levels or item sensitivity', async () => {
    const text = JSON.stringify(await ckan('package_show', { id: SAMPLE.bus }));
    for (const hidden of ['共享', 'important', 'sensitive', 'share', 'security', SAMPLE.census]) {
      expect(text).not.toContain(hidden);
    }
  });

  it('answers CKAN 404 envelopes for a closed or unknown dataset and 409 for a missing id', async () => {
    for (const id of [SAMPLE.census, 'zs-101-000003', seeded.ids.census, 'nothing-here']) {
      const { status, body } = await get('package_show', `id=${encodeURIComponent(id)}`, {
        'accept-language': 'en',
      });
      expect(status).toBe(404);
      expect(body).toEqual({
        help: 'http://data.example.gov.cn/api/3/action/help_show?name=package_show',
        success: false,
        error: { __type: 'Not Found Error', message: `Not found: no open dataset ${id}` },
      });
    }
    const missing = await get('package_show', '', { 'accept-language': 'en' });
    expect(missing.status).toBe(409);
    expect(missing.body.error).toEqual({ __type: 'Validation Error', id: ['Missing value'] });
  });
});

describe('package_search', () => {
  it('returns count, results and facets as CKAN clients read them', async () => {
    const result = await ckan<SearchResult>('package_search', {
      'facet.field': JSON.stringify(['organization', 'tags', 'res_format', 'groups', 'license_id']),
      sort: 'name asc',
    });
    expect(result.count).toBe(3);
    expect(result.sort).toBe('name asc');
    expect(names(result.results)).toEqual(['zs-102-000002', 'zs-201-000004', 'zs-201001-000001']);
    expect(result.facets.organization).toEqual({ [market()]: 2, [police()]: 1 });
    expect(result.search_facets.organization!.items).toEqual([
      { name: market(), display_name: '市市场监管局', count: 2 },
      { name: police(), display_name: '市公安局', count: 1 },
    ]);
    expect(result.facets.res_format).toEqual({ API: 2, CSV: 1, XLSX: 1 });
    expect(result.facets.groups).toEqual({
      'class-2': 2,
      'class-201': 2,
      'class-1': 1,
      'class-102': 1,
      'class-201001': 1,
    });
    expect(Object.keys(result.facets.tags!).sort()).toEqual(
      ['企业', '公交', '环境', '登记', '空气', '线路'].sort(),
    );
    expect(result.facets.license_id).toEqual({ notspecified: 3 });
    expect(result.search_facets.tags!.title).toBe('tags');
  });

  it('searches Chinese text with the catalog segmenter, never finding closed resources', async () => {
    const search = async (q: string) => names((await ckan<SearchResult>('package_search', { q })).results);
    expect(await search('公交线路')).toEqual(['zs-201001-000001']);
    expect(await search('企业登记')).toEqual(['zs-102-000002']);
    expect(await search('空气质量')).toEqual(['zs-201-000004']);
    expect(await search('户籍人口')).toEqual([]);
    expect(await search('*:*')).toHaveLength(3);
  });

  it('filters with fq on organization, tags, res_format, groups and modification time', async () => {
    const fq = async (value: string) =>
      names((await ckan<SearchResult>('package_search', { fq: value, sort: 'name asc' })).results);
    expect(await fq(`organization:${market()}`)).toEqual(['zs-102-000002', 'zs-201-000004']);
    expect(await fq('tags:公交')).toEqual(['zs-201001-000001']);
    expect(await fq('res_format:csv')).toEqual(['zs-201001-000001']);
    expect(await fq('res_format:"API"')).toEqual(['zs-102-000002', 'zs-201001-000001']);
    expect(await fq('groups:class-201')).toEqual(['zs-201-000004', 'zs-201001-000001']);
    expect(await fq(`+dataset_type:dataset AND organization:${police()}`)).toEqual(['zs-201001-000001']);
    expect(await fq('metadata_modified:[2024-04-01T00:00:00Z TO *]')).toEqual(['zs-201001-000001']);
    expect(await fq('groups:class-101')).toEqual([]);
  });

  it('pages with rows and start and sorts like CKAN', async () => {
    const page = async (params: Record<string, unknown>) => ckan<SearchResult>('package_search', params);
    const newest = await page({ sort: 'metadata_modified desc', rows: 2 });
    expect(newest.count).toBe(3);
    expect(names(newest.results)).toEqual(['zs-201001-000001', 'zs-201-000004']);
    expect(names((await page({ sort: 'metadata_modified desc', rows: 2, start: 2 })).results)).toEqual([
      'zs-102-000002',
    ]);
    expect(names((await page({ sort: 'metadata_created asc' })).results)).toEqual([
      'zs-201001-000001',
      'zs-102-000002',
      'zs-201-000004',
    ]);
    expect((await page({ rows: 5000 })).results).toHaveLength(3);
    expect((await page({ rows: 0 })).results).toEqual([]);
  });

  it('answers CKAN validation and query errors for bad rows, start, sort, fq and facets', async () => {
    const en = { 'accept-language': 'en' };
    const cases: [string, number, Record<string, unknown>][] = [
      ['rows=-1', 409, { __type: 'Validation Error', rows: ['Must be a natural number'] }],
      ['rows=ten', 409, { __type: 'Validation Error', rows: ['Invalid integer'] }],
      ['start=1.5', 409, { __type: 'Validation Error', start: ['Invalid integer'] }],
      ['rows=1&rows=2', 409, { __type: 'Validation Error', rows: ['Invalid integer'] }],
      ['sort=popularity%20desc', 409, { __type: 'Validation Error' }],
      [
        'facet.field=%5B%22tags%22',
        409,
        { __type: 'Validation Error', 'facet.field': ['Could not parse as valid JSON'] },
      ],
      ['fq=secret_field:1', 400, { __type: 'Search Query Error' }],
      ['fq=tags:(a%20OR%20b)', 400, { __type: 'Search Query Error' }],
      ['facet.field=%5B%22security_level%22%5D', 400, { __type: 'Search Query Error' }],
    ];
    for (const [query, status, error] of cases) {
      const response = await get('package_search', query, en);
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(response.body.success).toBe(false);
      expect(response.body.error).toMatchObject(error);
    }
    const chinese = await get('package_search', 'rows=-1');
    expect(chinese.body.error).toEqual({ __type: 'Validation Error', rows: ['必须是自然数（0 或正整数）'] });
  });
});

describe('organizations, groups and tags', () => {
  it('lists only providers of open datasets, with their open counts', async () => {
    expect(await ckan('organization_list')).toEqual([market(), police()].sort());
    const all = await ckan<{ name: string; title: string; package_count: number }[]>('organization_list', {
      all_fields: true,
      sort: 'package_count desc',
    });
    expect(all.map((o) => [o.title, o.package_count])).toEqual([
      ['市市场监管局', 2],
      ['市公安局', 1],
    ]);
  });

  it('shows an organization by name or id, and 404 for one without open datasets', async () => {
    const byName = await ckan<{ id: string; packages?: Package[] }>('organization_show', {
      id: seeded.world.market.credit_code,
      include_datasets: true,
    });
    expect(byName.id).toBe(seeded.world.market.id);
    expect(names(byName.packages!)).toEqual(['zs-102-000002', 'zs-201-000004']);
    expect(await ckan('organization_show', { id: seeded.world.police.id })).toMatchObject({
      name: police(),
      package_count: 1,
    });
    const none = await get('organization_show', `id=${seeded.world.districtDept.id}`);
    expect(none.status).toBe(404);
    expect(none.body.error!.__type).toBe('Not Found Error');
  });

  it('lists the classes of open datasets as groups and their keywords as tags', async () => {
    expect(await ckan('group_list')).toEqual([
      'class-1',
      'class-102',
      'class-2',
      'class-201',
      'class-201001',
    ]);
    const groups = await ckan<{ name: string; title: string; description: string; package_count: number }[]>(
      'group_list',
      { all_fields: true, sort: 'package_count desc' },
    );
    expect(groups[0]).toMatchObject({ name: 'class-2', title: '主题信息资源', package_count: 2 });
    expect(groups.find((g) => g.name === 'class-201001')).toMatchObject({
      description: '2 主题信息资源 / 201 公共服务 / 201001 公交出行',
    });
    const tags = await ckan<string[]>('tag_list');
    expect(tags.sort()).toEqual(['企业', '公交', '环境', '登记', '空气', '线路'].sort());
    expect(await ckan('tag_list', { query: '公' })).toEqual(['公交']);
  });
});

describe('resources and the datastore', () => {
  it('shows a resource by the id its package gives', async () => {
    const pkg = await ckan<Package>('package_show', { id: SAMPLE.companies });
    expect(pkg.resources.map((r) => r.format)).toEqual(['API', '']);
    const api = pkg.resources[0]!;
    expect(await ckan('resource_show', { id: api.id })).toEqual(api);
    expect(api).toMatchObject({ package_id: pkg.id, datastore_active: false });
    const missing = await get('resource_show', `id=${seeded.ids.census}-download-csv`);
    expect(missing.status).toBe(404);
  });

  it('answers datastore_search with Not Found for a dataset without pool rows, after checking parameters', async () => {
    // The sample catalog has no pool tables (ckan-datastore.test.ts serves rows of loaded ones).
    const pkg = await ckan<Package>('package_show', { id: SAMPLE.bus });
    expect(pkg.resources.map((r) => r.datastore_active)).toEqual([false, false, false]);
    const en = { 'accept-language': 'en' };
    const known = await get('datastore_search', `resource_id=${pkg.resources[2]!.id}&limit=5`, en);
    expect(known.status).toBe(404);
    expect(known.body.error).toEqual({
      __type: 'Not Found Error',
      message: `Not found: Resource "${pkg.resources[2]!.id}" has no DataStore table (the dataset is not offered through the API, or holds no data yet)`,
    });
    const closed = await get('datastore_search', `resource_id=${seeded.ids.census}-download-csv`, en);
    expect(closed.body.error!.message).toBe(
      `Not found: Resource "${seeded.ids.census}-download-csv" was not found.`,
    );
    const badLimit = await get('datastore_search', `resource_id=${pkg.resources[0]!.id}&limit=-5`, en);
    expect(badLimit.status).toBe(409);
    expect(badLimit.body.error).toEqual({ __type: 'Validation Error', limit: ['Must be a natural number'] });
    const badFilters = await get('datastore_search', `resource_id=x&filters=%7Bnope`, en);
    expect(badFilters.body.error).toEqual({
      __type: 'Validation Error',
      filters: ['Could not parse as valid JSON'],
    });
    const noId = await get('datastore_search', '', en);
    expect(noId.body.error).toEqual({ __type: 'Validation Error', resource_id: ['Missing value'] });
  });
});

describe('the envelope', () => {
  it('serves help and answers CKAN 400 for an unknown action or a body that is not an object', async () => {
    expect(await ckan<string>('help_show', { name: 'package_search' })).toMatch(/^Search the open datasets/);
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/3/action/package_create',
      headers: { ...host, 'accept-language': 'en' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toBe('Bad request - Action name not known: package_create');
    const list = await t.app.inject({
      method: 'POST',
      url: '/api/3/action/package_show',
      headers: { ...host, 'content-type': 'application/json' },
      payload: '[1]',
    });
    expect(list.statusCode).toBe(400);
  });

  it('answers odd ids with 404, never a server error', async () => {
    const dashes = '-'.repeat(36);
    for (const [action, query] of [
      ['organization_show', `id=${dashes}`],
      ['package_show', `id=${dashes}`],
      ['package_show', 'id=zs-'],
      ['resource_show', `id=${dashes}-api`],
      ['datastore_search', `resource_id=${'G'.repeat(36)}`],
      ['help_show', 'name=__proto__'],
      ['help_show', 'name=toString'],
    ]) {
      const response = await get(action!, query!);
      expect({ action, query, status: response.status }).toEqual({ action, query, status: 404 });
    }
  });

  it('documents the actions and the DCAT documents in the OpenAPI document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/3/action/package_search',
        '/api/3/action/datastore_search',
        '/catalog.ttl',
      ]),
    );
  });

  it('audits each call as one anonymous event', async () => {
    const count = async () =>
      (
        await t.database.db
          .selectFrom('audit_events')
          .select(['action', 'actor_type', 'outcome'])
          .where('action', 'like', 'ckan.%')
          .orderBy('id')
          .execute()
      ).slice(-1);
    const before = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await get('package_search', 'q=公交');
    const after = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
    expect(await count()).toEqual([
      { action: 'ckan.package.search', actor_type: 'anonymous', outcome: 'success' },
    ]);
    await get('package_show', 'id=nothing');
    expect(await count()).toEqual([
      { action: 'ckan.package.show', actor_type: 'anonymous', outcome: 'failure' },
    ]);
  });
});
