// The public views over a catalog published through the real workflow (create → submit → approve
// → publish), so that what the publisher writes is what CKAN and DCAT read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/test-app.ts';
import { publishResources } from '../catalog/catalog.factories.ts';
import { parseTurtle, validateDcatAp } from './dcat-shacl.ts';
import { ckanName, codeSlug } from './open-catalog.ts';
import { createTestApp } from '../../test/test-app.ts';

let t: TestApp;
type Published = { id: string; code: string };
let bus: Published;
let companies: Published;
let census: Published;
let stops: Published;

beforeAll(async () => {
  t = await createTestApp();
  const first = await publishResources(t, [
    {
      name: '公交线路信息',
      temporalStart: '2021-01-01',
      temporalEnd: '2024-12-31',
      usageRequirements: '使用时注明数据来源',
    },
    {
      name: '企业登记信息',
      abstract: '企业名称、统一社会信用代码、登记机关和登记状态，每日更新。',
      classCode: '102',
      keywords: ['企业', '登记'],
      formats: ['JSON'],
      openType: 'conditional',
      openCondition: '仅向完成实名认证的法人开放',
      openBasis: '《公共数据开放管理暂行办法》第十三条',
      openMethods: ['api', 'model'],
      updateCycle: 'daily',
    },
    {
      name: '户籍人口信息',
      abstract: '户籍人口的姓名、身份证号和住址，公交出行调查的基础。',
      classCode: '101',
      keywords: ['户籍'],
      openType: 'none',
      openMethods: [],
      openBasis: '涉及个人信息，依法不予开放',
    },
  ]);
  [bus, companies, census] = first as [Published, Published, Published];
  stops = (await publishResources(t, [{ name: '公交站点信息', relatedCodes: [bus.code, census.code] }]))[0]!;
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { host: 'open.example.gov.cn' } });

describe('a catalog published through the workflow', () => {
  it('is listed and searched by CKAN without the resource that is not open', async () => {
    const list = (await get('/api/3/action/package_list')).json();
    expect(list.result.sort()).toEqual([bus, companies, stops].map((r) => ckanName(r.code)).sort());
    const search = (await get(`/api/3/action/package_search?q=${encodeURIComponent('公交')}`)).json();
    expect(search.result.results.map((p: { id: string }) => p.id).sort()).toEqual([bus.id, stops.id].sort());
    expect(
      (await get(`/api/3/action/package_search?q=${encodeURIComponent('户籍')}`)).json().result.count,
    ).toBe(0);
    const closed = await get(`/api/3/action/package_show?id=${encodeURIComponent(census.code)}`);
    expect(closed.statusCode).toBe(404);
    const shown = (await get(`/api/3/action/package_show?id=${stops.id}`)).json().result;
    const extras = Object.fromEntries(
      shown.extras.map((e: { key: string; value: string }) => [e.key, e.value]),
    );
    expect(extras.related_resources).toBe(bus.code);
  });

  it('is a DCAT-AP 3 catalog that conforms to the official shapes', async () => {
    const response = await get('/catalog.ttl');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(census.code);
    expect(response.body).not.toContain('户籍人口信息');
    const quads = parseTurtle(response.body);
    const { conforms, violations } = await validateDcatAp(quads);
    if (!conforms) console.error(`DCAT-AP violations:\n${violations.join('\n')}`);
    expect(violations).toEqual([]);
    const datasets = quads
      .filter((q) => q.predicate.value === 'http://www.w3.org/ns/dcat#dataset')
      .map((q) => q.object.value);
    expect(datasets.sort()).toEqual(
      [bus, companies, stops]
        .map((r) => `http://open.example.gov.cn/catalog/datasets/${codeSlug(r.code)}`)
        .sort(),
    );
    expect((await get(`/catalog/datasets/${codeSlug(census.code)}.ttl`)).statusCode).toBe(404);
    expect((await get(`/catalog/datasets/${codeSlug(companies.code)}.jsonld`)).statusCode).toBe(200);
  });
});
