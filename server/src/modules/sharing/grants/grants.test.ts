import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { systemContext } from '../../../platform/policy/actor.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { findPoolTable } from '../../pools/pool-tables.repository.ts';
import { qualified } from '../../pools/pool-schema.ts';
import { grantToMarket, MARKET_APP, OTHER_APP, sharingWorld } from '../sharing.fixtures.ts';
import { resolveCallGrant, revokeGrant } from './grants.service.ts';
import { conditionProblems, conditionsSql, keepsConditions, type RowCondition } from './row-filter.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof sharingWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await sharingWorld(t, 12);
});
afterAll(() => t.close());

const app = (name = MARKET_APP, departmentId = world.market.id): Actor => ({
  type: 'application',
  id: 'key',
  name,
  displayName: name,
  role: 'department_application',
  departmentId,
  regionId: world.market.region_id,
  regionScope: [],
  locale: 'zh-CN',
  identityVerified: false,
});

async function refusal(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as AppError | null;
  expect(error, 'expected a refusal').not.toBeNull();
  return { status: error!.status, code: error!.code };
}

describe('the grant a sharing call runs under', () => {
  it('is found for its application and purpose, and refused with the reason otherwise', async () => {
    const code = world.licence.code;
    expect(await refusal(resolveCallGrant(t.database.db, app(), code, undefined))).toEqual({
      status: 403,
      code: 'share.no_grant',
    });
    const grant = await grantToMarket(t, world, {
      resourceId: world.licence.id,
      fields: ['tyshxydm', 'qymc'],
    });
    const found = await resolveCallGrant(t.database.db, app(), code, undefined);
    expect(found).toMatchObject({ grant: { id: grant.id }, purpose: '企业登记核验', resource: { code } });
    expect((await resolveCallGrant(t.database.db, app(), code, ' 企业登记核验 ')).grant.id).toBe(grant.id);
    expect(await refusal(resolveCallGrant(t.database.db, app(), code, '营销'))).toEqual({
      status: 403,
      code: 'share.purpose_outside_grant',
    });
    expect(await refusal(resolveCallGrant(t.database.db, app(OTHER_APP), code, undefined))).toEqual({
      status: 403,
      code: 'share.grant_other_application',
    });
    expect(
      await refusal(resolveCallGrant(t.database.db, app(MARKET_APP, world.police.id), code, undefined)),
    ).toEqual({
      status: 403,
      code: 'share.no_grant',
    });
    expect(await refusal(resolveCallGrant(t.database.db, app(), '999999/000001', undefined))).toEqual({
      status: 404,
      code: 'resource.not_found',
    });
    // A second purpose: a call must now say which one it calls for.
    const second = await grantToMarket(t, world, {
      resourceId: world.licence.id,
      fields: ['tyshxydm'],
      purpose: '双随机抽查',
    });
    expect(await refusal(resolveCallGrant(t.database.db, app(), code, undefined))).toEqual({
      status: 400,
      code: 'share.purpose_required',
    });
    expect((await resolveCallGrant(t.database.db, app(), code, '双随机抽查')).grant.id).toBe(second.id);
    // Revoked: refused at once.
    await t.database.db
      .transaction()
      .execute((trx) => revokeGrant(trx, systemContext('test'), second.id, '任务结束'));
    expect(await refusal(resolveCallGrant(t.database.db, app(), code, '双随机抽查'))).toEqual({
      status: 403,
      code: 'share.purpose_outside_grant',
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', 'in', ['share.grant.create', 'share.grant.revoke'])
      .execute();
    expect(audit.filter((a) => a.target_id === second.id).map((a) => a.action)).toEqual([
      'share.grant.create',
      'share.grant.revoke',
    ]);
  });

  it('stops at its end and does not start before its start', async () => {
    const now = Date.now();
    await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh'],
      purpose: '过期的用途',
      startsAt: new Date(now - 3 * 86_400_000),
      endsAt: new Date(now - 86_400_000),
    });
    await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh'],
      purpose: '未来的用途',
      startsAt: new Date(now + 86_400_000),
      endsAt: new Date(now + 3 * 86_400_000),
    });
    expect(await refusal(resolveCallGrant(t.database.db, app(), world.person.code, undefined))).toEqual({
      status: 403,
      code: 'share.no_grant',
    });
    // At a moment inside the second one, it is the grant in force.
    const inside = new Date(now + 2 * 86_400_000);
    expect((await resolveCallGrant(t.database.db, app(), world.person.code, undefined, inside)).purpose).toBe(
      '未来的用途',
    );
  });

  it('refuses grants on unknown items, wrong masking or a bad period, naming each problem', async () => {
    const error = (await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh', 'nope'],
      rowFilter: [{ field: 'sg', op: 'prefix', value: '17' }],
      masking: { sfzh: { kind: 'date' }, xm: { kind: 'name' } },
      endsAt: new Date(Date.now() - 1000),
    }).catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(error.fields.map((f) => [f.path, f.code])).toEqual([
      ['/body/fields/1', 'share.filter.unknown_field'],
      ['/body/rowFilter/0/op', 'share.filter.prefix_on_text'],
      ['/body/masking/sfzh', 'share.masking_invalid'],
      ['/body/masking/xm', 'share.masking_unknown_field'],
      ['/body/endsAt', 'share.ends_before_start'],
    ]);
  });
});

describe('row conditions', () => {
  const rowsWhere = async (conditions: RowCondition[]) => {
    const table = (await findPoolTable(t.database.db, world.person.id))!;
    expect(conditionProblems(conditions, table.columns, '/q')).toEqual([]);
    const where = conditionsSql(conditions, table.columns) ?? sql`true`;
    const result = await sql<{ sfzh: string }>`SELECT t.sfzh FROM ${sql.raw(qualified(table))} AS t
      WHERE t._to IS NULL AND ${where} ORDER BY t._row`.execute(t.database.db);
    return result.rows.map((r) => r.sfzh);
  };

  it('select the rows they describe on the database, with values as typed parameters', async () => {
    const all = world.persons.map((p) => p.sfzh);
    expect(await rowsWhere([])).toEqual(all);
    expect(await rowsWhere([{ field: 'sfzh', op: 'in', value: [all[0]!, all[3]!] }])).toEqual([
      all[0],
      all[3],
    ]);
    expect(await rowsWhere([{ field: 'sfzh', op: 'prefix', value: '500103' }])).toEqual(all);
    expect(await rowsWhere([{ field: 'sfzh', op: 'prefix', value: "5'; DROP TABLE x; --" }])).toEqual([]);
    expect(
      await rowsWhere([
        { field: 'csrq', op: 'gte', value: '1980-01-01' },
        { field: 'sg', op: 'lt', value: 171 },
      ]),
    ).toEqual(all);
    expect(await rowsWhere([{ field: 'sfhz', op: 'eq', value: true }])).toEqual(
      all.filter((_, i) => i % 2 === 0),
    );
    expect(await rowsWhere([{ field: 'xm', op: 'null' }])).toEqual([]);
  });

  it('name what is wrong with a condition', async () => {
    const table = (await findPoolTable(t.database.db, world.person.id))!;
    const problems = conditionProblems(
      [
        { field: 'csrq', op: 'eq', value: '1980-13-45' },
        { field: 'sg', op: 'eq', value: 'tall' },
        { field: 'xm', op: 'in', value: '张三' },
        { field: 'xm', op: 'null', value: 'x' },
        { field: 'sfhz', op: 'gt', value: true },
      ],
      table.columns,
      '/query/filter',
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/query/filter/0/value', 'share.filter.not_a_date'],
      ['/query/filter/1/value', 'share.filter.not_a_number'],
      ['/query/filter/2/op', 'share.filter.list_expected'],
      ['/query/filter/3/op', 'share.filter.no_value_expected'],
      ['/query/filter/4/op', 'share.filter.not_ordered'],
    ]);
  });

  it('a narrower scope keeps every condition asked for', () => {
    const asked: RowCondition[] = [{ field: 'sfzh', op: 'prefix', value: '500103' }];
    expect(keepsConditions(asked, [...asked, { field: 'sfhz', op: 'eq', value: true }])).toBe(true);
    expect(keepsConditions(asked, [])).toBe(false);
  });
});
