// A load killed with SIGKILL half-way: the process is gone mid-transaction, so the pool must be
// exactly the previous version, and the batch sweep must mark the dead batch as interrupted.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.ts';
import { qualified } from '../../server/src/modules/pools/pool-schema.ts';
import { sweepAbandonedBatches } from '../../server/src/modules/pools/batches.sweep.ts';
import { csvOf, people, publishPersonResource } from '../../server/src/modules/pools/pools.fixtures.ts';
import { citizenIdCheckChar } from '../../server/src/platform/identifiers/citizen-id.ts';
import { createWorld } from '../../server/src/test/factories.ts';
import { testConfig } from '../../server/src/test/test-app.ts';
import { cli, prepareCliDatabase, type CliDatabase } from '../cli-test-support.ts';

let target: CliDatabase;
let resource: { id: string; code: string };

/** A large CSV of distinct, valid people: enough rows that the load is still running when killed. */
function writeLargeCsv(file: string, rows: number) {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, '公民身份号码,姓名,出生日期\n');
  const day = 86_400_000;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 1000) * day).toISOString().slice(0, 10);
    const first17 = `500103${birth.replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}`;
    chunk += `${first17}${citizenIdCheckChar(first17)},居民${i},${birth}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

beforeAll(async () => {
  target = await prepareCliDatabase('ingest-kill');
  const database = await target.open();
  const config = testConfig();
  const app = await buildApp({ database, config });
  await app.ready();
  await createWorld(database.db);
  resource = await publishPersonResource({ app, database, config, close: () => app.close() });
  await app.close();
  await database.close();
  const first = path.join(target.dir, 'first.csv');
  fs.writeFileSync(first, csvOf(people(20)));
  expect((await cli(['ingest', resource.code, first])).code).toBe(0);
}, 120_000);

afterAll(() => target.dispose());

describe('a load killed mid-way', () => {
  it('leaves the pool exactly at the previous version; the sweep marks the batch interrupted', async () => {
    const big = path.join(target.dir, 'big.csv');
    writeLargeCsv(big, 1_500_000);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'cli/zhengshu.ts', 'ingest', resource.code, big],
      {
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let said = '';
    const onOutput = (chunk: Buffer) => (said += chunk.toString());
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill once the batch has started reading (its start line is printed), well before its end.
    for (let waited = 0; !said.includes('开始导入批次') && waited < 60_000; waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(said).toContain('开始导入批次');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(said).not.toMatch(/已导入/);

    const database = await target.open();
    try {
      const table = await database.db
        .selectFrom('pool_tables')
        .select(['current_version', 'row_count', 'schema_name', 'table_name'])
        .where('resource_id', '=', resource.id)
        .executeTakeFirstOrThrow();
      expect(table).toMatchObject({ current_version: 1, row_count: 20 });
      const counted = await sql
        .raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(table)}`)
        .execute(database.db);
      expect(counted.rows[0]!.n).toBe(20);
      const running = await database.db
        .selectFrom('pool_batches')
        .select(['id', 'state'])
        .where('resource_id', '=', resource.id)
        .where('state', 'in', ['validating', 'loading'])
        .execute();
      expect(running).toHaveLength(1);
      expect(await sweepAbandonedBatches(database.db, new Date(Date.now() + 1_000))).toBe(1);
      const swept = await database.db
        .selectFrom('pool_batches')
        .select(['state', 'failure'])
        .where('id', '=', running[0]!.id)
        .executeTakeFirstOrThrow();
      expect(swept).toEqual({ state: 'failed', failure: 'pool.ingest.interrupted' });
    } finally {
      await database.close();
    }
  }, 180_000);
});
