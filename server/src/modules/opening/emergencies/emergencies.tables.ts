import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** What is decided for a dataset opened under an emergency once it ends (CQO §27). */
export type EmergencyDisposition = 'delete' | 'retain';

/** Row of `open_emergencies` (migration 0031): a declared public emergency. */
export interface OpenEmergencyTable {
  id: Generated<string>;
  region_id: string;
  name: string;
  scope: string;
  basis: string;
  starts_on: string;
  ends_on: string;
  ended_early_on: NullableDate;
  declared_by: string;
  created_at: Timestamp;
}

/** Row of `open_emergency_datasets`: a dataset opened under an emergency, and its disposal. */
export interface OpenEmergencyDatasetTable {
  emergency_id: string;
  resource_id: string;
  department_id: string;
  added_by: string;
  added_at: Timestamp;
  disposition: EmergencyDisposition | null;
  approval: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  deleted_rows: ColumnType<string | null, number | null | undefined, number | null>;
}

/** The tables of emergency opening. */
export interface EmergencyTables {
  open_emergencies: OpenEmergencyTable;
  open_emergency_datasets: OpenEmergencyDatasetTable;
}
