// The pre-compiled catalog (预编目录清单) of an IT project: how its rows are stored, which values are
// wrong (refused when saved), what it lacks for approval, and how acceptance finds each promised
// resource in the real catalog.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import '../catalog.messages.ts';
import { listClasses } from '../catalog.repository.ts';
import type { ClassRef } from '../catalog.schemas.ts';
import { DATA_TYPES } from '../catalog.vocabulary.ts';
import './projects.messages.ts';
import {
  departmentResources,
  resourceDepartments,
  type DepartmentResource,
  type ProjectRecord,
} from './projects.repository.ts';
import type { PlannedResourceInput } from './projects.schemas.ts';
import type { PlannedResource, ResourceStatus, StoredReport } from './projects.tables.ts';

/** A timestamp as ISO text, or null. */
export const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
/** Trimmed text, null when blank. */
export const clean = (value: string | null | undefined) => value?.trim() || null;
const SUGGESTIONS = 3;

/** Stored form of planned rows: trimmed, every field present (null when not filled in). */
export function normalise(rows: readonly PlannedResourceInput[]): PlannedResource[] {
  return rows.map((row) => ({
    resourceId: row.resourceId ?? null,
    name: clean(row.name),
    classCode: clean(row.classCode),
    items: (row.items ?? []).map((item) => ({ name: clean(item.name), dataType: item.dataType ?? null })),
    shareType: row.shareType ?? null,
    shareBasis: clean(row.shareBasis),
    openType: row.openType ?? null,
    openBasis: clean(row.openBasis),
    updateCycle: row.updateCycle ?? null,
    note: clean(row.note),
  }));
}

/** Wrong values in planned rows (400 when saved): unknown classes, unstorable types, repeats, foreign links. */
export async function valueProblems(
  db: Kysely<DB>,
  departmentId: string,
  rows: PlannedResource[],
  classes: Map<string, ClassRef>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const owners = new Map(
    (
      await resourceDepartments(
        db,
        rows.flatMap((r) => (r.resourceId ? [r.resourceId] : [])),
      )
    ).map((r) => [r.id, r.departmentId]),
  );
  const names = new Set<string>();
  const links = new Set<string>();
  rows.forEach((row, index) => {
    const at = (field: string) => `/body/plannedResources/${index}/${field}`;
    const cls = row.classCode ? classes.get(row.classCode) : undefined;
    if (row.classCode && !cls) problems.push({ path: at('classCode'), code: 'catalog.class_unknown' });
    else if (cls && cls.path.length < 2)
      problems.push({ path: at('classCode'), code: 'catalog.class_too_broad' });
    row.items.forEach((item, i) => {
      if (DATA_TYPES.find((t) => t.code === item.dataType)?.storable === false)
        problems.push({
          path: at(`items/${i}/dataType`),
          code: 'catalog.item.type_not_storable',
          params: { type: item.dataType },
        });
    });
    if (row.name && names.has(row.name))
      problems.push({ path: at('name'), code: 'catalog.project.name_repeated', params: { name: row.name } });
    if (row.name) names.add(row.name);
    if (row.resourceId && owners.get(row.resourceId) !== departmentId)
      problems.push({ path: at('resourceId'), code: 'catalog.project.resource_not_own' });
    else if (row.resourceId && links.has(row.resourceId))
      problems.push({ path: at('resourceId'), code: 'catalog.project.resource_linked_twice' });
    if (row.resourceId) links.add(row.resourceId);
  });
  return problems;
}

function categoryName(profile: Profile, kind: 'share' | 'open', type: string): string {
  const names = profile.categories[kind] as unknown as Record<string, { 'zh-CN': string } | undefined>;
  return names[type]?.['zh-CN'] ?? type;
}

/**
 * What the catalog lacks for approval: at least one resource, and for each a name, a class, at least
 * one named and typed item, share and open types, and the legal basis the profile asks of restricted
 * types (as catalog.rules.ts does for real resources) and unconditional sharing of base resources.
 */
export function catalogGaps(profile: Profile, rows: PlannedResource[], classes: Map<string, ClassRef>) {
  if (rows.length === 0) return [{ path: '/plannedResources', code: 'catalog.project.catalog_empty' }];
  const problems: FieldProblem[] = [];
  rows.forEach((row, index) => {
    const at = (field: string) => `/plannedResources/${index}/${field}`;
    const missing = (field: string) =>
      problems.push({ path: at(field), code: 'catalog.project.field_required' });
    if (!row.name) missing('name');
    if (!row.classCode) missing('classCode');
    if (row.items.length === 0) problems.push({ path: at('items'), code: 'catalog.project.items_required' });
    row.items.forEach((item, i) => {
      if (!item.name) missing(`items/${i}/name`);
      if (!item.dataType) missing(`items/${i}/dataType`);
    });
    for (const kind of ['share', 'open'] as const) {
      const type = kind === 'share' ? row.shareType : row.openType;
      const basis = kind === 'share' ? row.shareBasis : row.openBasis;
      const rule = profile.catalog.legalBasis[kind];
      if (!type) missing(`${kind}Type`);
      else if ((rule.types as string[]).includes(type) && !basis)
        problems.push({
          path: at(`${kind}Basis`),
          code: 'catalog.legal_basis_required',
          params: { type: categoryName(profile, kind, type), article: rule.article ?? '' },
        });
    }
    const baseRule = profile.catalog.baseResourcesUnconditionallyShared;
    const cls = row.classCode ? classes.get(row.classCode) : undefined;
    if (cls?.kind === 'base' && baseRule.required && row.shareType && row.shareType !== 'unconditional')
      problems.push({
        path: at('shareType'),
        code: 'catalog.base_must_be_unconditional',
        params: { article: baseRule.article ?? '' },
      });
  });
  return problems;
}

/** The classification nodes by code. */
export async function classMap(db: Kysely<DB>) {
  return new Map((await listClasses(db)).map((cls) => [cls.code, cls]));
}

/** Finds the catalog resource for each promise (link, else the same published name) and its status. */
function checkPromises(rows: PlannedResource[], resources: DepartmentResource[]): StoredReport {
  const byId = new Map(resources.map((r) => [r.id, r]));
  const used = new Set(rows.flatMap((r) => (r.resourceId ? [r.resourceId] : [])));
  const summary = { promised: rows.length, connected: 0, not_connected: 0, not_published: 0, missing: 0 };
  const entries = rows.map((row, index) => {
    // The department's link wins; without one, a published resource of exactly the promised name.
    const resource = row.resourceId
      ? byId.get(row.resourceId)
      : resources.find((r) => r.published && !used.has(r.id) && r.name?.trim() === row.name);
    const matchedBy = !resource ? null : row.resourceId ? ('link' as const) : ('name' as const);
    if (resource) used.add(resource.id);
    const status: ResourceStatus = !resource
      ? 'missing'
      : !resource.published
        ? 'not_published'
        : resource.dataUpdatedAt
          ? 'connected'
          : 'not_connected';
    summary[status] += 1;
    const name = row.name;
    const suggestions =
      resource || !name
        ? []
        : resources
            .filter(
              (r) =>
                r.published && !used.has(r.id) && r.name && (r.name.includes(name) || name.includes(r.name)),
            )
            .slice(0, SUGGESTIONS)
            .map((r) => ({ id: r.id, code: r.code, name: r.name ?? '' }));
    return {
      index,
      name,
      classCode: row.classCode,
      status,
      matchedBy,
      resource: resource
        ? {
            id: resource.id,
            code: resource.code,
            name: resource.name,
            published: resource.published,
            dataUpdatedAt: iso(resource.dataUpdatedAt),
          }
        : null,
      suggestions,
    };
  });
  const verdict = summary.connected === rows.length ? ('passed' as const) : ('failed' as const);
  return { generatedAt: new Date().toISOString(), verdict, summary, resources: entries };
}

/** The acceptance check of a project against the catalog as it is now. */
export async function liveReport(trx: Kysely<DB>, project: ProjectRecord) {
  const rows = project.planned_resources;
  const links = rows.flatMap((r) => (r.resourceId ? [r.resourceId] : []));
  return checkPromises(rows, await departmentResources(trx, project.department_id, links));
}
