// Register rows and batches as the API shows them.
import type { Locale } from '../../platform/i18n/messages.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { BatchErrorRow, BatchRow } from './batches.repository.ts';
import { runningProgress } from './ingest.ts';
import { sqlType } from './pool-schema.ts';
import type { PoolTableRow } from './pool-tables.repository.ts';
import type { listPoolTables } from './pool-tables.repository.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

type Listed = Awaited<ReturnType<typeof listPoolTables>>[number];

/** A row of the pool-table list. */
export function presentTableSummary(row: Listed) {
  return {
    resourceId: row.resource_id,
    code: row.code,
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    table: `${row.schema_name}.${row.table_name}`,
    currentVersion: row.current_version,
    rowCount: Number(row.row_count),
    loadedAt: iso(row.loaded_at),
    updateCycle: row.update_cycle,
    migrationPending: row.pending_changes.length > 0,
    keyFields: row.key_fields,
  };
}

/** A pool table with its columns and waiting changes. */
export function presentTableDetail(listed: Listed, table: PoolTableRow) {
  return {
    ...presentTableSummary(listed),
    columns: table.columns.map((column) => ({
      ...column,
      sqlType: sqlType(column),
      allowedValues: column.allowedValues ?? [],
      retired: column.retired ?? false,
    })),
    pendingChanges: table.pending_changes.map((change) => ({ kind: change.kind, field: change.field })),
  };
}

/** A batch, with live progress while this process runs it. */
export function presentBatch(batch: BatchRow, locale: Locale, currentVersion: number | null = null) {
  const progress = runningProgress(batch.id);
  return {
    id: batch.id,
    resourceId: batch.resource_id,
    version: batch.version,
    source: batch.source,
    mode: batch.mode,
    format: batch.format,
    fileName: batch.file_name,
    fileBytes: batch.file_bytes === null ? null : Number(batch.file_bytes),
    encoding: batch.encoding,
    restoredFrom: batch.restored_from,
    state: progress?.phase ?? batch.state,
    failure: batch.failure,
    failureMessage: batch.failure ? translate(batch.failure, locale, batch.failure_params ?? {}) : null,
    rowsRead: progress?.rowsRead ?? Number(batch.rows_read),
    rowsLoaded: Number(batch.rows_loaded),
    rowsReplaced: Number(batch.rows_replaced),
    errorCount: progress?.problems ?? batch.error_count,
    bytesRead: progress?.bytesRead ?? Number(batch.bytes_read),
    actorName: batch.actor_name,
    startedAt: iso(batch.started_at)!,
    finishedAt: iso(batch.finished_at),
    current: batch.version !== null && batch.version === currentVersion,
    origin: batch.origin,
  };
}

/** A line of a failed batch's report, in the caller's language. */
export function presentBatchError(row: BatchErrorRow, locale: Locale) {
  return {
    row: row.row_number === null ? null : Number(row.row_number),
    column: row.column_name,
    value: row.value,
    code: row.code,
    message: translate(row.code, locale, row.params),
  };
}

// Cells that a spreadsheet would run as a formula get a leading apostrophe (CSV injection).
const csvCell = (value: unknown) => {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
};

/** A failed batch's report as CSV lines (header, then row, column, value, reason), without a BOM. */
export function presentReportCsv(rows: readonly BatchErrorRow[], locale: Locale): string {
  const header = ['pool.report.row', 'pool.report.column', 'pool.report.value', 'pool.report.reason'].map(
    (key) => translate(key, locale),
  );
  const lines = [
    header,
    ...rows.map((row) => {
      const shown = presentBatchError(row, locale);
      return [shown.row ?? '', shown.column ?? '', shown.value ?? '', shown.message];
    }),
  ];
  return lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
