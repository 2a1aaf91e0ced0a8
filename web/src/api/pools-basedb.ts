// Shapes of the base and theme database API (/api/v1/pools/base, /api/v1/pools/themes; CQ19 §16,
// §17) as the console uses them, and the calls that change them.
import { api } from './client.ts';
import type { Page } from './types.ts';

/** The five base databases (基础数据库). */
export type BaseCode = 'population' | 'legal_person' | 'geo' | 'credit' | 'licence';
export const BASE_CODES: readonly BaseCode[] = ['population', 'legal_person', 'geo', 'credit', 'licence'];

/** A base item's one source (一数一源). */
export interface BaseSource {
  id: string;
  baseDatabase: BaseCode;
  itemName: string;
  fieldName: string;
  departmentId: string;
  departmentName: string;
  resourceId: string;
  resourceCode: string;
  resourceName: string | null;
  sourceField: string;
  assignedBy: string | null;
  assignedAt: string;
  updatedAt: string;
}

/** A resource of another department collecting a base item (重复采集). */
export interface DuplicateFlag {
  baseDatabase: BaseCode;
  itemName: string;
  fieldName: string;
  sourceDepartmentName: string;
  sourceResourceCode: string;
  sourceResourceName: string | null;
  departmentName: string;
  resourceId: string;
  resourceCode: string;
  resourceName: string;
  duplicateItemName: string;
  duplicateField: string;
}

/** A build (融合). */
export interface Build {
  id: string;
  state: 'built' | 'failed';
  rowCount: number;
  conflictCount: number;
  failureMessage: string | null;
  actorName: string | null;
  startedAt: string;
  finishedAt: string;
}

/** A base database's summary. */
export interface BaseSummary {
  code: BaseCode;
  table: string;
  keyColumn: string;
  built: boolean;
  rowCount: number;
  conflictCount: number;
  sources: BaseSource[];
  lastBuild: Build | null;
  lastAttempt: Build | null;
}

/** A value another department holds differently from the source. */
export interface Conflict {
  keyValue: string;
  fieldName: string;
  itemName: string;
  sourceValue: string | null;
  otherValue: string;
  otherDepartmentName: string;
  otherField: string;
}

/** A table a theme database reads. */
export interface ThemeTableRef {
  base?: BaseCode;
  resourceId?: string;
}

/** A theme database declaration. */
export interface ThemeBody {
  code: string;
  name: string;
  description?: string;
  driving: ThemeTableRef;
  joins: (ThemeTableRef & { field: string; on: string })[];
  columns: { table: number; field: string; as?: string }[];
}

/** A declared theme database (主题数据库). */
export interface Theme {
  id: string;
  code: string;
  view: string;
  name: string;
  description: string | null;
  declaration: Omit<ThemeBody, 'code' | 'name' | 'description'>;
  createdBy: string | null;
  createdAt: string;
}

/** Query keys, so that a change refreshes what shows it. */
export const baseDbKeys = {
  all: ['pools', 'base'] as const,
  sources: ['pools', 'base', 'sources'] as const,
  duplicates: ['pools', 'base', 'duplicates'] as const,
  summaries: ['pools', 'base', 'summaries'] as const,
  conflicts: (base: BaseCode, page: number) => ['pools', 'base', 'conflicts', base, page] as const,
  themes: ['pools', 'base', 'themes'] as const,
  themeRows: (id: string, page: number) => ['pools', 'base', 'themes', id, page] as const,
};

/** The calls. */
export const baseDbApi = {
  sources: () => api.get<BaseSource[]>('/pools/base/sources'),
  assign: (body: {
    baseDatabase: BaseCode;
    itemName?: string;
    fieldName?: string;
    resourceId: string;
    sourceField: string;
  }) => api.post<BaseSource>('/pools/base/sources', body),
  change: (id: string, body: { resourceId: string; sourceField: string; itemName?: string }) =>
    api.put<BaseSource>(`/pools/base/sources/${id}`, body),
  remove: (id: string) => api.delete<null>(`/pools/base/sources/${id}`),
  duplicates: () => api.get<DuplicateFlag[]>('/pools/base/duplicates'),
  summaries: () => api.get<BaseSummary[]>('/pools/base'),
  build: (base: BaseCode) => api.post<Build>(`/pools/base/${base}/builds`),
  conflicts: (base: BaseCode, page: number) =>
    api.get<Page<Conflict>>(`/pools/base/${base}/conflicts`, { page, pageSize: 10 }),
  themes: () => api.get<Theme[]>('/pools/themes'),
  declare: (body: ThemeBody) => api.post<Theme>('/pools/themes', body),
  drop: (id: string) => api.delete<null>(`/pools/themes/${id}`),
  themeRows: (id: string, page: number) =>
    api.get<Page<Record<string, unknown>>>(`/pools/themes/${id}/rows`, { page, pageSize: 10 }),
};

/** A pool table as the pickers list it (GET /pools/tables). */
export interface PoolTableRef {
  resourceId: string;
  code: string;
  name: string;
  departmentName: string;
  keyFields: string[];
}

/** A pool table's columns (GET /pools/tables/:id). */
export interface PoolTableColumns extends PoolTableRef {
  columns: { field: string; name: string; sqlType: string; isKey: boolean; retired: boolean }[];
}

/** The pool tables the user may see, and one table's columns. */
export const poolTablesApi = {
  list: () => api.get<PoolTableRef[]>('/pools/tables'),
  detail: (resourceId: string) => api.get<PoolTableColumns>(`/pools/tables/${resourceId}`),
};
