import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { buildApp } from '../server/src/app.ts';
import { qualified } from '../server/src/modules/pools/pool-schema.ts';
import { findPoolTable, type PoolTableRow } from '../server/src/modules/pools/pool-tables.repository.ts';
import { publishPersonResource } from '../server/src/modules/pools/pools.fixtures.ts';
import { loadFile } from '../server/src/modules/pools/pools.service.ts';
import type { BatchFormat } from '../server/src/modules/pools/pools.tables.ts';
import { openPglite, type Database } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { operatorContext } from '../server/src/platform/policy/actor.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { cliLoadMemory } from './cli-memory.ts';
import { engineName, type Measurement } from './common.ts';
import { BENCH_FIELDS, BENCH_ITEMS, writeBenchCsv, writeBenchXlsx } from './pool-data.ts';

// Sizes, overridable for a longer or a by-hand run (e.g. ZS_BENCH_POOL_MEMORY_MB=2048).
const CSV_ROWS = Number(process.env.ZS_BENCH_POOL_CSV_ROWS ?? 200_000);
const XLSX_ROWS = Number(process.env.ZS_BENCH_POOL_XLSX_ROWS ?? 50_000);
const MEMORY_FILE_MB = Number(process.env.ZS_BENCH_POOL_MEMORY_MB ?? 256);
const ROUNDS = Number(process.env.ZS_BENCH_POOL_ROUNDS ?? 3);
const MEMORY_GOAL_MB = 256;
const CHILD = 'ZS_BENCH_POOL_MEMORY';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A database with the world and the bench resource published (its pool table made at publish). */
async function prepare(database: Database): Promise<PoolTableRow> {
  const config = testConfig();
  const app = await buildApp({ database, config });
  await app.ready();
  try {
    const resource = await publishPersonResource(
      { app, database, config, close: () => app.close() },
      BENCH_ITEMS,
    );
    return (await findPoolTable(database.db, resource.id))!;
  } finally {
    await app.close();
  }
}

/** Loads a file through the service the route and the CLI call; returns the milliseconds it took. */
async function load(database: Database, table: PoolTableRow, file: string, format: BatchFormat) {
  const started = performance.now();
  const batch = await loadFile(database, operatorContext('bench'), {
    resourceId: table.resource_id,
    file,
    fileName: path.basename(file),
    format,
    mode: 'replace',
  });
  const ms = performance.now() - started;
  if (batch.state !== 'loaded')
    throw new Error(`bench load failed: ${batch.failure} ${JSON.stringify(batch.failure_params)}`);
  return { ms, rows: Number(batch.rows_loaded) };
}

/** The URL of the database the handle is on (the test database is a fresh one on the server). */
async function databaseUrl(database: Database): Promise<string> {
  const current = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const target = new URL(process.env.DATABASE_URL!);
  target.pathname = `/${current.rows[0]!.name}`;
  return target.toString();
}

/**
 * The baseline: a twin of the pool table (same columns, identity, the partial unique index on the
 * key; `_from` defaulted) loaded by `psql \copy` from the same CSV.
 */
async function makeTwin(database: Database, table: PoolTableRow): Promise<string> {
  const twin = `${qualified(table).slice(0, -1)}_twin"`;
  await sql.raw(`CREATE TABLE ${twin} (LIKE ${qualified(table)} INCLUDING ALL)`).execute(database.db);
  await sql.raw(`ALTER TABLE ${twin} ALTER COLUMN _from SET DEFAULT 1`).execute(database.db);
  return twin;
}

function psqlCopy(url: string, twin: string, file: string): number {
  const started = performance.now();
  execFileSync('psql', [
    url,
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-c',
    `\\copy ${twin} (${BENCH_FIELDS.join(', ')}) FROM '${file}' WITH (FORMAT csv, HEADER true)`,
  ]);
  return performance.now() - started;
}

const truncate = (database: Database, name: string) => sql.raw(`TRUNCATE ${name}`).execute(database.db);

const hasPsql = () => {
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/**
 * Our load against `\copy` of the same rows into the same kind of table, in alternating rounds
 * (each side on an emptied table), so that load from other processes falls on both alike.
 */
async function ratioRounds(
  database: Database,
  table: PoolTableRow,
  ours: string,
  format: BatchFormat,
  csv: string,
  rows: number,
) {
  const postgres = engineName() === 'postgres' && hasPsql();
  const url = postgres ? await databaseUrl(database) : null;
  const twin = postgres ? await makeTwin(database, table) : null;
  const loader: number[] = [];
  const copy: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await truncate(database, qualified(table));
    const loaded = await load(database, table, ours, format);
    if (loaded.rows !== rows) throw new Error(`loaded ${loaded.rows} of ${rows} rows`);
    loader.push(loaded.ms);
    if (url && twin) {
      await truncate(database, twin);
      copy.push(psqlCopy(url, twin, csv));
    }
  }
  if (twin) await sql.raw(`DROP TABLE ${twin}`).execute(database.db);
  return { loaderMs: median(loader), copyMs: copy.length ? median(copy) : null };
}

function ratioMeasurements(
  label: string,
  rows: number,
  size: number,
  figures: { loaderMs: number; copyMs: number | null },
  goal: number,
): Measurement[] {
  const ours = (rows * 1000) / figures.loaderMs;
  const result: Measurement[] = [
    {
      name: `${label} ingest (validated, loadFile)`,
      value: ours,
      unit: 'rows/s',
      note: `${rows.toLocaleString('en')} rows, ${(size / 1024 / 1024).toFixed(1)} MB; median of ${ROUNDS}`,
    },
  ];
  if (figures.copyMs === null) {
    result.push({ name: `${label}: no psql \\copy baseline on PGlite`, value: 0, unit: 'ratio' });
    return result;
  }
  const copy = (rows * 1000) / figures.copyMs;
  result.push(
    { name: `baseline: psql \\copy of the same rows (CSV)`, value: copy, unit: 'rows/s' },
    { name: `${label} ingest / \\copy`, value: ours / copy, unit: 'ratio', goal: { min: goal } },
  );
  return result;
}

/** CSV and XLSX ingest against `psql \copy` of the same rows into a twin of the pool table. */
export async function benchPoolIngest(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-pool-'));
  const database = await openTestDatabase();
  try {
    const table = await prepare(database);
    const csv = path.join(dir, 'people.csv');
    await writeBenchCsv(csv, { rows: CSV_ROWS });
    const csvFigures = await ratioRounds(database, table, csv, 'csv', csv, CSV_ROWS);
    const xlsx = path.join(dir, 'people.xlsx');
    const xlsxCsv = path.join(dir, 'people-xlsx.csv');
    await writeBenchXlsx(xlsx, XLSX_ROWS);
    await writeBenchCsv(xlsxCsv, { rows: XLSX_ROWS });
    const xlsxFigures = await ratioRounds(database, table, xlsx, 'xlsx', xlsxCsv, XLSX_ROWS);
    return [
      ...ratioMeasurements('CSV', CSV_ROWS, fs.statSync(csv).size, csvFigures, 0.5),
      ...ratioMeasurements('XLSX', XLSX_ROWS, fs.statSync(xlsx).size, xlsxFigures, 0.2),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Child: one load of a large CSV; the process's resident high-water mark before and after. */
async function childMemory(file: string, rows: number) {
  // PGlite on disk, so the table's rows are not counted as the loader's memory.
  const dataDir = process.env.DATABASE_URL
    ? null
    : fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-pglite-'));
  const database = dataDir ? await openPglite(dataDir) : await openTestDatabase();
  try {
    if (dataDir) await migrateToLatest(database);
    const table = await prepare(database);
    (globalThis as { gc?: () => void }).gc?.();
    const before = process.resourceUsage().maxRSS / 1024;
    const start = process.memoryUsage().rss / 1024 / 1024;
    let sampled = 0;
    const timer = setInterval(
      () => (sampled = Math.max(sampled, process.memoryUsage().rss / 1024 / 1024)),
      50,
    );
    const loaded = await load(database, table, file, 'csv');
    clearInterval(timer);
    if (loaded.rows !== rows) throw new Error(`loaded ${loaded.rows} of ${rows} rows`);
    const mark = process.resourceUsage().maxRSS / 1024;
    // The high-water mark counts only if the load raised it (publishing may have set it higher).
    const peak = Math.max(sampled, mark > before ? mark : 0);
    return { ms: loaded.ms, startMb: start, peakMb: peak, growthMb: peak - start };
  } finally {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function runChild(file: string, rows: number): Promise<Awaited<ReturnType<typeof childMemory>>> {
  return new Promise((resolve, reject) => {
    // ZS_BENCH_CPU_PROF=<dir>: the child writes a CPU profile there (node --cpu-prof), for tuning.
    const profile = process.env.ZS_BENCH_CPU_PROF;
    const flags = ['--expose-gc', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD]: JSON.stringify({ file, rows }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0)
        resolve(JSON.parse(out.trim().split('\n').pop()!) as Awaited<ReturnType<typeof childMemory>>);
      else reject(new Error(`pool-memory child exited with ${code}: ${out}`));
    });
  });
}

/** Peak resident memory of a process loading a large CSV (ZS_BENCH_POOL_MEMORY_MB, default 256). */
export async function benchPoolMemory(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-pool-memory-'));
  try {
    const file = path.join(dir, 'large.csv');
    const rows = await writeBenchCsv(file, { bytes: MEMORY_FILE_MB * 1024 * 1024 });
    const size = fs.statSync(file).size / 1024 / 1024;
    const figures = await runChild(file, rows);
    const cli = await runCli(file);
    const pglite = process.env.DATABASE_URL ? '' : '; the process holds the embedded PGlite (on disk)';
    return [
      {
        name: `zhengshu ingest of the ${Math.round(size).toLocaleString('en')} MB CSV: peak RSS`,
        value: cli.peakMb,
        unit: 'MB',
        note: `the CLI process as an operator runs it (${(cli.ms / 1000).toFixed(1)} s, start-up included)${pglite}`,
      },
      {
        name: `memory headroom (${MEMORY_GOAL_MB} MB / peak RSS of zhengshu ingest)`,
        value: MEMORY_GOAL_MB / cli.peakMb,
        unit: 'ratio',
        goal: { min: 1 },
      },
      {
        name: `load of a ${Math.round(size).toLocaleString('en')} MB CSV`,
        value: (rows * 1000) / figures.ms,
        unit: 'rows/s',
        note: `${rows.toLocaleString('en')} rows in ${(figures.ms / 1000).toFixed(1)} s`,
      },
      {
        name: 'peak RSS of a process that built the whole app, then loaded',
        value: figures.peakMb,
        unit: 'MB',
        note: `${Math.round(figures.startMb)} MB before the load (app, tsx, dictionaries)${pglite}`,
      },
      {
        name: 'memory the load added (peak RSS - RSS at its start)',
        value: figures.growthMb,
        unit: 'MB',
      },
      {
        name: `memory headroom (${MEMORY_GOAL_MB} MB / what the load added)`,
        value: MEMORY_GOAL_MB / Math.max(figures.growthMb, 1),
        unit: 'ratio',
        goal: { min: 1 },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The same file through `zhengshu ingest`, into a resource prepared in its own database. */
async function runCli(file: string) {
  const dataDir = process.env.DATABASE_URL ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-cli-'));
  const database = dataDir ? await openPglite(dataDir) : await openTestDatabase();
  let open = true;
  try {
    if (dataDir) await migrateToLatest(database);
    const table = await prepare(database);
    // PGlite's directory is one process's at a time: the CLI takes it over.
    if (dataDir) {
      await database.close();
      open = false;
    }
    return await cliLoadMemory(database, dataDir, table.resource_id, file);
  } finally {
    if (open) await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// In the child process: one measurement, printed as the last line of stdout.
const job = process.env[CHILD];
if (job) {
  const { file, rows } = JSON.parse(job) as { file: string; rows: number };
  console.log(JSON.stringify(await childMemory(file, rows)));
  setTimeout(() => process.exit(0), 1_000).unref();
}
