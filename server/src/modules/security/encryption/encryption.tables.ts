import type { Timestamp, NullableTimestamp } from '../../../platform/db/schema.ts';

/** State of an encrypted column: all values under the target key, or being re-encrypted. */
export type EncryptedColumnState = 'encrypted' | 'rotating';

/** Row of `security_encrypted_columns` (migration 0016). */
export interface EncryptedColumnTable {
  resource_id: string;
  field: string;
  department_id: string;
  state: EncryptedColumnState;
  target_key_id: string;
  key_ids: string[];
  rows_total: number;
  rows_done: number;
  cursor_row: number;
  enabled_by: string | null;
  enabled_at: Timestamp;
  rotated_at: NullableTimestamp;
  updated_at: Timestamp;
}

/** The column-encryption tables. */
export interface EncryptionTables {
  security_encrypted_columns: EncryptedColumnTable;
}
