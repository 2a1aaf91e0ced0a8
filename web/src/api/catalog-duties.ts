// Shapes of the responsibility-list and metadata-quality API (/api/v1/catalog/duties…,
// /catalog/quality/…) as the console uses them, and small helpers around them.
import type { AccessType } from './catalog.ts';
import type { Page } from './types.ts';

/** Which duty list: 采集责任 (every published resource) or 开放责任 (the open ones). */
export type DutyKind = 'collect' | 'open';

/** A key or required information item: what must be collected. */
export interface DutyItem {
  name: string;
  fieldName: string;
  isKey: boolean;
}

/** One duty of a department (GET /catalog/duties). */
export interface Duty {
  resourceId: string;
  code: string;
  name: string;
  department: { id: string; name: string };
  classCode: string;
  updateCycle: string;
  updateCycleNote: string | null;
  keyItems: DutyItem[];
  shareType: AccessType;
  openType: AccessType;
  /** Open duties only (empty in the collection list). */
  openMethods: string[];
  openCondition: string | null;
  publishedAt: string;
  modifiedAt: string;
  /** The catalog version that last changed the resource. */
  versionNumber: number;
  /** The last data load; null until the data pools load data. */
  fulfilment: { dataUpdatedAt: string | null };
}

/** GET /catalog/duties. */
export interface DutyPage extends Page<Duty> {
  kind: DutyKind;
}

/** A duty as a version changed it. */
export interface DutyChange {
  resourceId: string;
  code: string;
  name: string;
  updateCycle: string | null;
  openType: AccessType | null;
  openMethods: string[];
  /** For a changed duty: which of its terms changed (name, updateCycle, openType, openMethods). */
  fields: string[];
}

/** What a version did to one list of a department. */
export interface DutyChangeLists {
  added: DutyChange[];
  removed: DutyChange[];
  changed: DutyChange[];
}

/** The kinds of change, in the order the page shows them. */
export const DUTY_CHANGE_KINDS = [
  'added',
  'changed',
  'removed',
] as const satisfies readonly (keyof DutyChangeLists)[];

/** One department's duty changes in a version. */
export interface DepartmentDutyChanges {
  department: { id: string; name: string };
  collect: DutyChangeLists;
  open: DutyChangeLists;
}

/** GET /catalog/duties/changes?version=N. */
export interface DutyChanges {
  version: number;
  publishedAt: string;
  departments: DepartmentDutyChanges[];
}

/** How many duties a version touched in one list. */
export const changeCount = (lists: DutyChangeLists) =>
  lists.added.length + lists.removed.length + lists.changed.length;

/** A department's average metadata quality (GET /catalog/quality/departments). */
export interface DepartmentQuality {
  departmentId: string;
  departmentName: string;
  /** Published resources. */
  resources: number;
  /** Average score out of 100, rounded. */
  average: number;
}
