import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../platform/db/schema.ts';

/** Kind of a classification: 基础 / 主题 / 部门 (national compilation guide). */
export type ClassKind = 'base' | 'theme' | 'department';
/** 共享类型 / 开放类型. */
export type AccessType = 'unconditional' | 'conditional' | 'none';
/** Sensitivity of an information item. */
export type Sensitivity = 'general' | 'personal' | 'sensitive';
/** The base databases a base-class resource feeds. */
export type BaseDatabase = 'population' | 'legal_person' | 'geo' | 'credit' | 'licence';
/** Life of a revision: edited, submitted, decided, published, replaced. */
export type RevisionState =
  'draft' | 'submitted' | 'returned' | 'approved' | 'published' | 'superseded' | 'discarded';

/** Row of `catalog_classes`. */
export interface CatalogClassTable {
  id: Generated<string>;
  code: string;
  name: string;
  level: number;
  kind: ClassKind;
  parent_id: string | null;
  base_database: BaseDatabase | null;
  created_at: Timestamp;
}

/** Row of `catalog_resources`. */
export interface CatalogResourceTable {
  id: Generated<string>;
  code: string;
  department_id: string;
  region_id: string;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  published_revision_id: string | null;
  draft_revision_id: string | null;
  first_published_at: NullableTimestamp;
  data_updated_at: NullableTimestamp;
  supplementary_region_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `catalog_revisions`. */
export interface CatalogRevisionTable {
  id: Generated<string>;
  resource_id: string;
  number: number;
  state: RevisionState;
  class_id: string;
  name: string;
  abstract: string;
  keywords: string[];
  format_type: string;
  formats: string[];
  share_type: AccessType;
  share_condition: string | null;
  share_methods: string[];
  share_basis: string | null;
  open_type: AccessType;
  open_condition: string | null;
  open_methods: string[];
  open_basis: string | null;
  security_level: string;
  /** 子级 of the level (a code of the profile's level), or null. */
  security_sublevel: ColumnType<string | null, string | null | undefined, string | null>;
  /** 分类: a data category code of the profile, or null (not yet classified). */
  category: ColumnType<string | null, string | null | undefined, string | null>;
  usage_requirements: string | null;
  update_cycle: string;
  update_cycle_note: string | null;
  related_codes: string[];
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  temporal_start: string | null;
  temporal_end: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** Row of `catalog_items`. */
export interface CatalogItemTable {
  revision_id: string;
  position: number;
  name: string;
  field_name: string;
  data_type: string;
  length: number | null;
  scale: number | null;
  description: string | null;
  sensitivity: Sensitivity;
  is_key: boolean;
  required: boolean;
  /** 取值范围: the values the item may take; empty: every value of its type. */
  allowed_values: ColumnType<string[], string[] | undefined, string[]>;
  /** 分类 of the item (a profile category code), or null. */
  category: ColumnType<string | null, string | null | undefined, string | null>;
  /** 安全级别 of the item; null inherits the resource's level. */
  security_level: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Row of `catalog_submissions`. */
export interface CatalogSubmissionTable {
  id: Generated<string>;
  department_id: string;
  region_id: string;
  holder_region_id: string;
  kind: 'compile' | 'update';
  update_case_id: string | null;
  state: Generated<'pending' | 'reviewed' | 'withdrawn'>;
  case_id: string | null;
  note: string | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: Timestamp;
  reviewed_at: NullableTimestamp;
}

/** Row of `catalog_submission_entries`. */
export interface CatalogSubmissionEntryTable {
  id: Generated<string>;
  submission_id: string;
  resource_id: string;
  revision_id: string | null;
  change: 'add' | 'change' | 'remove';
  note: string | null;
  decision: Generated<'pending' | 'approved' | 'returned'>;
  reason: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: NullableTimestamp;
  version_number: number | null;
  supplementary: Generated<boolean>;
  acknowledged_at: NullableTimestamp;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
}

/** Row of `catalog_versions`. */
export interface CatalogVersionTable {
  number: number;
  published_at: Timestamp;
  published_by: string | null;
  published_by_name: string | null;
  note: string | null;
  added: Generated<number>;
  changed: Generated<number>;
  removed: Generated<number>;
}

/** Row of `catalog_version_changes`. */
export interface CatalogVersionChangeTable {
  version_number: number;
  resource_id: string;
  change: 'added' | 'changed' | 'removed';
  revision_id: string | null;
  previous_revision_id: string | null;
}

/** Row of `catalog_entries`: the published catalog, denormalised for search and the public views. */
export interface CatalogEntryTable {
  resource_id: string;
  revision_id: string;
  code: string;
  name: string;
  abstract: string;
  department_id: string;
  region_id: string;
  class_id: string;
  class_kind: ClassKind;
  class_code: string;
  share_type: AccessType;
  open_type: AccessType;
  format_type: string;
  formats: string[];
  update_cycle: string;
  security_level: string;
  security_sublevel: ColumnType<string | null, string | null | undefined, string | null>;
  category: ColumnType<string | null, string | null | undefined, string | null>;
  /** Whether the current share attributes have a passed secrecy review (保密审查). */
  share_review_passed: Generated<boolean>;
  /** Whether the current open attributes have a passed secrecy review. */
  open_review_passed: Generated<boolean>;
  keywords: string[];
  published_at: Date | string;
  modified_at: Date | string;
  version_number: number;
  quality_score: Generated<number>;
  /** A tsvector; written with SQL (`setweight(to_tsvector('simple', …))`), never read as a value. */
  search_vector: string;
}

/** The catalog module's tables. */
export interface CatalogTables {
  catalog_classes: CatalogClassTable;
  catalog_resources: CatalogResourceTable;
  catalog_revisions: CatalogRevisionTable;
  catalog_items: CatalogItemTable;
  catalog_submissions: CatalogSubmissionTable;
  catalog_submission_entries: CatalogSubmissionEntryTable;
  catalog_versions: CatalogVersionTable;
  catalog_version_changes: CatalogVersionChangeTable;
  catalog_entries: CatalogEntryTable;
}
