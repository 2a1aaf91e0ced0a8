import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recordAuditMany } from '../../server/src/platform/audit/audit.ts';
import { openDatabase, type Database } from '../../server/src/platform/db/database.ts';
import { migrateToLatest } from '../../server/src/platform/db/migrate.ts';
import { systemContext } from '../../server/src/platform/policy/actor.ts';
import { run } from '../zhengshu.ts';

// The CLI opens the database named by the environment, like an operator's shell would: PGlite in a
// temporary data directory, or a fresh database on the server of DATABASE_URL.
const serverUrl = process.env.DATABASE_URL;
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, ZHENGSHU_DATA_DIR: process.env.ZHENGSHU_DATA_DIR };
let dataDir: string | undefined;
let dbName: string | undefined;

async function open(): Promise<Database> {
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  await migrateToLatest(database);
  return database;
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const code = await run(args);
    return {
      code,
      out: log.mock.calls.map((call) => call.join(' ')).join('\n'),
      err: error.mock.calls.map((call) => call.join(' ')).join('\n'),
    };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(async () => {
  if (serverUrl) {
    dbName = `zs_test_cli_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-cli-'));
    process.env.ZHENGSHU_DATA_DIR = dataDir;
  }
  const database = await open();
  await recordAuditMany(
    database.db,
    systemContext('cli-test'),
    Array.from({ length: 30 }, (_, i) => ({ action: 'test.cli', detail: { i } })),
  );
  await database.close();
});

afterAll(async () => {
  process.env.DATABASE_URL = savedEnv.DATABASE_URL;
  if (savedEnv.ZHENGSHU_DATA_DIR === undefined) delete process.env.ZHENGSHU_DATA_DIR;
  else process.env.ZHENGSHU_DATA_DIR = savedEnv.ZHENGSHU_DATA_DIR;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (serverUrl && dbName) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

describe('zhengshu audit verify', () => {
  it('reports waiting events, sequences them on request and exits 0 on an intact chain', async () => {
    const before = await cli(['audit', 'verify']);
    expect(before.code).toBe(0);
    expect(before.out).toContain('0 event(s) checked');
    expect(before.out).toContain('30 event(s) not yet sequenced');

    const after = await cli(['audit', 'verify', '--sequence-first']);
    expect(after).toMatchObject({ code: 0, err: '' });
    expect(after.out).toContain('sequenced 30 event(s)');
    expect(after.out).toContain('audit chain intact: 30 event(s) checked');
  });

  it('exits 1 naming the first broken event after an edit made directly in SQL', async () => {
    const database = await open();
    const target = await database.db
      .selectFrom('audit_events')
      .select('id')
      .where('seq', '=', 7)
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE audit_events SET detail = '{"i": 1000}' WHERE seq = 7`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    await database.close();

    const result = await cli(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`BROKEN at seq 7 (event id ${target.id}): hash`);
    expect(result.err).toContain('6 event(s) before it are intact');
  });

  it('rejects an unknown option with the usage exit code', async () => {
    const result = await cli(['audit', 'verify', '--bogus']);
    expect(result.code).toBe(2);
  });
});
