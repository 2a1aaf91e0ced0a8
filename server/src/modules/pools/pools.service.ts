// Use cases of the pools: who may see and load what, loading a file or pushed rows as a batch,
// versions and their restore, reading rows. Loading itself is in ingest.ts.
import fs from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../platform/policy/actor.ts';
import { forbidden, inDepartmentScope } from '../../platform/policy/policy.ts';
import { findDepartmentRef } from '../../platform/cases/cases.repository.ts';
import {
  closeCurrentRows,
  copyVersionRows,
  findBatch,
  findVersionBatch,
  insertBatch,
  listBatches,
  readVersionRows,
  touchResourceData,
  updateBatch,
  type BatchRow,
} from './batches.repository.ts';
import { requireLoadable, runBatch, runningBatch, type BatchInput } from './ingest.ts';
import {
  findPoolTable,
  listPoolTables,
  updatePoolTable,
  type PoolTableRow,
} from './pool-tables.repository.ts';
import type { BatchFormat, BatchMode } from './pools.tables.ts';
import { openSource, type Encoding, type RowSource, type SourceRow } from './readers.ts';
import type { RawValue } from './values.ts';
import { disputedRows } from './corrections/corrections.repository.ts';
import { columnAad, openColumn } from '../security/encryption/column-seal.ts';
import './pools.messages.ts';

/** The table of a resource, if the actor may see it (its department, or its region for authority and auditors). */
export async function visibleTable(db: Kysely<DB>, actor: Actor, resourceId: string): Promise<PoolTableRow> {
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  const department = await findDepartmentRef(db, table.department_id);
  if (!department || !inDepartmentScope(actor, department)) throw forbidden('pool.own_department');
  return table;
}

/** Only the providing department's people and applications load, change or read its pool's rows. */
export function requireOwnPool(actor: Actor, table: Pick<PoolTableRow, 'department_id'>) {
  if (actor.role === 'platform_admin' && actor.type === 'system') return;
  if (actor.departmentId !== table.department_id) throw forbidden('pool.own_department');
}

/** The pool tables the actor may see: its department's, or its regions' departments'. */
export async function listTables(db: Kysely<DB>, actor: Actor) {
  if (actor.role === 'platform_admin') return listPoolTables(db, {});
  if (actor.role === 'authority_officer' || actor.role === 'auditor') {
    return listPoolTables(db, { regionIds: actor.regionScope });
  }
  return listPoolTables(db, { departmentIds: actor.departmentId ? [actor.departmentId] : [] });
}

/** A table the actor may see, with its row of the list (resource name, department, update cycle). */
export async function tableDetail(db: Kysely<DB>, actor: Actor, resourceId: string) {
  const table = await visibleTable(db, actor, resourceId);
  const [listed] = await listPoolTables(db, { resourceIds: [resourceId] });
  if (!listed) throw notFound('what.pool_table');
  return { table, listed };
}

/** What a file load is given. */
export interface FileLoad {
  resourceId: string;
  file: string;
  fileName: string | null;
  format: BatchFormat;
  mode: BatchMode;
  encoding?: Encoding;
  delimiter?: string;
  /** Unpacked size an XLSX may have (the zip-bomb guard); the readers' default when not given. */
  xlsxUnpackedLimit?: number;
  onProgress?: BatchInput['onProgress'];
  onStart?: BatchInput['onStart'];
}

/** Loads a file as one batch; resolves when the batch has ended (loaded or failed). */
export async function loadFile(
  database: Database,
  context: RequestContext,
  load: FileLoad,
): Promise<BatchRow> {
  const table = await findPoolTable(database.db, load.resourceId);
  if (!table) throw notFound('what.pool_table');
  requireOwnPool(context.actor!, table);
  requireLoadable(table, load.mode);
  const size = (await fs.stat(load.file)).size;
  return runBatch(database, context, {
    resourceId: load.resourceId,
    source: 'file',
    mode: load.mode,
    format: load.format,
    fileName: load.fileName,
    fileBytes: size,
    open: (fields) =>
      openSource(load.format, load.file, fields, {
        encoding: load.encoding,
        delimiter: load.delimiter,
        xlsxUnpackedLimit: load.xlsxUnpackedLimit,
      }),
    onProgress: load.onProgress,
    onStart: load.onStart,
  });
}

/** Rows pushed as JSON objects, keyed by field name: a source for the loader. */
function pushedRows(records: readonly Record<string, unknown>[], fields: string[]): RowSource {
  const position = new Map(fields.map((field, index) => [field, index]));
  async function* rows(): AsyncGenerator<SourceRow> {
    for (const [index, record] of records.entries()) {
      const unknown = Object.keys(record).find((key) => !position.has(key));
      if (unknown !== undefined) {
        yield { row: index + 1, problem: { code: 'pool.ingest.unknown_field', params: { field: unknown } } };
        continue;
      }
      const cells: RawValue[] = new Array(fields.length).fill(null);
      for (const [key, value] of Object.entries(record))
        cells[position.get(key)!] =
          typeof value === 'object' && value !== null ? JSON.stringify(value) : (value as RawValue);
      yield { row: index + 1, cells };
    }
  }
  return { header: fields, encoding: null, rows: rows(), bytesRead: () => 0, close: () => undefined };
}

/** Upserts pushed rows by the resource's key, as one batch (a department application's push). */
export async function pushRows(
  database: Database,
  context: RequestContext,
  resourceId: string,
  records: readonly Record<string, unknown>[],
  source: 'api' | 'return' = 'api',
): Promise<BatchRow> {
  const table = await findPoolTable(database.db, resourceId);
  if (!table) throw notFound('what.pool_table');
  if (source === 'api') requireOwnPool(context.actor!, table);
  requireLoadable(table, 'upsert');
  return runBatch(database, context, {
    resourceId,
    source,
    mode: 'upsert',
    format: 'json',
    fileName: null,
    fileBytes: null,
    open: async (fields) => pushedRows(records, fields),
  });
}

/** Restores a loaded version as the table's next version (its rows become the current ones again). */
export async function restoreVersion(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  version: number,
) {
  return db.transaction().execute(async (trx) => {
    const table = await findPoolTable(trx, resourceId, true);
    if (!table) throw notFound('what.pool_table');
    requireOwnPool(context.actor!, table);
    if (!(await findVersionBatch(trx, resourceId, version))) throw notFound('what.pool_version');
    if (version === table.current_version) throw conflict('pool.restore.current');
    const next = table.current_version + 1;
    const batch = await insertBatch(trx, {
      resource_id: resourceId,
      department_id: table.department_id,
      source: 'restore',
      mode: 'replace',
      format: null,
      file_name: null,
      file_bytes: null,
      encoding: null,
      restored_from: version,
      actor_type: context.actor?.type ?? 'system',
      actor_id: context.actor?.id ?? null,
      actor_name: context.actor?.displayName ?? null,
    });
    const replaced = await closeCurrentRows(trx, table, next);
    const loaded = await copyVersionRows(trx, table, version, next);
    const now = new Date();
    await updatePoolTable(trx, resourceId, { current_version: next, row_count: loaded, loaded_at: now });
    await touchResourceData(trx, resourceId, now);
    await updateBatch(trx, batch.id, {
      state: 'loaded',
      version: next,
      rows_loaded: loaded,
      rows_read: loaded,
      rows_replaced: replaced,
      finished_at: now,
    });
    await recordAudit(trx, context, {
      action: 'pool.version.restore',
      targetType: 'pool_batch',
      targetId: batch.id,
      departmentId: table.department_id,
      detail: { resourceId, restored: version, version: next, loaded, replaced },
    });
    return (await findBatch(trx, batch.id))!;
  });
}

/** A page of a table's batches (versions and failed loads), newest first. */
export async function batchesOf(
  db: Kysely<DB>,
  actor: Actor,
  resourceId: string,
  query: { page?: number; pageSize?: number },
) {
  const table = await visibleTable(db, actor, resourceId);
  const window = pageWindow(query);
  const { rows, total } = await listBatches(db, resourceId, window);
  return { table, rows, total, window };
}

/** A batch this process is loading right now, if the actor may see it (answered from memory). */
export function visibleRunningBatch(actor: Actor, batchId: string) {
  const live = runningBatch(batchId);
  if (!live) return undefined;
  if (!inDepartmentScope(actor, live.department)) throw forbidden('pool.own_department');
  return live.batch;
}

/** A batch the actor may see. */
export async function visibleBatch(db: Kysely<DB>, actor: Actor, batchId: string) {
  const batch = await findBatch(db, batchId);
  if (!batch) throw notFound('what.pool_batch');
  return { batch, table: await visibleTable(db, actor, batch.resource_id) };
}

/** The rows with their encrypted columns opened (plaintext for the one allowed to read them). */
function openSealedColumns(
  table: PoolTableRow,
  rows: Record<string, unknown>[],
  keyring: Keyring | undefined,
) {
  const sealed = table.columns.filter((column) => column.encrypted);
  if (sealed.length === 0) return rows;
  if (!keyring) throw new AppError(500, 'security.encryption.no_keyring');
  const opened = rows.map((row) => ({ ...row }));
  const rowIds = rows.map((row) => row._row);
  // One pass per column: a page's values of a column share key and AAD, so they open together.
  for (const column of sealed) {
    const texts = openColumn(
      keyring,
      columnAad(table.resource_id, column.field),
      rows.map((row) => row[column.column]),
      { field: column.field, rows: rowIds },
    );
    texts.forEach((text, index) => (opened[index]![column.column] = text));
  }
  return opened;
}

/** A page of the rows of the current version (each with `_disputed`) or of an earlier one; audited. */
export async function readRows(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  query: { version?: number; page?: number; pageSize?: number },
  keyring?: Keyring,
) {
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  requireOwnPool(context.actor!, table);
  const version = query.version ?? null;
  if (version !== null && (version < 1 || version > table.current_version))
    throw notFound('what.pool_version');
  const window = pageWindow(query);
  const page = await readVersionRows(db, table, version, window);
  // A current row with a pending correction request is served, marked disputed (CQ19 §19 ¶3).
  let rows = openSealedColumns(table, page.rows, keyring);
  if (version === null) {
    const disputed = await disputedRows(
      db,
      table,
      rows.map((row) => Number(row._row)),
    );
    rows = rows.map((row) => ({ ...row, _disputed: disputed.has(Number(row._row)) }));
  }
  await recordAudit(db, context, {
    action: 'pool.rows.read',
    targetType: 'pool_table',
    targetId: resourceId,
    departmentId: table.department_id,
    detail: { version, offset: window.offset, rows: page.rows.length },
  });
  return { table, version: version ?? table.current_version, total: page.total, rows, window };
}
