import { sql } from 'kysely';
import { recordAudit } from '../server/src/platform/audit/audit.ts';
import { runOnce, startSequencer } from '../server/src/platform/audit/sequencer.ts';
import { verifyChain } from '../server/src/platform/audit/verify.ts';
import type { RequestContext } from '../server/src/platform/policy/actor.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import { engineName, throughput, type Measurement } from './common.ts';

const CONCURRENCY = 8;
const ROUND_MS = 2_000;
const ROUNDS = 5;
const SEQUENCER_INTERVAL_MS = 100;
const VERIFY_EVENTS = engineName() === 'postgres' ? 200_000 : 100_000;

const context: RequestContext = {
  actor: {
    type: 'user',
    id: '00000000-0000-4000-8000-000000000001',
    name: 'bench.user',
    displayName: '压测用户',
    role: 'department_officer',
    departmentId: null,
    regionId: null,
    regionScope: [],
    locale: 'zh-CN',
    identityVerified: false,
  },
  requestId: 'bench',
  ip: '127.0.0.1',
};

/**
 * Audit append cost of the chain: events/s appended through `recordAudit` (one transaction each,
 * like requests, 8 at once) with the sequencer running vs. off, alternating rounds in one run; then
 * the sequencer's and verify's own throughput over a large chain.
 */
export async function benchAudit(): Promise<Measurement[]> {
  const database = await openTestDatabase();
  const db = database.db;
  try {
    const append = () =>
      db.transaction().execute(async (trx) => {
        await recordAudit(trx, context, {
          action: 'bench.resource.read',
          targetType: 'resource',
          targetId: 'r-0001',
          purpose: '压测',
          detail: { rows: 10, filter: { region: '500103' } },
        });
      });
    // Warm-up (connections, plans, JIT).
    await throughput(CONCURRENCY, 500, append);
    await runOnce(db);

    const rates = { off: [] as number[], on: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which mode goes first, so warm-up and drift do not favour either.
      const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
      for (const mode of order) {
        const stop = mode === 'on' ? startSequencer(db, SEQUENCER_INTERVAL_MS) : undefined;
        const { perSecond } = await throughput(CONCURRENCY, ROUND_MS, append);
        await stop?.();
        // Whatever is left is chained outside the measured window, so each round starts level.
        await runOnce(db);
        rates[mode].push(perSecond);
        if (process.env.BENCH_VERBOSE)
          console.log(`  round ${round} ${mode}: ${Math.round(perSecond)} events/s`);
      }
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const off = mean(rates.off);
    const on = mean(rates.on);

    // A large chain for the sequencer and verify: realistic rows inserted in bulk.
    await sql`
      INSERT INTO audit_events (actor_type, actor_id, actor_name, actor_role, department_id, region_id, action,
                                target_type, target_id, purpose, request_id, ip, detail)
      SELECT 'user', gen_random_uuid()::text, 'user' || g, 'department_officer', gen_random_uuid(), gen_random_uuid(),
             'share.data.read', 'resource', 'r-' || (g % 1000), '办理业务', gen_random_uuid()::text, '10.0.0.' || (g % 250),
             jsonb_build_object('rows', g % 100, 'items', jsonb_build_array('name', 'idNumber'), 'filter', '渝中区')
        FROM generate_series(1, ${VERIFY_EVENTS}) g`.execute(db);
    let started = performance.now();
    const chained = await runOnce(db, { batchSize: 5000 });
    const sequencerRate = chained / ((performance.now() - started) / 1000);

    // Right after chaining, the first read of each page also sets hint bits (writes): "cold".
    started = performance.now();
    const cold = await verifyChain(db);
    const coldRate = cold.checked / ((performance.now() - started) / 1000);
    // Steady state, as on a live system where autovacuum has been by (PGlite has no autovacuum).
    await sql`VACUUM ANALYZE audit_events`.execute(db);
    started = performance.now();
    const result = await verifyChain(db);
    const verifyRate = result.checked / ((performance.now() - started) / 1000);
    if (!cold.ok || !result.ok)
      throw new Error(`bench chain is broken: ${JSON.stringify(result.firstBroken)}`);

    return [
      { name: 'audit append, sequencer off', value: off, unit: 'events/s' },
      { name: 'audit append, sequencer on', value: on, unit: 'events/s' },
      {
        name: 'audit append ratio on/off',
        value: on / off,
        unit: 'ratio',
        goal: { min: 0.9 },
        note: `${CONCURRENCY} concurrent, ${ROUNDS}×${ROUND_MS} ms each, sequencer every ${SEQUENCER_INTERVAL_MS} ms`,
      },
      { name: 'sequencer throughput', value: sequencerRate, unit: 'events/s', note: `${chained} events` },
      { name: 'audit verify, cold (just chained)', value: coldRate, unit: 'events/s' },
      {
        name: 'audit verify throughput',
        value: verifyRate,
        unit: 'events/s',
        goal: { min: 200_000 },
        note: `${result.checked} events, after VACUUM ANALYZE`,
      },
    ];
  } finally {
    await database.close();
  }
}
