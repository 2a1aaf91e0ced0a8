// The provider readers on their own, against the test PostgreSQL server: the cursor is read in
// slices, values arrive as text the loader checks, and the read-only transaction and statement
// timeout hold even for a query the registration rule would have refused.
import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { SourceRow } from '../readers.ts';
import { openPostgresSource, POSTGRES_LIMITS } from './postgres-source.ts';
import { checkSelect, splitDatabaseUrl } from './pull-settings.ts';

const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TABLE = `zs_source_${crypto.randomBytes(4).toString('hex')}`;
let admin: pg.Client;

beforeAll(async () => {
  admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE TABLE ${TABLE} (n integer, at timestamptz, flag boolean, doc jsonb)`);
  await admin.query(
    `INSERT INTO ${TABLE} SELECT g, timestamptz '2024-03-01 08:30:00+08', g % 2 = 0, '{"a": 1}' FROM generate_series(1, 23) g`,
  );
  await admin.query(`CREATE SEQUENCE ${TABLE}_seq`);
});
afterAll(async () => {
  await admin?.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await admin?.query(`DROP SEQUENCE IF EXISTS ${TABLE}_seq`);
  await admin?.end();
});

const settings = (query: string) => ({ ...splitDatabaseUrl(SERVER), query });

async function all(rows: AsyncIterable<SourceRow>) {
  const out: SourceRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

async function failureOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('database source', () => {
  it('reads every row through the cursor in slices, with the column names as header', async () => {
    const source = await openPostgresSource(settings(`SELECT n, at, flag, doc FROM ${TABLE} ORDER BY n`), {
      ...POSTGRES_LIMITS,
      fetchRows: 5,
    });
    expect(source.header).toEqual(['n', 'at', 'flag', 'doc']);
    const rows = await all(source.rows);
    expect(rows).toHaveLength(23);
    expect(rows[22]).toEqual({
      row: 23,
      cells: ['23', '2024-03-01T00:30:00.000Z', 'f', '{"a": 1}'],
    });
  });

  it('runs read only: a function that writes is refused by the provider', async () => {
    const error = await failureOf(openPostgresSource(settings(`SELECT nextval('${TABLE}_seq')`)));
    expect(error.code).toBe('pool.pull.query_failed');
    expect(String(error.params.reason)).toContain('read-only');
  });

  it('stops a statement at the timeout', async () => {
    const error = await failureOf(
      openPostgresSource(settings('SELECT pg_sleep(5)'), { ...POSTGRES_LIMITS, statementMs: 200 }),
    );
    expect(error.code).toBe('pool.pull.query_failed');
    expect(String(error.params.reason)).toContain('statement timeout');
  });

  it('a missing database is a connection failure that names it', async () => {
    const missing = new URL(SERVER);
    missing.pathname = '/zs_no_such_database';
    const noDatabase = await failureOf(
      openPostgresSource({ url: missing.toString(), password: null, query: 'SELECT 1' }),
    );
    expect(noDatabase.code).toBe('pool.pull.connect_failed');
    expect(String(noDatabase.params.reason)).toContain('zs_no_such_database');
  });
});

describe('the SELECT rule', () => {
  it('accepts plain SELECTs, with joins, subqueries and a trailing semicolon', () => {
    expect(checkSelect('  select a, b from t where c > 1;  ')).toBe('select a, b from t where c > 1');
    expect(checkSelect('SELECT x.a FROM (SELECT a FROM t) x JOIN u ON u.id = x.a ORDER BY 1')).toContain(
      'JOIN',
    );
  });
});
