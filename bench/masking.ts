// Masked extraction vs. the same extraction unmasked: every current row of a 200k-row population
// register read through maskedSelect (keyset pages), once with every rule `none` and once with the
// rules a share of it would carry. Goal: masked rows/s ≥ 0.7 of unmasked (issue 5).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/src/app.ts';
import { findPoolTable, type PoolTableRow } from '../server/src/modules/pools/pool-tables.repository.ts';
import { publishPersonResource } from '../server/src/modules/pools/pools.fixtures.ts';
import { loadFile } from '../server/src/modules/pools/pools.service.ts';
import { maskedSelect } from '../server/src/modules/security/masking/extract.ts';
import type { MaskColumn, Placement } from '../server/src/platform/masking/plan.ts';
import type { ItemType, MaskRule } from '../server/src/platform/masking/rules.ts';
import { pseudonymKey } from '../server/src/platform/masking/values.ts';
import type { Database } from '../server/src/platform/db/database.ts';
import { operatorContext } from '../server/src/platform/policy/actor.ts';
import { openTestDatabase } from '../server/src/test/test-database.ts';
import { testConfig } from '../server/src/test/test-app.ts';
import { engineName, type Measurement } from './common.ts';
import { BENCH_ITEMS, writeBenchCsv } from './pool-data.ts';

const ROWS = Number(process.env.ZS_BENCH_MASKING_ROWS ?? 200_000);
const ROUNDS = Number(process.env.ZS_BENCH_MASKING_ROUNDS ?? 3);
const PAGE = 5000;
const GOAL = 0.7;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The rules of a typical share of the register: every personal item masked. */
const SHARE_RULES: Record<string, MaskRule> = {
  sfzh: { kind: 'citizen_id' },
  xm: { kind: 'name' },
  xb: { kind: 'none' },
  csrq: { kind: 'date', precision: 'year' },
  zz: { kind: 'address' },
  lxdh: { kind: 'mobile' },
  sg: { kind: 'range', width: 10 },
  sfhz: { kind: 'none' },
  djsj: { kind: 'date', precision: 'month' },
};

async function prepare(database: Database, csv: string): Promise<PoolTableRow> {
  const config = testConfig();
  const app = await buildApp({ database, config });
  await app.ready();
  try {
    const resource = await publishPersonResource(
      { app, database, config, close: () => app.close() },
      BENCH_ITEMS,
    );
    const batch = await loadFile(database, operatorContext('bench'), {
      resourceId: resource.id,
      file: csv,
      fileName: 'people.csv',
      format: 'csv',
      mode: 'replace',
    });
    if (batch.state !== 'loaded') throw new Error(`bench load failed: ${batch.failure}`);
    return (await findPoolTable(database.db, resource.id))!;
  } finally {
    await app.close();
  }
}

const columnsWith = (rule: (field: string) => MaskRule): MaskColumn[] =>
  BENCH_ITEMS.map((item) => ({
    field: item.fieldName,
    column: item.fieldName,
    type: item.dataType as ItemType,
    rule: rule(item.fieldName),
  }));

/** Reads every row; returns rows/s. */
async function extract(
  database: Database,
  table: PoolTableRow,
  columns: MaskColumn[],
  options: { placement?: Placement } = {},
) {
  const key = pseudonymKey(Buffer.from('bench secret'), 'bench-grant');
  const started = performance.now();
  let rows = 0;
  for await (const page of maskedSelect(database.db, table, columns, {
    pageSize: PAGE,
    pseudonymKey: key,
    ...options,
  }))
    rows += page.length;
  if (rows !== ROWS) throw new Error(`extracted ${rows} of ${ROWS} rows`);
  return (rows * 1000) / (performance.now() - started);
}

/** Masked vs. unmasked extraction, alternating rounds so that other load falls on both alike. */
export async function benchMasking(): Promise<Measurement[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-bench-masking-'));
  const database = await openTestDatabase();
  try {
    const csv = path.join(dir, 'people.csv');
    await writeBenchCsv(csv, { rows: ROWS });
    const table = await prepare(database, csv);
    const plain = columnsWith(() => ({ kind: 'none' }));
    const masked = columnsWith((field) => SHARE_RULES[field]!);
    const pseudonymised = columnsWith((field) =>
      field === 'sfzh' ? { kind: 'pseudonym' } : SHARE_RULES[field]!,
    );
    const figures = {
      plain: [] as number[],
      auto: [] as number[],
      sql: [] as number[],
      node: [] as number[],
      pseudonym: [] as number[],
    };
    await extract(database, table, plain); // warm the cache: every variant reads a warm table
    for (let round = 0; round < ROUNDS; round++) {
      figures.plain.push(await extract(database, table, plain));
      figures.auto.push(await extract(database, table, masked));
      figures.sql.push(await extract(database, table, masked, { placement: 'sql' }));
      figures.node.push(await extract(database, table, masked, { placement: 'node' }));
      figures.pseudonym.push(await extract(database, table, pseudonymised));
    }
    const unmasked = median(figures.plain);
    const note = `${ROWS.toLocaleString('en')} rows × 9 items, pages of ${PAGE}; median of ${ROUNDS} (${engineName()})`;
    const ratio = (name: string, value: number, goal?: number): Measurement => ({
      name,
      value: value / unmasked,
      unit: 'ratio',
      ...(goal ? { goal: { min: goal } } : {}),
    });
    return [
      { name: 'unmasked extraction', value: unmasked, unit: 'rows/s', note },
      {
        name: 'masked extraction (auto: nulling in SQL, the rest in Node)',
        value: median(figures.auto),
        unit: 'rows/s',
      },
      { name: 'masked extraction (every rule in SQL)', value: median(figures.sql), unit: 'rows/s' },
      { name: 'masked extraction (every rule in Node)', value: median(figures.node), unit: 'rows/s' },
      { name: 'masked + SM3 pseudonym (Node step)', value: median(figures.pseudonym), unit: 'rows/s' },
      ratio('masked (auto) vs unmasked', median(figures.auto), GOAL),
      ratio('masked (SQL) vs unmasked', median(figures.sql)),
      ratio('masked (Node) vs unmasked', median(figures.node)),
      ratio('masked + pseudonym vs unmasked', median(figures.pseudonym)),
    ];
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
