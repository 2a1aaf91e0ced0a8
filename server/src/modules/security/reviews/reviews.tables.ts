import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Life of a secrecy review: waiting, decided, or replaced by a review of newer attributes. */
export type ReviewState = 'pending' | 'passed' | 'not_passed' | 'superseded';

/** Row of `security_reviews`: one secrecy review (保密审查) of a resource's share and open attributes. */
export interface SecurityReviewTable {
  id: Generated<string>;
  resource_id: string;
  revision_id: string;
  department_id: string;
  region_id: string;
  case_id: string | null;
  state: Generated<ReviewState>;
  share_fingerprint: string;
  open_fingerprint: string;
  attributes: Json;
  changed: Generated<string[]>;
  reasons: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
}

/** The secrecy review tables. */
export interface ReviewTables {
  security_reviews: SecurityReviewTable;
}
