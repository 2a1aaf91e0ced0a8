// Key lookups through the sharing API (a listening server, load from a child process) against
// references on the same database: `pgbench` running the very statement the API runs (stamp check,
// record, pending correction, audit insert), and — without the audit — a bare node:http + pg server
// running that statement. The two sides alternate in rounds, so other load falls on both alike.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { lookupSql } from '../server/src/modules/sharing/api/api.repository.ts';
import { parseRecordKey, purposeHeader } from '../server/src/modules/sharing/api/api.params.ts';
import { lookupRecordByKey, resourcePath } from '../server/src/modules/sharing/api/api.service.ts';
import { lookupStatement } from '../server/src/modules/sharing/api/lookup-template.ts';
import { dataAudit } from '../server/src/modules/sharing/api/call-audit.ts';
import { makePlan, readPlan } from '../server/src/modules/sharing/api/call-plan.ts';
import { auditRow } from '../server/src/platform/audit/audit.ts';
import type { AppInstance } from '../server/src/platform/http/types.ts';
import { qualified } from '../server/src/modules/pools/pool-schema.ts';
import { throughput, type Measurement } from './common.ts';
import { closedLoader, runLoad } from './share-load.ts';
import { benchActor, BENCH_PURPOSE, shareBenchWorld, type ShareBenchWorld } from './share-setup.ts';

const ROWS = Number(process.env.ZS_BENCH_SHARE_ROWS ?? 100_000);
const ROUNDS = Number(process.env.ZS_BENCH_SHARE_ROUNDS ?? 3);
const ROUND_S = Number(process.env.ZS_BENCH_SHARE_ROUND_S ?? 5);
const CONNECTIONS = 32;
/** pgbench clients and the app's pool: the same number of statements in flight on both sides. */
const DB_CLIENTS = 10;
/** CPU time of this process (the servers') per request since `before`, in µs. */
const cpuPer = (before: NodeJS.CpuUsage, requests: number) => {
  const used = process.cpuUsage(before);
  return (used.user + used.system) / Math.max(requests, 1);
};
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** The compiled lookup statement for one key (as the service makes it), with or without its audit. */
async function compiledLookup(world: ShareBenchWorld, key: string, audited: boolean) {
  const platform = world.app.platform;
  const actor = benchActor(world);
  const plan = await makePlan(world.database.db, platform, actor, world.code, BENCH_PURPOSE);
  const read = readPlan(plan, platform.keyring, plan.items);
  const parsed = parseRecordKey(world.code, plan.keyColumns, plan.table.columns, key);
  const context = { actor, requestId: 'bench', ip: '127.0.0.1' };
  const trace = { way: 'lookup' as const, code: world.code, purpose: BENCH_PURPOSE, plan };
  const audit = audited ? auditRow(context, dataAudit(trace, 'success', { count: 0, keys: [key] })) : null;
  return lookupSql(lookupStatement(plan, read, parsed.conditions, audit)).compile(world.database.db);
}

/** The statement as a pgbench script: the key from a table of every key (`:i` random), the rest as -D. */
function pgbenchScript(compiled: CompiledQuery, key: string, rows: number, file: string) {
  const defines: string[] = [];
  const text = compiled.sql.replace(/\$(\d+)/g, (_, n: string) => {
    const value = compiled.parameters[Number(n) - 1];
    if (value === key) return '(SELECT k FROM share_bench_keys WHERE i = :i)';
    if (value === null || value === undefined) return 'NULL';
    defines.push('-D', `p${n}=${String(value)}`);
    return `:p${n}`;
  });
  fs.writeFileSync(file, `\\set i random(1, ${rows})\n${text.replace(/\s+/g, ' ')};\n`);
  return defines;
}

function hasPgbench() {
  try {
    execFileSync('pgbench', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function pgbench(url: string, file: string, defines: string[], seconds: number): number {
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(DB_CLIENTS),
    '-j',
    '2',
    '-T',
    String(seconds),
    ...defines,
  ];
  const out = execFileSync('pgbench', [...args, '-f', file, url], { stdio: 'pipe' }).toString();
  const tps = /tps = ([0-9.]+) \(without initial connection time\)/.exec(out);
  if (!tps) throw new Error(`pgbench printed no tps: ${out}`);
  return Number(tps[1]);
}

async function keysTable(world: ShareBenchWorld) {
  await sql`CREATE TABLE share_bench_keys AS SELECT (row_number() OVER (ORDER BY _row))::int AS i, sfzh::text AS k
    FROM ${sql.raw(qualified(world.table))} WHERE _to IS NULL`.execute(world.database.db);
  await sql`ALTER TABLE share_bench_keys ADD PRIMARY KEY (i)`.execute(world.database.db);
}

const lookupPaths = (world: ShareBenchWorld, prefix = resourcePath(world.code)) =>
  world.sampleKeys(5000).map((key) => `${prefix}/records/${key}`);

/** Audited lookups through the API vs. pgbench of the same statement; p99 at 70 % of the API's peak. */
export async function benchShareLookup(): Promise<Measurement[]> {
  const world = await shareBenchWorld(ROWS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-share-lookup-'));
  try {
    const paths = lookupPaths(world);
    const load = (seconds: number) =>
      runLoad({
        mode: 'closed',
        port: world.port,
        paths,
        headers: world.headers,
        connections: CONNECTIONS,
        durationMs: seconds * 1000,
      });
    const [sample] = world.sampleKeys(1);
    const compiled = await compiledLookup(world, sample!, true);
    let baseline: (seconds: number) => Promise<number>;
    let by: string;
    if (world.url && hasPgbench()) {
      await keysTable(world);
      const file = path.join(dir, 'lookup.sql');
      const defines = pgbenchScript(compiled, sample!, ROWS, file);
      baseline = async (seconds) => pgbench(world.url!, file, defines, seconds);
      by = `pgbench -M prepared -c ${DB_CLIENTS} -j 2`;
    } else {
      // PGlite: one session in this process; the statement through the same client, eight callers.
      const keys = world.sampleKeys(5000);
      baseline = async (seconds) =>
        (
          await throughput(8, seconds * 1000, async () => {
            const key = keys[Math.floor(Math.random() * keys.length)]!;
            const parameters = compiled.parameters.map((p) => (p === sample ? key : p));
            await world.database.db.executeQuery(CompiledQuery.raw(compiled.sql, [...parameters]));
          })
        ).perSecond;
      by = 'the same statement through the same client (PGlite: no pgbench)';
    }
    await load(2);
    await baseline(2);
    const ours: number[] = [];
    const base: number[] = [];
    const cpu: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const before = process.cpuUsage();
      const result = await load(ROUND_S);
      if (result.errors > 0) throw new Error(`lookups failed: ${result.firstError}`);
      cpu.push(cpuPer(before, result.count));
      ours.push(result.perSecond);
      base.push(await baseline(ROUND_S));
    }
    const peak = mean(ours);
    const rate = Math.max(1, Math.floor(peak * 0.7));
    const steady = await runLoad({
      mode: 'open',
      port: world.port,
      paths,
      headers: world.headers,
      connections: CONNECTIONS * 2,
      durationMs: ROUND_S * 2000,
      rate,
    });
    const note = `${ROWS.toLocaleString('en')} rows, ${CONNECTIONS} keep-alive connections from ${closedLoader()} (p99: an open loop from a Node child), ${ROUNDS}×${ROUND_S} s alternating`;
    return [
      { name: 'audited lookup through the API (peak)', value: peak, unit: 'req/s', note },
      { name: `same statement (${by})`, value: mean(base), unit: 'tx/s' },
      {
        name: 'API lookup / pgbench of the same SQL',
        value: peak / mean(base),
        unit: 'ratio',
        goal: { min: 0.5 },
      },
      { name: 'server CPU per audited lookup (Node process)', value: mean(cpu), unit: 'µs' },
      {
        name: `p50 at 70 % of peak (${rate.toLocaleString('en')} req/s, open loop)`,
        value: steady.p50,
        unit: 'ms',
      },
      {
        name: 'p99 at 70 % of peak (goal ≤ 50 ms)',
        value: steady.p99,
        unit: 'ms',
        note: `${steady.count} requests, ${steady.errors} errors, achieved ${Math.round(steady.perSecond)} req/s`,
      },
      {
        name: '50 ms / p99 at 70 % of peak',
        value: 50 / Math.max(steady.p99, 0.001),
        unit: 'ratio',
        goal: { min: 1 },
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await world.close();
  }
}

/** The lookup route without its audit (registered only in this bench), through the same gate. */
function unauditedRoute(app: AppInstance) {
  app.get(
    '/bench/share/resources/:code/records/:key',
    { config: { permission: 'share.data' } },
    async (request) => {
      const params = request.params as { code: string; key: string };
      return lookupRecordByKey(app.platform.database, app.platform, request.ctx, params.code, params.key, {
        purpose: purposeHeader(request.headers['x-purpose']),
        audit: false,
      });
    },
  );
}

/** A bare node:http + pg server running the unaudited statement, prepared as ours is (PGlite: the same client). */
async function bareServer(world: ShareBenchWorld, compiled: CompiledQuery, sample: string) {
  const pool = world.url ? new pg.Pool({ connectionString: world.url, max: DB_CLIENTS }) : undefined;
  const run = async (key: string) => {
    const parameters = compiled.parameters.map((p) => (p === sample ? key : p));
    if (pool)
      return (await pool.query({ name: 'bare_lookup', text: compiled.sql, values: parameters as unknown[] }))
        .rows[0] as unknown;
    return (await world.database.db.executeQuery(CompiledQuery.raw(compiled.sql, [...parameters]))).rows[0];
  };
  const server = http.createServer((request, response) => {
    const key = decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
    run(key).then(
      (row) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(row));
      },
      (error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool?.end();
    },
  };
}

/** The lookup without audit through the API vs. a bare node:http + pg server of the same statement. */
export async function benchShareLookupBare(): Promise<Measurement[]> {
  const world = await shareBenchWorld(ROWS, unauditedRoute);
  const [sample] = world.sampleKeys(1);
  const bare = await bareServer(world, await compiledLookup(world, sample!, false), sample!);
  try {
    const ours = lookupPaths(world, `/bench/share/resources/${encodeURIComponent(world.code)}`);
    const plain = world.sampleKeys(5000).map((key) => `/bare/${key}`);
    const load = (port: number, paths: string[], seconds: number) =>
      runLoad({
        mode: 'closed',
        port,
        paths,
        headers: world.headers,
        connections: CONNECTIONS,
        durationMs: seconds * 1000,
      });
    await load(world.port, ours, 2);
    await load(bare.port, plain, 2);
    const rates = { ours: [] as number[], bare: [] as number[] };
    const cpu = { ours: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      let before = process.cpuUsage();
      const a = await load(world.port, ours, ROUND_S);
      if (a.errors > 0) throw new Error(`lookups failed: ${a.firstError}`);
      cpu.ours.push(cpuPer(before, a.count));
      rates.ours.push(a.perSecond);
      before = process.cpuUsage();
      const b = await load(bare.port, plain, ROUND_S);
      cpu.bare.push(cpuPer(before, b.count));
      rates.bare.push(b.perSecond);
    }
    const note = `${ROWS.toLocaleString('en')} rows, ${CONNECTIONS} connections from ${closedLoader()}, pool of ${DB_CLIENTS} each, ${ROUNDS}×${ROUND_S} s alternating`;
    return [
      { name: 'unaudited lookup through the API', value: mean(rates.ours), unit: 'req/s', note },
      { name: 'bare node:http + pg, same statement', value: mean(rates.bare), unit: 'req/s' },
      {
        name: 'API / bare server',
        value: mean(rates.ours) / mean(rates.bare),
        unit: 'ratio',
        goal: { min: 0.8 },
      },
      { name: 'server CPU per lookup, API (unaudited)', value: mean(cpu.ours), unit: 'µs' },
      { name: 'server CPU per lookup, bare server', value: mean(cpu.bare), unit: 'µs' },
    ];
  } finally {
    await bare.close();
    await world.close();
  }
}
