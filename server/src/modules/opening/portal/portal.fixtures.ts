// Test data of the portal: the sample open catalog (dcat fixtures: entries without pool tables, one
// conditionally open, one not open) beside resources published through the real workflow whose
// pool tables hold rows loaded through the real loader.
import { expect } from 'vitest';
import { login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { seedOpenCatalog } from '../../dcat/open-catalog.fixtures.ts';
import { upload } from '../../pools/pools.fixtures.ts';

/** Bus lines: a key, a name, the district (取值范围 of four), the opening date and a yes/no. */
export const lineItems: ResourceInput['items'] = [
  { name: '线路编号', fieldName: 'xlbh', dataType: 'C', length: 20, sensitivity: 'general', isKey: true },
  { name: '线路名称', fieldName: 'xlmc', dataType: 'C', length: 100, sensitivity: 'general' },
  {
    name: '所属区县',
    fieldName: 'ssqx',
    dataType: 'C',
    length: 20,
    sensitivity: 'general',
    allowedValues: ['渝中区', '江北区', '南岸区', '沙坪坝区'],
  },
  { name: '开线日期', fieldName: 'kxrq', dataType: 'D', sensitivity: 'general' },
  { name: '是否夜班线', fieldName: 'sfyb', dataType: 'L', sensitivity: 'general' },
];

/** Rows per district of the bus lines: the last one is below the profiles' k of 5. */
export const LINES_BY_DISTRICT = { 渝中区: 12, 江北区: 10, 南岸区: 6, 沙坪坝区: 2 } as const;

/** The bus lines as CSV (field names as header), `count` rows in the district mix above. */
export function linesCsv(prefix = 'L'): string {
  const districts = Object.entries(LINES_BY_DISTRICT).flatMap(([name, n]) => Array<string>(n).fill(name));
  const rows = districts.map(
    (district, i) =>
      `${prefix}${String(i + 1).padStart(3, '0')},${district}${i + 1}路,${district},2020-0${(i % 3) + 1}-15,${i % 4 === 0 ? '是' : '否'}`,
  );
  return `${['xlbh,xlmc,ssqx,kxrq,sfyb', ...rows].join('\r\n')}\r\n`;
}

/** The world of the portal tests: the sample open catalog, and the bus lines loaded (30 rows). */
export async function portalWorld(t: TestApp) {
  const sample = await seedOpenCatalog(t.database.db);
  const police = await login(t.app, 'police.officer', 'Test-password-1');
  const [lines] = await publishResources(t, [
    {
      name: '公交线路运营信息',
      abstract: '全市公交线路的编号、名称、所属区县、开线日期和是否夜班线，按月更新。',
      classCode: '201',
      items: lineItems,
    },
  ]);
  const loaded = await upload(t, police, lines!.id, linesCsv());
  expect(loaded.json().state, loaded.body).toBe('loaded');
  return { ...sample, lines: lines!, police };
}

/** Sets the masking rule of an item as the providing department. */
export async function setMasking(
  t: TestApp,
  session: TestSession,
  resourceId: string,
  field: string,
  rule: Record<string, unknown>,
) {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/security/masking/resources/${resourceId}/items/${field}`,
    headers: session.write,
    payload: { rule },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
}
