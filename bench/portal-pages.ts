// The open-data portal's public pages (issue 7, "server time p95 … tracked per release"): the home
// page, dataset pages and their charts over real HTTP on a listening app seeded with the demo data,
// beside two baselines of the same run: GET /health (the request path without the database) and
// the pages' main queries through the same pool without HTTP, audit or the rest of the page.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { loadOpenDatasets } from '../server/src/modules/dcat/open-catalog.repository.ts';
import { homeSummary } from '../server/src/modules/opening/portal/portal.repository.ts';
import { countOpenUse } from '../server/src/modules/opening/portal/usage.repository.ts';
import { seedDemoIfEmpty } from '../server/src/modules/seed/seed.service.ts';
import { loadProfile } from '../server/src/platform/profiles/profiles.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import type { Measurement } from './common.ts';
import { get } from './http.ts';
import { openBenchDatabase } from './share-setup.ts';

const REQUESTS = Number(process.env.BENCH_PORTAL_REQUESTS ?? 400);
const ROUNDS = 3;
const WARM_UP = 50;
/** Simulated uses (downloads and API calls) spread over the last 30 days. */
const USES = 3_000;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const p = (values: number[], q: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    q,
  );
const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * Server time (Fastify's reply.elapsedTime: from the request's arrival to the end of the response)
 * of `REQUESTS` requests per target, one client on a keep-alive connection, targets taking turns in
 * rounds so load from elsewhere falls on all alike. The first request of each dataset page (which
 * measures the table's data quality before the cache holds it) is reported apart.
 */
export async function benchPortalPages(): Promise<Measurement[]> {
  const { database } = await openBenchDatabase('zs_bench_portal');
  const profile = loadProfile('cq19');
  const config = testConfig({ rateAnonymousPerIp: 1_000_000_000 });
  const app = await buildApp({ database, config });
  const times = new Map<string, number[]>();
  let recording: string | null = null;
  app.addHook('onResponse', async (_request, reply) => {
    if (recording) times.get(recording)!.push(reply.elapsedTime);
  });
  try {
    await seedDemoIfEmpty(database, { admin: 'Bench-admin-1', demo: 'Bench-demo-1' }, profile);
    const db = database.db;
    const open = await sql<{ id: string; loaded: boolean; open_type: string }>`
      SELECT e.resource_id AS id, e.open_type, coalesce(p.current_version > 0, false) AS loaded
      FROM catalog_entries e LEFT JOIN pool_tables p ON p.resource_id = e.resource_id
      WHERE e.open_review_passed AND e.open_type <> 'none' ORDER BY e.code`.execute(db);
    const datasets = open.rows;
    if (datasets.length === 0) throw new Error('the demo catalog has no open dataset');
    const now = Date.now();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < USES; i++) {
        const dataset = datasets[(i * 7919) % datasets.length]!;
        const at = new Date(now - ((i * 104_729) % (30 * 86_400_000)));
        await countOpenUse(trx, dataset.id, i % 3 === 0 ? 'api' : 'download', 100, at);
      }
    });
    if (database.engine === 'postgres') await sql`ANALYZE`.execute(db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const loaded = datasets.filter((d) => d.loaded);

    // The first request of each dataset page measures its table's quality; the cache holds it after.
    const cold: number[] = [];
    times.set('cold', cold);
    recording = 'cold';
    for (const dataset of datasets) await get(agent, port, `/api/v1/open/datasets/${dataset.id}`, {});
    recording = null;

    const targets: Record<string, (i: number) => Promise<unknown>> = {
      health: () => get(agent, port, '/health', {}),
      home: () => get(agent, port, '/api/v1/open/home', {}),
      dataset: (i) => get(agent, port, `/api/v1/open/datasets/${datasets[i % datasets.length]!.id}`, {}),
      chart: (i) => get(agent, port, `/api/v1/open/datasets/${loaded[i % loaded.length]!.id}/chart`, {}),
    };
    const sqlTimes = { home: [] as number[], dataset: [] as number[] };
    const timed = async (into: number[], work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      into.push(performance.now() - started);
    };
    for (const name of Object.keys(targets)) times.set(name, []);
    for (let i = 0; i < WARM_UP; i++) for (const work of Object.values(targets)) await work(i);
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, work] of Object.entries(targets)) {
        recording = name;
        for (let i = 0; i < perRound; i++) await work(round * perRound + i);
        recording = null;
      }
      for (let i = 0; i < perRound; i++) {
        await timed(sqlTimes.home, () => homeSummary(db));
        await timed(sqlTimes.dataset, () =>
          loadOpenDatasets(db, { ids: [datasets[i % datasets.length]!.id] }),
        );
      }
    }
    agent.destroy();

    const server = (name: string) => times.get(name)!;
    const [health95, home95, dataset95, chart95] = ['health', 'home', 'dataset', 'chart'].map((n) =>
      p(server(n), 0.95),
    ) as [number, number, number, number];
    const homeSql95 = p(sqlTimes.home, 0.95);
    const datasetSql95 = p(sqlTimes.dataset, 0.95);
    const runs = `${server('home').length} requests each, ${ROUNDS} rounds, one keep-alive client`;
    const figure = (name: string, value: number, note?: string): Measurement => ({
      name,
      value: value * 1000,
      unit: 'µs',
      ...(note ? { note } : {}),
    });
    return [
      {
        name: 'demo open datasets',
        value: datasets.length,
        unit: 'datasets',
        note: `${loaded.length} with pool data; ${USES} uses counted over 30 days`,
      },
      figure('GET /health p95 (baseline)', health95, runs),
      figure('GET /open/home p95', home95, `p50 ${ms(p(server('home'), 0.5))}`),
      figure('home main query p95 (baseline)', homeSql95, 'homeSummary through the same pool'),
      figure(
        'GET /open/datasets/:id p95',
        dataset95,
        `p50 ${ms(p(server('dataset'), 0.5))}; every open dataset`,
      ),
      figure('dataset main query p95 (baseline)', datasetSql95, 'loadOpenDatasets of one id'),
      figure(
        'GET /open/datasets/:id first request p95',
        p(cold, 0.95),
        `max ${ms(Math.max(...cold))}; measures quality`,
      ),
      figure(
        'GET /open/datasets/:id/chart p95',
        chart95,
        `p50 ${ms(p(server('chart'), 0.5))}; datasets with data`,
      ),
      { name: 'home: main query p95 / page p95', value: homeSql95 / home95, unit: 'ratio' },
      { name: 'dataset: main query p95 / page p95', value: datasetSql95 / dataset95, unit: 'ratio' },
      { name: 'home: /health p95 / page p95', value: health95 / home95, unit: 'ratio' },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}
