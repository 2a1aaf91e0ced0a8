// Test helpers for the base and theme databases: the police household register (the source of
// names and birth dates), a market register of self-employed people that collects the same items,
// rows pushed through the real route, and calls of the base-database routes.
import type { TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { publishPersonResource } from '../pools.fixtures.ts';

/** Items of the market's register: the ID number (key), the name again (as 姓 名), birth date, phone, address. */
export const traderItems: ResourceInput['items'] = [
  {
    name: '公民身份号码',
    fieldName: 'zjhm',
    dataType: 'C',
    length: 18,
    sensitivity: 'personal',
    isKey: true,
  },
  { name: '姓 名', fieldName: 'xingming', dataType: 'C', length: 50, sensitivity: 'personal' },
  { name: '出生日期', fieldName: 'csrq', dataType: 'D', sensitivity: 'personal' },
  { name: '联系电话', fieldName: 'lxdh', dataType: 'C', length: 20, sensitivity: 'personal' },
  { name: '经营地址', fieldName: 'jydz', dataType: 'C', length: 200, sensitivity: 'general' },
];

/** The police person resource and the market's trader register, both published with their pools. */
export async function publishBaseWorld(t: TestApp) {
  const person = await publishPersonResource(t);
  const [trader] = await publishResources(
    t,
    [
      {
        name: '个体工商户经营者信息',
        items: traderItems,
        shareType: 'conditional',
        shareCondition: '仅限市场监管相关业务',
        shareBasis: '《促进个体工商户发展条例》',
        openType: 'none',
        openMethods: [],
        openBasis: '涉及个人信息，依法不予开放',
        securityLevel: 'important',
      },
    ],
    'market.officer',
  );
  return { person, trader: trader! };
}

/** Pushes rows into a pool through the real route; throws unless loaded. */
export async function push(
  t: TestApp,
  session: TestSession,
  resourceId: string,
  records: Record<string, unknown>[],
) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/pools/tables/${resourceId}/records`,
    headers: session.write,
    payload: { records },
  });
  if (response.statusCode !== 201) throw new Error(`push: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Calls a base-database route as a session. */
export function call(
  t: TestApp,
  session: TestSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: method === 'GET' ? session.read : session.write,
    ...(payload ? { payload } : {}),
  });
}
