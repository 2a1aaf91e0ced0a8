import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import { TableParams } from '../pools.schemas.ts';
import { shownValue, type RawValue } from '../values.ts';
import type { Finding } from './quality.consistency.ts';
import type { TableQuality } from './quality.measure-table.ts';
import { percent } from './quality.measures.ts';
import {
  DepartmentQualitySchema,
  OverdueResourceSchema,
  ResourceQualityDetail,
  ResourceQualitySchema,
  ResourcesQuery,
} from './quality.schemas.ts';
import {
  departmentScores,
  overdueResources,
  qualityScope,
  resourceScores,
  tableQuality,
  type DepartmentQuality,
  type OverdueResource,
} from './quality.service.ts';

const tags = ['pools'];
const iso = (value: Date | null) => (value ? value.toISOString() : null);

function presentDepartment(row: DepartmentQuality) {
  return {
    ...row,
    completeness: percent(row.completeness),
    validity: percent(row.validity),
    uniqueness: percent(row.uniqueness),
    consistency: percent(row.consistency),
    timeliness: percent(row.timeliness),
  };
}

function presentResource(q: TableQuality) {
  const { timeliness } = q;
  return {
    resourceId: q.table.resource_id,
    code: q.table.code,
    name: q.table.name,
    departmentId: q.table.department_id,
    departmentName: q.table.department_name,
    currentVersion: q.table.current_version,
    rows: q.rows,
    score: q.score,
    completeness: percent(q.weightedCompleteness),
    requiredCompleteness: percent(q.requiredCompleteness),
    validity: percent(q.validity),
    uniqueness: percent(q.uniqueness),
    consistency: percent(q.consistency),
    examinedRows: q.examinedRows,
    sampled: q.sampled,
    updateCycle: timeliness.updateCycle,
    cycleDays: timeliness.cycleDays,
    dataUpdatedAt: iso(timeliness.dataUpdatedAt),
    dueAt: iso(timeliness.dueAt),
    overdue: timeliness.overdue,
    daysOverdue: timeliness.daysOverdue,
    neverLoaded: timeliness.neverLoaded,
    timeliness: percent(timeliness.share),
  };
}

const presentProblem = (finding: Finding, locale: Locale) => ({
  column: finding.column,
  value: shownValue(finding.value as RawValue),
  code: finding.code,
  message: translate(finding.code, locale, finding.params),
});

function presentDetail(
  q: TableQuality,
  worst: { row: number; problems: Finding[] }[] | null,
  locale: Locale,
) {
  return {
    ...presentResource(q),
    columns: q.columns.map((entry) => ({
      field: entry.column.field,
      name: entry.column.name,
      column: entry.column.column,
      required: entry.column.required,
      isKey: entry.column.isKey,
      check: entry.column.check,
      present: entry.present,
      completeness: percent(entry.completeness),
      examined: entry.examined,
      invalid: entry.invalid,
      validity: percent(entry.validity),
    })),
    keys: {
      keyFields: q.table.key_fields,
      distinct: q.distinct,
      duplicateRows: q.rows - q.distinct,
      // Row ids point into the department's data: only for those who may read it.
      duplicates: worst ? q.duplicates : null,
    },
    rules: q.rules.map((rule) => ({ ...rule, label: translate(`pool.quality.rule.${rule.code}`, locale) })),
    problems: q.problems.map((p) => ({ ...p, message: translate(p.code, locale, { expected: '' }) })),
    rowValuesShown: worst !== null,
    worstRows: worst
      ? worst.map((entry) => ({
          row: entry.row,
          problems: entry.problems.map((p) => presentProblem(p, locale)),
        }))
      : null,
  };
}

const presentOverdue = (row: OverdueResource) => ({
  ...row,
  dataUpdatedAt: iso(row.dataUpdatedAt),
  dueAt: iso(row.dueAt),
});

/**
 * Data quality of the pools (CQ19 §20, SC §13, CQO §21): scores per department and per resource,
 * a resource's detail with its worst rows, and the overdue updates. Measured on request.
 */
export async function poolQualityRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/pools/quality/departments',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Data-quality score of each department in scope (mean over its published resources)',
        response: { 200: Type.Array(DepartmentQualitySchema) },
      },
    },
    async (request) => (await departmentScores(db, request.ctx.actor!)).map(presentDepartment),
  );

  app.get(
    '/pools/quality/resources',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Data-quality scores of the resources in scope, or of one department, with the overdue flag',
        querystring: ResourcesQuery,
        response: { 200: Type.Array(ResourceQualitySchema) },
      },
    },
    async (request) =>
      (await resourceScores(db, request.ctx.actor!, request.query.departmentId)).map(presentResource),
  );

  app.get(
    '/pools/quality/overdue',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Published resources in scope whose data update is overdue against their update cycle',
        response: { 200: Type.Array(OverdueResourceSchema) },
      },
    },
    async (request) => (await overdueResources(db, qualityScope(request.ctx.actor!))).map(presentOverdue),
  );

  app.get(
    '/pools/tables/:resourceId/quality',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "A resource's data quality: per column, key uniqueness, consistency rules, worst rows",
        description:
          'Worst rows with their values go to the providing department only (audited as a data read); ' +
          'others see the counts.',
        params: TableParams,
        response: { 200: ResourceQualityDetail },
      },
    },
    async (request) => {
      const { quality, worst } = await tableQuality(db, request.ctx, request.params.resourceId);
      return presentDetail(quality, worst, request.locale);
    },
  );
}
