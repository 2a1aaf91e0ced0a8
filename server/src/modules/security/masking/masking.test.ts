import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, makeCitizenId, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { poolSessions, publishPersonResource } from '../../pools/pools.fixtures.ts';
import type { ResourceInput } from '../../catalog/catalog.schemas.ts';
import { maskColumns, grantKey, resolveMasking } from './masking.service.ts';
import { maskedRows } from './extract.ts';

const items: ResourceInput['items'] = [
  {
    name: '公民身份号码',
    fieldName: 'sfzh',
    dataType: 'C',
    length: 18,
    sensitivity: 'personal',
    isKey: true,
  },
  { name: '姓名', fieldName: 'xm', dataType: 'C', length: 50, sensitivity: 'personal', required: true },
  { name: '联系电话', fieldName: 'lxdh', dataType: 'C', length: 20, sensitivity: 'personal' },
  { name: '住址', fieldName: 'zz', dataType: 'C', length: 200, sensitivity: 'personal' },
  { name: '出生日期', fieldName: 'csrq', dataType: 'D', sensitivity: 'personal' },
  { name: '年龄', fieldName: 'nl', dataType: 'I', sensitivity: 'general' },
  { name: '病史', fieldName: 'bs', dataType: 'C', length: 200, sensitivity: 'sensitive' },
];

let t: TestApp;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let security: TestSession;

const records = Array.from({ length: 12 }, (_, i) => ({
  sfzh: makeCitizenId(`1980010${(i % 9) + 1}`, i < 6 ? '500103' : '500104'),
  xm: i === 0 ? '欧阳娜娜' : `张${'三四五六七八九十'[i % 8]}`,
  lxdh: `1381234${String(1000 + i)}`,
  zz: i < 11 ? `重庆市渝中区解放碑街道${i + 1}号` : '重庆市江北区观音桥街道1号',
  csrq: `198${i % 2}-0${(i % 9) + 1}-15`,
  nl: 30 + i,
  bs: '无',
}));

beforeAll(async () => {
  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t, items));
  ({ police, market, authority } = await poolSessions(t));
  const { police: dept } = await t.database.db
    .selectFrom('users')
    .select('department_id as police')
    .where('username', '=', 'police.officer')
    .executeTakeFirstOrThrow();
  await createUser(t.database.db, {
    role: 'security_officer',
    username: 'police.security',
    departmentId: dept!,
    regionId: (
      await t.database.db
        .selectFrom('departments')
        .select('region_id')
        .where('id', '=', dept!)
        .executeTakeFirstOrThrow()
    ).region_id,
  });
  security = await login(t.app, 'police.security', 'Test-password-1');
  const pushed = await t.app.inject({
    method: 'POST',
    url: `/api/v1/pools/tables/${resourceId}/records`,
    headers: police.write,
    payload: { records },
  });
  expect(pushed.statusCode).toBe(201);
});
afterAll(() => t.close());

const base = () => `/api/v1/security/masking/resources/${resourceId}`;
const view = async (session: TestSession) => t.app.inject({ url: base(), headers: session.read });
const setRule = (session: TestSession, field: string, rule: unknown) =>
  t.app.inject({ method: 'PUT', url: `${base()}/items/${field}`, headers: session.write, payload: { rule } });

describe('rules of the items', () => {
  it('shows the profile default by level and sensitivity when no rule is set', async () => {
    const response = await view(police);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.securityLevel).toBe('important');
    expect(body.canManage).toBe(true);
    const byField = Object.fromEntries(body.items.map((i: { fieldName: string }) => [i.fieldName, i]));
    expect(byField.sfzh).toMatchObject({
      source: 'default',
      defaultTreatment: 'partial',
      rule: { kind: 'citizen_id' },
    });
    expect(byField.xm.rule).toEqual({ kind: 'name' });
    expect(byField.lxdh.rule).toEqual({ kind: 'mobile' });
    expect(byField.zz.rule).toEqual({ kind: 'address' });
    expect(byField.csrq.rule).toEqual({ kind: 'date', precision: 'year' });
    expect(byField.nl.rule).toEqual({ kind: 'none' });
    expect(byField.bs).toMatchObject({ defaultTreatment: 'null', rule: { kind: 'null' } });
    expect(byField.nl.fittingKinds).toContain('range');
    expect(byField.nl.fittingKinds).not.toContain('date');
  });

  it('the providing department sets a rule, audited, and can remove it again', async () => {
    const set = await setRule(police, 'nl', { kind: 'range', width: 10 });
    expect(set.statusCode).toBe(200);
    const nl = set.json().items.find((i: { fieldName: string }) => i.fieldName === 'nl');
    expect(nl).toMatchObject({ source: 'rule', rule: { kind: 'range', width: 10 } });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', '=', 'security.masking.rule.set')
      .execute();
    expect(audit.at(-1)!.detail).toMatchObject({
      field: 'nl',
      before: null,
      after: { kind: 'range', width: 10 },
    });
    await setRule(police, 'xm', { kind: 'pseudonym' });
    const cleared = await t.app.inject({
      method: 'DELETE',
      url: `${base()}/items/xm`,
      headers: police.write,
    });
    expect(cleared.json().items.find((i: { fieldName: string }) => i.fieldName === 'xm').source).toBe(
      'default',
    );
  });

  it('refuses a rule that does not fit the item type, in Chinese and in English', async () => {
    const onNumber = await setRule(police, 'nl', { kind: 'date' });
    expect(onNumber.statusCode).toBe(400);
    expect(onNumber.json().detail).toContain('日期截断');
    expect(onNumber.json().detail).toContain('整型');
    const english = await t.app.inject({
      method: 'PUT',
      url: `${base()}/items/csrq`,
      headers: { ...police.write, 'accept-language': 'en' },
      payload: { rule: { kind: 'citizen_id' } },
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().detail).toContain('does not fit the date item');
  });

  it('refuses malformed and contradictory rules and unknown items', async () => {
    expect((await setRule(police, 'sfzh', { kind: 'shuffle' })).statusCode).toBe(400);
    expect((await setRule(police, 'sfzh', { kind: 'citizen_id', keepStart: 99 })).statusCode).toBe(400);
    const both = await setRule(police, 'nl', { kind: 'range', width: 5, bounds: [1, 2] });
    expect(both.statusCode).toBe(400);
    expect(both.json().detail).toContain('区间');
    expect((await setRule(police, 'nothere', { kind: 'null' })).statusCode).toBe(404);
  });

  it('another department may not read or set the rules; the authority reads, but does not set', async () => {
    expect((await view(market)).statusCode).toBe(403);
    expect((await setRule(market, 'xm', { kind: 'null' })).statusCode).toBe(403);
    const read = await view(authority);
    expect(read.statusCode).toBe(200);
    expect(read.json().canManage).toBe(false);
    expect((await setRule(authority, 'xm', { kind: 'null' })).statusCode).toBe(403);
  });

  it("the department's security officer sets rules too", async () => {
    expect((await setRule(security, 'zz', { kind: 'address', level: 'city' })).statusCode).toBe(200);
  });
});

describe('preview', () => {
  it('masks the first rows; the stored values only for those who may read the pool', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `${base()}/preview`,
      headers: police.write,
      payload: { limit: 5 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.rows).toHaveLength(5);
    expect(body.rows[0].sfzh).toMatch(/^500103\*{8}\d{3}[\dX]$/);
    expect(body.rows[0].xm).toBe('欧阳**');
    expect(body.rows[0].lxdh).toBe('138****1000');
    expect(body.rows[0].zz).toBe('重庆市');
    expect(body.rows[0].csrq).toBe('1980');
    expect(body.rows[0].nl).toBe('30-39');
    expect(body.rows[0].bs).toBeNull();
    expect(body.original[0].xm).toBe('欧阳娜娜');

    const officer = await t.app.inject({
      method: 'POST',
      url: `${base()}/preview`,
      headers: security.write,
      payload: {},
    });
    expect(officer.statusCode).toBe(200);
    expect(officer.json().original).toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'security.masking.preview')
      .execute();
    expect(audit.map((a) => (a.detail as { original: boolean }).original)).toEqual([true, false]);
  });
});

describe('k-anonymity', () => {
  it('answers whether the masked extract may be released and which rows break it', async () => {
    const check = (k: number, quasiIdentifiers: string[]) =>
      t.app.inject({
        method: 'POST',
        url: `${base()}/k-anonymity`,
        headers: security.write,
        payload: { k, quasiIdentifiers },
      });
    // Addresses generalise to the city (one class of 12) and birth years to two classes of 6.
    const released = await check(5, ['zz', 'csrq']);
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({
      releasable: true,
      rows: 12,
      classes: 2,
      smallestClass: 6,
      breakingRows: 0,
    });
    // Ages in buckets of ten: 30-39 holds 10 rows, 40-49 two.
    const broken = await check(3, ['nl']);
    expect(broken.json()).toMatchObject({
      releasable: false,
      smallestClass: 2,
      smallClasses: 1,
      breakingRows: 2,
    });
    const examples = broken.json().examples;
    expect(examples).toHaveLength(2);
    expect(examples[0].values.nl).toBe('40-49');
    expect(examples[0].key.sfzh).toMatch(/^500104\*{8}/);
    expect((await check(3, ['nothere'])).statusCode).toBe(400);
  });
});

describe('masked extraction for other modules', () => {
  it('streams current rows masked per grant: pseudonyms stable within a grant, different across grants', async () => {
    const platform = { profile: t.app.platform.profile, config: t.config };
    const resolved = await resolveMasking(t.database.db, platform.profile, resourceId);
    const columns = maskColumns(resolved, ['sfzh', 'xm']).map((c) =>
      c.field === 'sfzh' ? { ...c, rule: { kind: 'pseudonym' as const } } : c,
    );
    const read = async (grant: string, pageSize: number) =>
      maskedRows(t.database.db, resolved.table!, columns, {
        pseudonymKey: await grantKey(t.database.db, platform, grant),
        pageSize,
      });
    const one = await read('grant-a', 5);
    expect(one).toHaveLength(12);
    expect(new Set(one.map((r) => r.sfzh)).size).toBe(12);
    expect((await read('grant-a', 100)).map((r) => r.sfzh)).toEqual(one.map((r) => r.sfzh));
    const other = await read('grant-b', 100);
    expect(other.map((r) => r.sfzh)).not.toContain(one[0]!.sfzh);
    const filtered = await maskedRows(t.database.db, resolved.table!, columns, {
      pseudonymKey: await grantKey(t.database.db, platform, 'grant-a'),
      rowFilter: sql`t.nl >= 40`,
    });
    expect(filtered.map((r) => r.xm)).toEqual(['张*', '张*']);
  });
});
