import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { GrantRow } from '../grants/grants.repository.ts';
import { grantToMarket, sharingWorld } from '../sharing.fixtures.ts';
import { runOnce } from '../../../platform/audit/sequencer.ts';
import { sweepShareUsage } from './monitoring.sweep.ts';
import type { ShareAlertKind } from './monitoring.tables.ts';
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
let keyB: TestKey;

beforeAll(async () => {
  t = await createTestApp();
  world = await sharingWorld(t, 4);
  keyA = await issueKey(t, world.sessions.market);
  keyB = await issueKey(t, world.sessions.market);
});
afterAll(() => t.close());

const rules = () => t.app.platform.profile.sharing.monitoring;
const licenceGrant = (purpose: string) =>
  grantToMarket(t, world, { resourceId: world.licence.id, fields: ['tyshxydm', 'qymc'], purpose });

async function hourly(grant: GrantRow) {
  return t.database.db
    .selectFrom('share_usage_hourly')
    .select(['hour', 'way', 'calls', 'denied', 'failed', 'records', 'off_hours', 'key_ids'])
    .where('grant_id', '=', grant.id)
    .orderBy('hour')
    .orderBy('way')
    .execute();
}

const alertsOf = (grantId: string, kind: ShareAlertKind) => grantAlerts(t, grantId, kind);

describe('folding data calls into hourly rollups', () => {
  it('counts calls, records, refusals and keys per hour and way, and a re-run counts nothing twice', async () => {
    const grant = await licenceGrant('登记核验-汇总');
    const at = china('2026-03-03T10:15'); // a Tuesday, in working hours
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at, keys: ['k1'] }, 3);
    await writeCalls(t, { key: keyB, way: 'lookup', grant, at, outcome: 'denied', purpose: '营销' });
    await writeCalls(t, { key: keyA, way: 'query', grant, at, count: 50 });
    await writeCalls(t, { key: keyA, way: 'export', grant, at, outcome: 'failure', count: 0 });
    const first = await chainAndSweep(t);
    expect(first.events).toBe(6);
    const rows = await hourly(grant);
    expect(rows.map((r) => ({ ...r, hour: new Date(r.hour).toISOString() }))).toEqual([
      {
        hour: '2026-03-03T02:00:00.000Z',
        way: 'export',
        calls: 1,
        denied: 0,
        failed: 1,
        records: 0,
        off_hours: 0,
        key_ids: [keyA.id],
      },
      {
        hour: '2026-03-03T02:00:00.000Z',
        way: 'lookup',
        calls: 4,
        denied: 1,
        failed: 0,
        records: 3,
        off_hours: 0,
        key_ids: [keyA.id, keyB.id].sort(),
      },
      {
        hour: '2026-03-03T02:00:00.000Z',
        way: 'query',
        calls: 1,
        denied: 0,
        failed: 0,
        records: 50,
        off_hours: 0,
        key_ids: [keyA.id],
      },
    ]);

    const again = await chainAndSweep(t);
    expect(again.events).toBe(0);
    expect(await hourly(grant)).toEqual(rows);

    // A call made now goes through recordAudit itself and lands in the current hour.
    await writeCalls(t, { key: keyA, way: 'lookup', grant, count: 2 });
    expect((await chainAndSweep(t)).events).toBe(1);
    const now = (await hourly(grant)).at(-1)!;
    expect(now).toMatchObject({ way: 'lookup', calls: 1, records: 2 });
    expect(Date.now() - new Date(now.hour).getTime()).toBeLessThan(3_600_000 + 60_000);
  });

  it('waits for the chain: an event not yet sequenced is folded on the sweep after it is', async () => {
    const grant = await licenceGrant('登记核验-链');
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-03T11:00') });
    const profile = t.app.platform.profile;
    const early = await sweepShareUsage(t.database.db, { profile, calendar: t.app.platform.calendar });
    expect(early.events).toBe(0);
    expect(await hourly(grant)).toEqual([]);
    expect((await chainAndSweep(t)).events).toBe(1);
  });

  it('counts an event that commits late with a lower id than events already folded, exactly once', async () => {
    const grant = await licenceGrant('登记核验-迟交');
    // A call's transaction takes its id first and commits after later calls have been folded.
    const reserved = await sql<{ id: string }>`SELECT nextval('audit_events_id_seq') AS id`.execute(
      t.database.db,
    );
    const lateId = Number(reserved.rows[0]!.id);
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-03T12:00') }, 2);
    await chainAndSweep(t);
    const folded = await t.database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.max('id').as('max'))
      .where('action', 'like', 'share.data.%')
      .executeTakeFirstOrThrow();
    expect(Number(folded.max)).toBeGreaterThan(lateId);
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-03T12:30'), id: lateId });
    expect((await chainAndSweep(t)).events).toBe(1);
    expect((await hourly(grant)).map((r) => r.calls)).toEqual([3]);
    expect((await chainAndSweep(t)).events).toBe(0);
  });

  it('folds each event once when two instances sweep at the same moment', async () => {
    const grant = await licenceGrant('登记核验-并发');
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-03T14:00') }, 30);
    while ((await runOnce(t.database.db)) > 0);
    const platform = { profile: t.app.platform.profile, calendar: t.app.platform.calendar };
    const sweeps = await Promise.all(
      [0, 1, 2].map(() => sweepShareUsage(t.database.db, platform, { batchSize: 10 })),
    );
    // On PostgreSQL the lock lets one through and the others skip; PGlite runs them one after another.
    expect(sweeps.some((s) => s.ran)).toBe(true);
    await chainAndSweep(t);
    expect((await hourly(grant)).map((r) => r.calls)).toEqual([30]);
  });

  it('skips events it cannot attribute and moves on', async () => {
    await t.database.db
      .insertInto('audit_events')
      .values([
        { actor_type: 'application', action: 'share.data.teleport', department_id: world.market.id },
        {
          actor_type: 'anonymous',
          action: 'share.data.lookup',
          department_id: null,
          detail: '{"count":"x"}',
        },
      ])
      .execute();
    const result = await chainAndSweep(t);
    expect(result.events).toBe(2);
    const cursor = await t.database.db
      .selectFrom('share_monitor_cursor')
      .selectAll()
      .executeTakeFirstOrThrow();
    const head = await t.database.db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow();
    expect(Number(cursor.last_seq)).toBe(Number(head.seq));
  });
});

describe('rule 1: bulk lookups', () => {
  it('is quiet at lookupsPerHour and raises bulk_lookup once above it, totals across sweeps', async () => {
    const grant = await licenceGrant('登记核验-批量');
    const limit = rules().lookupsPerHour;
    const at = china('2026-03-04T09:00');
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at }, limit - 500);
    await chainAndSweep(t);
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-04T09:40') }, 500);
    // Refused lookups are not lookups served; they do not push the hour over.
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at, outcome: 'denied', purpose: '其他' }, 3);
    await chainAndSweep(t);
    expect(await alertsOf(grant.id, 'bulk_lookup')).toEqual([]);

    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-04T09:59') });
    const raised = await chainAndSweep(t);
    expect(raised.alerts).toEqual([expect.objectContaining({ kind: 'bulk_lookup', grantId: grant.id })]);
    const [alert] = await alertsOf(grant.id, 'bulk_lookup');
    expect(alert).toMatchObject({
      state: 'open',
      period: '2026-03-04T01:00:00.000Z',
      resource_id: world.licence.id,
      provider_department_id: world.police.id,
      consumer_department_id: world.market.id,
      region_id: world.police.region_id,
      evidence: {
        lookups: limit + 1,
        hour: '2026-03-04T09:00+08:00',
        keyPrefixes: [keyA.prefix],
        threshold: limit,
        profilePath: 'sharing.monitoring.lookupsPerHour',
      },
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'share.alert.raise')
      .where('target_id', '=', alert!.id)
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({
        actor_type: 'system',
        actor_name: 'share-monitor',
        department_id: world.police.id,
      }),
    ]);

    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-04T09:59') }, 5);
    expect((await chainAndSweep(t)).alerts).toEqual([]);
    expect(await alertsOf(grant.id, 'bulk_lookup')).toHaveLength(1);
  });

  it('raises usage_spike above historyFactor × the usual hour, only once there is history', async () => {
    const grant = await licenceGrant('登记核验-历史');
    const { historyFactor, historyMinActiveHours } = rules();
    // Usual use: 3 lookups in each of (historyMinActiveHours - 1) earlier hours.
    for (let i = 1; i < historyMinActiveHours; i++)
      await writeCalls(
        t,
        {
          key: keyA,
          way: 'lookup',
          grant,
          at: new Date(china('2026-03-05T10:00').getTime() - i * 3_600_000),
        },
        3,
      );
    const spikeHour = china('2026-03-06T10:00');
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: spikeHour }, historyFactor * 3 + 5);
    await chainAndSweep(t);
    expect(await alertsOf(grant.id, 'usage_spike')).toEqual([]); // too little history yet

    // One more active hour of history; the next hour at exactly factor × usual is still quiet.
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: china('2026-03-05T11:00') }, 3);
    const next = china('2026-03-06T11:00');
    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: next }, historyFactor * 3);
    await chainAndSweep(t);
    expect(await alertsOf(grant.id, 'usage_spike')).toEqual([]);

    await writeCalls(t, { key: keyA, way: 'lookup', grant, at: next });
    await chainAndSweep(t);
    const [alert] = await alertsOf(grant.id, 'usage_spike');
    expect(alert?.evidence).toMatchObject({
      lookups: historyFactor * 3 + 1,
      usualHour: 3,
      activeHours: historyMinActiveHours + 1, // the earlier spike hour is history too
      threshold: historyFactor * 3,
      profilePath: 'sharing.monitoring.historyFactor',
    });
  });
});
