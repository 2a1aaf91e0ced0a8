// Open-data downloads (`/api/v1/open/datasets/:id/download`, read by a child process) against
// `COPY … TO STDOUT` of the same rows on the same database: psql (PGlite: COPY in process) running
// COPY of the very masked SELECT the download pages through — the provider's masking as SQL, no
// paging, no HTTP. CSV and JSON downloads, alternating with the baseline in rounds; then one CSV
// download read slowly, with the server's memory sampled: it must stay flat while the client lags.
import { sql } from 'kysely';
import { qualified } from '../server/src/modules/pools/pool-schema.ts';
import { openPlan } from '../server/src/modules/opening/data/open-plan.ts';
import { readPlan } from '../server/src/modules/sharing/api/call-plan.ts';
import { planMasking } from '../server/src/platform/masking/plan.ts';
import type { Actor } from '../server/src/platform/policy/actor.ts';
import { makeCitizenId } from '../server/src/test/factories.ts';
import type { Measurement } from './common.ts';
import { copyRate, slowClientMemory } from './share-export.ts';
import { runLoad } from './share-load.ts';
import { shareBenchWorld, type ShareBenchWorld } from './share-setup.ts';

const ROWS = Number(process.env.ZS_BENCH_EXPORT_ROWS ?? 200_000);
const ROUNDS = Number(process.env.ZS_BENCH_SHARE_ROUNDS ?? 3);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const mb = (bytes: number) => bytes / 1024 / 1024;

/**
 * Opens the bench's resource to the public (a bench shortcut: the catalog's open fields and a
 * passed secrecy review written directly) and registers a public user through the real route.
 */
async function openToPublic(
  world: ShareBenchWorld,
): Promise<{ headers: Record<string, string>; userId: string }> {
  const db = world.database.db;
  const entry = await db
    .selectFrom('catalog_entries')
    .select(['resource_id', 'revision_id'])
    .where('code', '=', world.code)
    .executeTakeFirstOrThrow();
  await db
    .updateTable('catalog_revisions')
    .set({ open_type: 'unconditional', open_methods: sql`ARRAY['download','api']::text[]` })
    .where('id', '=', entry.revision_id)
    .execute();
  await db
    .updateTable('catalog_entries')
    .set({ open_type: 'unconditional', open_review_passed: true })
    .where('resource_id', '=', entry.resource_id)
    .execute();
  const password = 'Open-bench-2024!';
  const registered = await world.app.inject({
    method: 'POST',
    url: '/api/v1/open/accounts',
    payload: {
      kind: 'natural',
      username: 'bench.citizen',
      password,
      realName: '张三',
      citizenId: makeCitizenId('19900101'),
      mobile: '13812345678',
    },
  });
  if (registered.statusCode !== 201)
    throw new Error(`registration: ${registered.statusCode} ${registered.body}`);
  const signedIn = await world.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'bench.citizen', password },
  });
  const cookie = [signedIn.headers['set-cookie']]
    .flat()
    .map((c) => String(c).split(';')[0])
    .join('; ');
  const { csrfToken } = signedIn.json() as { csrfToken: string };
  const key = await world.app.inject({
    method: 'POST',
    url: '/api/v1/open/me/keys',
    headers: { cookie, 'x-csrf-token': csrfToken },
    payload: { name: 'bench' },
  });
  if (key.statusCode !== 201) throw new Error(`key: ${key.statusCode} ${key.body}`);
  const { user } = registered.json() as { user: { id: string } };
  return { headers: { authorization: `Bearer ${(key.json() as { key: string }).key}` }, userId: user.id };
}

/** The masked SELECT the download pages through, with every rule as SQL. */
async function maskedSelect(world: ShareBenchWorld, actor: Actor, datasetId: string): Promise<string> {
  const platform = world.app.platform;
  const plan = await openPlan(world.database.db, platform, actor, datasetId, 'download');
  const read = readPlan(plan, platform.keyring, plan.items);
  const masking = planMasking(read.columns, { qualifier: 't', placement: 'sql' });
  if (masking.nodeSteps.length > 0) throw new Error('the bench rules must all have SQL expressions');
  return `SELECT ${masking.selectList.join(', ')} FROM ${qualified(world.table)} AS t WHERE t._to IS NULL ORDER BY t._row`;
}

/** Download rows/s (CSV, JSON) vs. COPY TO STDOUT of the same masked rows, and memory when slow. */
export async function benchOpenDownload(): Promise<Measurement[]> {
  const world = await shareBenchWorld(ROWS);
  try {
    const { headers, userId } = await openToPublic(world);
    const datasetId = world.table.resource_id;
    const actor: Actor = {
      type: 'user',
      id: userId,
      name: 'bench.citizen',
      displayName: '张三',
      role: 'public_user',
      departmentId: null,
      regionId: null,
      regionScope: [],
      locale: 'zh-CN',
      identityVerified: true,
    };
    const select = await maskedSelect(world, actor, datasetId);
    const path = (format: string) => `/api/v1/open/datasets/${datasetId}/download?format=${format}`;
    const download = async (format: 'csv' | 'json') => {
      const result = await runLoad({ mode: 'download', port: world.port, path: path(format), headers });
      if (result.errors > 0) throw new Error(`download failed: ${result.firstError}`);
      // CSV: a header and a line a row; JSON: "[" alone, a line a row, "]".
      const expected = format === 'csv' ? ROWS + 1 : ROWS + 2;
      if (result.lines !== expected) throw new Error(`${format} sent ${result.lines} lines for ${ROWS} rows`);
      return { perSecond: (ROWS * 1000) / result.ms, bytes: result.bytes };
    };
    await download('csv');
    await copyRate(world, select, ROWS);
    const rates = { csv: [] as number[], json: [] as number[], copy: [] as number[] };
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const csv = await download('csv');
      bytes = csv.bytes;
      rates.csv.push(csv.perSecond);
      rates.copy.push(await copyRate(world, select, ROWS));
      rates.json.push((await download('json')).perSecond);
    }
    const memory = await slowClientMemory(world, path('csv'), headers, 'open CSV download');
    const by = world.url ? 'psql' : 'PGlite COPY TO /dev/blob in process';
    const note = `${ROWS.toLocaleString('en')} rows, ${mb(bytes).toFixed(0)} MB of CSV, the provider's default masking (6 of 9 items), ${ROUNDS} rounds alternating; COPY by ${by}`;
    return [
      { name: 'open CSV download', value: mean(rates.csv), unit: 'rows/s', note },
      { name: 'open JSON download', value: mean(rates.json), unit: 'rows/s' },
      { name: 'COPY TO STDOUT of the same masked rows', value: mean(rates.copy), unit: 'rows/s' },
      {
        name: 'CSV download / COPY of the same rows',
        value: mean(rates.csv) / mean(rates.copy),
        unit: 'ratio',
        goal: { min: 0.7 },
      },
      {
        name: 'JSON download / COPY of the same rows',
        value: mean(rates.json) / mean(rates.copy),
        unit: 'ratio',
        goal: { min: 0.7 },
      },
      ...memory,
    ];
  } finally {
    await world.close();
  }
}
