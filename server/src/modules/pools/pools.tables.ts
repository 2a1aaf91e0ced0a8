import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/schema.ts';
import type { PoolColumn, PendingChange } from './pool-schema.ts';

/** Where a batch's rows came from. */
export type BatchSource = 'file' | 'api' | 'pull' | 'return' | 'restore' | 'correction';
/** replace: the batch is the whole data set; upsert: rows replace those with the same key. */
export type BatchMode = 'replace' | 'upsert';
/** File formats the loader reads. */
export type BatchFormat = 'csv' | 'xlsx' | 'jsonl' | 'json';
/** Life of a batch. */
export type BatchState = 'validating' | 'loading' | 'loaded' | 'failed';

/** Row of `pool_tables`. */
export interface PoolTableTable {
  resource_id: string;
  department_id: string;
  schema_name: string;
  table_name: string;
  revision_id: string;
  columns: PoolColumn[];
  key_fields: string[];
  pending_changes: Generated<PendingChange[]>;
  current_version: Generated<number>;
  row_count: Generated<number>;
  loaded_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `pool_batches`. */
export interface PoolBatchTable {
  id: Generated<string>;
  resource_id: string;
  department_id: string;
  version: number | null;
  source: BatchSource;
  mode: BatchMode;
  format: BatchFormat | null;
  file_name: string | null;
  file_bytes: number | null;
  encoding: string | null;
  restored_from: number | null;
  state: Generated<BatchState>;
  failure: string | null;
  failure_params: Record<string, unknown> | null;
  rows_read: Generated<number>;
  rows_loaded: Generated<number>;
  rows_replaced: Generated<number>;
  error_count: Generated<number>;
  bytes_read: Generated<number>;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: NullableTimestamp;
  /** A pull's provider URL or a return's upper-level platform (migration 0011). */
  origin: string | null;
}

/** Row of `pool_batch_errors`. */
export interface PoolBatchErrorTable {
  batch_id: string;
  seq: number;
  row_number: number | null;
  column_name: string | null;
  value: string | null;
  code: string;
  params: Record<string, unknown>;
}

/** The pools module's tables. */
export interface PoolTables {
  pool_tables: PoolTableTable;
  pool_batches: PoolBatchTable;
  pool_batch_errors: PoolBatchErrorTable;
}
