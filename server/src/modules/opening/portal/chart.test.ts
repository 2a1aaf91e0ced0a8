import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { LINES_BY_DISTRICT, portalWorld, setMasking } from './portal.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let homes: { id: string };

// Care homes: a type (取值范围, general), the ethnic group of the head (personal, 取值范围) and the
// founding date — three items the chart may use until masking and encryption take them away.
const homeItems: ResourceInput['items'] = [
  { name: '机构编号', fieldName: 'jgbh', dataType: 'C', length: 20, sensitivity: 'general', isKey: true },
  {
    name: '机构类型',
    fieldName: 'jglx',
    dataType: 'C',
    length: 10,
    sensitivity: 'general',
    allowedValues: ['公办', '民办'],
  },
  {
    name: '负责人民族',
    fieldName: 'mz',
    dataType: 'C',
    length: 10,
    sensitivity: 'personal',
    allowedValues: ['汉族', '土家族'],
  },
  { name: '成立日期', fieldName: 'clrq', dataType: 'D', sensitivity: 'general' },
];
const homesCsv = () =>
  `${[
    'jgbh,jglx,mz,clrq',
    ...Array.from(
      { length: 40 },
      (_, i) =>
        `J${String(i).padStart(3, '0')},${i % 2 ? '公办' : '民办'},${i < 30 ? '汉族' : '土家族'},2024-0${(i % 4) + 1}-0${(i % 9) + 1}`,
    ),
  ].join('\r\n')}\r\n`;

beforeAll(async () => {
  t = await createTestApp();
  world = await portalWorld(t);
  [homes] = (await publishResources(t, [
    {
      name: '养老机构信息',
      abstract: '养老机构的编号、类型、负责人民族和成立日期，供养老服务查询和统计使用。',
      classCode: '201',
      items: homeItems,
    },
  ])) as unknown as [{ id: string }];
  expect((await upload(t, world.police, homes.id, homesCsv())).json().state).toBe('loaded');
});
afterAll(() => t.close());

const chart = async (id: string, headers: Record<string, string> = {}) => {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/open/datasets/${id}/chart`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};
const k = () => t.app.platform.profile.disclosure.minCellSize;

describe('GET /open/datasets/:id/chart', () => {
  it('groups the enumeration, suppresses groups below k so that none is derivable from the total', async () => {
    expect(k()).toBe(5);
    const body = await chart(world.lines.id);
    expect(body.chart).toEqual({
      kind: 'bar',
      item: { fieldName: 'ssqx', name: '所属区县' },
      bucket: 'value',
      // 沙坪坝区 (2) is below k; alone in the rest its count would be 30 − 22 − 6, so 南岸区 (6)
      // is suppressed with it and the rest is 8.
      series: [
        { label: '渝中区', count: 12, kind: 'value' },
        { label: '江北区', count: 10, kind: 'value' },
        { label: '其他', count: 8, kind: 'other' },
      ],
      suppressedBelow: 5,
    });
    const body2 = JSON.stringify(body);
    expect(body2).not.toContain('沙坪坝区');
    expect(body2).not.toContain('南岸区');
    const total = body.chart.series.reduce((sum: number, s: { count: number }) => sum + s.count, 0);
    expect(total).toBe(Object.values(LINES_BY_DISTRICT).reduce((a, b) => a + b, 0));
    expect(body.chart.series.every((s: { count: number }) => s.count >= k())).toBe(true);
    expect((await chart(world.lines.id, { 'accept-language': 'en' })).chart.series[2].label).toBe('Other');
  });

  it('reads k from the profile', async () => {
    const profile = t.app.platform.profile;
    profile.disclosure.minCellSize = 2;
    try {
      const body = await chart(world.lines.id);
      expect(body.chart.series).toEqual(
        Object.entries(LINES_BY_DISTRICT).map(([label, count]) => ({ label, count, kind: 'value' })),
      );
      expect(body.chart.suppressedBelow).toBe(2);
    } finally {
      profile.disclosure.minCellSize = 5;
    }
    profile.disclosure.minCellSize = 40;
    try {
      // Every group below k: nothing is left to show.
      expect(await chart(world.lines.id)).toEqual({ chart: null, reason: 'suppressed' });
    } finally {
      profile.disclosure.minCellSize = 5;
    }
  });

  it('never groups by a masked or encrypted item', async () => {
    // The ethnic group is personal: masked by default, so the type is charted …
    expect((await chart(homes.id)).chart.item.fieldName).toBe('jglx');
    // … and once its provider shows it as stored it becomes a candidate after the type.
    await setMasking(t, world.police, homes.id, 'mz', { kind: 'none' });
    expect((await chart(homes.id)).chart.item.fieldName).toBe('jglx');
    await setMasking(t, world.police, homes.id, 'jglx', { kind: 'partial' });
    const ethnic = (await chart(homes.id)).chart;
    expect(ethnic.item.fieldName).toBe('mz');
    expect(ethnic.series).toEqual([
      { label: '汉族', count: 30, kind: 'value' },
      { label: '土家族', count: 10, kind: 'value' },
    ]);
    const encrypted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/security/encryption/columns',
      headers: world.police.write,
      payload: { resourceId: homes.id, field: 'mz' },
    });
    expect(encrypted.statusCode, encrypted.body).toBe(201);
    // Encrypted at rest: left out whatever its masking says; the founding date is charted by month.
    const dates = (await chart(homes.id)).chart;
    expect(dates).toMatchObject({ kind: 'line', item: { fieldName: 'clrq' }, bucket: 'month' });
    expect(dates.series).toEqual(
      ['2024-01', '2024-02', '2024-03', '2024-04'].map((label) => ({ label, count: 10, kind: 'value' })),
    );
    // The page measures the quality of a table with a column sealed at rest like the others.
    const page = await t.app.inject({ method: 'GET', url: `/api/v1/open/datasets/${homes.id}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().quality).toMatchObject({ rows: 40 });
    expect(page.body).not.toContain('土家族');
    await setMasking(t, world.police, homes.id, 'clrq', { kind: 'date', precision: 'year' });
    expect(await chart(homes.id)).toEqual({ chart: null, reason: 'no_item' });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'open.portal.chart.read')
      .where('target_id', '=', homes.id)
      .execute();
    expect(audit.map((a) => (a.detail as { field: string | null }).field)).toEqual([
      'jglx',
      'jglx',
      'mz',
      'clrq',
      null,
    ]);
  });

  it('has no chart for a conditionally open dataset or one without data, and 404s like the page', async () => {
    expect(await chart(world.ids.companies)).toEqual({ chart: null, reason: 'conditional' });
    expect(await chart(world.ids.air)).toEqual({ chart: null, reason: 'no_data' });
    const closed = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open/datasets/${world.ids.census}/chart`,
    });
    expect(closed.statusCode).toBe(404);
  });
});
