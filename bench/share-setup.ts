// The world of the sharing benches: a database of the run's engine (on PostgreSQL a fresh database
// with a pool of 10, as main.ts opens it), the app with the police department's population register
// (the pool benches' 9 items, keyed by citizen ID) loaded with generated rows, a grant of every item
// to the market department's 'bench-app' under the profile's default masking, and its API key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../server/src/app.ts';
import { publishPersonResource } from '../server/src/modules/pools/pools.fixtures.ts';
import { findPoolTable, type PoolTableRow } from '../server/src/modules/pools/pool-tables.repository.ts';
import { loadFile } from '../server/src/modules/pools/pools.service.ts';
import { createGrant } from '../server/src/modules/sharing/grants/grants.service.ts';
import { API_KEY_PREFIX } from '../server/src/platform/auth/authenticator.ts';
import { randomToken, tokenDigest } from '../server/src/platform/auth/secrets.ts';
import { openPglite, openPostgres, type Database } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import type { AppInstance } from '../server/src/platform/http/types.ts';
import { operatorContext, systemContext, type Actor } from '../server/src/platform/policy/actor.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { BENCH_ITEMS, benchRow, writeBenchCsv } from './pool-data.ts';

/** The application the benches call as. */
export const BENCH_APP = 'bench-app';
/** The purpose of the bench grant. */
export const BENCH_PURPOSE = '人口信息核验';

/**
 * A database for a bench and, on PostgreSQL, its URL (for pgbench and psql): a fresh database named
 * `<prefix>_<pid>_<random>` with a pool of 10, dropped on close.
 */
export async function openBenchDatabase(
  prefix = 'zs_bench_share',
): Promise<{ database: Database; url?: string }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const database = await openPglite(undefined);
    await migrateToLatest(database);
    return { database };
  }
  const name = `${prefix}_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const target = new URL(server);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString(), 10);
  await migrateToLatest(database);
  return {
    url: target.toString(),
    database: {
      ...database,
      close: async () => {
        await database.close();
        await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    },
  };
}

/** The bench application's actor, as the API key resolves it. */
export function benchActor(world: Pick<ShareBenchWorld, 'marketId' | 'marketRegionId'>): Actor {
  return {
    type: 'application',
    id: 'bench-key',
    name: BENCH_APP,
    displayName: BENCH_APP,
    role: 'department_application',
    departmentId: world.marketId,
    regionId: world.marketRegionId,
    regionScope: [],
    locale: 'zh-CN',
    identityVerified: false,
  };
}

/** A grant of every bench item to `application` of the market department, and an API key for it. */
async function grantWithKey(
  database: Database,
  resourceId: string,
  market: { id: string; regionId: string },
  application: string,
  masking?: Record<string, unknown>,
): Promise<string> {
  await database.db.transaction().execute((trx) =>
    createGrant(trx, systemContext('bench'), {
      basis: 'unconditional',
      resourceId,
      consumer: { departmentId: market.id, regionId: market.regionId },
      application,
      purpose: BENCH_PURPOSE,
      fields: BENCH_ITEMS.map((item) => item.fieldName),
      ...(masking ? { masking } : {}),
      endsAt: new Date(Date.now() + 86_400_000),
    }),
  );
  const token = `${API_KEY_PREFIX}${randomToken()}`;
  await database.db
    .insertInto('api_keys')
    .values({
      department_id: market.id,
      application,
      token_prefix: token.slice(0, 12),
      token_hash: tokenDigest(token),
    })
    .execute();
  return token;
}

/** What the benches run against. */
export interface ShareBenchWorld {
  app: AppInstance;
  database: Database;
  url?: string;
  port: number;
  code: string;
  table: PoolTableRow;
  token: string;
  headers: Record<string, string>;
  marketId: string;
  marketRegionId: string;
  /**
   * Grants every item to another application of the market department (with `masking` replacing
   * the provider's rules) and returns the request headers of its new API key.
   */
  grantTo(application: string, masking?: Record<string, unknown>): Promise<Record<string, string>>;
  /** The ID numbers of `count` random rows. */
  sampleKeys(count: number): string[];
  close(): Promise<void>;
}

/**
 * Builds and starts the world. `extend` may add routes before the app is ready (the benches'
 * unaudited twin of the lookup route).
 */
export async function shareBenchWorld(
  rows: number,
  extend?: (app: AppInstance) => void,
): Promise<ShareBenchWorld> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-share-'));
  const { database, url } = await openBenchDatabase();
  // Every request counts against the key's limit (its cost is part of the path), none is refused.
  const config = testConfig({ rateApiKeyPerWindow: 1_000_000_000 });
  const app = await buildApp({ database, config });
  extend?.(app);
  try {
    const resource = await publishPersonResource(
      { app, database, config, close: () => app.close() },
      BENCH_ITEMS,
    );
    const csv = path.join(dir, 'people.csv');
    await writeBenchCsv(csv, { rows });
    const batch = await loadFile(database, operatorContext('bench'), {
      resourceId: resource.id,
      file: csv,
      fileName: 'people.csv',
      format: 'csv',
      mode: 'replace',
    });
    if (batch.state !== 'loaded') throw new Error(`bench load failed: ${batch.failure}`);
    const marketRow = await database.db
      .selectFrom('departments')
      .select(['id', 'region_id'])
      .where('name', '=', '市市场监管局')
      .executeTakeFirstOrThrow();
    const market = { id: marketRow.id, regionId: marketRow.region_id };
    const token = await grantWithKey(database, resource.id, market, BENCH_APP);
    const table = (await findPoolTable(database.db, resource.id))!;
    if (database.engine === 'postgres') await sql`ANALYZE`.execute(database.db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    return {
      app,
      database,
      url,
      port: (app.server.address() as AddressInfo).port,
      code: resource.code,
      table,
      token,
      headers: { authorization: `Bearer ${token}`, 'x-purpose': encodeURIComponent(BENCH_PURPOSE) },
      marketId: market.id,
      marketRegionId: market.regionId,
      grantTo: async (application, masking) => {
        const key = await grantWithKey(database, resource.id, market, application, masking);
        return { authorization: `Bearer ${key}`, 'x-purpose': encodeURIComponent(BENCH_PURPOSE) };
      },
      sampleKeys: (count) => Array.from({ length: count }, () => benchRow(crypto.randomInt(rows))[0]!),
      close: async () => {
        await app.close();
        await database.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
