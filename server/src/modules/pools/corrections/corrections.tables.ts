import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Where a correction request stands (mirrors its case's state). */
export type CorrectionState = 'pending' | 'accepted' | 'rejected';

/** An item the reporter thinks wrong: its value then (text, null when empty) and the one proposed. */
export interface CorrectionItem {
  field: string;
  /** The item's name when reported (中文名称). */
  name: string;
  current: string | null;
  /** The value the reporter believes right; absent when they do not know it. */
  proposed?: string | null;
}

/** Row of `pool_corrections`. */
export interface PoolCorrectionTable {
  id: string;
  resource_id: string;
  department_id: string;
  record_key: Json<Record<string, string | null>>;
  key_values: string[];
  reported_row: number;
  reported_version: number;
  items: Json<CorrectionItem[]>;
  reason: string;
  state: Generated<CorrectionState>;
  reporter_type: 'user' | 'application';
  reporter_id: string;
  reporter_name: string;
  reporter_role: string;
  reporter_department_id: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTimestamp;
  applied_version: number | null;
  created_at: Timestamp;
}

/** Row of `pool_correction_changes`. */
export interface PoolCorrectionChangeTable {
  id: Generated<number>;
  correction_id: string;
  resource_id: string;
  key_values: string[];
  field: string;
  old_value: string | null;
  new_value: string | null;
  version: number;
  old_row: number;
  new_row: number;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  changed_at: ColumnType<Date, Date | string | undefined, never>;
}

/** The correction requests' tables. */
export interface CorrectionTables {
  pool_corrections: PoolCorrectionTable;
  pool_correction_changes: PoolCorrectionChangeTable;
}
