// SQL of batches and of the rows they write into pool tables.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { ident, qualified, type PoolColumn } from './pool-schema.ts';
import type { PoolTableRow } from './pool-tables.repository.ts';
import type { PoolBatchErrorTable, PoolBatchTable } from './pools.tables.ts';

/** A row of `pool_batches`. */
export type BatchRow = Selectable<PoolBatchTable>;
/** A row of `pool_batch_errors`. */
export type BatchErrorRow = Selectable<PoolBatchErrorTable>;

/** Records a batch as it starts. */
export async function insertBatch(
  trx: Kysely<DB>,
  values: Pick<
    BatchRow,
    | 'resource_id'
    | 'department_id'
    | 'source'
    | 'mode'
    | 'format'
    | 'file_name'
    | 'file_bytes'
    | 'encoding'
    | 'restored_from'
    | 'actor_type'
    | 'actor_id'
    | 'actor_name'
  >,
): Promise<BatchRow> {
  return trx
    .insertInto('pool_batches')
    .values({
      ...values,
      version: null,
      failure: null,
      failure_params: null,
      started_at: new Date(),
      heartbeat_at: new Date(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates a batch's state or counters. */
export async function updateBatch(
  db: Kysely<DB>,
  id: string,
  changes: Partial<
    Pick<
      BatchRow,
      | 'state'
      | 'version'
      | 'failure'
      | 'rows_read'
      | 'rows_loaded'
      | 'rows_replaced'
      | 'error_count'
      | 'bytes_read'
      | 'encoding'
      | 'finished_at'
      | 'heartbeat_at'
    > & { failure_params: Record<string, unknown> | null }
  >,
) {
  const values: Record<string, unknown> = { ...changes };
  if (changes.failure_params !== undefined)
    values.failure_params = changes.failure_params === null ? null : JSON.stringify(changes.failure_params);
  await db.updateTable('pool_batches').set(values).where('id', '=', id).execute();
}

/** Stores a failed batch's report. */
export async function insertBatchErrors(
  trx: Kysely<DB>,
  batchId: string,
  errors: Omit<BatchErrorRow, 'batch_id' | 'seq'>[],
) {
  for (let start = 0; start < errors.length; start += 500) {
    const slice = errors.slice(start, start + 500);
    await trx
      .insertInto('pool_batch_errors')
      .values(
        slice.map((error, index) => ({
          ...error,
          params: JSON.stringify(error.params) as unknown as Record<string, unknown>,
          batch_id: batchId,
          seq: start + index + 1,
        })),
      )
      .execute();
  }
}

/** A batch by id. */
export async function findBatch(db: Kysely<DB>, id: string) {
  return db.selectFrom('pool_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The batch that made a version of a resource's table. */
export async function findVersionBatch(db: Kysely<DB>, resourceId: string, version: number) {
  return db
    .selectFrom('pool_batches')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** A page of a resource's batches, newest first. */
export async function listBatches(
  db: Kysely<DB>,
  resourceId: string,
  window: { limit: number; offset: number },
) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('pool_batches')
      .selectAll()
      .where('resource_id', '=', resourceId)
      .orderBy('started_at', 'desc')
      .orderBy('id')
      .limit(window.limit)
      .offset(window.offset)
      .execute(),
    db
      .selectFrom('pool_batches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('resource_id', '=', resourceId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** A page of a batch's report. */
export async function listBatchErrors(
  db: Kysely<DB>,
  batchId: string,
  window: { limit: number; offset: number },
) {
  return db
    .selectFrom('pool_batch_errors')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('seq')
    .limit(window.limit)
    .offset(window.offset)
    .execute();
}

/** How many lines a batch's report keeps. */
export async function countBatchErrors(db: Kysely<DB>, batchId: string): Promise<number> {
  const row = await db
    .selectFrom('pool_batch_errors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Batches left validating or loading by a process that stopped beating (killed, crashed). */
export async function failAbandonedBatches(trx: Kysely<DB>, staleBefore: Date) {
  return trx
    .updateTable('pool_batches')
    .set({ state: 'failed', failure: 'pool.ingest.interrupted', finished_at: new Date() })
    .where('state', 'in', ['validating', 'loading'])
    .where('heartbeat_at', '<', staleBefore)
    .returning(['id', 'resource_id', 'department_id'])
    .execute();
}

const live = (columns: readonly PoolColumn[]) => columns.filter((column) => !column.retired);

/** Closes every current row of a table at `version` (a replacing batch, a restore). */
export async function closeCurrentRows(
  trx: Kysely<DB>,
  table: PoolTableRow,
  version: number,
): Promise<number> {
  const result = await sql
    .raw(`UPDATE ${qualified(table)} SET _to = ${version} WHERE _to IS NULL`)
    .execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** The COPY target for a batch's new rows: `_from` and the live columns, in the table's order. */
export function copyTarget(table: PoolTableRow): string {
  return `${qualified(table)} (_from, ${live(table.columns)
    .map((c) => ident(c.column))
    .join(', ')})`;
}

const STAGE = 'zs_stage';

/** A temporary table for rows being checked or merged: `_line` and the live columns. */
export async function createStage(trx: Kysely<DB>, table: PoolTableRow): Promise<string> {
  const columns = live(table.columns)
    .map((c) => ident(c.column))
    .join(', ');
  await sql.raw(`DROP TABLE IF EXISTS pg_temp.${STAGE}`).execute(trx);
  await sql
    .raw(
      `CREATE TEMP TABLE ${STAGE} ON COMMIT DROP AS SELECT 0::bigint AS _line, ${columns} FROM ${qualified(table)} WITH NO DATA`,
    )
    .execute(trx);
  return `${STAGE} (_line, ${columns})`;
}

/** Keys that occur more than once among the staged rows, with the rows they occur in. */
export async function stagedDuplicates(trx: Kysely<DB>, keyFields: readonly string[], limit: number) {
  const keys = keyFields.map(ident);
  const shown =
    keys.length === 1 ? `${keys[0]}::text` : `concat_ws(', ', ${keys.map((k) => `${k}::text`).join(', ')})`;
  const result = await sql
    .raw<{ key: string; lines: number[] }>(
      `SELECT ${shown} AS key, array_agg(_line ORDER BY _line) AS lines FROM ${STAGE} GROUP BY ${keys.join(', ')} HAVING count(*) > 1 ORDER BY min(_line) LIMIT ${limit}`,
    )
    .execute(trx);
  return result.rows.map((row) => ({ key: row.key, lines: row.lines.map(Number) }));
}

/** Upsert from the stage: current rows with a staged key are closed, the staged rows inserted. */
export async function mergeStage(trx: Kysely<DB>, table: PoolTableRow, version: number) {
  const keys = table.key_fields.map(ident);
  const match = keys.map((k) => `t.${k} = s.${k}`).join(' AND ');
  const closed = await sql
    .raw(`UPDATE ${qualified(table)} t SET _to = ${version} FROM ${STAGE} s WHERE t._to IS NULL AND ${match}`)
    .execute(trx);
  const columns = live(table.columns)
    .map((c) => ident(c.column))
    .join(', ');
  const inserted = await sql
    .raw(
      `INSERT INTO ${qualified(table)} (_from, ${columns}) SELECT ${version}, ${columns} FROM ${STAGE} ORDER BY _line`,
    )
    .execute(trx);
  return { replaced: Number(closed.numAffectedRows ?? 0), loaded: Number(inserted.numAffectedRows ?? 0) };
}

/** Copies the rows of `version` as new current rows of `next` (restoring a version). */
export async function copyVersionRows(trx: Kysely<DB>, table: PoolTableRow, version: number, next: number) {
  const columns = table.columns.map((c) => ident(c.column)).join(', ');
  const result = await sql
    .raw(
      `INSERT INTO ${qualified(table)} (_from, ${columns}) SELECT ${next}, ${columns} FROM ${qualified(table)} WHERE _from <= ${version} AND (_to IS NULL OR _to > ${version}) AND _from < ${next} ORDER BY _row`,
    )
    .execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Counts the current rows of a table. */
export async function countCurrentRows(db: Kysely<DB>, table: PoolTableRow): Promise<number> {
  const result = await sql
    .raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(table)} WHERE _to IS NULL`)
    .execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** A page of the rows of a version (the current one when `version` is null), in load order. */
export async function readVersionRows(
  db: Kysely<DB>,
  table: PoolTableRow,
  version: number | null,
  window: { limit: number; offset: number },
) {
  const columns = table.columns.filter((c) => !c.retired || version !== null).map((c) => ident(c.column));
  const where =
    version === null ? '_to IS NULL' : `_from <= ${version} AND (_to IS NULL OR _to > ${version})`;
  const [rows, total] = await Promise.all([
    sql
      .raw<Record<string, unknown>>(
        `SELECT _row, ${columns.join(', ')} FROM ${qualified(table)} WHERE ${where} ORDER BY _row LIMIT ${window.limit} OFFSET ${window.offset}`,
      )
      .execute(db),
    sql.raw<{ n: number }>(`SELECT count(*)::int AS n FROM ${qualified(table)} WHERE ${where}`).execute(db),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

/** Marks the resource's data as updated (timeliness against its update cycle reads it). */
export async function touchResourceData(trx: Kysely<DB>, resourceId: string, at: Date) {
  await trx
    .updateTable('catalog_resources')
    .set({ data_updated_at: at })
    .where('id', '=', resourceId)
    .execute();
}
