// Shapes of the data-quality API of the pools (/api/v1/pools/quality/…, /pools/tables/:id/quality)
// as the console uses them. Shares are percentages with one decimal; null when nothing was measured.

/** Timeliness of a resource against its update cycle. */
export interface Timeliness {
  updateCycle: string;
  cycleDays: number | null;
  dataUpdatedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  daysOverdue: number;
  neverLoaded: boolean;
  timeliness: number | null;
}

/** GET /pools/quality/departments (one row). */
export interface DepartmentDataQuality {
  departmentId: string;
  departmentName: string;
  resources: number;
  loadedResources: number;
  overdue: number;
  rows: number;
  score: number;
  completeness: number | null;
  validity: number | null;
  uniqueness: number | null;
  consistency: number | null;
  timeliness: number | null;
}

/** GET /pools/quality/resources (one row). */
export interface ResourceDataQuality extends Timeliness {
  resourceId: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  currentVersion: number;
  rows: number;
  score: number;
  completeness: number | null;
  requiredCompleteness: number | null;
  validity: number | null;
  uniqueness: number | null;
  consistency: number | null;
  examinedRows: number;
  sampled: boolean;
}

/** A problem of a row. */
export interface RowProblem {
  column: string;
  value: string | null;
  code: string;
  message: string;
}

/** GET /pools/tables/:resourceId/quality. */
export interface ResourceDataQualityDetail extends ResourceDataQuality {
  columns: {
    field: string;
    name: string;
    column: string;
    required: boolean;
    isKey: boolean;
    check: string | null;
    present: number;
    completeness: number | null;
    examined: number;
    invalid: number;
    validity: number | null;
  }[];
  keys: {
    keyFields: string[];
    distinct: number;
    duplicateRows: number;
    duplicates: { rows: number[]; count: number }[] | null;
  };
  rules: { code: string; label: string; columns: string[]; compared: number; inconsistent: number }[];
  problems: { column: string; code: string; message: string; count: number }[];
  rowValuesShown: boolean;
  worstRows: { row: number; problems: RowProblem[] }[] | null;
}
