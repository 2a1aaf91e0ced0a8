import { sql } from 'kysely';
import { recordAudit } from '../server/src/platform/audit/audit.ts';
import { runOnce, startSequencer } from '../server/src/platform/audit/sequencer.ts';
import { WorkCalendar } from '../server/src/platform/calendar/calendar.ts';
import type { RequestContext } from '../server/src/platform/policy/actor.ts';
import { loadProfile } from '../server/src/platform/profiles/profiles.ts';
import { createWorld } from '../server/src/test/factories.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import {
  startShareMonitor,
  sweepShareUsage,
  type MonitorPlatform,
} from '../server/src/modules/sharing/monitoring/monitoring.sweep.ts';
import { throughput, type Measurement } from './common.ts';

const CONCURRENCY = 8;
const ROUND_MS = 2_000;
const ROUNDS = 4;
const SWEEP_EVENTS = 100_000;
const GRANTS = 50;

/**
 * Use monitoring: what it costs the sharing API's request path (data-call events appended through
 * `recordAudit`, one transaction each, with the sequencer on, the monitor sweeping every 200 ms vs.
 * off, alternating rounds), and how fast the sweep folds a backlog of chained events.
 */
export async function benchShareMonitor(): Promise<Measurement[]> {
  const database = await openTestDatabase();
  const db = database.db;
  try {
    const world = await createWorld(db);
    const resource = await db
      .insertInto('catalog_resources')
      .values({ code: '500000/BENCH01', department_id: world.police.id, region_id: world.city.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const grants = await db
      .insertInto('share_grants')
      .values(
        Array.from({ length: GRANTS }, (_, i) => ({
          basis: 'unconditional' as const,
          resource_id: resource.id,
          resource_code: '500000/BENCH01',
          provider_department_id: world.police.id,
          provider_region_id: world.city.id,
          consumer_department_id: world.market.id,
          consumer_region_id: world.city.id,
          application: `bench-app-${i}`,
          purpose: '压测',
          fields: ['a'],
          ends_at: new Date(Date.now() + 86_400_000),
        })),
      )
      .returning('id')
      .execute();
    const platform: MonitorPlatform & { database: typeof database } = {
      database,
      profile: loadProfile('cq19'),
      calendar: new WorkCalendar(),
    };
    const context = (worker: number): RequestContext => ({
      actor: {
        type: 'application',
        id: `00000000-0000-4000-8000-00000000000${worker % 8}`,
        name: `bench-app-${worker}`,
        displayName: `bench-app-${worker}`,
        role: 'department_application',
        departmentId: world.market.id,
        regionId: world.city.id,
        regionScope: [],
        locale: 'zh-CN',
        identityVerified: false,
      },
      requestId: 'bench',
      ip: '127.0.0.1',
    });
    const call = (worker: number) =>
      db.transaction().execute(async (trx) => {
        const grantId = grants[worker % GRANTS]!.id;
        await recordAudit(trx, context(worker), {
          action: 'share.data.lookup',
          targetType: 'share_grant',
          targetId: grantId,
          purpose: '压测',
          detail: {
            resourceCode: '500000/BENCH01',
            resourceId: resource.id,
            grantId,
            way: 'lookup',
            count: 1,
            keys: ['k'],
          },
        });
      });
    await throughput(CONCURRENCY, 500, call);
    const sequencer = startSequencer(db, 100);
    const rates = { off: [] as number[], on: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const mode of order) {
        const monitor = mode === 'on' ? startShareMonitor(platform, { intervalMs: 200 }) : undefined;
        const { perSecond } = await throughput(CONCURRENCY, ROUND_MS, call);
        await monitor?.stop();
        rates[mode].push(perSecond);
      }
    }
    await sequencer();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

    // A backlog: events over the grants and 200 hours, chained, then folded from a caught-up cursor.
    while ((await runOnce(db, { batchSize: 5000 })) > 0);
    while ((await sweepShareUsage(db, platform)).more);
    await sql`
      INSERT INTO audit_events (occurred_at, actor_type, actor_id, actor_name, actor_role, department_id,
                                action, outcome, target_type, target_id, purpose, detail)
      SELECT now() - ((g % 200) || ' hours')::interval, 'application', 'key-' || (g % ${GRANTS}),
             'bench-app-' || (g % ${GRANTS}), 'department_application', ${world.market.id}::uuid,
             'share.data.' || (ARRAY['lookup', 'lookup', 'lookup', 'query', 'export'])[1 + g % 5],
             CASE WHEN g % 50 = 0 THEN 'denied' ELSE 'success' END, 'share_grant', (${grants.map((g) => g.id)}::text[])[1 + g % ${GRANTS}],
             '压测', jsonb_build_object('resourceId', ${resource.id}::text, 'count', g % 7, 'way', 'lookup')
        FROM generate_series(1, ${SWEEP_EVENTS}) g`.execute(db);
    while ((await runOnce(db, { batchSize: 5000 })) > 0);
    const started = performance.now();
    let folded = 0;
    for (;;) {
      const result = await sweepShareUsage(db, platform);
      folded += result.events;
      if (!result.more) break;
    }
    const sweepRate = folded / ((performance.now() - started) / 1000);
    return [
      { name: 'data-call append, monitor off', value: mean(rates.off), unit: 'events/s' },
      { name: 'data-call append, monitor on', value: mean(rates.on), unit: 'events/s' },
      {
        name: 'data-call append ratio monitor on/off',
        value: mean(rates.on) / mean(rates.off),
        unit: 'ratio',
        goal: { min: 0.9 },
        note: `${CONCURRENCY} concurrent, ${ROUNDS}×${ROUND_MS} ms each, sequencer on in both, sweep every 200 ms`,
      },
      {
        name: 'monitor sweep throughput',
        value: sweepRate,
        unit: 'events/s',
        note: `${folded} events, batches of 2000`,
      },
    ];
  } finally {
    await database.close();
  }
}
