// One batch, all or nothing: rows stream from the reader through the checks into COPY inside one
// transaction; the first refused row stops the writing (the rest is still checked, for the report,
// up to its cap) and the transaction rolls back. A loaded batch becomes the table's next version.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import {
  closeCurrentRows,
  copyTarget,
  createStage,
  findBatch,
  insertBatch,
  insertBatchErrors,
  mergeStage,
  stagedDuplicates,
  touchResourceData,
  updateBatch,
  type BatchRow,
} from './batches.repository.ts';
import { findDepartmentRef } from '../../platform/cases/cases.repository.ts';
import { findPoolTable, updatePoolTable, type PoolTableRow } from './pool-tables.repository.ts';
import type { BatchFormat, BatchMode, BatchSource } from './pools.tables.ts';
import type { RowSource } from './readers.ts';
import { matchHeader, RowChecker, type RowProblem } from './row-checker.ts';
import { columnAad, copySealer, keyringOf } from '../security/encryption/column-seal.ts';
import type { PoolColumn } from './pool-schema.ts';
import './pools.messages.ts';

const encryptedFields = (columns: readonly PoolColumn[]) =>
  columns
    .filter((column) => column.encrypted)
    .map((column) => column.field)
    .join(',');

/** Sealers of the live columns encrypted at rest; undefined when none is (the usual, fast path). */
function sealersOf(database: Database, resourceId: string, live: readonly PoolColumn[]) {
  if (!live.some((column) => column.encrypted)) return undefined;
  const keyring = keyringOf(database);
  // Another instance may have rotated: seal with the key file's active key, not a stale one.
  keyring.refresh();
  return live.map((column) =>
    column.encrypted ? copySealer(keyring, columnAad(resourceId, column.field)) : undefined,
  );
}

/** Problems a failed batch's report keeps (it counts them all). */
export const REPORT_CAP = 1_000;

/** How far a running batch has got. */
export interface BatchProgress {
  batchId: string;
  phase: 'validating' | 'loading';
  rowsRead: number;
  bytesRead: number;
  bytesTotal: number | null;
  problems: number;
}

/** A batch this process runs: its row as recorded at the start, its progress, its department. */
export interface RunningBatch {
  batch: BatchRow;
  progress: BatchProgress;
  department: { id: string; regionId: string };
}

/** What a load is given. */
export interface BatchInput {
  resourceId: string;
  source: BatchSource;
  mode: BatchMode;
  format: BatchFormat | null;
  fileName: string | null;
  fileBytes: number | null;
  /** Opens the rows; called again to find duplicate keys when the table refuses one. */
  open: (fields: string[]) => Promise<RowSource>;
  onProgress?: (progress: BatchProgress) => void;
  /** Called once the batch is recorded, before its rows are read (the API answers 202 then). */
  onStart?: (batch: BatchRow) => void;
}

// The batches this process runs, for GET /pools/batches/:id while they run: on PGlite the load
// holds the one session, so a poll must be answered without the database.
const running = new Map<string, RunningBatch>();

/** Progress of a batch this process is running, if it is. */
export function runningProgress(batchId: string): BatchProgress | undefined {
  return running.get(batchId)?.progress;
}

/** A batch this process is running, if it is. */
export function runningBatch(batchId: string): RunningBatch | undefined {
  return running.get(batchId);
}

class RowsRefused extends Error {
  constructor(
    readonly problems: RowProblem[],
    readonly count: number,
  ) {
    super('rows refused');
  }
}

const actorFields = (context: RequestContext) => ({
  actor_type: context.actor?.type ?? 'system',
  actor_id: context.actor?.id ?? context.system ?? null,
  actor_name: context.actor?.displayName ?? context.system ?? null,
});

/** A table a batch may load into: it exists, waits for no migration, and has a key to upsert by. */
export function requireLoadable(table: PoolTableRow | undefined, mode: BatchMode): PoolTableRow {
  if (!table) throw notFound('what.pool_table');
  if (table.pending_changes.length > 0) throw conflict('pool.migration_pending');
  if (mode === 'upsert' && table.key_fields.length === 0) throw conflict('pool.no_key');
  return table;
}

async function startBatch(db: Kysely<DB>, context: RequestContext, input: BatchInput) {
  return db.transaction().execute(async (trx) => {
    const table = requireLoadable(await findPoolTable(trx, input.resourceId), input.mode);
    const batch = await insertBatch(trx, {
      resource_id: table.resource_id,
      department_id: table.department_id,
      source: input.source,
      mode: input.mode,
      format: input.format,
      file_name: input.fileName,
      file_bytes: input.fileBytes,
      encoding: null,
      restored_from: null,
      ...actorFields(context),
    });
    await recordAudit(trx, context, {
      action: 'pool.batch.start',
      targetType: 'pool_batch',
      targetId: batch.id,
      departmentId: table.department_id,
      detail: {
        resourceId: table.resource_id,
        source: input.source,
        mode: input.mode,
        format: input.format,
        fileName: input.fileName,
      },
    });
    const department = await findDepartmentRef(trx, table.department_id);
    return {
      batch,
      table: { ...table, department: { id: table.department_id, regionId: department!.regionId } },
    };
  });
}

/** Records a batch's failure and its report, with an audit event, in one transaction. */
async function failBatch(
  db: Kysely<DB>,
  context: RequestContext,
  batch: BatchRow,
  failure: { code: string; params?: Record<string, unknown> },
  problems: RowProblem[],
  counts: { rowsRead: number; problemCount: number },
) {
  await db.transaction().execute(async (trx) => {
    await updateBatch(trx, batch.id, {
      state: 'failed',
      failure: failure.code,
      failure_params: failure.params ?? null,
      rows_read: counts.rowsRead,
      error_count: counts.problemCount,
      finished_at: new Date(),
    });
    await insertBatchErrors(
      trx,
      batch.id,
      problems.map((p) => ({
        row_number: p.row,
        column_name: p.column,
        value: p.value,
        code: p.code,
        params: p.params,
      })),
    );
    await recordAudit(trx, context, {
      action: 'pool.batch.fail',
      outcome: 'failure',
      targetType: 'pool_batch',
      targetId: batch.id,
      departmentId: batch.department_id,
      detail: { resourceId: batch.resource_id, failure: failure.code, problems: counts.problemCount },
    });
  });
}

/** Bytes of COPY text per chunk handed to COPY. */
const SLAB_BYTES = 256 * 1024;

/**
 * Streams checked rows as COPY text (UTF-8) in chunks of whole rows; stops writing at the first
 * problem. Each line is encoded straight into a fresh slab: joining the lines into a string and
 * encoding that cost 3–8 µs a row more (measured; the string is a rope that must be flattened).
 */
async function* copyLines(
  source: RowSource,
  checker: RowChecker,
  prefix: (row: number) => string,
  tick: () => void,
) {
  let slab = Buffer.allocUnsafe(SLAB_BYTES);
  let used = 0;
  for await (const row of source.rows) {
    const line = checker.line(row, prefix(row.row));
    if (line !== null && checker.problemCount === 0) {
      // A UTF-16 unit is at most 3 bytes of UTF-8, so the line surely fits in what is left.
      if (used + line.length * 3 > slab.length) {
        if (used > 0) yield slab.subarray(0, used);
        slab = Buffer.allocUnsafe(Math.max(SLAB_BYTES, line.length * 3));
        used = 0;
      }
      used += slab.write(line, used);
    }
    if (checker.full) break;
    if ((checker.rows & 1023) === 0) tick();
  }
  if (used > 0 && checker.problemCount === 0) yield slab.subarray(0, used);
}

const duplicateProblems = (
  table: PoolTableRow,
  duplicates: { key: string; lines: number[] }[],
): RowProblem[] =>
  duplicates.map((duplicate) => ({
    row: duplicate.lines[1] ?? duplicate.lines[0] ?? null,
    column: table.columns
      .filter((c) => c.isKey && !c.retired)
      .map((c) => c.name)
      .join(', '),
    value: duplicate.key,
    code: 'pool.ingest.duplicate_key',
    params: { rows: duplicate.lines.slice(0, 20).join(', ') },
  }));

function databaseProblem(error: unknown): { code: string; params: Record<string, unknown> } | null {
  const code = (error as { code?: unknown }).code;
  // Class 22 (data exception) and 23 (integrity): the data, not the platform, is at fault.
  if (typeof code !== 'string' || !/^2[23]/.test(code)) return null;
  return { code: 'pool.ingest.database_refused', params: { reason: (error as Error).message.slice(0, 300) } };
}

/** Finds the repeated keys of a file the table refused, by staging it once more (rolled back). */
async function findDuplicates(database: Database, table: PoolTableRow, input: BatchInput, fields: string[]) {
  const source = await input.open(fields);
  const { live, positions } = matchHeader(source.header, table.columns);
  const checker = new RowChecker(live, positions, REPORT_CAP, sealersOf(database, table.resource_id, live));
  let found: RowProblem[] = [];
  try {
    await database.withCopy(async ({ trx, copyIn }) => {
      const stage = await createStage(trx, table);
      await copyIn(
        stage,
        copyLines(source, checker, String, () => undefined),
      );
      found = duplicateProblems(table, await stagedDuplicates(trx, table.key_fields, REPORT_CAP));
      throw new RowsRefused(found, found.length);
    });
  } catch (error) {
    if (!(error instanceof RowsRefused)) throw error;
  } finally {
    source.close();
  }
  return found;
}

/**
 * Runs one batch to its end and returns its final row: loaded (a new version) or failed (with its
 * report). Errors that are the platform's own are rethrown after the batch is marked failed.
 */
export async function runBatch(
  database: Database,
  context: RequestContext,
  input: BatchInput,
): Promise<BatchRow> {
  const db = database.db;
  const { batch, table: startTable } = await startBatch(db, context, input);
  input.onStart?.(batch);
  const fields = startTable.columns.filter((c) => !c.retired).map((c) => c.field);
  const progress: BatchProgress = {
    batchId: batch.id,
    phase: 'validating',
    rowsRead: 0,
    bytesRead: 0,
    bytesTotal: input.fileBytes,
    problems: 0,
  };
  running.set(batch.id, { batch, progress, department: startTable.department });
  let source: RowSource | undefined;
  let checker: RowChecker | undefined;
  let lastBeat = Date.now();
  try {
    source = await input.open(fields);
    if (source.encoding) await updateBatch(db, batch.id, { encoding: source.encoding });
    const header = matchHeader(source.header, startTable.columns);
    if (header.problems.length > 0) throw new RowsRefused(header.problems, header.problems.length);
    const rows = new RowChecker(
      header.live,
      header.positions,
      REPORT_CAP,
      sealersOf(database, startTable.resource_id, header.live),
    );
    checker = rows;
    const opened = source;
    const tick = () => {
      progress.rowsRead = rows.rows;
      progress.bytesRead = opened.bytesRead();
      progress.problems = rows.problemCount;
      input.onProgress?.(progress);
      // A server's other connections are free to record the beat; PGlite's one session is ours now.
      if (database.engine === 'postgres' && Date.now() - lastBeat > 2_000) {
        lastBeat = Date.now();
        void updateBatch(db, batch.id, {
          rows_read: rows.rows,
          bytes_read: progress.bytesRead,
          heartbeat_at: new Date(),
        }).catch(() => undefined);
      }
    };
    await database.withCopy(async ({ trx, copyIn }) => {
      const table = requireLoadable(await findPoolTable(trx, input.resourceId, true), input.mode);
      // Rows were sealed (or not) by the columns read at the start: a column encrypted since then
      // must never receive plaintext, so the load stops instead.
      if (encryptedFields(table.columns) !== encryptedFields(startTable.columns))
        throw conflict('security.encryption.changed_during_load');
      const version = table.current_version + 1;
      progress.phase = 'loading';
      let replaced = 0;
      let loaded = 0;
      if (input.mode === 'replace') {
        replaced = await closeCurrentRows(trx, table, version);
        await copyIn(
          copyTarget(table),
          copyLines(opened, rows, () => String(version), tick),
        );
        loaded = rows.rows;
      } else {
        await copyIn(await createStage(trx, table), copyLines(opened, rows, String, tick));
      }
      tick();
      if (rows.problemCount > 0) throw new RowsRefused(rows.problems, rows.problemCount);
      if (input.mode === 'upsert') {
        const duplicates = await stagedDuplicates(trx, table.key_fields, REPORT_CAP);
        if (duplicates.length > 0)
          throw new RowsRefused(duplicateProblems(table, duplicates), duplicates.length);
        ({ replaced, loaded } = await mergeStage(trx, table, version));
      }
      const now = new Date();
      const rowCount = input.mode === 'replace' ? loaded : table.row_count - replaced + loaded;
      await updatePoolTable(trx, table.resource_id, {
        current_version: version,
        row_count: rowCount,
        loaded_at: now,
      });
      await touchResourceData(trx, table.resource_id, now);
      await updateBatch(trx, batch.id, {
        state: 'loaded',
        version,
        rows_read: rows.rows,
        rows_loaded: loaded,
        rows_replaced: replaced,
        bytes_read: opened.bytesRead(),
        finished_at: now,
        heartbeat_at: now,
      });
      await recordAudit(trx, context, {
        action: 'pool.batch.load',
        targetType: 'pool_batch',
        targetId: batch.id,
        departmentId: table.department_id,
        detail: {
          resourceId: table.resource_id,
          version,
          mode: input.mode,
          source: input.source,
          loaded,
          replaced,
        },
      });
    });
  } catch (error) {
    const counts = { rowsRead: checker?.rows ?? 0, problemCount: checker?.problemCount ?? 0 };
    if (error instanceof RowsRefused) {
      await failBatch(
        db,
        context,
        batch,
        { code: 'pool.ingest.rows_refused', params: { count: error.count } },
        error.problems,
        {
          rowsRead: counts.rowsRead,
          problemCount: error.count,
        },
      );
    } else if ((error as { code?: unknown }).code === '23505' && input.mode === 'replace') {
      source?.close();
      const problems = await findDuplicates(database, startTable, input, fields);
      await failBatch(
        db,
        context,
        batch,
        { code: 'pool.ingest.rows_refused', params: { count: problems.length } },
        problems,
        {
          rowsRead: counts.rowsRead,
          problemCount: problems.length,
        },
      );
    } else if (error instanceof AppError) {
      const row = typeof error.params.row === 'number' ? error.params.row : null;
      const problem = { row, column: null, value: null, code: error.code, params: error.params };
      await failBatch(db, context, batch, { code: error.code, params: error.params }, [problem], {
        ...counts,
        problemCount: 1,
      });
    } else {
      const refused = databaseProblem(error);
      await failBatch(
        db,
        context,
        batch,
        refused ?? { code: 'pool.ingest.internal' },
        refused ? [{ row: null, column: null, value: null, ...refused }] : [],
        counts,
      ).catch(() => undefined);
      if (!refused) throw error;
    }
  } finally {
    source?.close();
    running.delete(batch.id);
  }
  return (await findBatch(db, batch.id))!;
}
