import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { publishResources } from '../catalog/catalog.factories.ts';
import {
  csvOf,
  people,
  personItems,
  poolSessions,
  publishPersonResource,
  upload,
  xlsxOf,
} from './pools.fixtures.ts';
import type { TestSession } from '../../test/factories.ts';

let t: TestApp;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let authority: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police, market, authority } = await poolSessions(t));
});
afterAll(() => t.close());

const currentRows = async () =>
  (
    await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows?pageSize=500`, headers: police.read })
  ).json();

describe('pool tables', () => {
  it('publishing a resource makes its typed table in the department pool', async () => {
    const response = await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}`, headers: police.read });
    expect(response.statusCode).toBe(200);
    const table = response.json();
    expect(table.table).toMatch(/^pool_[0-9a-z]{18}\.r_201\d*_\d{6}$/);
    expect(table.keyFields).toEqual(['sfzh']);
    const types = Object.fromEntries(
      table.columns.map((c: { field: string; sqlType: string }) => [c.field, c.sqlType]),
    );
    expect(types).toEqual({
      sfzh: 'varchar(18)',
      xm: 'varchar(50)',
      csrq: 'date',
      sg: 'numeric(5, 2)',
      sfhz: 'boolean',
    });
    expect(table.columns.find((c: { field: string }) => c.field === 'sfzh').check).toBe('citizen_id');
    const [schema, name] = table.table.split('.');
    const columns = await sql<{ column_name: string; data_type: string }>`
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = ${schema} AND table_name = ${name} ORDER BY ordinal_position`.execute(
      t.database.db,
    );
    expect(columns.rows.map((c) => c.column_name)).toEqual([
      '_row',
      '_from',
      '_to',
      'sfzh',
      'xm',
      'csrq',
      'sg',
      'sfhz',
    ]);
  });

  it('another department sees neither the table nor its rows', async () => {
    expect(
      (await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}`, headers: market.read })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows`, headers: market.read }))
        .statusCode,
    ).toBe(403);
    const list = await t.app.inject({ url: '/api/v1/pools/tables', headers: market.read });
    expect(list.json()).toEqual([]);
  });
});

describe('loading files', () => {
  it('loads a UTF-8 CSV with BOM as version 1, all rows, audited', async () => {
    const response = await upload(t, police, resourceId, '\ufeff' + csvOf(people(25)));
    expect(response.statusCode, response.body).toBe(201);
    const batch = response.json();
    expect(batch).toMatchObject({
      state: 'loaded',
      version: 1,
      rowsLoaded: 25,
      encoding: 'utf-8',
      current: true,
    });
    const rows = await currentRows();
    expect(rows.total).toBe(25);
    expect(rows.items[0]).toMatchObject({ xm: '测试人员0', csrq: '1980-01-01', sg: '170.50', sfhz: true });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', batch.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['pool.batch.load', 'pool.batch.start']);
  });

  it('detects GB18030 (GBK) and reads the Chinese header and names', async () => {
    const text = csvOf(people(3, 100));
    const encoded = encodeGb18030(text);
    const response = await upload(t, police, resourceId, encoded);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      encoding: 'gb18030',
      rowsLoaded: 3,
      rowsReplaced: 25,
      version: 2,
    });
    const rows = await currentRows();
    expect(rows.items.map((r: { xm: string }) => r.xm)).toEqual([
      '测试人员100',
      '测试人员101',
      '测试人员102',
    ]);
  });

  it('refuses a file with bad rows: nothing changes, and the report names row, column, value and reason', async () => {
    const rows = people(5, 200);
    rows[1]!.sfzh = rows[1]!.sfzh.slice(0, 17) + (rows[1]!.sfzh.endsWith('0') ? '1' : '0');
    rows[2]!.csrq = '1980-02-30';
    rows[3]!.xm = '';
    rows[4]!.sg = '1234.5';
    const before = await currentRows();
    const response = await upload(t, police, resourceId, csvOf(rows));
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('pool.ingest.rows_refused');
    expect(problem.detail).toContain('4 处问题');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      '/rows/3/公民身份号码',
      '/rows/4/出生日期',
      '/rows/5/姓名',
      '/rows/6/身高',
    ]);
    expect(await currentRows()).toEqual(before);
    const batchUrl = response.headers.location as string;
    const report = await t.app.inject({
      url: `${batchUrl}/errors`,
      headers: { ...police.read, 'accept-language': 'en' },
    });
    expect(report.json().items[0]).toMatchObject({ row: 3, column: '公民身份号码', value: rows[1]!.sfzh });
    expect(report.json().items[0].message).toContain('check digit');
    const csv = await t.app.inject({ url: `${batchUrl}/errors.csv`, headers: police.read });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\ufeff"行号","列","值","原因"')).toBe(true);
    expect(csv.body).toContain('"4","出生日期","1980-02-30","不是有效日期');
  });

  it('refuses repeated keys in a file, naming both rows', async () => {
    const rows = people(4, 300);
    rows[3]!.sfzh = rows[1]!.sfzh;
    const before = await currentRows();
    const response = await upload(t, police, resourceId, csvOf(rows));
    expect(response.statusCode).toBe(422);
    expect(response.json().errors[0].message).toContain('第 3, 5 行');
    expect(await currentRows()).toEqual(before);
  });

  it('refuses a header that does not match the items, and ragged rows and broken quotes', async () => {
    const wrong = await upload(t, police, resourceId, '身份证,姓名\n1,2\n');
    expect(wrong.statusCode).toBe(422);
    expect(
      wrong
        .json()
        .errors.map((e: { message: string }) => e.message)
        .join(' '),
    ).toMatch(/身份证.*不是该资源的信息项/);
    const ragged = await upload(t, police, resourceId, csvOf(people(2)) + 'a,b\n');
    expect(ragged.statusCode).toBe(422);
    expect(ragged.json().errors[0]).toMatchObject({ path: '/rows/4/-' });
    const quotes = await upload(t, police, resourceId, csvOf(people(1)) + '"unclosed,x,1980-01-01,1,是\n');
    expect(quotes.statusCode).toBe(422);
    expect(quotes.json().code).toBe('pool.ingest.csv_syntax');
  });

  it('loads an XLSX with typed cells, and refuses one with a formula', async () => {
    const rows = people(3, 400).map((row) => ({ ...row, csrq: new Date(Date.UTC(1990, 4, 6)), sg: 180.25 }));
    const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const response = await upload(t, police, resourceId, await xlsxOf(rows), 'wait=true', type);
    expect(response.statusCode, response.body).toBe(201);
    const current = await currentRows();
    expect(current.items[0]).toMatchObject({ xm: '测试人员400', csrq: '1990-05-06', sg: '180.25' });
    const withFormula = await xlsxOf([{ ...rows[0], sg: { formula: '1+1', result: 2 } }]);
    const refused = await upload(t, police, resourceId, withFormula, 'wait=true', type);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].message).toContain('公式');
  });

  it('loads JSON lines, and answers 202 at once without waiting', async () => {
    const lines = people(4, 500)
      .map((row) => JSON.stringify(row))
      .join('\n');
    const response = await upload(t, police, resourceId, lines, 'format=jsonl', 'application/x-ndjson');
    expect(response.statusCode).toBe(202);
    const url = response.headers.location as string;
    let batch = response.json();
    for (let i = 0; i < 200 && !['loaded', 'failed'].includes(batch.state); i++) {
      await new Promise((r) => setTimeout(r, 25));
      batch = (await t.app.inject({ url, headers: police.read })).json();
    }
    expect(batch).toMatchObject({ state: 'loaded', rowsLoaded: 4, format: 'jsonl' });
  });

  it('takes two loads into one table in turn: each its own version, neither lost', async () => {
    const before = (
      await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}`, headers: police.read })
    ).json();
    const [a, b] = await Promise.all([
      upload(t, police, resourceId, csvOf(people(7, 800))),
      upload(t, police, resourceId, csvOf(people(9, 850))),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const versions = [a.json().version, b.json().version].sort();
    expect(versions).toEqual([before.currentVersion + 1, before.currentVersion + 2]);
    const last = a.json().version > b.json().version ? a : b;
    expect((await currentRows()).total).toBe(last.json().rowsLoaded);
  });

  it('loads a value longer than a COPY chunk, and the rows on either side of it, intact', async () => {
    const long = await publishPersonResource(t, [
      personItems[0]!,
      { name: '备注', fieldName: 'bz', dataType: 'C', length: 200_000, sensitivity: 'general' },
    ]);
    // 150,000 Chinese characters are 450 KB of UTF-8: more than one 256 KB chunk of COPY text.
    const rows = people(1500, 4000).map((person, i) => ({
      sfzh: person.sfzh,
      bz: i === 700 ? `${'长'.repeat(150_000)}尾` : `备注${i}`,
    }));
    const csv = ['公民身份号码,备注', ...rows.map((row) => `${row.sfzh},${row.bz}`)].join('\n');
    const response = await upload(t, police, long.id, csv);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().rowsLoaded).toBe(1500);
    const stored = new Map<string, string>();
    for (let page = 1; stored.size < 1500; page++) {
      const items = (
        await t.app.inject({
          url: `/api/v1/pools/tables/${long.id}/rows?pageSize=500&page=${page}`,
          headers: police.read,
        })
      ).json().items as { sfzh: string; bz: string }[];
      if (items.length === 0) break;
      for (const item of items) stored.set(item.sfzh, item.bz);
    }
    expect(rows.every((row) => stored.get(row.sfzh) === row.bz)).toBe(true);
  });

  it('refuses values outside an item’s allowed values (取值范围)', async () => {
    const items = [
      ...personItems,
      {
        name: '性别',
        fieldName: 'xb',
        dataType: 'C' as const,
        length: 2,
        sensitivity: 'personal' as const,
        allowedValues: ['男', '女'],
      },
    ];
    const [coded] = await publishResources(t, [{ name: '人口性别信息', items }]);
    const header = '公民身份号码,姓名,性别';
    const [a, b] = people(2, 950);
    const refused = await upload(t, police, coded!.id, `${header}\n${a!.sfzh},甲,男\n${b!.sfzh},乙,未知\n`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({
      path: '/rows/3/性别',
      message: '不在取值范围内（男、女）',
    });
    const loaded = await upload(t, police, coded!.id, `${header}\n${a!.sfzh},甲,男\n${b!.sfzh},乙, 女\n`);
    expect(loaded.statusCode, loaded.body).toBe(201);
  });

  it('refuses the wrong role and the wrong department', async () => {
    const other = await upload(t, market, resourceId, csvOf(people(1)));
    expect(other.statusCode).toBe(403);
    const byAuthority = await upload(t, authority, resourceId, csvOf(people(1)));
    expect(byAuthority.statusCode).toBe(403);
  });
});

describe('push, versions and restore', () => {
  it('upserts pushed rows by key as one version, and refuses a bad push whole', async () => {
    const before = await currentRows();
    const first = before.items[0];
    const push = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/records`,
      headers: police.write,
      payload: { records: [{ sfzh: first.sfzh, xm: '改名后' }, ...people(1, 600)] },
    });
    expect(push.statusCode, push.body).toBe(201);
    expect(push.json()).toMatchObject({ source: 'api', mode: 'upsert', rowsLoaded: 2, rowsReplaced: 1 });
    const after = await currentRows();
    expect(after.total).toBe(before.total + 1);
    expect(after.items.find((r: { sfzh: string }) => r.sfzh === first.sfzh).xm).toBe('改名后');
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/records`,
      headers: police.write,
      payload: { records: [{ sfzh: 'x', xm: '无效' }, { nope: 1 }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toHaveLength(2);
    expect((await currentRows()).total).toBe(after.total);
  });

  it("lets the department's application push with its API key, and no other department's", async () => {
    const issue = async (session: TestSession, application: string) =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/api-keys',
          headers: session.write,
          payload: { application },
        })
      ).json().key as string;
    const own = await issue(police, '人口信息采集系统');
    const other = await issue(market, '市场主体登记系统');
    const push = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/pools/tables/${resourceId}/records`,
        headers: { authorization: `Bearer ${key}` },
        payload: { records: people(2, 700) },
      });
    const pushed = await push(own);
    expect(pushed.statusCode, pushed.body).toBe(201);
    expect(pushed.json()).toMatchObject({ actorName: '市公安局 · 人口信息采集系统', rowsLoaded: 2 });
    expect((await push(other)).statusCode).toBe(403);
  });

  it('lists versions with who loaded them, reads an old version, and restores it as a new version', async () => {
    const list = (
      await t.app.inject({
        url: `/api/v1/pools/tables/${resourceId}/batches?pageSize=50`,
        headers: police.read,
      })
    ).json();
    const loaded = list.items.filter((b: { state: string }) => b.state === 'loaded');
    const failed = list.items.filter((b: { state: string }) => b.state === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(loaded[0].current).toBe(true);
    expect(loaded.every((b: { actorName: string }) => b.actorName)).toBe(true);
    const v1 = await t.app.inject({
      url: `/api/v1/pools/tables/${resourceId}/rows?version=1&pageSize=100`,
      headers: police.read,
    });
    expect(v1.json().total).toBe(25);
    const restore = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/versions/1/restore`,
      headers: police.write,
    });
    expect(restore.statusCode, restore.body).toBe(201);
    expect(restore.json()).toMatchObject({ source: 'restore', restoredFrom: 1, rowsLoaded: 25 });
    const now = await currentRows();
    expect(now.total).toBe(25);
    expect(now.items.map((r: { xm: string }) => r.xm)).toEqual(
      v1.json().items.map((r: { xm: string }) => r.xm),
    );
  });
});

/** GB18030 bytes of text: Node decodes GB18030 but has no encoder, so build one from the decoder. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(bytes);
}
