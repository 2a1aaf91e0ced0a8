import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../db/schema.ts';

/** Row of `cases`. */
export interface CaseTable {
  id: Generated<string>;
  type: string;
  state: string;
  department_id: string;
  region_id: string;
  subject: string;
  rule: string | null;
  received_on: string;
  due_on: string | null;
  original_due_on: string | null;
  extension_workdays: Generated<number>;
  extension_state: 'requested' | 'approved' | 'refused' | null;
  extension_requested_workdays: number | null;
  extension_reason: string | null;
  extension_requested_by: string | null;
  extension_requested_at: NullableTimestamp;
  extension_decided_by: string | null;
  extension_decided_at: NullableTimestamp;
  extension_decision_reason: string | null;
  closed_at: NullableTimestamp;
  overdue: Generated<boolean>;
  overdue_since: string | null;
  payload: Json;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Row of `case_transitions`. */
export interface CaseTransitionTable {
  id: Generated<number>;
  case_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
  detail: Json;
}

/** Tables of the case engine. */
export interface CaseTables {
  cases: CaseTable;
  case_transitions: CaseTransitionTable;
}
