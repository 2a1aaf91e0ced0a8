import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { TestSession } from '../../../test/factories.ts';
import { people, poolSessions } from '../pools.fixtures.ts';
import { call, publishBaseWorld, push } from './basedb.fixtures.ts';
import { duplicateFlags } from './sources.service.ts';

let t: TestApp;
let person: { id: string; code: string };
let trader: { id: string; code: string };
let police: TestSession;
let market: TestSession;
let authority: TestSession;
const folk = people(4);

beforeAll(async () => {
  t = await createTestApp();
  ({ person, trader } = await publishBaseWorld(t));
  ({ police, market, authority } = await poolSessions(t));
  await push(t, police, person.id, folk);
  // The market holds three of the four people, one of them under another name, and one more.
  const extra = people(1, 90)[0]!;
  await push(t, market, trader.id, [
    {
      zjhm: folk[0]!.sfzh,
      xingming: folk[0]!.xm,
      csrq: '1980-01-01',
      lxdh: '13800000000',
      jydz: '解放碑1号',
    },
    {
      zjhm: folk[1]!.sfzh,
      xingming: '另一个名字',
      csrq: '1980-01-01',
      lxdh: '13800000001',
      jydz: '解放碑2号',
    },
    { zjhm: folk[2]!.sfzh, csrq: '1980-01-01', lxdh: '13800000002', jydz: '解放碑3号' },
    { zjhm: extra.sfzh, xingming: extra.xm, lxdh: '13800000009', jydz: '解放碑9号' },
  ]);
});
afterAll(() => t.close());

const auditOf = (action: string) =>
  t.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
const assign = (session: TestSession, body: object) => call(t, session, 'POST', '/pools/base/sources', body);

describe('one data, one source', () => {
  it('the data authority assigns base items their source, audited', async () => {
    const name = await assign(authority, {
      baseDatabase: 'population',
      resourceId: person.id,
      sourceField: 'xm',
    });
    expect(name.statusCode, name.body).toBe(201);
    expect(name.json()).toMatchObject({
      baseDatabase: 'population',
      itemName: '姓名',
      fieldName: 'xm',
      departmentName: '市公安局',
      sourceField: 'xm',
    });
    const birth = await assign(authority, {
      baseDatabase: 'population',
      itemName: '出生日期',
      fieldName: 'birth_date',
      resourceId: person.id,
      sourceField: 'csrq',
    });
    expect(birth.statusCode, birth.body).toBe(201);
    // The phone number comes from the market's register: a base database fed by two departments.
    const phone = await assign(authority, {
      baseDatabase: 'population',
      resourceId: trader.id,
      sourceField: 'lxdh',
    });
    expect(phone.statusCode, phone.body).toBe(201);
    const audit = await auditOf('pool.basedb.source.assign');
    expect(audit).toHaveLength(3);
    expect(audit[0]!.detail).toMatchObject({
      baseDatabase: 'population',
      fieldName: 'xm',
      sourceField: 'xm',
    });
  });

  it('a department officer may not assign a source', async () => {
    const response = await assign(police, {
      baseDatabase: 'population',
      resourceId: person.id,
      sourceField: 'sg',
    });
    expect(response.statusCode).toBe(403);
  });

  it('an item has exactly one source: a second one is refused', async () => {
    const response = await assign(authority, {
      baseDatabase: 'population',
      resourceId: trader.id,
      sourceField: 'xingming',
      fieldName: 'xm',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('basedb.source.taken');
    await expect(
      sql`INSERT INTO base_sources (base_database, item_name, field_name, department_id, resource_id, source_field)
          SELECT base_database, '别名', field_name, department_id, resource_id, source_field FROM base_sources
          WHERE field_name = 'xm'`.execute(t.database.db),
    ).rejects.toThrow(/unique|duplicate/i);
  });

  it('refuses an unknown field, the key itself, and a source not keyed on the ID number', async () => {
    const unknown = await assign(authority, {
      baseDatabase: 'population',
      resourceId: person.id,
      sourceField: 'nope',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().code).toBe('basedb.source.no_field');
    const key = await assign(authority, {
      baseDatabase: 'population',
      resourceId: person.id,
      sourceField: 'sfzh',
    });
    expect(key.json().code).toBe('basedb.source.is_key');
    const legal = await assign(authority, {
      baseDatabase: 'legal_person',
      resourceId: person.id,
      sourceField: 'xm',
    });
    expect(legal.statusCode).toBe(400);
    expect(legal.json().code).toBe('basedb.source.no_key');
  });

  it('changing a source is audited with before and after', async () => {
    const sources = (await call(t, police, 'GET', '/pools/base/sources')).json();
    const phone = sources.find((s: { fieldName: string }) => s.fieldName === 'lxdh');
    const changed = await call(t, authority, 'PUT', `/pools/base/sources/${phone.id}`, {
      resourceId: trader.id,
      sourceField: 'lxdh',
      itemName: '联系电话（经营者）',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().itemName).toBe('联系电话（经营者）');
    const [event] = await auditOf('pool.basedb.source.change');
    expect(event!.detail).toMatchObject({
      before: { itemName: '联系电话' },
      after: { itemName: '联系电话（经营者）', sourceField: 'lxdh' },
    });
    expect(
      (
        await call(t, police, 'PUT', `/pools/base/sources/${phone.id}`, {
          resourceId: trader.id,
          sourceField: 'lxdh',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('duplicate collection', () => {
  it("flags the market's resource that collects the name (by normalised item name) and the birth date (by field)", async () => {
    const flags = (await call(t, market, 'GET', '/pools/base/duplicates')).json();
    const found = flags.map(
      (f: {
        fieldName: string;
        duplicateField: string;
        departmentName: string;
        sourceDepartmentName: string;
      }) => [f.fieldName, f.duplicateField, f.departmentName, f.sourceDepartmentName].join(' '),
    );
    expect(found.sort()).toEqual([
      'birth_date csrq 市市场监管局 市公安局',
      'xm xingming 市市场监管局 市公安局',
    ]);
  });

  it('the source department sees the flags about its items; the authority sees its region; the key is not flagged', async () => {
    expect((await call(t, police, 'GET', '/pools/base/duplicates')).json()).toHaveLength(2);
    const all = (await call(t, authority, 'GET', '/pools/base/duplicates')).json();
    expect(all).toHaveLength(2);
    expect(all.some((f: { duplicateField: string }) => f.duplicateField === 'zjhm')).toBe(false);
    // The phone's source is the market; the police resource has no phone, so nothing is flagged for it.
    expect((await duplicateFlags(t.database.db, null)).length).toBe(2);
  });
});

describe('building a base database', () => {
  it('fuses the two pools on the ID number: each item from its source, conflicts listed, audited', async () => {
    const build = await call(t, authority, 'POST', '/pools/base/population/builds');
    expect(build.statusCode, build.body).toBe(201);
    expect(build.json()).toMatchObject({ state: 'built', rowCount: 5, conflictCount: 1 });
    const rows = await sql<
      Record<string, unknown>
    >`SELECT * FROM base_db.population ORDER BY citizen_id`.execute(t.database.db);
    expect(rows.rows).toHaveLength(5);
    const second = rows.rows.find((r) => r.citizen_id === folk[1]!.sfzh)!;
    expect(second).toMatchObject({ xm: folk[1]!.xm, birth_date: '1980-01-01', lxdh: '13800000001' });
    const conflicts = (await call(t, authority, 'GET', '/pools/base/population/conflicts')).json();
    expect(conflicts.total).toBe(1);
    expect(conflicts.items[0]).toMatchObject({
      keyValue: folk[1]!.sfzh,
      fieldName: 'xm',
      sourceValue: folk[1]!.xm,
      otherValue: '另一个名字',
      otherDepartmentName: '市市场监管局',
      otherField: 'xingming',
    });
    expect((await call(t, market, 'GET', '/pools/base/population/conflicts')).json().total).toBe(1);
    expect((await call(t, police, 'GET', '/pools/base/population/conflicts')).json().total).toBe(0);
    const [event] = await auditOf('pool.basedb.build');
    expect(event!.detail).toMatchObject({ rows: 5, conflicts: 1 });
  });

  it('shows the summary and reads a record by key (audited), for the authority only', async () => {
    const summary = (await call(t, police, 'GET', '/pools/base/population')).json();
    expect(summary).toMatchObject({ built: true, rowCount: 5, conflictCount: 1, keyColumn: 'citizen_id' });
    expect(summary.sources).toHaveLength(3);
    const record = await call(t, authority, 'GET', `/pools/base/population/records/${folk[0]!.sfzh}`);
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ citizen_id: folk[0]!.sfzh, xm: folk[0]!.xm });
    expect((await auditOf('pool.basedb.record.read')).at(-1)!.detail).toMatchObject({
      key: folk[0]!.sfzh,
      found: true,
    });
    expect((await call(t, police, 'GET', `/pools/base/population/records/${folk[0]!.sfzh}`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(t, authority, 'GET', '/pools/base/population/records/500103198001010000')).statusCode,
    ).toBe(404);
  });

  it('a build is all or nothing: a failure leaves the base table, its columns and conflicts as they were', async () => {
    const height = await assign(authority, {
      baseDatabase: 'population',
      resourceId: person.id,
      sourceField: 'sg',
    });
    expect(height.statusCode).toBe(201);
    const { schema_name, table_name } = await t.database.db
      .selectFrom('pool_tables')
      .select(['schema_name', 'table_name'])
      .where('resource_id', '=', trader.id)
      .executeTakeFirstOrThrow();
    // The market's pool drifts out of step with the register behind the platform's back.
    const rename = (from: string, to: string) =>
      sql
        .raw(`ALTER TABLE "${schema_name}"."${table_name}" RENAME COLUMN ${from} TO ${to}`)
        .execute(t.database.db);
    await rename('lxdh', 'lxdh_moved');
    const failed = await call(t, authority, 'POST', '/pools/base/population/builds');
    expect(failed.statusCode).toBe(409);
    expect(failed.json().code).toBe('basedb.build.failed');
    const columns = await sql<{ column_name: string }>`SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'base_db' AND table_name = 'population'`.execute(t.database.db);
    expect(columns.rows.map((c) => c.column_name)).not.toContain('sg');
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM base_db.population`.execute(
      t.database.db,
    );
    expect(count.rows[0]!.n).toBe(5);
    expect((await call(t, authority, 'GET', '/pools/base/population/conflicts')).json().total).toBe(1);
    const summary = (await call(t, authority, 'GET', '/pools/base/population')).json();
    expect(summary.lastBuild).toMatchObject({ state: 'built', rowCount: 5 });
    expect(summary.lastAttempt).toMatchObject({ state: 'failed', failure: 'basedb.build.failed' });
    expect((await auditOf('pool.basedb.build')).at(-1)!.outcome).toBe('failure');
    await rename('lxdh_moved', 'lxdh');
    const again = await call(t, authority, 'POST', '/pools/base/population/builds');
    expect(again.json()).toMatchObject({ state: 'built', rowCount: 5 });
    const record = (
      await call(t, authority, 'GET', `/pools/base/population/records/${folk[0]!.sfzh}`)
    ).json();
    expect(record.sg).toBe('170.50');
  });

  it('refuses a build by a department, and of a base database without sources', async () => {
    expect((await call(t, police, 'POST', '/pools/base/population/builds')).statusCode).toBe(403);
    const none = await call(t, authority, 'POST', '/pools/base/geo/builds');
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('basedb.build.no_sources');
  });
});

describe('theme databases', () => {
  const declaration = () => ({
    code: 'trader_people',
    name: '个体经营者人口主题库',
    driving: { base: 'population' },
    joins: [{ resourceId: trader.id, field: 'zjhm', on: 'citizen_id' }],
    columns: [
      { table: 0, field: 'citizen_id' },
      { table: 0, field: 'xm' },
      { table: 1, field: 'jydz', as: 'address' },
    ],
  });

  it('a declaration is a view whose rows come from the pools and stay current', async () => {
    const created = await call(t, authority, 'POST', '/pools/themes', declaration());
    expect(created.statusCode, created.body).toBe(201);
    const theme = created.json();
    expect(theme.view).toBe('theme_db.trader_people');
    const rows = (await call(t, authority, 'GET', `/pools/themes/${theme.id}/rows?pageSize=50`)).json();
    expect(rows.total).toBe(5);
    const first = rows.items.find((r: { citizen_id: string }) => r.citizen_id === folk[0]!.sfzh);
    expect(first).toEqual({ citizen_id: folk[0]!.sfzh, xm: folk[0]!.xm, address: '解放碑1号' });
    await push(t, market, trader.id, [{ zjhm: folk[0]!.sfzh, jydz: '朝天门8号', csrq: '1980-01-01' }]);
    const after = (await call(t, authority, 'GET', `/pools/themes/${theme.id}/rows?pageSize=50`)).json();
    expect(after.items.find((r: { citizen_id: string }) => r.citizen_id === folk[0]!.sfzh).address).toBe(
      '朝天门8号',
    );
    expect(await auditOf('pool.theme.create')).toHaveLength(1);
    expect((await auditOf('pool.theme.rows.read')).length).toBe(2);
    expect((await call(t, police, 'GET', `/pools/themes/${theme.id}/rows`)).statusCode).toBe(403);
    expect((await call(t, police, 'GET', '/pools/themes')).json()).toHaveLength(1);
  });

  it('a bad declaration is a 400 naming the field, and nothing is made', async () => {
    const bad = declaration();
    bad.code = 'bad_theme';
    bad.columns[1] = { table: 0, field: 'no_such_column' };
    bad.joins[0] = { resourceId: trader.id, field: 'csrq', on: 'citizen_id' };
    const response = await call(t, authority, 'POST', '/pools/themes', bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('basedb.theme.invalid');
    const errors: { path: string; message: string }[] = response.json().errors;
    expect(errors.map((e) => e.path)).toEqual(['/body/joins/0/field', '/body/columns/1/field']);
    expect(errors[0]!.message).toContain('关联键类型不一致');
    expect(errors[1]!.message).toContain('no_such_column');
    const view = await sql<{ v: string | null }>`SELECT to_regclass('theme_db.bad_theme')::text AS v`.execute(
      t.database.db,
    );
    expect(view.rows[0]!.v).toBeNull();
    expect((await call(t, authority, 'POST', '/pools/themes', declaration())).statusCode).toBe(409);
    const notBuilt = { ...declaration(), code: 'geo_theme', driving: { base: 'geo' } };
    const geo = await call(t, authority, 'POST', '/pools/themes', notBuilt);
    expect(geo.statusCode).toBe(400);
    expect(JSON.stringify(geo.json())).toContain('/body/driving/base');
  });

  it('a theme view keeps the base columns it uses: a rebuild that would drop one fails, then the drop is audited', async () => {
    const theme = (await call(t, authority, 'GET', '/pools/themes')).json()[0];
    const xm = (await call(t, authority, 'GET', '/pools/base/sources'))
      .json()
      .find((s: { fieldName: string }) => s.fieldName === 'xm');
    expect((await call(t, authority, 'DELETE', `/pools/base/sources/${xm.id}`)).statusCode).toBe(204);
    const blocked = await call(t, authority, 'POST', '/pools/base/population/builds');
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('basedb.build.column_in_use');
    expect((await call(t, police, 'DELETE', `/pools/themes/${theme.id}`)).statusCode).toBe(403);
    expect((await call(t, authority, 'DELETE', `/pools/themes/${theme.id}`)).statusCode).toBe(204);
    const view = await sql<{
      v: string | null;
    }>`SELECT to_regclass('theme_db.trader_people')::text AS v`.execute(t.database.db);
    expect(view.rows[0]!.v).toBeNull();
    expect(await auditOf('pool.theme.drop')).toHaveLength(1);
    expect((await call(t, authority, 'POST', '/pools/base/population/builds')).statusCode).toBe(201);
  });
});
