import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../../platform/db/schema.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';

/** Row of `base_sources`: the one authoritative source of a base database's item (一数一源). */
export interface BaseSourceTable {
  id: Generated<string>;
  base_database: BaseDatabase;
  item_name: string;
  field_name: string;
  department_id: string;
  resource_id: string;
  source_field: string;
  assigned_by: string | null;
  assigned_by_name: string | null;
  assigned_at: Timestamp;
  updated_at: Timestamp;
}

/** What a build recorded of each source it read. */
export interface BuildSource {
  fieldName: string;
  resourceId: string;
  sourceField: string;
  version: number;
}

/** Row of `base_builds`. */
export interface BaseBuildTable {
  id: Generated<string>;
  base_database: BaseDatabase;
  state: 'built' | 'failed';
  row_count: Generated<number>;
  conflict_count: Generated<number>;
  sources: Json<BuildSource[]>;
  failure: string | null;
  failure_params: Json | null;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  started_at: Timestamp;
  finished_at: Timestamp;
}

/** Row of `base_conflicts`. */
export interface BaseConflictTable {
  id: Generated<number>;
  build_id: string;
  base_database: BaseDatabase;
  key_value: string;
  field_name: string;
  item_name: string;
  source_value: string | null;
  other_value: string;
  other_department_id: string;
  other_resource_id: string;
  other_field: string;
}

/** Row of `theme_databases`. */
export interface ThemeDatabaseTable {
  id: Generated<string>;
  code: string;
  name: string;
  description: string | null;
  declaration: Json<ThemeDeclaration>;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Timestamp;
}

/** A table a theme database reads: a base database or a resource's pool table. */
export type ThemeTableRef = { base: BaseDatabase } | { resourceId: string };

/** A theme database as declared: a driving table, tables joined to it on a key, chosen columns. */
export interface ThemeDeclaration {
  driving: ThemeTableRef;
  /** Each joined table's `field` equals the driving table's `on`. Table 1 is the first join. */
  joins: (ThemeTableRef & { field: string; on: string })[];
  /** `table` 0 is the driving table, 1.. the joins in order; `as` names the view's column. */
  columns: { table: number; field: string; as?: string }[];
}

/** The base and theme databases' tables. */
export interface BaseDbTables {
  base_sources: BaseSourceTable;
  base_builds: BaseBuildTable;
  base_conflicts: BaseConflictTable;
  theme_databases: ThemeDatabaseTable;
}
