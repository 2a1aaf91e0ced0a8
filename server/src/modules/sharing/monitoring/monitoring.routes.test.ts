import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { GrantRow } from '../grants/grants.repository.ts';
import {
  bearer,
  grantToMarket,
  marketKey,
  MARKET_APP,
  OTHER_APP,
  sharingWorld,
} from '../sharing.fixtures.ts';
import { chainAndSweep, china, issueKey, writeCalls, type TestKey } from './monitoring.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof sharingWorld>>;
let grant: GrantRow;
let keyA: TestKey;
let keyB: TestKey;
let auditor: TestSession;
let district: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  world = await sharingWorld(t, 4);
  const districtDept = await t.database.db
    .selectFrom('departments')
    .select(['id', 'region_id'])
    .where('name', '=', '渝中区公安分局')
    .executeTakeFirstOrThrow();
  await createUser(t.database.db, {
    role: 'department_officer',
    username: 'district.officer',
    departmentId: districtDept.id,
    regionId: districtDept.region_id,
  });
  [auditor, district] = await Promise.all([
    login(t.app, 'auditor', 'Test-password-1'),
    login(t.app, 'district.officer', 'Test-password-1'),
  ]);
  grant = await grantToMarket(t, world, { resourceId: world.licence.id, fields: ['tyshxydm', 'qymc'] });
  keyA = await issueKey(t, world.sessions.market);
  keyB = await issueKey(t, world.sessions.market);
  const other = await issueKey(t, world.sessions.market, OTHER_APP);
  const day1 = china('2026-03-03T10:05');
  await writeCalls(t, { key: keyA, way: 'lookup', grant, at: day1 }, 5);
  await writeCalls(t, { key: keyA, way: 'query', grant, at: day1, count: 20 });
  await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-04T09:00') }, 2);
  await writeCalls(t, { key: keyB, way: 'lookup', grant, at: china('2026-03-04T09:30') }); // a new key
  const refused = { key: other, way: 'lookup' as const, grant: null, outcome: 'denied' as const, at: day1 };
  await writeCalls(t, { ...refused, resource: { id: world.licence.id, code: world.licence.code } }, 2);
  // A threshold of 1 so that the two refusals raise an alert too.
  await chainAndSweep(t, { deniedCallsPerHour: 1 });
});
afterAll(() => t.close());

const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });
const usage = (session: TestSession, query: string) =>
  get(session, `/share/usage?from=2026-03-03&to=2026-03-04${query}`);

describe('GET /share/usage', () => {
  it('shows the provider who uses its data, for what and how often, day by day', async () => {
    const response = await usage(world.sessions.police, '');
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      side: 'provider',
      granularity: 'day',
      from: '2026-03-03',
      to: '2026-03-04',
    });
    expect(report.series).toEqual([
      {
        period: '2026-03-03',
        calls: 8,
        denied: 2,
        failed: 0,
        records: 25,
        offHours: 0,
        byWay: { lookup: 7, query: 1, export: 0, changes: 0, live: 0 },
      },
      {
        period: '2026-03-04',
        calls: 3,
        denied: 0,
        failed: 0,
        records: 3,
        offHours: 0,
        byWay: { lookup: 3, query: 0, export: 0, changes: 0, live: 0 },
      },
    ]);
    expect(report.totals).toEqual({ calls: 11, denied: 2, failed: 0, records: 28, offHours: 0 });
    expect(report.topApplications).toEqual([
      {
        department: { id: world.market.id, name: '市市场监管局' },
        application: MARKET_APP,
        grantId: grant.id,
        purpose: '企业登记核验',
        resource: { id: world.licence.id, code: world.licence.code, name: '营业执照信息' },
        calls: 9,
        denied: 0,
        records: 28,
      },
      expect.objectContaining({ application: OTHER_APP, grantId: null, purpose: null, calls: 2, denied: 2 }),
    ]);
    expect(report.keys).toEqual([]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'share.usage.read')
      .execute();
    expect(audit.at(-1)?.detail).toMatchObject({ side: 'provider', from: '2026-03-03', to: '2026-03-04' });
  });

  it('gives hours, and for one grant the keys that called under it', async () => {
    const response = await get(
      world.sessions.police,
      `/share/usage?granularity=hour&from=2026-03-03&to=2026-03-03&grantId=${grant.id}`,
    );
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.series).toHaveLength(24);
    expect(report.series[10]).toMatchObject({ period: '2026-03-03T10:00+08:00', calls: 6, records: 25 });
    expect(report.totals.calls).toBe(6);
    expect(report.keys).toEqual([
      expect.objectContaining({ keyPrefix: keyA.prefix, application: MARKET_APP, calls: 8 }),
      expect.objectContaining({
        keyPrefix: keyB.prefix,
        calls: 1,
        firstSeen: china('2026-03-04T09:30').toISOString(),
      }),
    ]);
  });

  it('shows the consumer its own calls and the authority its region, and no one else’s', async () => {
    const consumer = await usage(world.sessions.market, '&side=consumer');
    expect(consumer.json().totals.calls).toBe(11);
    const marketAsProvider = await usage(world.sessions.market, '&side=provider');
    expect(marketAsProvider.json().totals.calls).toBe(0);
    const authority = await usage(world.sessions.authority, '');
    expect(authority.json()).toMatchObject({ side: 'authority', totals: { calls: 11 } });
    expect((await usage(auditor, '')).json().totals.calls).toBe(11);
    expect((await usage(district, '&side=provider')).json().totals.calls).toBe(0);

    const refusals = [
      [world.sessions.market, `&side=provider&grantId=${grant.id}`, 'share.monitor.grant_out_of_scope'],
      [district, `&side=consumer&grantId=${grant.id}`, 'share.monitor.grant_out_of_scope'],
      [district, '&side=authority', 'share.monitor.authority_only'],
      [auditor, '&side=provider', 'share.monitor.department_only'],
    ] as const;
    for (const [session, query, code] of refusals) {
      const response = await usage(session, query);
      expect({ status: response.statusCode, code: response.json().code }).toEqual({ status: 403, code });
    }
  });

  it('refuses a reversed or too long range and an unknown grant', async () => {
    const police = world.sessions.police;
    const reversed = await get(police, '/share/usage?from=2026-03-05&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().code).toBe('share.monitor.range_reversed');
    const long = await get(police, '/share/usage?granularity=hour&from=2026-01-01&to=2026-03-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('share.monitor.range_too_long');
    const unknown = await usage(police, '&grantId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect((await get(police, '/share/usage?from=2026-13-01')).statusCode).toBe(400);
  });

  it('is for staff only: an API key and an anonymous caller are refused', async () => {
    const key = await marketKey(t, world.sessions.market);
    const asApp = await t.app.inject({ method: 'GET', url: '/api/v1/share/usage', headers: bearer(key) });
    expect(asApp.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/share/alerts' })).statusCode).toBe(401);
  });
});

describe('alerts', () => {
  const acknowledge = (session: TestSession, id: string, note: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/share/alerts/${id}/acknowledge`,
      headers: session.write,
      payload: { note },
    });

  it('are listed for the provider and the authority, not for the consumer', async () => {
    const police = (await get(world.sessions.police, '/share/alerts')).json();
    expect(police.total).toBe(2);
    expect(police.items.map((a: { kind: string }) => a.kind).sort()).toEqual(['denied_calls', 'new_key']);
    const newKey = police.items.find((a: { kind: string }) => a.kind === 'new_key');
    expect(newKey).toMatchObject({
      state: 'open',
      grantId: grant.id,
      resource: { id: world.licence.id, code: world.licence.code },
      provider: { id: world.police.id, name: '市公安局' },
      consumer: { id: world.market.id, name: '市市场监管局' },
      application: MARKET_APP,
      evidence: { keyPrefix: keyB.prefix },
      acknowledgedAt: null,
    });
    expect((await get(world.sessions.authority, '/share/alerts?state=open')).json().total).toBe(2);
    expect((await get(auditor, '/share/alerts?kind=new_key')).json().total).toBe(1);
    expect((await get(world.sessions.market, '/share/alerts')).json().total).toBe(0);
    expect((await get(district, '/share/alerts')).json().total).toBe(0);
    expect((await get(world.sessions.market, '/share/alerts?side=authority')).statusCode).toBe(403);
    expect((await get(world.sessions.police, '/share/alerts?side=consumer')).statusCode).toBe(400);
  });

  it("are acknowledged with a note by the provider's staff or the authority, once", async () => {
    const items = (await get(world.sessions.police, '/share/alerts')).json().items as {
      id: string;
      kind: string;
    }[];
    const newKey = items.find((a) => a.kind === 'new_key')!.id;
    const denied = items.find((a) => a.kind === 'denied_calls')!.id;

    for (const session of [world.sessions.market, auditor, district]) {
      const response = await acknowledge(session, newKey, '已核实');
      expect({ status: response.statusCode, code: response.json().code }).toEqual({
        status: 403,
        code: 'share.monitor.acknowledge_not_allowed',
      });
    }
    const blank = await acknowledge(world.sessions.police, newKey, '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().code).toBe('share.monitor.note_required');
    expect((await acknowledge(world.sessions.police, newKey, '')).statusCode).toBe(400);

    const done = await acknowledge(
      world.sessions.police,
      newKey,
      '  新密钥为市场监管局系统升级所用，已电话核实  ',
    );
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgementNote: '新密钥为市场监管局系统升级所用，已电话核实',
    });
    expect(done.json().acknowledgedAt).not.toBeNull();
    expect(done.json().acknowledgedByName).toBeTruthy();
    const again = await acknowledge(world.sessions.authority, newKey, '再次确认');
    expect({ status: again.statusCode, code: again.json().code }).toEqual({
      status: 409,
      code: 'share.monitor.already_acknowledged',
    });
    expect((await acknowledge(world.sessions.authority, denied, '已约谈使用部门')).statusCode).toBe(200);
    expect(
      (await acknowledge(world.sessions.police, '00000000-0000-4000-8000-000000000000', '无')).statusCode,
    ).toBe(404);
    expect((await get(world.sessions.police, '/share/alerts?state=open')).json().total).toBe(0);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_name', 'target_id', 'department_id'])
      .where('action', '=', 'share.alert.acknowledge')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { actor_name: 'police.officer', target_id: newKey, department_id: world.police.id },
      { actor_name: 'authority', target_id: denied, department_id: world.police.id },
    ]);
  });
});
