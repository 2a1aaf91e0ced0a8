import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, makeCreditCode } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { grantToMarket, licenceResource, marketKey, sharingWorld } from '../sharing.fixtures.ts';
import { api, call, dataEvents } from './api.fixtures.ts';
import { csvHeader, csvLines } from './serialize.ts';

// An export of every item type: on PostgreSQL the unmasked CSV is streamed by COPY, and it must be
// the same file the serialiser writes from the same rows (checked against the JSON-lines export,
// which always goes in pages). A floating-point item sends the export back to pages.

const taxItems: ResourceInput['items'] = [
  {
    name: '统一社会信用代码',
    fieldName: 'tyshxydm',
    dataType: 'C',
    length: 18,
    sensitivity: 'general',
    isKey: true,
  },
  { name: '企业名称', fieldName: 'qymc', dataType: 'C', length: 200, sensitivity: 'general' },
  { name: '从业人数', fieldName: 'cyrs', dataType: 'I', sensitivity: 'general' },
  { name: '纳税额', fieldName: 'nse', dataType: 'Y', sensitivity: 'general' },
  { name: '注册资本', fieldName: 'zczb', dataType: 'N', length: 12, scale: 3, sensitivity: 'general' },
  { name: '成立日期', fieldName: 'clrq', dataType: 'D', sensitivity: 'general' },
  { name: '更新时间', fieldName: 'gxsj', dataType: 'T', sensitivity: 'general' },
  { name: '是否正常经营', fieldName: 'sfzc', dataType: 'L', sensitivity: 'general' },
  { name: '纳税信用评分', fieldName: 'pf', dataType: 'B', sensitivity: 'general' },
];
const COPIED = ['tyshxydm', 'qymc', 'cyrs', 'nse', 'zczb', 'clrq', 'gxsj', 'sfzc'];
const rows = [
  ['重庆甲有限公司', '12', '-1500.50', '300', '2020-01-02', '2024-03-01 10:05:09', '是', '98.5'],
  ['=HYPERLINK("x")', '0', '0.00', '-7.125', '1999-12-31', '2024-03-01T02:05:09Z', '否', '-1e-7'],
  ['逗号,引号"换行\n都有', '', '', '', '', '', '', ''],
  ['-2+3', '-4', '+12', '1000', '2024-02-29', '2024/3/1 23:59', 'true', '1e20'],
];

let t: TestApp;
let key: string;
let code: string;

beforeAll(async () => {
  t = await createTestApp();
  const world = await sharingWorld(t, 1);
  const [tax] = await publishResources(t, [{ ...licenceResource, name: '企业纳税信息', items: taxItems }]);
  code = tax!.code;
  const police = await login(t.app, 'police.officer', 'Test-password-1');
  const header = taxItems.map((item) => item.name).join(',');
  const lines = rows.map((cells) =>
    [makeCreditCode('500103'), ...cells].map((cell) => `"${cell.replaceAll('"', '""')}"`).join(','),
  );
  const loaded = await upload(t, police, tax!.id, `${[header, ...lines].join('\n')}\n`);
  if (loaded.statusCode >= 300) throw new Error(`load: ${loaded.statusCode} ${loaded.body}`);
  const none = Object.fromEntries(taxItems.map((item) => [item.fieldName, { kind: 'none' }]));
  await grantToMarket(t, world, {
    resourceId: tax!.id,
    fields: taxItems.map((i) => i.fieldName),
    masking: none,
  });
  key = await marketKey(t, world.sessions.market);
}, 180_000);
afterAll(() => t.close());

/** The CSV and JSON-lines exports of `fields`, and the CSV the serialiser makes of the JSON rows. */
async function bothWays(fields: string[]) {
  const query = `&fields=${fields.join(',')}`;
  const csv = await call(t, key, api(code, `/export?format=csv${query}`));
  const jsonl = await call(t, key, api(code, `/export?format=jsonl${query}`));
  expect(csv.statusCode).toBe(200);
  expect(jsonl.statusCode).toBe(200);
  const parsed = jsonl.body
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const columns = fields.map((field) => ({ field, type: 'C' as const }));
  const way = ((await dataEvents(t, 'share.data.export')).at(-2)!.detail as { way: string }).way;
  return { csv: csv.body, serialised: csvHeader(columns) + csvLines(columns, parsed).toString('utf8'), way };
}

describe('CSV export by COPY and by pages', () => {
  it('writes the same bytes for text, integer, amount, numeric, date, instant and yes/no items', async () => {
    const { csv, serialised, way } = await bothWays(COPIED);
    expect(way).toBe(t.database.engine === 'postgres' ? 'copy' : 'pages');
    expect(csv).toBe(serialised);
    const lines = csv.split('\n');
    expect(lines[0]).toBe(COPIED.join(','));
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",0,0.00,-7.125,1999-12-31,2024-03-01T02:05:09.000Z,false`);
    expect(csv).toContain(',-1500.50,300.000,2020-01-02,2024-03-01T02:05:09.000Z,true');
    expect(csv).toContain(`,'-2+3,-4,12.00,1000.000,2024-02-29,2024-03-01T15:59:00.000Z,true`);
    expect(csv).toContain(',"逗号,引号""换行\n都有",,,,,,');
  });

  it('goes in pages when a floating-point item is asked for, and still writes the same file', async () => {
    const { csv, serialised, way } = await bothWays([...COPIED, 'pf']);
    expect(way).toBe('pages');
    expect(csv).toBe(serialised);
    // JavaScript's form; COPY would print 1e+20, which is why floats are not exported by COPY.
    expect(csv).toContain(',100000000000000000000\n');
  });
});
