// Shapes of the department data pools (资源池, CQ19 ch.3) as server/src/modules/pools/pools.schemas.ts
// sends them, and the calls the console makes.
import { api, apiUrl } from './client.ts';
import type { Page } from './types.ts';

/** A row of GET /pools/tables. */
export interface PoolTableSummary {
  resourceId: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  /** schema.table in the resource centre's database. */
  table: string;
  /** 0 until the first load. */
  currentVersion: number;
  rowCount: number;
  loadedAt: string | null;
  updateCycle: string;
  migrationPending: boolean;
  keyFields: string[];
}

/** Which check digits the loader verifies for a column. */
export type IdentifierCheck = 'citizen_id' | 'credit_code';

/** A column of a pool table (one information item). */
export interface PoolColumn {
  field: string;
  name: string;
  dataType: string;
  sqlType: string;
  length: number | null;
  scale: number | null;
  isKey: boolean;
  required: boolean;
  check: IdentifierCheck | null;
  column: string;
  /** Removed from the catalog; kept for earlier versions. */
  retired: boolean;
}

/** A table change the catalog asks for that waits for 执行变更. */
export interface PendingChange {
  kind: 'remove' | 'retype' | 'key';
  field: string;
}

/** GET /pools/tables/:resourceId. */
export interface PoolTableDetail extends PoolTableSummary {
  columns: PoolColumn[];
  pendingChanges: PendingChange[];
}

/** Where a batch stands: checking rows, writing them, done, or refused. */
export type BatchState = 'validating' | 'loading' | 'loaded' | 'failed';
/** How a load treats the rows already there. */
export type LoadMode = 'replace' | 'upsert';
/** Encodings the console offers (the server detects UTF-8 / GB18030 when none is given). */
export const LOAD_ENCODINGS = ['utf-8', 'gb18030', 'gbk'] as const;
export type LoadEncoding = (typeof LOAD_ENCODINGS)[number];

/** A batch: one load; a loaded batch is a version of the table. */
export interface Batch {
  id: string;
  resourceId: string;
  version: number | null;
  source: string;
  mode: string;
  format: string | null;
  fileName: string | null;
  fileBytes: number | null;
  encoding: string | null;
  restoredFrom: number | null;
  state: BatchState;
  failure: string | null;
  /** Why it was refused, in the caller's language. */
  failureMessage: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsReplaced: number;
  errorCount: number;
  bytesRead: number;
  actorName: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The table's current version. */
  current: boolean;
}

/** One line of a refused batch's report. */
export interface BatchError {
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  message: string;
}

/** GET /pools/tables/:resourceId/rows: a page of one version's rows, keyed by column name. */
export interface RowsPage extends Page<Record<string, unknown>> {
  version: number;
  columns: { field: string; name: string; column: string; retired: boolean }[];
}

/** What a load sends beside the file. */
export interface LoadOptions {
  mode: LoadMode;
  /** Undefined: the server recognises UTF-8 or GB18030 itself. */
  encoding?: LoadEncoding;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The format and content type of a data file by its name. Browsers give CSV files different types
 * (Windows says application/vnd.ms-excel), so the name decides, and the format is sent explicitly.
 */
export function dataFileKind(name: string): { format: 'csv' | 'xlsx' | 'jsonl'; type: string } | null {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'txt') return { format: 'csv', type: 'text/csv' };
  if (extension === 'xlsx') return { format: 'xlsx', type: XLSX };
  if (extension === 'jsonl' || extension === 'ndjson')
    return { format: 'jsonl', type: 'application/x-ndjson' };
  return null;
}

const table = (resourceId: string) => `/pools/tables/${resourceId}`;

/** The pool calls the console makes. */
export const poolsApi = {
  tables: (signal?: AbortSignal) => api.get<PoolTableSummary[]>('/pools/tables', undefined, { signal }),
  table: (resourceId: string, signal?: AbortSignal) =>
    api.get<PoolTableDetail>(table(resourceId), undefined, { signal }),
  rows: (
    resourceId: string,
    query: { version?: number; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => api.get<RowsPage>(`${table(resourceId)}/rows`, query, { signal }),
  batches: (resourceId: string, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Page<Batch>>(`${table(resourceId)}/batches`, query, { signal }),
  batch: (id: string, signal?: AbortSignal) => api.get<Batch>(`/pools/batches/${id}`, undefined, { signal }),
  errors: (id: string, query: { page: number; pageSize: number }, signal?: AbortSignal) =>
    api.get<Page<BatchError>>(`/pools/batches/${id}/errors`, query, { signal }),
  /** The report as CSV (UTF-8 with BOM), for a plain download link. */
  errorsCsvUrl: (id: string) => apiUrl(`/pools/batches/${id}/errors.csv`),
  /** Sends the file itself as the body (no multipart); answers 202 with the batch to poll. */
  load: (resourceId: string, file: File, options: LoadOptions) => {
    const kind = dataFileKind(file.name);
    const body = new Blob([file], { type: kind?.type ?? 'application/octet-stream' });
    return api.upload<Batch>(`${table(resourceId)}/batches`, body, {
      format: kind?.format,
      mode: options.mode,
      encoding: options.encoding,
      fileName: file.name,
    });
  },
  restore: (resourceId: string, version: number) =>
    api.post<Batch>(`${table(resourceId)}/versions/${version}/restore`),
  migrate: (resourceId: string) => api.post<{ applied: number }>(`${table(resourceId)}/migrate`),
};

/** Query keys, all under `pools` so one invalidation reloads every pool view. */
export const poolKeys = {
  all: ['pools'] as const,
  tables: ['pools', 'tables'] as const,
  table: (resourceId: string) => ['pools', 'table', resourceId] as const,
  rows: (resourceId: string, query: object) => ['pools', 'table', resourceId, 'rows', query] as const,
  batches: (resourceId: string, query: object) => ['pools', 'table', resourceId, 'batches', query] as const,
  batch: (id: string) => ['pools', 'batch', id] as const,
  errors: (id: string, query: object) => ['pools', 'batch', id, 'errors', query] as const,
};
