import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Who found the problem that suspends an open dataset. */
export type SuspensionSource = 'objection' | 'provider' | 'authority' | 'platform';

/** How a suspension (and the objection behind it) ends (CQO §41). */
export type SuspensionOutcome = 'withdrawn' | 'restored' | 'reprocessed';

/** The grounds of an objection (CQO §41): privacy (个人隐私) or trade secrets (商业秘密). */
export type ObjectionGround = 'privacy' | 'trade_secret';

/** Where an objection stands: received, the dataset suspended, or one of the three outcomes. */
export type ObjectionState = 'received' | 'suspended' | SuspensionOutcome;

/** Media types accepted as evidence files. */
export type EvidenceMediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** Row of `open_suspensions` (migration 0028): one suspension of an open dataset. */
export interface OpenSuspensionTable {
  id: Generated<string>;
  resource_id: string;
  department_id: string;
  region_id: string;
  source: SuspensionSource;
  reason: string;
  suspended_by: string | null;
  suspended_at: Timestamp;
  outcome: SuspensionOutcome | null;
  outcome_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  lifted_at: NullableTimestamp;
}

/** Row of `open_objections`: an objection to an open dataset. */
export interface OpenObjectionTable {
  id: Generated<string>;
  case_id: string;
  resource_id: string;
  department_id: string;
  region_id: string;
  objector_user_id: string;
  ground: ObjectionGround;
  statement: string;
  state: Generated<ObjectionState>;
  suspension_id: string | null;
  outcome_note: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `open_objection_evidence`: one sealed evidence file. */
export interface OpenObjectionEvidenceTable {
  id: Generated<string>;
  objection_id: string;
  file_name: string;
  media_type: EvidenceMediaType;
  size_bytes: number;
  digest: string;
  content_sealed: Buffer;
  created_at: Timestamp;
}

/** The tables of objections and suspensions. */
export interface ObjectionTables {
  open_suspensions: OpenSuspensionTable;
  open_objections: OpenObjectionTable;
  open_objection_evidence: OpenObjectionEvidenceTable;
}
