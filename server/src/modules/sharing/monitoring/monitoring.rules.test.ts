import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { grantToMarket, OTHER_APP, sharingWorld } from '../sharing.fixtures.ts';
import {
  chainAndSweep,
  china,
  grantAlerts,
  issueKey,
  writeCalls,
  type TestKey,
} from './monitoring.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof sharingWorld>>;
let keyA: TestKey;

beforeAll(async () => {
  t = await createTestApp();
  world = await sharingWorld(t, 4);
  keyA = await issueKey(t, world.sessions.market);
});
afterAll(() => t.close());

const rules = () => t.app.platform.profile.sharing.monitoring;
const licenceGrant = (purpose: string) =>
  grantToMarket(t, world, { resourceId: world.licence.id, fields: ['tyshxydm', 'qymc'], purpose });

describe('rule 2: calls outside working hours', () => {
  it('counts holidays, weekends and evenings as outside, make-up working days as inside', async () => {
    const limit = rules().offHoursCallsPerDay;
    const grant = await licenceGrant('登记核验-夜间');
    const query = { key: keyA, way: 'query' as const, grant };
    // 国庆 2026-10-01 is a holiday (a Thursday): at 10:00 it is outside working time.
    await writeCalls(t, { ...query, at: china('2026-10-01T10:00') }, limit);
    // 2026-02-14 is a Saturday but a make-up working day (调休): inside.
    await writeCalls(t, { ...query, at: china('2026-02-14T10:00') }, limit + 1);
    // 2026-03-04 (Wednesday) inside working hours, and its evening outside them.
    await writeCalls(t, { ...query, at: china('2026-03-04T10:00') }, limit + 1);
    await writeCalls(t, { ...query, at: china('2026-03-04T21:30') }, limit);
    await chainAndSweep(t);
    expect(await grantAlerts(t, grant.id, 'off_hours')).toEqual([]);

    await writeCalls(t, { ...query, at: china('2026-10-01T23:59') }); // the same China day
    await writeCalls(t, { ...query, at: china('2026-03-04T06:00') });
    await writeCalls(t, { ...query, at: china('2026-03-07T12:00') }, limit + 1); // a Saturday
    await chainAndSweep(t);
    const alerts = await grantAlerts(t, grant.id, 'off_hours');
    expect(alerts.map((a) => a.period).sort()).toEqual(['2026-03-04', '2026-03-07', '2026-10-01']);
    expect(alerts.find((a) => a.period === '2026-10-01')?.evidence).toEqual({
      offHoursCalls: limit + 1,
      date: '2026-10-01',
      workingHours: rules().workingHours,
      keyPrefixes: [keyA.prefix],
      threshold: limit,
      profilePath: 'sharing.monitoring.offHoursCallsPerDay',
    });
    // The next China day starts afresh: 2026-10-02 00:00 is another period.
    await writeCalls(t, { ...query, at: china('2026-10-02T00:00') });
    expect((await chainAndSweep(t)).alerts).toEqual([]);
  });
});

describe('rule 3: a key not seen before under the grant', () => {
  it("stays quiet for the grant's first key and raises new_key for each further one, once", async () => {
    const grant = await licenceGrant('登记核验-密钥');
    const keyB = await issueKey(t, world.sessions.market);
    const lookup = { way: 'lookup' as const, grant, at: china('2026-03-09T10:00') };
    await writeCalls(t, { ...lookup, key: keyA }, 2);
    expect((await chainAndSweep(t)).alerts).toEqual([]);
    await writeCalls(t, { ...lookup, key: keyA });
    await writeCalls(t, { ...lookup, key: keyB, at: china('2026-03-09T11:20') });
    const raised = await chainAndSweep(t);
    expect(raised.alerts).toEqual([expect.objectContaining({ kind: 'new_key', period: `key:${keyB.id}` })]);
    const [alert] = await grantAlerts(t, grant.id, 'new_key');
    expect(alert?.evidence).toMatchObject({
      keyId: keyB.id,
      keyPrefix: keyB.prefix,
      hour: '2026-03-09T11:00+08:00',
      profilePath: 'sharing.monitoring.alertOnNewKey',
    });
    await writeCalls(t, { ...lookup, key: keyB, at: china('2026-03-10T10:00') });
    expect((await chainAndSweep(t)).alerts).toEqual([]);
    const keys = await t.database.db
      .selectFrom('share_usage_keys')
      .selectAll()
      .where('grant_id', '=', grant.id)
      .orderBy('first_seen')
      .execute();
    expect(keys.map((k) => [k.key_id, k.key_prefix, Number(k.calls)])).toEqual([
      [keyA.id, keyA.prefix, 3],
      [keyB.id, keyB.prefix, 2],
    ]);
    expect(new Date(keys[1]!.last_seen).toISOString()).toBe(china('2026-03-10T10:00').toISOString());

    // With alertOnNewKey off, a third key is recorded but raises nothing.
    const keyC = await issueKey(t, world.sessions.market);
    await writeCalls(t, { ...lookup, key: keyC });
    expect((await chainAndSweep(t, { alertOnNewKey: false })).alerts).toEqual([]);
    expect(await grantAlerts(t, grant.id, 'new_key')).toHaveLength(1);
  });
});

describe('rule 4: repeated refused calls', () => {
  it('raises denied_calls above deniedCallsPerHour for a caller refused without a grant', async () => {
    const limit = rules().deniedCallsPerHour;
    const other = await issueKey(t, world.sessions.market, OTHER_APP);
    const refused = {
      way: 'lookup' as const,
      grant: null,
      // As the sharing API writes a refusal made before the grant was found: the code, no resource id.
      resource: { code: world.licence.code },
      outcome: 'denied' as const,
      at: china('2026-03-11T15:00'),
    };
    // Another application's key, and a purpose outside every grant: one caller, one hour.
    await writeCalls(t, { ...refused, key: other, reason: 'share.grant_other_application' }, limit - 2);
    await writeCalls(
      t,
      { ...refused, key: keyA, purpose: '营销推广', reason: 'share.purpose_outside_grant' },
      2,
    );
    await chainAndSweep(t);
    const denied = () =>
      t.database.db.selectFrom('share_alerts').selectAll().where('kind', '=', 'denied_calls').execute();
    expect(await denied()).toEqual([]);

    await writeCalls(t, {
      ...refused,
      key: other,
      at: china('2026-03-11T15:59'),
      reason: 'share.grant_other_application',
    });
    const raised = await chainAndSweep(t);
    expect(raised.alerts).toEqual([expect.objectContaining({ kind: 'denied_calls', grantId: null })]);
    const [alert] = await denied();
    expect(alert).toMatchObject({
      grant_id: null,
      resource_id: world.licence.id,
      provider_department_id: world.police.id,
      consumer_department_id: world.market.id,
      evidence: {
        deniedCalls: limit + 1,
        hour: '2026-03-11T15:00+08:00',
        reasons: ['share.grant_other_application'], // of the calls in the sweep that crossed it
        threshold: limit,
        profilePath: 'sharing.monitoring.deniedCallsPerHour',
      },
    });
    // Refused calls are counted, but not as use: no records, no off-hours calls.
    const rows = await t.database.db
      .selectFrom('share_usage_hourly')
      .select(['application', 'calls', 'denied', 'records', 'off_hours'])
      .where('grant_id', 'is', null)
      .orderBy('calls')
      .execute();
    expect(rows).toEqual([
      { application: keyA.application, calls: 2, denied: 2, records: 0, off_hours: 0 },
      { application: OTHER_APP, calls: limit - 1, denied: limit - 1, records: 0, off_hours: 0 },
    ]);
  });
});
