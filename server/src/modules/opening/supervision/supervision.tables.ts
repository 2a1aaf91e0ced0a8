import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Where a breach of a data usage agreement stands (CQO §39). */
export type BreachState = 'open' | 'reported' | 'rectified' | 'terminated';

/** Row of `open_agreement_breaches` (migration 0029): a breach found, with its rectification. */
export interface OpenAgreementBreachTable {
  id: Generated<string>;
  agreement_id: string;
  case_id: string;
  department_id: string;
  region_id: string;
  found_by: string;
  breach: string;
  demand: string;
  rectify_by: ColumnType<string, string, string>;
  state: Generated<BreachState>;
  report: string | null;
  reported_at: NullableTimestamp;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables of usage supervision. */
export interface SupervisionTables {
  open_agreement_breaches: OpenAgreementBreachTable;
}
