// The demo pools: after the demo catalog is published (which makes the pool tables), generated rows
// are loaded into some resources' tables through the real loader, one batch each, so that a fresh
// platform shows data. Deterministic (seeded by resource and row), all fake.
import type { Database } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { runBatch } from '../pools/ingest.ts';
import type { PoolColumn } from '../pools/pool-schema.ts';
import { findPoolTable, listPoolTables, type PoolTableRow } from '../pools/pool-tables.repository.ts';
import type { RowSource, SourceRow } from '../pools/readers.ts';
import {
  demoCompany,
  demoPerson,
  demoValue,
  hashText,
  prng,
  type DemoValue,
  type RowContext,
} from './demo-pool-values.ts';

/** A demo resource to fill: by name, how many rows, and values of its own for some fields. */
interface DemoPool {
  resource: string;
  rows: number;
  /** 91 for companies, 52 for social organisations (the credit code's first two characters). */
  creditPrefix?: string;
  fields?: Record<string, (row: RowContext) => DemoValue>;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const BUS_STOPS = [
  '较场口',
  '七星岗',
  '上清寺',
  '牛角沱',
  '李子坝',
  '佛图关',
  '大坪',
  '袁家岗',
  '谢家湾',
  '杨家坪',
];

/** The resources the demo fills, people and companies shared between resources by row number. */
export const DEMO_POOLS: DemoPool[] = [
  { resource: '人口基本信息', rows: 2_000 },
  { resource: '居民身份证信息', rows: 2_000 },
  { resource: '企业登记注册信息', rows: 800 },
  { resource: '营业执照电子证照', rows: 800 },
  { resource: '企业信用信息', rows: 800 },
  { resource: '食品经营许可证信息', rows: 300 },
  {
    resource: '空气质量监测数据',
    // Ten stations, every hour of a week.
    rows: 10 * 24 * 7,
  },
  { resource: '公交线路信息', rows: 300 },
  {
    resource: '公交站点信息',
    rows: 600,
    fields: {
      zdbm: (row) => `ZD${pad(row.i + 1, 5)}`,
      zdmc: (row) =>
        `${BUS_STOPS[row.i % BUS_STOPS.length]!}${row.i >= BUS_STOPS.length ? `${Math.floor(row.i / BUS_STOPS.length)}站` : ''}`,
    },
  },
  { resource: '城市轨道交通站点信息', rows: 120 },
  { resource: '中小学校名录', rows: 240 },
  { resource: '养老机构信息', rows: 90, creditPrefix: '52' },
  { resource: '社会保障卡信息', rows: 1_500 },
];

/** Generated rows of a demo pool as a source for the loader. */
function generatedRows(pool: DemoPool, columns: readonly PoolColumn[], fields: string[]): RowSource {
  const byField = new Map(columns.map((column) => [column.field, column]));
  const seed = hashText(pool.resource);
  async function* rows(): AsyncGenerator<SourceRow> {
    for (let i = 0; i < pool.rows; i++) {
      const context: RowContext = {
        i,
        random: prng(seed ^ Math.imul(i + 1, 2654435761)),
        person: demoPerson(i),
        company: demoCompany(i, pool.creditPrefix),
      };
      const cells = fields.map((field) => {
        const own = pool.fields?.[field];
        const column = byField.get(field)!;
        if (!own) return demoValue(column, context);
        const value = own(context);
        return typeof value === 'number' ? String(value) : value;
      });
      yield { row: i + 2, cells };
    }
  }
  return { header: fields, encoding: null, rows: rows(), bytesRead: () => 0, close: () => undefined };
}

/** Loads one demo pool as a batch (a version); a refused batch is a bug in the generator. */
async function loadDemoPool(
  database: Database,
  context: RequestContext,
  pool: DemoPool,
  table: PoolTableRow,
) {
  const batch = await runBatch(database, context, {
    resourceId: table.resource_id,
    source: 'api',
    mode: 'replace',
    format: null,
    fileName: null,
    fileBytes: null,
    open: async (fields) =>
      generatedRows(
        pool,
        table.columns.filter((c) => !c.retired),
        fields,
      ),
  });
  if (batch.state !== 'loaded')
    throw new Error(
      `demo pool ${pool.resource} refused: ${batch.failure} ${JSON.stringify(batch.failure_params)}`,
    );
  return Number(batch.rows_loaded);
}

/**
 * Fills the demo pools whose resources the published catalog has and whose tables are still empty;
 * returns the rows loaded per resource name.
 */
export async function seedDemoPools(
  database: Database,
  context: RequestContext,
): Promise<Record<string, number>> {
  const tables = await listPoolTables(database.db, {});
  const loaded: Record<string, number> = {};
  for (const pool of DEMO_POOLS) {
    const listed = tables.find((table) => table.name === pool.resource);
    if (!listed || listed.current_version > 0 || listed.pending_changes.length > 0) continue;
    const table = (await findPoolTable(database.db, listed.resource_id))!;
    loaded[pool.resource] = await loadDemoPool(database, context, pool, table);
  }
  return loaded;
}
