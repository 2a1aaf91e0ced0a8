import type { ColumnType, Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';
import type { AccessType } from '../catalog.tables.ts';

/** 建设 (construction) or 运维 (operations) project (CQ19 §48). */
export type ProjectKind = 'construction' | 'operations';
/** Where a project stands: registered (catalog editable), approved, rejected, accepted. */
export type ProjectState = 'registered' | 'approved' | 'rejected' | 'accepted';

/** One planned information item of a pre-compiled resource. */
export interface PlannedItem {
  name: string | null;
  dataType: string | null;
}

/**
 * One row of the pre-compiled catalog (预编目录清单) as stored: a resource the project promises.
 * Every field may be null while the department fills it in; approval needs them complete.
 */
export interface PlannedResource {
  /** The catalog resource that fulfils the promise, linked by the department. */
  resourceId: string | null;
  name: string | null;
  classCode: string | null;
  items: PlannedItem[];
  shareType: AccessType | null;
  shareBasis: string | null;
  openType: AccessType | null;
  openBasis: string | null;
  updateCycle: string | null;
  note: string | null;
}

/** Per-resource outcome of an acceptance check. */
export type ResourceStatus = 'missing' | 'not_published' | 'not_connected' | 'connected';

/** The acceptance report as stored with an accepted project (texts are translated when shown). */
export interface StoredReport {
  generatedAt: string;
  verdict: 'passed' | 'failed';
  summary: Record<ResourceStatus | 'promised', number>;
  resources: {
    index: number;
    name: string | null;
    classCode: string | null;
    status: ResourceStatus;
    matchedBy: 'link' | 'name' | null;
    resource: {
      id: string;
      code: string;
      name: string | null;
      published: boolean;
      dataUpdatedAt: string | null;
    } | null;
    suggestions: { id: string; code: string; name: string }[];
  }[];
}

/** Row of `catalog_projects`. */
export interface CatalogProjectTable {
  id: Generated<string>;
  code: string;
  name: string;
  kind: ProjectKind;
  description: string | null;
  // numeric: pg returns it as a string; written as a number.
  budget: ColumnType<string | number | null, number | null | undefined, number | null>;
  department_id: string;
  region_id: string;
  state: Generated<ProjectState>;
  planned_resources: Json<PlannedResource[]>;
  registered_by: string;
  registered_by_name: string;
  approved_at: NullableTimestamp;
  approved_by: string | null;
  approved_by_name: string | null;
  rejected_at: NullableTimestamp;
  rejected_by: string | null;
  rejected_by_name: string | null;
  reject_reason: string | null;
  accepted_at: NullableTimestamp;
  accepted_by: string | null;
  accepted_by_name: string | null;
  acceptance_override: string | null;
  acceptance_report: ColumnType<StoredReport | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Tables of IT projects. */
export interface ProjectTables {
  catalog_projects: CatalogProjectTable;
}
