// Pulls against real providers: a table in a PostgreSQL database on the test server (also on PGlite
// runs) and an HTTP server started here on 127.0.0.1; the scheduler's sweep called with a given now.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { people, poolSessions, publishPersonResource } from '../pools.fixtures.ts';
import { sweepPulls } from './pull-sweep.ts';

// The provider database: the server the PostgreSQL runs use, or the local one on PGlite runs.
const SERVER = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const PROVIDER_TABLE = `zs_provider_${crypto.randomBytes(4).toString('hex')}`;
const PASSWORD = 'Provider-s3cret-pw';
const TOKEN = `token-${crypto.randomBytes(6).toString('hex')}`;
const providerUrl = (password = PASSWORD) => {
  const url = new URL(SERVER);
  url.password = password;
  return url.toString();
};

let t: TestApp;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let provider: pg.Client;
let api: http.Server;
let apiBase: string;
const seenTokens: (string | undefined)[] = [];
const providerPeople = people(30);

beforeAll(async () => {
  provider = new pg.Client({ connectionString: SERVER.toString() });
  await provider.connect();
  await provider.query(
    `CREATE TABLE ${PROVIDER_TABLE} (id_number text, full_name text, birth date, height numeric, head boolean)`,
  );
  for (const person of providerPeople)
    await provider.query(`INSERT INTO ${PROVIDER_TABLE} VALUES ($1, $2, $3, $4, $5)`, [
      person.sfzh,
      person.xm,
      person.csrq,
      person.sg,
      person.sfhz === '是',
    ]);
  api = http.createServer((request, response) => {
    seenTokens.push(request.headers['x-api-token'] as string | undefined);
    const rows = people(12, 100);
    if (request.url === '/array') {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(rows));
    } else if (request.url === '/lines') {
      if (request.headers['x-api-token'] !== TOKEN) {
        response.statusCode = 401;
        response.end('no token');
        return;
      }
      response.setHeader('content-type', 'application/x-ndjson');
      // Written in pieces that cut lines in the middle, as a network would.
      const text = rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
      response.write(text.slice(0, 100));
      setTimeout(() => response.end(text.slice(100)), 20);
    } else if (request.url === '/bad-rows') {
      response.end(JSON.stringify([{ ...rows[0], sfzh: '500103198001010000' }, { nickname: 'x' }]));
    } else if (request.url === '/not-json') {
      response.end('[{"sfzh": ');
    } else {
      response.statusCode = 500;
      response.end('internal error');
    }
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police, market, authority } = await poolSessions(t));
});
afterAll(async () => {
  await t?.close();
  await provider?.query(`DROP TABLE IF EXISTS ${PROVIDER_TABLE}`);
  await provider?.end();
  await new Promise((resolve) => api?.close(resolve));
});

const pullsUrl = () => `/api/v1/pools/tables/${resourceId}/pulls`;
const selectAll = () =>
  `SELECT id_number AS sfzh, full_name AS xm, birth AS csrq, height AS sg, head AS sfhz FROM ${PROVIDER_TABLE}`;

function register(session: TestSession, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: pullsUrl(),
    headers: session.write,
    payload: { name: '户籍库同步', mode: 'replace', intervalMinutes: 60, ...body },
  });
}

async function registered(body: Record<string, unknown>): Promise<{ id: string }> {
  const response = await register(police, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const runNow = (pullId: string, query = '?wait=true') =>
  t.app.inject({ method: 'POST', url: `${pullsUrl()}/${pullId}/run${query}`, headers: police.write });

const currentRows = async () =>
  (
    await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows?pageSize=500`, headers: police.read })
  ).json();

const errorsOf = async (batchId: string) =>
  (await t.app.inject({ url: `/api/v1/pools/batches/${batchId}/errors`, headers: police.read })).json().items;

describe('database pulls', () => {
  let pullId: string;

  it('registers a pull with its password kept apart and masked, never audited', async () => {
    const response = await register(police, { kind: 'postgres', url: providerUrl(), query: selectAll() });
    expect(response.statusCode, response.body).toBe(201);
    const pull = response.json();
    pullId = pull.id;
    expect(pull).toMatchObject({ kind: 'postgres', secret: '******', lastState: null, running: false });
    expect(pull.url).not.toContain(PASSWORD);
    const shown = await t.app.inject({ url: pullsUrl(), headers: police.read });
    expect(shown.body).not.toContain(PASSWORD);
    expect(shown.json()[0]).toMatchObject({ id: pullId, secret: '******' });
    // The authority of the region sees the register (pool.read), masked too, but may not change it.
    const seen = await t.app.inject({ url: `${pullsUrl()}/${pullId}`, headers: authority.read });
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain(PASSWORD);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('target_id', '=', pullId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['pool.pull.create']);
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
    expect(audit[0]!.detail).toMatchObject({ kind: 'postgres', secretSet: true });
  });

  it('runs now: the SELECT streams through a cursor into one loaded batch', async () => {
    const response = await runNow(pullId);
    expect(response.statusCode, response.body).toBe(200);
    const batch = response.json();
    expect(batch).toMatchObject({ state: 'loaded', source: 'pull', version: 1, rowsLoaded: 30 });
    expect(batch.origin).toBe(new URL(providerUrl('')).toString());
    const rows = await currentRows();
    expect(rows.total).toBe(30);
    const first = rows.items.find((row: { sfzh: string }) => row.sfzh === providerPeople[0]!.sfzh);
    expect(first).toMatchObject({ xm: providerPeople[0]!.xm, csrq: '1980-01-01', sfhz: true });
    const pull = (await t.app.inject({ url: `${pullsUrl()}/${pullId}`, headers: police.read })).json();
    expect(pull).toMatchObject({ lastState: 'loaded', running: false, lastBatch: { id: batch.id } });
    expect(pull.lastRunAt).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('target_id', '=', pullId)
      .where('action', '=', 'pool.pull.run')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ trigger: 'manual', state: 'loaded', batchId: batch.id });
  });

  it('answers 202 with the batch at once without wait, the load going on', async () => {
    const response = await runNow(pullId, '');
    expect(response.statusCode, response.body).toBe(202);
    const { id } = response.json();
    let state = 'validating';
    for (let attempt = 0; attempt < 400 && !['loaded', 'failed'].includes(state); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      state = (await t.app.inject({ url: `/api/v1/pools/batches/${id}`, headers: police.read })).json().state;
    }
    expect(state).toBe('loaded');
  });

  it('keeps the secret on a change that leaves it out, and audits the change without it', async () => {
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `${pullsUrl()}/${pullId}`,
      headers: police.write,
      payload: { intervalMinutes: 30, name: '户籍库每半小时' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ intervalMinutes: 30, secret: '******', lastState: 'loaded' });
    const stored = await t.database.db
      .selectFrom('pool_pulls')
      .select('secret')
      .where('id', '=', pullId)
      .executeTakeFirstOrThrow();
    expect(stored.secret).toBe(PASSWORD);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'pool.pull.update')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('refuses anything but a single SELECT at registration (400), and bad URLs and intervals', async () => {
    const queries = [
      `DELETE FROM ${PROVIDER_TABLE}`,
      `SELECT 1; DROP TABLE ${PROVIDER_TABLE}`,
      `WITH gone AS (DELETE FROM ${PROVIDER_TABLE} RETURNING *) SELECT * FROM gone`,
      `SELECT * FROM ${PROVIDER_TABLE} FOR UPDATE`,
      `SELECT * INTO copied FROM ${PROVIDER_TABLE}`,
      'SELECT pg_sleep(100)',
      `SELECT * FROM ${PROVIDER_TABLE} -- comment`,
      "SELECT set_config('statement_timeout', '0', false)",
    ];
    for (const query of queries) {
      const response = await register(police, { kind: 'postgres', url: providerUrl(), query });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().code).toBe('pool.pull.not_select');
    }
    const bad = [
      { kind: 'postgres', url: 'mysql://x@127.0.0.1/db', query: 'SELECT 1' },
      { kind: 'postgres', url: `${providerUrl()}?sslkey=/etc/passwd`, query: 'SELECT 1' },
      { kind: 'http', url: 'ftp://127.0.0.1/data' },
      { kind: 'http', url: `http://user:pw@127.0.0.1/data` },
      { kind: 'http', url: `${apiBase}/array`, intervalMinutes: 1 },
      { kind: 'postgres', url: providerUrl() },
    ];
    for (const body of bad) expect((await register(police, body)).statusCode, JSON.stringify(body)).toBe(400);
    const count = await t.database.db
      .selectFrom('pool_pulls')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('lets only the providing department register, change or run its pulls', async () => {
    const body = { kind: 'postgres', url: providerUrl(), query: selectAll() };
    expect((await register(market, body)).statusCode).toBe(403);
    expect((await register(authority, body)).statusCode).toBe(403);
    expect((await t.app.inject({ url: pullsUrl(), headers: market.read })).statusCode).toBe(403);
    const run = await t.app.inject({
      method: 'POST',
      url: `${pullsUrl()}/${pullId}/run`,
      headers: market.write,
    });
    expect(run.statusCode).toBe(403);
    const removal = await t.app.inject({
      method: 'DELETE',
      url: `${pullsUrl()}/${pullId}`,
      headers: market.write,
    });
    expect(removal.statusCode).toBe(403);
  });

  it('a provider that refuses the connection gives a failed batch with a clear message; the data stays', async () => {
    const down = new URL(SERVER);
    down.port = '1';
    const pull = await registered({ kind: 'postgres', url: down.toString(), query: selectAll() });
    const response = await runNow(pull.id);
    expect(response.statusCode).toBe(200);
    const batch = response.json();
    expect(batch).toMatchObject({ state: 'failed', failure: 'pool.pull.connect_failed' });
    expect(batch.failureMessage).toContain('无法连接提供方数据库');
    expect((await currentRows()).total).toBe(30);
    const shown = (await t.app.inject({ url: `${pullsUrl()}/${pull.id}`, headers: police.read })).json();
    expect(shown).toMatchObject({
      lastState: 'failed',
      lastFailure: 'pool.pull.connect_failed',
      running: false,
    });
    expect(shown.lastFailureMessage).toContain('无法连接');
    await remove(pull.id);
  });

  it('a query the provider fails (no such table) gives a failed batch naming the reason', async () => {
    const pull = await registered({
      kind: 'postgres',
      url: providerUrl(),
      query: 'SELECT * FROM zs_no_such_table',
    });
    const batch = (await runNow(pull.id)).json();
    expect(batch).toMatchObject({ state: 'failed', failure: 'pool.pull.query_failed' });
    expect(batch.failureMessage).toContain('zs_no_such_table');
    await remove(pull.id);
  });

  it('bad provider rows give a failed batch with the row-by-row report', async () => {
    await provider.query(
      `INSERT INTO ${PROVIDER_TABLE} VALUES ('500103198001010000', '坏号码', '1980-02-03', 1, true)`,
    );
    try {
      const pull = await registered({ kind: 'postgres', url: providerUrl(), query: selectAll() });
      const batch = (await runNow(pull.id)).json();
      expect(batch).toMatchObject({ state: 'failed', failure: 'pool.ingest.rows_refused' });
      const errors = await errorsOf(batch.id);
      expect(errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
        [31, 'pool.value.citizen_id'],
      ]);
      expect((await currentRows()).total).toBe(30);
      await remove(pull.id);
    } finally {
      await provider.query(`DELETE FROM ${PROVIDER_TABLE} WHERE full_name = '坏号码'`);
    }
  });
});

async function remove(pullId: string) {
  const response = await t.app.inject({
    method: 'DELETE',
    url: `${pullsUrl()}/${pullId}`,
    headers: police.write,
  });
  expect(response.statusCode).toBe(204);
}

describe('API pulls', () => {
  it('loads a JSON array', async () => {
    const pull = await registered({ kind: 'http', url: `${apiBase}/array` });
    const batch = (await runNow(pull.id)).json();
    expect(batch, JSON.stringify(batch)).toMatchObject({ state: 'loaded', rowsLoaded: 12, format: 'json' });
    expect((await currentRows()).total).toBe(12);
    await remove(pull.id);
  });

  it('loads JSON lines cut across chunks, sending the token header, which is masked', async () => {
    const pull = await registered({
      kind: 'http',
      url: `${apiBase}/lines`,
      headerName: 'X-Api-Token',
      secret: TOKEN,
      mode: 'upsert',
    });
    const listed = await t.app.inject({ url: pullsUrl(), headers: police.read });
    expect(listed.body).not.toContain(TOKEN);
    const batch = (await runNow(pull.id)).json();
    expect(batch, JSON.stringify(batch)).toMatchObject({ state: 'loaded', rowsLoaded: 12 });
    expect(seenTokens).toContain(TOKEN);
    const audit = await t.database.db.selectFrom('audit_events').select('detail').execute();
    expect(JSON.stringify(audit)).not.toContain(TOKEN);
    await remove(pull.id);
  });

  it('HTTP 500 gives a failed batch with the status in its message', async () => {
    const before = (await currentRows()).total;
    const pull = await registered({ kind: 'http', url: `${apiBase}/broken` });
    const batch = (await runNow(pull.id)).json();
    expect(batch).toMatchObject({ state: 'failed', failure: 'pool.pull.http_status' });
    expect(batch.failureMessage).toContain('HTTP 500');
    expect((await currentRows()).total).toBe(before);
    await remove(pull.id);
  });

  it('a body that is not JSON, and bad rows, give failed batches with reports', async () => {
    const broken = await registered({ kind: 'http', url: `${apiBase}/not-json` });
    expect((await runNow(broken.id)).json()).toMatchObject({
      state: 'failed',
      failure: 'pool.pull.json_syntax',
    });
    const bad = await registered({ kind: 'http', url: `${apiBase}/bad-rows` });
    const batch = (await runNow(bad.id)).json();
    expect(batch).toMatchObject({ state: 'failed', failure: 'pool.ingest.rows_refused' });
    const errors = await errorsOf(batch.id);
    expect(errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [1, 'pool.value.citizen_id'],
      [2, 'pool.ingest.unknown_field'],
    ]);
    await remove(broken.id);
    await remove(bad.id);
  });
});

describe('the scheduler', () => {
  it('runs a due pull exactly once per due time, and retries a failing one at its next interval', async () => {
    const good = await registered({ kind: 'http', url: `${apiBase}/array`, intervalMinutes: 10 });
    const failing = await registered({ kind: 'http', url: `${apiBase}/broken`, intervalMinutes: 10 });
    const off = await registered({ kind: 'http', url: `${apiBase}/array`, enabled: false });
    const start = Date.now() + 1_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000);
    const ranAt = async (now: Date) => {
      const result = await sweepPulls(t.database, now);
      expect(result.ran).toBe(true);
      return Object.fromEntries(result.runs.map((run) => [run.pullId, run.state]));
    };
    const first = await ranAt(at(0));
    expect(first[good.id]).toBe('loaded');
    expect(first[failing.id]).toBe('failed');
    expect(first[off.id]).toBeUndefined();
    expect(await ranAt(at(0))).toEqual({});
    expect(await ranAt(at(9))).toEqual({});
    const again = await ranAt(at(10));
    expect(again).toEqual({ [good.id]: 'loaded', [failing.id]: 'failed' });
    const pulls = (await t.app.inject({ url: pullsUrl(), headers: police.read })).json();
    const failed = pulls.find((p: { id: string }) => p.id === failing.id);
    expect(failed).toMatchObject({ lastState: 'failed', running: false, nextRunAt: at(20).toISOString() });
    const runs = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_type', 'detail'])
      .where('action', '=', 'pool.pull.run')
      .where('target_id', '=', good.id)
      .execute();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ actor_type: 'system', detail: { trigger: 'schedule' } });
  });
});
