import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { findPoolTable, type PoolTableRow } from '../server/src/modules/pools/pool-tables.repository.ts';
import { publishPersonResource } from '../server/src/modules/pools/pools.fixtures.ts';
import { loadFile, readRows } from '../server/src/modules/pools/pools.service.ts';
import { encryptColumn } from '../server/src/modules/security/encryption/encryption.service.ts';
import { Keyring } from '../server/src/platform/crypto/keyring.ts';
import type { Database } from '../server/src/platform/db/database.ts';
import { operatorContext } from '../server/src/platform/policy/actor.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { engineName, type Measurement } from './common.ts';
import { BENCH_ITEMS, writeBenchCsv } from './pool-data.ts';

// Sizes, overridable for a longer run (e.g. ZS_BENCH_ENC_ROWS=500000).
const ROWS = Number(process.env.ZS_BENCH_ENC_ROWS ?? 100_000);
const READ_ROWS = Number(process.env.ZS_BENCH_ENC_READ_ROWS ?? 20_000);
const ROUNDS = Number(process.env.ZS_BENCH_ENC_ROUNDS ?? 3);
/** The columns sealed in the encrypted table: the address and the phone number. */
const SEALED = ['zz', 'lxdh'];
const PAGE = 500;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A database with the bench resource published and, when `sealed`, two of its columns encrypted. */
async function prepare(sealed: boolean) {
  const database = await openTestDatabase();
  const config = testConfig();
  const keyring = Keyring.inMemory(config.cryptoSuite);
  const app = await buildApp({ database, config, keyring });
  await app.ready();
  const resource = await publishPersonResource(
    { app, database, config, close: () => app.close() },
    BENCH_ITEMS,
  );
  if (sealed)
    for (const field of SEALED)
      await encryptColumn(database.db, keyring, operatorContext('bench'), { resourceId: resource.id, field });
  const table = (await findPoolTable(database.db, resource.id))!;
  return { database, keyring, table, close: async () => (await app.close(), await database.close()) };
}

async function load(database: Database, table: PoolTableRow, file: string) {
  const started = performance.now();
  const batch = await loadFile(database, operatorContext('bench'), {
    resourceId: table.resource_id,
    file,
    fileName: path.basename(file),
    format: 'csv',
    mode: 'replace',
  });
  if (batch.state !== 'loaded') throw new Error(`bench load failed: ${batch.failure}`);
  return Number(batch.rows_loaded) / ((performance.now() - started) / 1000);
}

async function read(database: Database, table: PoolTableRow, keyring: Keyring) {
  const started = performance.now();
  let rows = 0;
  for (let page = 1; rows < READ_ROWS; page++) {
    const result = await readRows(
      database.db,
      operatorContext('bench'),
      table.resource_id,
      { page, pageSize: PAGE },
      keyring,
    );
    rows += result.rows.length;
    if (result.rows.length < PAGE) break;
  }
  return rows / ((performance.now() - started) / 1000);
}

/**
 * Encryption at rest costs: the same CSV loaded into the same table in plaintext and with two
 * columns (address, phone) sealed, and pages of rows read back through the service (audited),
 * in the same run. Goal: the encrypted table keeps at least half the plain throughput.
 */
export async function benchColumnEncryption(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-enc-'));
  const file = path.join(dir, 'people.csv');
  await writeBenchCsv(file, { rows: ROWS });
  const plain = await prepare(false);
  const sealed = await prepare(true);
  try {
    const writes = { plain: [] as number[], sealed: [] as number[] };
    const reads = { plain: [] as number[], sealed: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      writes.plain.push(await load(plain.database, plain.table, file));
      writes.sealed.push(await load(sealed.database, sealed.table, file));
      reads.plain.push(await read(plain.database, plain.table, plain.keyring));
      reads.sealed.push(await read(sealed.database, sealed.table, sealed.keyring));
    }
    const engine = engineName();
    const note = `${engine}, ${ROWS.toLocaleString('en')} rows, ${SEALED.length} of ${BENCH_ITEMS.length} columns sealed (${sealed.keyring.algorithm}), median of ${ROUNDS}`;
    return [
      { name: 'load, plaintext table', value: median(writes.plain), unit: 'rows/s', note },
      { name: 'load, 2 encrypted columns', value: median(writes.sealed), unit: 'rows/s', note },
      {
        name: 'load encrypted / plaintext',
        value: median(writes.sealed) / median(writes.plain),
        unit: 'ratio',
        goal: { min: 0.5 },
      },
      { name: 'read, plaintext table', value: median(reads.plain), unit: 'rows/s', note: `pages of ${PAGE}` },
      {
        name: 'read, 2 encrypted columns',
        value: median(reads.sealed),
        unit: 'rows/s',
        note: `pages of ${PAGE}`,
      },
      {
        name: 'read encrypted / plaintext',
        value: median(reads.sealed) / median(reads.plain),
        unit: 'ratio',
        goal: { min: 0.5 },
      },
    ];
  } finally {
    await plain.close();
    await sealed.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
