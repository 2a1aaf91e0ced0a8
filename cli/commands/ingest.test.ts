import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import {
  csvOf,
  people,
  publishPersonResource,
  xlsxOf,
} from '../../server/src/modules/pools/pools.fixtures.ts';
import { createWorld } from '../../server/src/test/factories.ts';
import { testConfig } from '../../server/src/test/test-app.ts';
import { cli, prepareCliDatabase, type CliDatabase } from '../cli-test-support.ts';

// The world and the person resource are made through the real API, then the app is closed and the
// commands open the database themselves, as an operator's shell would.
let target: CliDatabase;
let dir: string;
let resource: { id: string; code: string };
const open = () => target.open();

const file = (name: string, content: string | Buffer) => {
  const written = path.join(dir, name);
  fs.writeFileSync(written, content);
  return written;
};

beforeAll(async () => {
  target = await prepareCliDatabase('ingest-cli');
  dir = target.dir;
  const database = await open();
  const config = testConfig();
  const app = await buildApp({ database, config });
  await app.ready();
  await createWorld(database.db);
  resource = await publishPersonResource({ app, database, config, close: () => app.close() });
  await app.close();
  await database.close();
}, 120_000);

afterAll(() => target.dispose());

describe('zhengshu ingest', () => {
  it('lists the pool tables', async () => {
    const result = await cli(['pools', 'list']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('资源代码');
    expect(result.out).toContain(`${resource.code}\t户籍人口基本信息\t市公安局`);
  });

  it('loads a good CSV by resource code as a new version, audited as the system', async () => {
    const good = file('people.csv', csvOf(people(300)));
    const result = await cli(['ingest', resource.code, good]);
    expect(result.err).toMatch(/开始导入批次 [0-9a-f-]{36}：people\.csv/);
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toMatch(/已导入：版本 1，导入 300 行，替换 0 行/);

    const database = await open();
    try {
      const table = await database.db
        .selectFrom('pool_tables')
        .select(['current_version', 'row_count'])
        .where('resource_id', '=', resource.id)
        .executeTakeFirstOrThrow();
      expect(table).toEqual({ current_version: 1, row_count: 300 });
      const audit = await database.db
        .selectFrom('audit_events')
        .select(['actor_type', 'action'])
        .where('action', 'in', ['pool.batch.start', 'pool.batch.load'])
        .execute();
      expect(audit).toEqual(
        expect.arrayContaining([
          { actor_type: 'system', action: 'pool.batch.start' },
          { actor_type: 'system', action: 'pool.batch.load' },
        ]),
      );
    } finally {
      await database.close();
    }
  });

  it('upserts an XLSX by resource id, the format taken from the extension', async () => {
    const rows = people(2, 1000);
    const sheet = file('more.xlsx', await xlsxOf(rows));
    const result = await cli(['ingest', resource.id, sheet, '--mode', 'upsert', '--lang', 'en']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/loaded: version 2, 2 rows loaded/);
  });

  it('refuses a bad file with exit 1, the first problems and the report command', async () => {
    const rows = people(4);
    rows[1] = {
      ...rows[1]!,
      sfzh: `${rows[1]!.sfzh.slice(0, 17)}${rows[1]!.sfzh.endsWith('0') ? '1' : '0'}`,
    };
    rows[2] = { ...rows[2]!, xm: '' };
    const bad = file('bad.csv', csvOf(rows));
    const result = await cli(['ingest', resource.code, bad]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('数据未导入：发现 2 处问题');
    expect(result.err).toContain(
      `第 3 行 · 公民身份号码 · ${rows[1]!.sfzh} · 公民身份号码校验位不正确（GB 11643）`,
    );
    expect(result.err).toContain('第 4 行 · 姓名 · （空） · 必填项为空');
    const batchId = /zhengshu ingest report ([0-9a-f-]{36})/.exec(result.err)?.[1];
    expect(batchId).toBeDefined();

    const printed = await cli(['ingest', 'report', batchId!]);
    expect(printed.code).toBe(0);
    expect(printed.written.split('\r\n')).toEqual([
      '"行号","列","值","原因"',
      `"3","公民身份号码","${rows[1]!.sfzh}","公民身份号码校验位不正确（GB 11643）"`,
      '"4","姓名","","必填项为空"',
      '',
    ]);
    const report = path.join(dir, 'report.csv');
    const written = await cli(['ingest', 'report', batchId!, '--output', report, '--lang', 'en']);
    expect(written).toMatchObject({ code: 0 });
    expect(written.out).toContain(`wrote 2 report lines to ${report}`);
    const csv = fs.readFileSync(report, 'utf8');
    expect(csv.startsWith('\ufeff"Row","Column","Value","Reason"')).toBe(true);
    expect(csv).toContain('"Required, but empty"');

    const english = await cli(['ingest', resource.code, bad, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.err).toContain('Nothing was loaded: 2 problems found');
    expect(english.err).toContain('row 4 · 姓名 · (empty) · Required, but empty');

    // The refusals changed nothing: still the version the XLSX made.
    const listed = await cli(['pools', 'list']);
    expect(listed.out).toMatch(new RegExp(`${resource.code}\\t.*\\t2\\t302\\t`));
  });

  it('refuses a header that does not match before reading rows, and a report of a loaded batch', async () => {
    const wrong = file('wrong.csv', csvOf(people(1), ['证件号', '姓名', '出生日期', '身高', '是否户主']));
    const result = await cli(['ingest', resource.code, wrong]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('第 1 行 · 证件号 · （空） · 表头“证件号”不是该资源的信息项');
    const database = await open();
    const loaded = await database.db
      .selectFrom('pool_batches')
      .select('id')
      .where('state', '=', 'loaded')
      .executeTakeFirstOrThrow();
    await database.close();
    const refused = await cli(['ingest', 'report', loaded.id]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('没有问题清单');
  });

  it('answers usage mistakes with exit 2', async () => {
    const good = file('again.csv', csvOf(people(1)));
    expect((await cli(['ingest', '999999/999999', good])).err).toContain('no pool table for resource');
    expect((await cli(['ingest', resource.code, path.join(dir, 'missing.csv')])).code).toBe(2);
    expect((await cli(['ingest', resource.code, file('data.dat', 'x')])).err).toContain('--format');
    expect((await cli(['ingest', resource.code, good, '--mode', 'merge'])).code).toBe(2);
    expect((await cli(['ingest', resource.code, good, '--encoding', 'latin1'])).code).toBe(2);
    expect((await cli(['ingest', 'report', 'not-an-id'])).code).toBe(2);
  });
});
