// Sources, builds, conflicts and theme databases as the API shows them.
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import type { listConflicts } from './build.repository.ts';
import type { baseSummaries } from './build.service.ts';
import type { BaseBuildTable, ThemeDatabaseTable } from './basedb.tables.ts';
import type { Selectable } from 'kysely';
import type { listSources } from './sources.repository.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

/** A base item's source. */
export function presentSource(row: Awaited<ReturnType<typeof listSources>>[number]) {
  return {
    id: row.id,
    baseDatabase: row.base_database,
    itemName: row.item_name,
    fieldName: row.field_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    sourceField: row.source_field,
    assignedBy: row.assigned_by_name,
    assignedAt: iso(row.assigned_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A build, its failure in the caller's language. */
export function presentBuild(row: Selectable<BaseBuildTable>, locale: Locale) {
  return {
    id: row.id,
    baseDatabase: row.base_database,
    state: row.state,
    rowCount: Number(row.row_count),
    conflictCount: Number(row.conflict_count),
    failure: row.failure,
    failureMessage: row.failure ? translate(row.failure, locale, row.failure_params ?? {}) : null,
    actorName: row.actor_name,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** A base database's summary. */
export function presentSummary(summary: Awaited<ReturnType<typeof baseSummaries>>[number], locale: Locale) {
  return {
    code: summary.code,
    table: `base_db.${summary.code}`,
    keyColumn: summary.key.column,
    keyCheck: summary.key.check,
    built: summary.built,
    rowCount: Number(summary.lastBuild?.row_count ?? 0),
    conflictCount: Number(summary.lastBuild?.conflict_count ?? 0),
    sources: summary.sources.map(presentSource),
    lastBuild: summary.lastBuild ? presentBuild(summary.lastBuild, locale) : null,
    lastAttempt: summary.lastAttempt ? presentBuild(summary.lastAttempt, locale) : null,
  };
}

/** A conflict. */
export function presentConflict(row: Awaited<ReturnType<typeof listConflicts>>['rows'][number]) {
  return {
    keyValue: row.key_value,
    fieldName: row.field_name,
    itemName: row.item_name,
    sourceValue: row.source_value,
    otherValue: row.other_value,
    otherDepartmentId: row.other_department_id,
    otherDepartmentName: row.other_department_name,
    otherResourceId: row.other_resource_id,
    otherField: row.other_field,
  };
}

/** A theme database. */
export function presentTheme(row: Selectable<ThemeDatabaseTable>) {
  return {
    id: row.id,
    code: row.code,
    view: `theme_db.${row.code}`,
    name: row.name,
    description: row.description,
    declaration: row.declaration as unknown as Record<string, unknown>,
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
  };
}
