import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/schema.ts';
import type { RowCondition } from './grants/row-filter.ts';

/** How a request or grant came about: at once (无条件共享) or after the provider's answer (有条件共享). */
export type ShareBasis = 'unconditional' | 'conditional';

/**
 * Where a request stands. A conditional request is `submitted` while its case (the provider's reply)
 * is open; the provider's answer closes the case and leads to `granted`, `refused` or, where the
 * authority opens access (SC §25), `awaiting_authority` and then `granted` (migration 0022).
 */
export type ShareRequestState = 'submitted' | 'awaiting_authority' | 'granted' | 'refused' | 'withdrawn';

/** The provider's answer to a conditional request. */
export type ShareDecision = 'approve' | 'approve_in_part' | 'refuse';

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Row of `share_requests`: a department's request for a shared resource (共享申请). */
export interface ShareRequestTable {
  id: Generated<string>;
  kind: ShareBasis;
  case_id: string | null;
  resource_id: string;
  provider_department_id: string;
  provider_region_id: string;
  applicant_department_id: string;
  applicant_region_id: string;
  applicant_user_id: string | null;
  application: string;
  purpose: string;
  legal_basis: string | null;
  fields: string[];
  row_scope: Json<RowCondition[]>;
  valid_from: string;
  valid_until: string;
  state: Generated<ShareRequestState>;
  decided_fields: string[] | null;
  decided_row_scope: Json<RowCondition[] | null> | null;
  decided_until: NullableDate;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  grant_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  decision: ShareDecision | null;
  /** Field → masking rule the provider set in its decision (the grant's masking, or where the authority starts). */
  decided_masking: Json<Record<string, unknown> | null> | null;
  opened_by: string | null;
  opened_at: NullableTimestamp;
  withdrawn_by: string | null;
  withdrawn_at: NullableTimestamp;
}

/** Row of `share_grants`: exactly what one application of one department may read (共享授权). */
export interface ShareGrantTable {
  id: Generated<string>;
  request_id: string | null;
  basis: ShareBasis;
  resource_id: string;
  resource_code: string;
  provider_department_id: string;
  provider_region_id: string;
  consumer_department_id: string;
  consumer_region_id: string;
  application: string;
  purpose: string;
  fields: string[];
  row_filter: Json<RowCondition[]>;
  masking: Json<Record<string, unknown>>;
  starts_at: Timestamp;
  ends_at: Date | string;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoked_by_name: string | null;
  revoke_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Timestamp;
}

/** Row of `share_disputes`: a dispute (异议) about sharing that the authority coordinates (CQ19 §27). */
export interface ShareDisputeTable {
  id: Generated<string>;
  case_id: string;
  resource_id: string;
  request_id: string | null;
  provider_department_id: string;
  applicant_department_id: string;
  region_id: string;
  raised_by: string | null;
  reason: string;
  state: Generated<'open' | 'resolved' | 'withdrawn'>;
  outcome: string | null;
  resolution: 'shared' | 'not_shared' | 'other' | null;
  resolved_by: string | null;
  resolved_at: NullableTimestamp;
  created_at: Timestamp;
}

/** The sharing module's tables. */
export interface SharingTables {
  share_requests: ShareRequestTable;
  share_grants: ShareGrantTable;
  share_disputes: ShareDisputeTable;
}
