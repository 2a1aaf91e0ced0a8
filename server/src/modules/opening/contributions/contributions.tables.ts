import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Where an organisation's dataset stands: waiting for the authority, approved (public), rejected, withdrawn. */
export type ContributionState = 'submitted' | 'approved' | 'rejected' | 'withdrawn';

/** Row of `open_contributions` (migration 0032): a dataset an organisation publishes (CQO §31). */
export interface OpenContributionTable {
  id: Generated<string>;
  publisher_user_id: string;
  region_id: string;
  name: string;
  description: string;
  keywords: string[];
  licence: string;
  update_cycle: string;
  source_note: string;
  columns: string[];
  row_count: number;
  size_bytes: number;
  digest: string;
  content: Buffer;
  state: Generated<ContributionState>;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  downloads: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables of multi-source opening. */
export interface ContributionTables {
  open_contributions: OpenContributionTable;
}
