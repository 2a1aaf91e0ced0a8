// Test helpers for sharing: the police department's person resource (shared on conditions, loaded
// with people) and a licence resource (shared unconditionally), API keys of the market
// department's applications, and grants made directly for tests of what happens under them.
import { login, makeCreditCode, type TestSession } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { publishResources } from '../catalog/catalog.factories.ts';
import type { ResourceInput } from '../catalog/catalog.schemas.ts';
import { people, personResource, upload, csvOf } from '../pools/pools.fixtures.ts';
import { createGrant, type NewGrant } from './grants/grants.service.ts';
import { systemContext } from '../../platform/policy/actor.ts';

/** The market department's application that calls the sharing API in tests. */
export const MARKET_APP = '市场主体登记系统';
/** Another application of the market department (a key of it must not use MARKET_APP's grants). */
export const OTHER_APP = '信用监管系统';

/** Items of a business licence resource keyed by credit code, shared unconditionally. */
export const licenceResource = {
  name: '营业执照信息',
  items: [
    {
      name: '统一社会信用代码',
      fieldName: 'tyshxydm',
      dataType: 'C',
      length: 18,
      sensitivity: 'general',
      isKey: true,
    },
    {
      name: '企业名称',
      fieldName: 'qymc',
      dataType: 'C',
      length: 200,
      sensitivity: 'general',
      required: true,
    },
    { name: '成立日期', fieldName: 'clrq', dataType: 'D', sensitivity: 'general' },
  ],
  shareType: 'unconditional',
  openType: 'none',
  openMethods: [],
  openBasis: '仅供政务部门共享',
  securityLevel: 'general',
} satisfies Partial<ResourceInput> & { name: string };

/** Licence rows with valid credit codes. */
export function licences(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    tyshxydm: makeCreditCode('500103'),
    qymc: `重庆测试企业${i}有限公司`,
    clrq: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
  }));
}

/** Issues an API key of the market department for `application`; returns the key. */
export async function marketKey(t: TestApp, market: TestSession, application = MARKET_APP): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: market.write,
    payload: { application },
  });
  if (response.statusCode !== 201) throw new Error(`api key: ${response.statusCode} ${response.body}`);
  return response.json().key as string;
}

/** The Authorization header of an API key. */
export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * Publishes the person resource (conditional) and the licence resource (unconditional) of the
 * police department, secrecy reviews passed, and loads `rows` people and licences into their pools.
 */
export async function sharingWorld(t: TestApp, rows = 20) {
  const [person, licence] = await publishResources(t, [personResource, licenceResource]);
  const [police, market, authority] = await Promise.all([
    login(t.app, 'police.officer', 'Test-password-1'),
    login(t.app, 'market.officer', 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
  ]);
  const persons = people(rows);
  const loaded = await upload(t, police, person!.id, csvOf(persons));
  if (loaded.statusCode >= 300) throw new Error(`load people: ${loaded.statusCode} ${loaded.body}`);
  const companies = licences(rows);
  const licenceCsv =
    ['统一社会信用代码,企业名称,成立日期', ...companies.map((c) => `${c.tyshxydm},${c.qymc},${c.clrq}`)].join(
      '\r\n',
    ) + '\r\n';
  const loadedLicences = await upload(t, police, licence!.id, licenceCsv);
  if (loadedLicences.statusCode >= 300)
    throw new Error(`load licences: ${loadedLicences.statusCode} ${loadedLicences.body}`);
  const departments = await t.database.db
    .selectFrom('departments')
    .select(['id', 'name', 'region_id'])
    .execute();
  const byName = (name: string) => departments.find((d) => d.name === name)!;
  return {
    person: person!,
    licence: licence!,
    persons,
    companies,
    sessions: { police, market, authority },
    police: byName('市公安局'),
    market: byName('市市场监管局'),
  };
}

/** Makes a grant for the market department directly (as the platform), for tests of the calls under it. */
export async function grantToMarket(
  t: TestApp,
  world: Awaited<ReturnType<typeof sharingWorld>>,
  input: Partial<NewGrant> & Pick<NewGrant, 'resourceId' | 'fields'>,
) {
  return t.database.db.transaction().execute((trx) =>
    createGrant(trx, systemContext('test'), {
      basis: 'conditional',
      consumer: { departmentId: world.market.id, regionId: world.market.region_id },
      application: MARKET_APP,
      purpose: '企业登记核验',
      endsAt: new Date(Date.now() + 86_400_000),
      ...input,
    }),
  );
}
