// Reading IT projects: the owner department and the authorities and auditors of its region see
// everything; other staff of the region see the published project list (approved and accepted
// projects, CQ19 §48: the authority 形成并发布项目清单); the acceptance report only the first.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, inDepartmentScope } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { catalogGaps, classMap, iso, liveReport } from './projects.plan.ts';
import { findProject, listProjects, type ProjectRecord, type ProjectScope } from './projects.repository.ts';
import type { ProjectQuery } from './projects.schemas.ts';
import { stateError } from './projects.service.ts';
import type { ProjectState } from './projects.tables.ts';

const PUBLISHED: ProjectState[] = ['approved', 'accepted'];

/** Whether the actor may see the project: its department, the authorities and auditors of its region, the published list. */
function maySee(actor: Actor, project: ProjectRecord): boolean {
  return (
    inDepartmentScope(actor, { id: project.department_id, regionId: project.region_id }) ||
    (PUBLISHED.includes(project.state) && actor.regionScope.includes(project.region_id))
  );
}

async function readVisible(trx: Kysely<DB>, actor: Actor, id: string) {
  const project = await findProject(trx, id);
  if (!project) throw notFound('what.catalog_project');
  if (!maySee(actor, project)) throw forbidden('policy.out_of_department_scope');
  return project;
}

function presentProject(row: ProjectRecord, catalogProblemCount: number) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    state: row.state,
    department: { id: row.department_id, name: row.departmentName },
    budget: row.budget === null ? null : Number(row.budget),
    plannedCount: Number(row.plannedCount),
    catalogProblemCount,
    createdAt: iso(row.created_at)!,
    approvedAt: iso(row.approved_at),
    acceptedAt: iso(row.accepted_at),
  };
}

const decision = (at: Date | null, byName: string | null) =>
  at ? { at: iso(at)!, byName: byName ?? '' } : null;

/** A project with its catalog, what approval still misses (in the caller's language) and its decisions; audited. */
export async function readProject(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  id: string,
  locale: Locale,
) {
  const classes = await classMap(db);
  const project = await db.transaction().execute(async (trx) => {
    const found = await readVisible(trx, context.actor!, id);
    await recordAudit(trx, context, {
      action: 'catalog.project.read',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: found.department_id,
    });
    return found;
  });
  const rule = profile.catalog.projectCatalog;
  const accepted = decision(project.accepted_at, project.accepted_by_name);
  const gaps = catalogGaps(profile, project.planned_resources, classes);
  return {
    ...presentProject(project, gaps.length),
    description: project.description,
    registeredByName: project.registered_by_name,
    updatedAt: iso(project.updated_at)!,
    plannedResources: project.planned_resources,
    catalogRule: { required: rule.required, article: rule.article },
    catalogProblems: gaps.map((p) => ({ path: p.path, message: translate(p.code, locale, p.params) })),
    approval: decision(project.approved_at, project.approved_by_name),
    rejection: project.rejected_at
      ? { ...decision(project.rejected_at, project.rejected_by_name)!, reason: project.reject_reason ?? '' }
      : null,
    acceptance: accepted ? { ...accepted, override: project.acceptance_override } : null,
  };
}

/** Which projects the actor may list. */
function scopeOf(actor: Actor): ProjectScope {
  if (actor.role === 'platform_admin') return { kind: 'all' };
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'regions', regionIds: actor.regionScope };
  return { kind: 'department', departmentId: actor.departmentId, regionIds: actor.regionScope };
}

/**
 * One page of the projects the caller may see (the published list plus its own department's), each
 * with the number of gaps approval would name in its catalog; audited.
 */
export async function listVisibleProjects(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  query: ProjectQuery,
) {
  const window = pageWindow(query);
  const filter = { state: query.state, kind: query.kind, departmentId: query.departmentId, q: query.q };
  const classes = await classMap(db);
  return db.transaction().execute(async (trx) => {
    const { rows, total } = await listProjects(trx, scopeOf(context.actor!), filter, window);
    await recordAudit(trx, context, {
      action: 'catalog.project.list',
      targetType: 'catalog_project',
      detail: { filter, page: window.page, total },
    });
    const items = rows.map((row) =>
      presentProject(row, catalogGaps(profile, row.planned_resources, classes).length),
    );
    return { items, total, page: window.page, pageSize: window.pageSize };
  });
}

/**
 * The acceptance report: live for an approved project, as taken at acceptance for an accepted one.
 * Only the owner department, the authorities and auditors of its region see it; audited.
 */
export async function acceptanceReport(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  id: string,
  locale: Locale,
) {
  const { project, report } = await db.transaction().execute(async (trx) => {
    const found = await findProject(trx, id);
    if (!found) throw notFound('what.catalog_project');
    const actor = context.actor!;
    if (!inDepartmentScope(actor, { id: found.department_id, regionId: found.region_id }))
      throw forbidden('policy.out_of_department_scope');
    if (!PUBLISHED.includes(found.state)) throw stateError(found, 'check');
    const taken = found.acceptance_report ?? (await liveReport(trx, found));
    await recordAudit(trx, context, {
      action: 'catalog.project.acceptance.read',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: found.department_id,
      detail: { verdict: taken.verdict, summary: taken.summary },
    });
    return { project: found, report: taken };
  });
  const rule = profile.catalog.projectCatalog;
  const accepted = decision(project.accepted_at, project.accepted_by_name);
  return {
    projectId: project.id,
    ...report,
    catalogRule: { required: rule.required, article: rule.article },
    criterion: translate('catalog.project.connected_criterion', locale),
    acceptance: accepted ? { ...accepted, override: project.acceptance_override } : null,
  };
}
