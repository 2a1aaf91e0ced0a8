// Bulk export through the sharing API (`/export?format=csv`, read by a child process) against
// `COPY … TO STDOUT` on the same database: psql running COPY of the very masked SELECT the export
// pages through (the same masking in SQL, no paging, no HTTP), and COPY of the raw columns. The
// sides alternate in rounds. Then one export read slowly: the server's memory must stay flat while
// the client lags, because the export is pulled page by page only as fast as the socket drains.
import { execFileSync } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import { qualified } from '../server/src/modules/pools/pool-schema.ts';
import { resourcePath } from '../server/src/modules/sharing/api/api.service.ts';
import { makePlan, readPlan } from '../server/src/modules/sharing/api/call-plan.ts';
import { exportCopyStatement } from '../server/src/modules/sharing/api/export.repository.ts';
import { planMasking } from '../server/src/platform/masking/plan.ts';
import type { Measurement } from './common.ts';
import { BENCH_FIELDS } from './pool-data.ts';
import { runLoad } from './share-load.ts';
import { benchActor, BENCH_PURPOSE, shareBenchWorld, type ShareBenchWorld } from './share-setup.ts';

const ROWS = Number(process.env.ZS_BENCH_EXPORT_ROWS ?? 200_000);
const ROUNDS = Number(process.env.ZS_BENCH_SHARE_ROUNDS ?? 3);
/** The slow client's pace and how long it reads. */
const SLOW_BYTES_PER_SECOND = 512 * 1024;
const SLOW_MS = 8000;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const mb = (bytes: number) => bytes / 1024 / 1024;
/** The application of the grant without masking. */
const PLAIN_APP = 'bench-app-plain';
// A collection before each memory sample, so the samples show what is held, not garbage.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/**
 * What the exports send, as one SELECT each: the rows masked by PostgreSQL (the same rules as the
 * export's, as SQL expressions), and the raw columns; and the very COPY statement the API streams
 * for the unmasked grant (raw columns printed as the serialiser prints them, formulas neutralised).
 */
async function exportSelects(world: ShareBenchWorld) {
  const platform = world.app.platform;
  const plan = await makePlan(world.database.db, platform, benchActor(world), world.code, BENCH_PURPOSE);
  const read = readPlan(plan, platform.keyring, plan.items);
  const masking = planMasking(read.columns, { qualifier: 't', placement: 'sql' });
  if (masking.nodeSteps.length > 0) throw new Error('the bench rules must all have SQL expressions');
  const plainActor = { ...benchActor(world), name: PLAIN_APP };
  const plainPlan = await makePlan(world.database.db, platform, plainActor, world.code, BENCH_PURPOSE);
  const plainRead = readPlan(plainPlan, platform.keyring, plainPlan.items);
  const copied = exportCopyStatement(world.database.db, plainPlan.table, plainRead.columns, undefined);
  const from = `FROM ${qualified(world.table)} AS t WHERE t._to IS NULL ORDER BY t._row`;
  return {
    masked: `SELECT ${masking.selectList.join(', ')} ${from}`,
    raw: `SELECT ${read.items.map((item) => `t.${item.field}`).join(', ')} ${from}`,
    // The statement without its COPY wrapper, so copyRate can wrap it like the others.
    api: /^COPY \((.*)\) TO STDOUT/s.exec(copied)![1]!,
  };
}

/** Rows a second of `COPY (select) TO STDOUT (FORMAT csv)`, by psql on PostgreSQL, in process on PGlite. */
export async function copyRate(world: ShareBenchWorld, select: string, rows = ROWS): Promise<number> {
  const statement = `COPY (${select}) TO STDOUT (FORMAT csv, HEADER)`;
  const started = performance.now();
  if (world.url) {
    execFileSync('psql', [world.url, '-X', '-q', '-c', statement], {
      stdio: ['ignore', 'ignore', 'inherit'],
      maxBuffer: 1024 * 1024 * 1024,
    });
  } else {
    // PGlite has no psql: its COPY TO writes into a blob returned to the caller.
    await world.database.pglite!.query(`COPY (${select}) TO '/dev/blob' (FORMAT csv, HEADER)`);
  }
  return (rows * 1000) / (performance.now() - started);
}

/** Export rows/s through the API vs. COPY TO STDOUT, and the server's memory under a slow client. */
export async function benchShareExport(): Promise<Measurement[]> {
  const world = await shareBenchWorld(ROWS);
  try {
    const plain = await world.grantTo(
      PLAIN_APP,
      Object.fromEntries(BENCH_FIELDS.map((field) => [field, { kind: 'none' }])),
    );
    const selects = await exportSelects(world);
    const exportPath = `${resourcePath(world.code)}/export?format=csv`;
    const download = async (headers: Record<string, string>) => {
      const result = await runLoad({ mode: 'download', port: world.port, path: exportPath, headers });
      if (result.errors > 0) throw new Error(`export failed: ${result.firstError}`);
      if (result.lines !== ROWS + 1) throw new Error(`export sent ${result.lines - 1} of ${ROWS} rows`);
      return { perSecond: (ROWS * 1000) / result.ms, bytes: result.bytes };
    };
    await download(world.headers);
    await copyRate(world, selects.raw);
    const rates = {
      masked: [] as number[],
      copyMasked: [] as number[],
      plain: [] as number[],
      api: [] as number[],
      raw: [] as number[],
    };
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const masked = await download(world.headers);
      rates.masked.push(masked.perSecond);
      bytes = masked.bytes;
      rates.copyMasked.push(await copyRate(world, selects.masked));
      rates.plain.push((await download(plain)).perSecond);
      rates.raw.push(await copyRate(world, selects.raw));
      rates.api.push(await copyRate(world, selects.api));
    }
    const memory = [
      ...(await slowClientMemory(world, exportPath, world.headers, 'masked, in pages')),
      ...(await slowClientMemory(world, exportPath, plain, world.url ? 'unmasked, by COPY' : 'unmasked')),
    ];
    const by = world.url ? 'psql' : 'PGlite COPY TO /dev/blob in process';
    const note = `${ROWS.toLocaleString('en')} rows, ${mb(bytes).toFixed(0)} MB of CSV, ${ROUNDS} rounds alternating; COPY by ${by}`;
    return [
      {
        name: 'CSV export through the API, default masking',
        value: mean(rates.masked),
        unit: 'rows/s',
        note: `6 of 9 items masked (ID, name, sex, birth date, address, mobile); ${note}`,
      },
      {
        name: 'COPY TO STDOUT of the same rows masked by PostgreSQL',
        value: mean(rates.copyMasked),
        unit: 'rows/s',
      },
      {
        name: 'masked export / COPY of the same masked rows',
        value: mean(rates.masked) / mean(rates.copyMasked),
        unit: 'ratio',
        goal: { min: 0.7 },
      },
      {
        name: 'CSV export through the API, a grant without masking',
        value: mean(rates.plain),
        unit: 'rows/s',
      },
      { name: 'COPY TO STDOUT of the raw columns', value: mean(rates.raw), unit: 'rows/s' },
      {
        name: 'unmasked export / COPY of the raw columns',
        value: mean(rates.plain) / mean(rates.raw),
        unit: 'ratio',
        goal: { min: 0.7 },
      },
      {
        name: 'COPY TO STDOUT of the statement the API streams (by psql)',
        value: mean(rates.api),
        unit: 'rows/s',
        note: 'raw columns printed as the export prints them: ISO instants, true/false, formulas neutralised',
      },
      {
        name: 'unmasked export / COPY of the statement it streams',
        value: mean(rates.plain) / mean(rates.api),
        unit: 'ratio',
      },
      ...memory,
    ];
  } finally {
    await world.close();
  }
}

/**
 * One export read at SLOW_BYTES_PER_SECOND for SLOW_MS, with this process's (the server's) heap and
 * RSS sampled after a collection meanwhile: growth after the first second, when the first pages
 * (or COPY's first chunks) are in flight.
 */
export async function slowClientMemory(
  world: ShareBenchWorld,
  exportPath: string,
  headers: Record<string, string>,
  label: string,
): Promise<Measurement[]> {
  const samples: { at: number; heap: number; rss: number }[] = [];
  const started = performance.now();
  const timer = setInterval(() => {
    collect();
    const usage = process.memoryUsage();
    samples.push({ at: performance.now() - started, heap: usage.heapUsed, rss: usage.rss });
  }, 500);
  const slow = await runLoad({
    mode: 'download',
    port: world.port,
    path: exportPath,
    headers,
    bytesPerSecond: SLOW_BYTES_PER_SECOND,
    maxMs: SLOW_MS,
  });
  clearInterval(timer);
  const settled = samples.filter((s) => s.at >= 1000);
  const first = settled[0] ?? samples[0]!;
  const growth = (pick: (s: (typeof samples)[number]) => number) =>
    mb(Math.max(...settled.map(pick)) - pick(first));
  const note = `read ${mb(slow.bytes).toFixed(1)} MB in ${(slow.ms / 1000).toFixed(1)} s at ${SLOW_BYTES_PER_SECOND / 1024} KB/s, then closed`;
  return [
    {
      name: `server heap growth under a slow client, ${label} (after GC, 1 s → end)`,
      value: growth((s) => s.heap),
      unit: 'MB',
      note,
    },
    { name: `server RSS growth under a slow client, ${label}`, value: growth((s) => s.rss), unit: 'MB' },
  ];
}
