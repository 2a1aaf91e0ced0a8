// Data quality through the routes on a real database: a person resource loaded with some empty
// values, one legacy row written straight into the pool table with a wrong check digit and a
// birth date that disagrees with its ID number, a second resource with a gender column, an
// overdue and a never-loaded resource; another department is refused, the authority sees its region.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../../platform/identifiers/citizen-id.ts';
import type { TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { personItems, poolSessions, upload } from '../pools.fixtures.ts';
import { overdueResources } from './quality.service.ts';

let t: TestApp;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let people: string;
let genders: string;
let unloaded: string;
let policeId: string;

/** A valid ID number born on `birth` whose gender digit is `seq`'s last digit (odd male). */
function idNumber(birth: string, seq: number) {
  const first17 = `500103${birth}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

const get = (session: TestSession, url: string) =>
  t.app.inject({ url: `/api/v1${url}`, headers: session.read });

const tableOf = async (resourceId: string) =>
  t.database.db
    .selectFrom('pool_tables')
    .select(['schema_name', 'table_name', 'current_version'])
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  const published = await publishResources(t, [
    {
      name: '户籍人口基本信息',
      items: personItems,
      shareType: 'conditional',
      shareCondition: '仅限办理户籍相关业务',
      shareBasis: '《中华人民共和国户口登记条例》',
      openType: 'none',
      openMethods: [],
      openBasis: '涉及个人信息，依法不予开放',
      updateCycle: 'monthly',
    },
    {
      name: '人员性别信息',
      items: [
        {
          name: '公民身份号码',
          fieldName: 'sfzh',
          dataType: 'C',
          length: 18,
          sensitivity: 'personal',
          isKey: true,
        },
        { name: '性别', fieldName: 'xb', dataType: 'C', length: 2, sensitivity: 'personal' },
      ],
      updateCycle: 'daily',
    },
    {
      name: '未导入的资源',
      items: [{ name: '名称', fieldName: 'mc', dataType: 'C', length: 20, sensitivity: 'general' }],
      updateCycle: 'yearly',
    },
  ]);
  [people, genders, unloaded] = published.map((resource) => resource.id) as [string, string, string];
  ({ police, market, authority } = await poolSessions(t));

  // Ten people; the height is empty in four rows, each birth date agrees with its ID number.
  const header = '公民身份号码,姓名,出生日期,身高,是否户主';
  const lines = Array.from({ length: 10 }, (_, i) => {
    const birth = `1985030${(i % 9) + 1}`;
    const date = `1985-03-0${(i % 9) + 1}`;
    return `${idNumber(birth, 100 + i)},人员${i},${date},${i < 4 ? '' : '170.5'},是`;
  });
  const loaded = await upload(t, police, people, [header, ...lines].join('\r\n') + '\r\n');
  expect(loaded.statusCode, loaded.body).toBe(201);

  // Legacy data written past the loader: a wrong check digit, no name, and a birth date that is
  // not the one in the ID number.
  const table = await tableOf(people);
  const good = idNumber('19900215', 321);
  const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
  await sql
    .raw(
      `INSERT INTO "${table.schema_name}"."${table.table_name}" (_from, sfzh, xm, csrq)
       VALUES (${table.current_version}, '${wrong}', NULL, '1990-02-16')`,
    )
    .execute(t.database.db);

  // Genders: seq 101 is male (odd), 102 female; the second row says 男 for a female number.
  const pushed = await t.app.inject({
    method: 'POST',
    url: `/api/v1/pools/tables/${genders}/records`,
    headers: police.write,
    payload: {
      records: [
        { sfzh: idNumber('19700101', 101), xb: '男' },
        { sfzh: idNumber('19700101', 102), xb: '男' },
        { sfzh: idNumber('19700101', 104), xb: '2' },
        { sfzh: idNumber('19700101', 105), xb: '未知' },
      ],
    },
  });
  expect(pushed.statusCode, pushed.body).toBe(201);
  // The gender resource (daily) was last loaded ten days ago: overdue by nine days.
  await t.database.db
    .updateTable('catalog_resources')
    .set({ data_updated_at: new Date(Date.now() - 10 * 86_400_000) })
    .where('id', '=', genders)
    .execute();
});
afterAll(() => t.close());

describe('data quality of a resource', () => {
  it('measures completeness, validity, uniqueness, consistency and timeliness per column', async () => {
    const response = await get(police, `/pools/tables/${people}/quality`);
    expect(response.statusCode, response.body).toBe(200);
    const q = response.json();
    policeId = q.departmentId;
    expect(q).toMatchObject({
      rows: 11,
      examinedRows: 11,
      sampled: false,
      overdue: false,
      neverLoaded: false,
    });
    const column = (field: string) => q.columns.find((c: { field: string }) => field === c.field);
    // Height: 6 of 11; name: 10 of 11 (the legacy row has none).
    expect(column('sg')).toMatchObject({ present: 6, completeness: 54.5, invalid: 0, validity: 100 });
    expect(column('xm')).toMatchObject({ present: 10, required: true });
    // The legacy ID number fails its check digit: 10 of 11 valid.
    expect(column('sfzh')).toMatchObject({ examined: 11, invalid: 1, validity: 90.9 });
    expect(q.keys).toMatchObject({ keyFields: ['sfzh'], distinct: 11, duplicateRows: 0 });
    expect(q.uniqueness).toBe(100);
    const birth = q.rules.find((r: { code: string }) => r.code === 'birth_date');
    expect(birth).toMatchObject({ compared: 11, inconsistent: 1, columns: ['sfzh', 'csrq'] });
    expect(q.rules.find((r: { code: string }) => r.code === 'gender')).toBeUndefined();
    expect(q.score).toBeGreaterThan(50);
    expect(q.score).toBeLessThan(100);

    // The worst row is the legacy one, with its three problems and values, to the provider.
    expect(q.rowValuesShown).toBe(true);
    const [worst] = q.worstRows;
    expect(worst.problems.map((p: { code: string }) => p.code).sort()).toEqual([
      'pool.quality.birth_mismatch',
      'pool.value.citizen_id',
      'pool.value.required',
    ]);
    const mismatch = worst.problems.find((p: { code: string }) => p.code === 'pool.quality.birth_mismatch');
    expect(mismatch).toMatchObject({ column: 'csrq', value: '1990-02-16' });
    expect(mismatch.message).toContain('1990-02-15');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action'])
      .where('action', '=', 'pool.quality.rows_read')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('compares the gender digit of a keyed ID number with a 性别 column, and flags the overdue update', async () => {
    const q = (await get(police, `/pools/tables/${genders}/quality`)).json();
    const gender = q.rules.find((r: { code: string }) => r.code === 'gender');
    // 未知 cannot be compared; of the other three one disagrees.
    expect(gender).toMatchObject({ compared: 3, inconsistent: 1 });
    expect(q.consistency).toBe(66.7);
    expect(q).toMatchObject({
      overdue: true,
      daysOverdue: 9,
      updateCycle: 'daily',
      cycleDays: 1,
      timeliness: 0,
    });
    const messages = q.worstRows.flatMap((r: { problems: { message: string }[] }) =>
      r.problems.map((p) => p.message),
    );
    expect(messages).toContain('与公民身份号码的性别（女）不一致');
  });

  it('reports a resource never loaded as overdue since publication, with no rows', async () => {
    const q = (await get(police, `/pools/tables/${unloaded}/quality`)).json();
    expect(q).toMatchObject({
      rows: 0,
      neverLoaded: true,
      overdue: true,
      daysOverdue: 0,
      completeness: 0,
      validity: null,
      score: 0,
      worstRows: [],
    });
  });

  it('speaks English when asked', async () => {
    const response = await t.app.inject({
      url: `/api/v1/pools/tables/${people}/quality`,
      headers: { ...police.read, 'accept-language': 'en' },
    });
    const messages = response
      .json()
      .worstRows[0].problems.map((p: { message: string }) => p.message)
      .join(' ');
    expect(messages).toContain('check digit');
  });
});

describe('scores in scope', () => {
  it('lists the resources of the own department with their scores and overdue flags', async () => {
    const response = await get(police, '/pools/quality/resources');
    expect(response.statusCode).toBe(200);
    const rows = response.json();
    expect(rows).toHaveLength(3);
    const overdue = Object.fromEntries(
      rows.map((r: { resourceId: string; overdue: boolean }) => [r.resourceId, r.overdue]),
    );
    expect(overdue).toEqual({ [people]: false, [genders]: true, [unloaded]: true });
  });

  it('averages a department over its resources', async () => {
    const resources = (await get(police, '/pools/quality/resources')).json();
    const departments = (await get(police, '/pools/quality/departments')).json();
    expect(departments).toHaveLength(1);
    const mean = resources.reduce((sum: number, r: { score: number }) => sum + r.score, 0) / resources.length;
    expect(departments[0]).toMatchObject({
      departmentId: policeId,
      resources: 3,
      loadedResources: 2,
      overdue: 2,
      rows: 15,
      score: Math.round(mean),
    });
  });

  it('refuses another department its detail and its list, and shows it only its own (none)', async () => {
    expect((await get(market, `/pools/tables/${people}/quality`)).statusCode).toBe(403);
    const list = await get(market, `/pools/quality/resources?departmentId=${policeId}`);
    expect(list.statusCode).toBe(403);
    expect(list.json().code).toBe('policy.out_of_department_scope');
    expect((await get(market, '/pools/quality/departments')).json()).toEqual([]);
    expect((await get(market, '/pools/quality/resources')).json()).toEqual([]);
    expect((await get(market, '/pools/quality/overdue')).json()).toEqual([]);
  });

  it('shows the authority its region, with counts but no row values', async () => {
    const departments = (await get(authority, '/pools/quality/departments')).json();
    expect(departments.map((d: { departmentId: string }) => d.departmentId)).toContain(policeId);
    const list = await get(authority, `/pools/quality/resources?departmentId=${policeId}`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(3);
    const detail = (await get(authority, `/pools/tables/${people}/quality`)).json();
    expect(detail).toMatchObject({ rowValuesShown: false, worstRows: null });
    expect(detail.keys.duplicates).toBeNull();
    expect(detail.problems.find((p: { code: string }) => p.code === 'pool.value.citizen_id').count).toBe(1);
  });

  it('rejects a malformed department id and an unknown one', async () => {
    expect((await get(police, '/pools/quality/resources?departmentId=nope')).statusCode).toBe(400);
    const unknown = await get(
      authority,
      '/pools/quality/resources?departmentId=00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
  });

  it('lists the overdue updates for oversight, most overdue first', async () => {
    const overdue = (await get(authority, '/pools/quality/overdue')).json();
    expect(overdue.map((r: { resourceId: string }) => r.resourceId)).toEqual([genders, unloaded]);
    expect(overdue[1]).toMatchObject({ neverLoaded: true, dataUpdatedAt: null });
    // The service takes every kind of scope: a region list, or nothing for everything.
    const everything = await overdueResources(t.database.db, {});
    expect(everything).toHaveLength(2);
    const policeOnly = await overdueResources(t.database.db, { departmentIds: [policeId] });
    expect(policeOnly).toHaveLength(2);
  });
});

describe('uniqueness without a key', () => {
  it('counts repeated whole rows of a table that has no key', async () => {
    const table = await tableOf(unloaded);
    await sql
      .raw(
        `INSERT INTO "${table.schema_name}"."${table.table_name}" (_from, mc) VALUES (1, '甲'), (1, '甲'), (1, '乙')`,
      )
      .execute(t.database.db);
    const q = (await get(police, `/pools/tables/${unloaded}/quality`)).json();
    expect(q.keys).toMatchObject({ keyFields: [], distinct: 2, duplicateRows: 1 });
    expect(q.uniqueness).toBe(66.7);
    expect(q.keys.duplicates).toHaveLength(1);
    expect(q.keys.duplicates[0].count).toBe(2);
  });
});
