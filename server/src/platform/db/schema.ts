import type { ColumnType, Generated } from 'kysely';
import type { CalendarTables } from '../calendar/calendar.tables.ts';
import type { CaseTables } from '../cases/cases.tables.ts';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.ts';
import type { DemandTables } from '../../modules/catalog/demands/demands.tables.ts';
import type { ProjectTables } from '../../modules/catalog/projects/projects.tables.ts';
import type { PoolTables } from '../../modules/pools/pools.tables.ts';
import type { CorrectionTables } from '../../modules/pools/corrections/corrections.tables.ts';
import type { PullTables } from '../../modules/pools/pulls/pulls.tables.ts';
import type { BaseDbTables } from '../../modules/pools/basedb/basedb.tables.ts';
import type { RateLimitTables } from '../ratelimit/rate-limits.tables.ts';
import type { SigningTables } from '../crypto/signing.tables.ts';
import type { SecurityRegisterTables } from '../../modules/security/security.tables.ts';
import type { ReviewTables } from '../../modules/security/reviews/reviews.tables.ts';
import type { MaskingTables } from '../../modules/security/masking/masking.tables.ts';
import type { EncryptionTables } from '../../modules/security/encryption/encryption.tables.ts';
import type { SharingTables } from '../../modules/sharing/sharing.tables.ts';
import type { MonitoringTables } from '../../modules/sharing/monitoring/monitoring.tables.ts';
import type { ShareApiTables } from '../../modules/sharing/api/api.tables.ts';
import type { OpenPortalTables } from '../../modules/opening/portal/portal.tables.ts';
import type { ConditionalOpenTables } from '../../modules/opening/conditional.tables.ts';
import type { ObjectionTables } from '../../modules/opening/objections/objections.tables.ts';
import type { SupervisionTables } from '../../modules/opening/supervision/supervision.tables.ts';
import type { EmergencyTables } from '../../modules/opening/emergencies/emergencies.tables.ts';
import type { ContributionTables } from '../../modules/opening/contributions/contributions.tables.ts';
import type { ParticipationTables } from '../../modules/opening/participation/participation.tables.ts';

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A nullable timestamptz column. */
export type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;
/** A jsonb column. */
export type Json<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>;

/** Row of `regions`. */
export interface RegionTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: 'province' | 'city' | 'district';
  parent_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `departments`. */
export interface DepartmentTable {
  id: Generated<string>;
  name: string;
  short_name: string | null;
  credit_code: string;
  region_id: string;
  parent_id: string | null;
  kind: 'authority' | 'department' | 'enterprise';
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `users`. */
export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  role: string;
  region_id: string | null;
  department_id: string | null;
  password_hash: string | null;
  locale: Generated<string>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  last_login_at: NullableTimestamp;
  person_type: 'natural' | 'legal' | 'other' | null;
  identity_number: string | null;
  identity_verified_at: NullableTimestamp;
  /** Self-registered accounts (0026): keyed digest, its key id, masked and sealed number, how verified. */
  identity_digest: string | null;
  identity_digest_key: string | null;
  identity_masked: string | null;
  identity_sealed: Buffer | null;
  identity_method: 'check-digit' | 'http' | null;
  contact_name: string | null;
  email: string | null;
  phone: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `sessions`. */
export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Date | string;
  ip: string | null;
  user_agent: string | null;
}

/** Row of `api_keys`. */
export interface ApiKeyTable {
  id: Generated<string>;
  /** The department of an application's key; null for a public user's personal key (0026). */
  department_id: string | null;
  /** The public user of a personal key; null for a department's key. */
  user_id: string | null;
  application: string;
  token_prefix: string;
  token_hash: string;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  last_used_at: NullableTimestamp;
}

/** Row of `audit_events`. */
export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_type: 'user' | 'application' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  department_id: string | null;
  region_id: string | null;
  action: string;
  outcome: ColumnType<'success' | 'denied' | 'failure', 'success' | 'denied' | 'failure' | undefined>;
  target_type: string | null;
  target_id: string | null;
  purpose: string | null;
  request_id: string | null;
  ip: string | null;
  detail: Json;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  /** The hash that made `hash` (`sm3`, `sha256`); set with it by the sequencer (migration 0033). */
  hash_algorithm: 'sm3' | 'sha256' | null;
}

/** Row of `audit_chain_head` (one row, id = 1). */
export interface AuditChainHeadTable {
  id: number;
  seq: number;
  hash: string;
  updated_at: Timestamp;
}

/**
 * The platform schema as Kysely sees it. Each module declares its tables in its own
 * `*.tables.ts` file and adds them here by extending this interface.
 */
export interface FoundationTables {
  regions: RegionTable;
  departments: DepartmentTable;
  users: UserTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_events: AuditEventTable;
  audit_chain_head: AuditChainHeadTable;
}

/** Every table of the platform schema; each module adds its own `*.tables.ts`. */
export type DB = FoundationTables &
  CalendarTables &
  CaseTables &
  CatalogTables &
  DemandTables &
  ProjectTables &
  PoolTables &
  CorrectionTables &
  PullTables &
  BaseDbTables &
  RateLimitTables &
  SigningTables &
  SecurityRegisterTables &
  ReviewTables &
  MaskingTables &
  EncryptionTables &
  SharingTables &
  MonitoringTables &
  ShareApiTables &
  OpenPortalTables &
  ConditionalOpenTables &
  ObjectionTables &
  SupervisionTables &
  EmergencyTables &
  ContributionTables &
  ParticipationTables;
