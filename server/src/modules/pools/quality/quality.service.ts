// Use cases of data quality (CQ19 §20, SC §13, CQO §21): scores per department and per resource in
// the caller's scope, a resource's detail with its worst rows, and the overdue-update list that
// oversight reads. Measuring is in quality.measure-table.ts; nothing here is stored.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findDepartmentRef } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { roleHas } from '../../../platform/policy/permissions.ts';
import { forbidden, inDepartmentScope, requireDepartmentScope } from '../../../platform/policy/policy.ts';
import { measureTable, worstRows, type TableQuality } from './quality.measure-table.ts';
import { mean, timelinessOf, WORST_ROWS } from './quality.measures.ts';
import {
  findQualityTable,
  listQualityTables,
  type QualityScope,
  type QualityTableRow,
} from './quality.repository.ts';
import './quality.messages.ts';

export type { QualityScope } from './quality.repository.ts';

/** The departments an actor's quality views cover: platform admins all, authorities and auditors their regions, others their own department. */
export function qualityScope(actor: Actor): QualityScope {
  if (actor.role === 'platform_admin') return {};
  if (actor.role === 'authority_officer' || actor.role === 'auditor') return { regionIds: actor.regionScope };
  return { departmentIds: actor.departmentId ? [actor.departmentId] : [] };
}

// One table after another: PGlite has a single connection, and a pg pool should not be flooded
// by one request.
async function measureAll(db: Kysely<DB>, tables: readonly QualityTableRow[], now: Date) {
  const measured: TableQuality[] = [];
  for (const table of tables) measured.push(await measureTable(db, table, now));
  return measured;
}

/** A department's scores: the mean over its resources (of the score and of each dimension). */
export interface DepartmentQuality {
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

function summarise(measured: readonly TableQuality[]): DepartmentQuality[] {
  const groups = new Map<string, TableQuality[]>();
  for (const entry of measured) {
    const list = groups.get(entry.table.department_id) ?? [];
    list.push(entry);
    groups.set(entry.table.department_id, list);
  }
  return [...groups.values()].map((list) => ({
    departmentId: list[0]!.table.department_id,
    departmentName: list[0]!.table.department_name,
    resources: list.length,
    loadedResources: list.filter((q) => !q.timeliness.neverLoaded).length,
    overdue: list.filter((q) => q.timeliness.overdue).length,
    rows: list.reduce((sum, q) => sum + q.rows, 0),
    score: Math.round(mean(list.map((q) => q.score)) ?? 0),
    completeness: mean(list.map((q) => q.weightedCompleteness)),
    validity: mean(list.map((q) => q.validity)),
    uniqueness: mean(list.map((q) => q.uniqueness)),
    consistency: mean(list.map((q) => q.consistency)),
    timeliness: mean(list.map((q) => q.timeliness.share)),
  }));
}

/** Data-quality scores of the departments in the actor's scope (those with published resources). */
export async function departmentScores(db: Kysely<DB>, actor: Actor, now = new Date()) {
  const tables = await listQualityTables(db, qualityScope(actor));
  return summarise(await measureAll(db, tables, now));
}

/** Scores of the resources in scope, or of one department's (which must be in scope). */
export async function resourceScores(
  db: Kysely<DB>,
  actor: Actor,
  departmentId: string | undefined,
  now = new Date(),
) {
  let scope = qualityScope(actor);
  if (departmentId !== undefined) {
    const department = await findDepartmentRef(db, departmentId);
    if (!department) throw notFound('what.department');
    requireDepartmentScope(actor, department);
    scope = { departmentIds: [departmentId] };
  }
  return measureAll(db, await listQualityTables(db, scope), now);
}

/** Whether the actor may see row values of the table: its own department, with pool.data.read. */
function seesValues(actor: Actor, table: QualityTableRow) {
  return actor.departmentId === table.department_id && roleHas(actor.role, 'pool.data.read');
}

/**
 * A resource's quality in detail. The worst rows, with their values, go only to the providing
 * department (and are audited as a read of its data); others get the counts.
 */
export async function tableQuality(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  now = new Date(),
) {
  const actor = context.actor!;
  const table = await findQualityTable(db, resourceId);
  if (!table) throw notFound('what.pool_table');
  const department = { id: table.department_id, regionId: table.region_id };
  if (!inDepartmentScope(actor, department)) throw forbidden('pool.own_department');
  const quality = await measureTable(db, table, now);
  if (!seesValues(actor, table)) return { quality, worst: null };
  const worst = worstRows(quality.findings, WORST_ROWS);
  if (worst.length > 0) {
    await recordAudit(db, context, {
      action: 'pool.quality.rows_read',
      targetType: 'pool_table',
      targetId: resourceId,
      departmentId: table.department_id,
      detail: { version: table.current_version, rows: worst.map((entry) => entry.row) },
    });
  }
  return { quality, worst };
}

/** A resource whose data update is overdue against its update cycle. */
export interface OverdueResource {
  resourceId: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  updateCycle: string;
  dataUpdatedAt: Date | null;
  dueAt: Date | null;
  daysOverdue: number;
  neverLoaded: boolean;
}

/**
 * The published resources in a scope whose data update is overdue (never loaded, or last loaded
 * more than a cycle ago), most overdue first. Cheap (no table is scanned): for oversight and
 * reminders; scope with `qualityScope(actor)` or a department/region list.
 */
export async function overdueResources(
  db: Kysely<DB>,
  scope: QualityScope,
  now = new Date(),
): Promise<OverdueResource[]> {
  const tables = await listQualityTables(db, scope);
  const overdue: OverdueResource[] = [];
  for (const table of tables) {
    const timeliness = timelinessOf(
      {
        updateCycle: table.update_cycle,
        dataUpdatedAt: table.data_updated_at,
        publishedAt: table.first_published_at,
      },
      now,
    );
    if (!timeliness.overdue) continue;
    overdue.push({
      resourceId: table.resource_id,
      code: table.code,
      name: table.name,
      departmentId: table.department_id,
      departmentName: table.department_name,
      updateCycle: table.update_cycle,
      dataUpdatedAt: table.data_updated_at,
      dueAt: timeliness.dueAt,
      daysOverdue: timeliness.daysOverdue,
      neverLoaded: timeliness.neverLoaded,
    });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
}
