import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';
import type { BatchMode } from '../pools.tables.ts';

/** Where a pull reads from. */
export type PullKind = 'postgres' | 'http';

/** Row of `pool_pulls`: a registered pull of a resource's data from its provider. */
export interface PoolPullTable {
  id: Generated<string>;
  resource_id: string;
  department_id: string;
  name: string;
  kind: PullKind;
  /** The provider's URL without its password (shown). */
  url: string;
  /** The SELECT of a postgres pull. */
  query: string | null;
  /** The header an http pull sends its secret in (e.g. Authorization). */
  header_name: string | null;
  /** The database password or the header's value: never returned, never audited. */
  secret: string | null;
  mode: BatchMode;
  interval_minutes: number;
  enabled: Generated<boolean>;
  next_run_at: Timestamp;
  running_since: NullableTimestamp;
  last_run_at: NullableTimestamp;
  last_batch_id: string | null;
  last_state: 'loaded' | 'failed' | null;
  last_failure: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The pulls' tables. */
export interface PullTables {
  pool_pulls: PoolPullTable;
}
