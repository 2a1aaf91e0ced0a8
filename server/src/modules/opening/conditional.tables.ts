import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/schema.ts';

/** How conditionally open data may leave the platform once agreed (CQO §13). */
export type AgreedMethod = 'download' | 'api';

/** Where an application for conditionally open data stands (its case is open while `submitted`). */
export type OpenApplicationState = 'submitted' | 'approved' | 'refused' | 'withdrawn';

/**
 * Where a data usage agreement stands. `active` opens access only between `valid_from` and
 * `valid_until`; after the end the agreement reads as ended without a state change.
 */
export type OpenAgreementState =
  'awaiting_signatures' | 'awaiting_review' | 'active' | 'refused' | 'suspended' | 'terminated';

/** A side of an agreement that signs it. */
export type AgreementParty = 'applicant' | 'provider';

type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

/** Row of `open_applications` (migration 0027): a public user's application for conditional data. */
export interface OpenApplicationTable {
  id: Generated<string>;
  case_id: string;
  resource_id: string;
  provider_department_id: string;
  provider_region_id: string;
  applicant_user_id: string;
  purpose: string;
  scenario: string;
  security_measures: string;
  fields: string[];
  methods: AgreedMethod[];
  valid_from: string;
  valid_until: string;
  state: Generated<OpenApplicationState>;
  decided_fields: string[] | null;
  decided_until: NullableDate;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `open_agreements`: a data usage agreement (数据利用协议, CQO §25). */
export interface OpenAgreementTable {
  id: Generated<string>;
  number: string;
  application_id: string;
  resource_id: string;
  provider_department_id: string;
  provider_region_id: string;
  applicant_user_id: string;
  terms: Json<Record<string, unknown>>;
  document: string;
  digest: string;
  fields: string[];
  methods: AgreedMethod[];
  valid_from: string;
  valid_until: string;
  feedback_every_days: number;
  state: Generated<OpenAgreementState>;
  review_required: boolean;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_reason: string | null;
  state_reason: string | null;
  state_changed_at: NullableTimestamp;
  activated_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `open_agreement_signatures`: one side's SM2 (or Ed25519) signature of the document digest. */
export interface OpenAgreementSignatureTable {
  agreement_id: string;
  party: AgreementParty;
  signer_user_id: string;
  signer_name: string;
  digest: string;
  alg: string;
  key_id: string;
  public_key_pem: string;
  signed_payload: string;
  signature: string;
  signed_at: Timestamp;
}

/** Row of `party_signing_keys`: a party's signing key, the private half sealed with the keyring. */
export interface PartySigningKeyTable {
  owner_type: 'user' | 'department';
  owner_id: string;
  alg: string;
  key_id: string;
  public_key_pem: string;
  private_key_sealed: Buffer;
  created_at: Timestamp;
}

/** Row of `open_usage_feedback`: a user's report of how agreed data was used. */
export interface OpenUsageFeedbackTable {
  id: Generated<string>;
  agreement_id: string;
  submitted_by: string;
  summary: string;
  outcomes: Json<{ kind: string; title: string; citation?: string; url?: string }[]>;
  created_at: Timestamp;
}

/** The tables of conditionally open data. */
export interface ConditionalOpenTables {
  open_applications: OpenApplicationTable;
  open_agreements: OpenAgreementTable;
  open_agreement_signatures: OpenAgreementSignatureTable;
  party_signing_keys: PartySigningKeyTable;
  open_usage_feedback: OpenUsageFeedbackTable;
}
