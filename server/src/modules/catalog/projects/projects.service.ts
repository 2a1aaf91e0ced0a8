// IT projects (政务信息化项目, CQ19 §48, SC §16, CQ18 §38). The owner department registers a project
// with its pre-compiled resource catalog (预编目录清单) and edits it until approval; the data authority
// approves (refused while the catalog is empty or incomplete, when the profile requires it) or
// rejects; at acceptance (验收) the platform compares the promised resources with the real catalog and
// refuses while any is missing, unpublished or not connected, unless the authority records an override.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireRegionScope } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findProvider } from '../catalog.repository.ts';
import './projects.messages.ts';
import { catalogGaps, classMap, clean, liveReport, normalise, valueProblems } from './projects.plan.ts';
import { insertProject, lockProject, updateProject } from './projects.repository.ts';
import type { PlannedResourceInput, RegisterBody } from './projects.schemas.ts';
import type { PlannedResource, ProjectState } from './projects.tables.ts';

/** 409: the project's state does not allow the act. */
export function stateError(project: { state: ProjectState }, act: string) {
  return conflict('catalog.project.state', {
    state: `catalog.project.state.${project.state}`,
    act: `catalog.project.act.${act}`,
  });
}

/** A department registers a project, optionally with its pre-compiled catalog already. */
export async function registerProject(db: Kysely<DB>, context: RequestContext, body: RegisterBody) {
  const actor = context.actor!;
  const department = actor.departmentId ? await findProvider(db, actor.departmentId) : undefined;
  if (!department || department.kind === 'enterprise') throw forbidden('catalog.project.no_department');
  const rows = normalise(body.plannedResources ?? []);
  const code = body.code.trim();
  const name = body.name.trim();
  const problems = [
    ...(code ? [] : [{ path: '/body/code', code: 'catalog.project.field_required' }]),
    ...(name ? [] : [{ path: '/body/name', code: 'catalog.project.field_required' }]),
    ...(await valueProblems(db, department.id, rows, await classMap(db))),
  ];
  if (problems.length > 0) throw invalid('catalog.project.invalid', problems);
  return db.transaction().execute(async (trx) => {
    const id = await insertProject(trx, {
      code,
      name,
      kind: body.kind,
      description: clean(body.description),
      budget: body.budget ?? null,
      department_id: department.id,
      region_id: department.regionId,
      planned_resources: JSON.stringify(rows),
      registered_by: actor.id,
      registered_by_name: actor.displayName,
    });
    if (!id) throw conflict('catalog.project.code_taken', { code });
    await recordAudit(trx, context, {
      action: 'catalog.project.register',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: department.id,
      detail: { code, name, kind: body.kind, planned: rows.length },
    });
    return id;
  });
}

// The plan without its links, in a fixed order (jsonb does not keep the order of keys).
const planOnly = (rows: PlannedResource[]) =>
  JSON.stringify(
    rows.map((r) => [
      r.name,
      r.classCode,
      r.items.map((item) => [item.name, item.dataType]),
      r.shareType,
      r.shareBasis,
      r.openType,
      r.openBasis,
      r.updateCycle,
      r.note,
    ]),
  );

/**
 * The owner department replaces the pre-compiled catalog. Once approved the plan is frozen: only
 * the links to catalog resources (`resourceId`) may change, so that acceptance can find them.
 */
export async function saveCatalog(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: PlannedResourceInput[],
) {
  const rows = normalise(input);
  const classes = await classMap(db);
  await db.transaction().execute(async (trx) => {
    const project = await lockProject(trx, id);
    if (!project) throw notFound('what.catalog_project');
    if (context.actor!.departmentId !== project.department_id) throw forbidden('catalog.project.not_owner');
    if (project.state !== 'registered' && project.state !== 'approved') throw stateError(project, 'edit');
    if (project.state === 'approved' && planOnly(rows) !== planOnly(project.planned_resources))
      throw conflict('catalog.project.plan_frozen');
    const problems = await valueProblems(trx, project.department_id, rows, classes);
    if (problems.length > 0) throw invalid('catalog.project.invalid', problems);
    await updateProject(trx, id, { planned_resources: JSON.stringify(rows) });
    await recordAudit(trx, context, {
      action: 'catalog.project.catalog.save',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: project.department_id,
      detail: { state: project.state, planned: rows.length, linked: rows.filter((r) => r.resourceId).length },
    });
  });
}

/** Locks the project for a decision of the authority over its region; checks the state. */
async function lockForAuthority(
  trx: Kysely<DB>,
  context: RequestContext,
  id: string,
  from: ProjectState,
  act: string,
) {
  const project = await lockProject(trx, id);
  if (!project) throw notFound('what.catalog_project');
  requireRegionScope(context.actor!, project.region_id);
  if (project.state !== from) throw stateError(project, act);
  return project;
}

/** The authority approves the project: refused (409) while the profile requires a complete catalog it lacks. */
export async function approveProject(db: Kysely<DB>, context: RequestContext, profile: Profile, id: string) {
  const classes = await classMap(db);
  const rule = profile.catalog.projectCatalog;
  await db.transaction().execute(async (trx) => {
    const project = await lockForAuthority(trx, context, id, 'registered', 'approve');
    if (rule.required) {
      const gaps = catalogGaps(profile, project.planned_resources, classes);
      if (gaps.length > 0)
        throw new AppError(409, 'catalog.project.catalog_required', { article: rule.article ?? '' }, gaps);
    }
    const actor = context.actor!;
    await updateProject(trx, id, {
      state: 'approved',
      approved_at: new Date(),
      approved_by: actor.id,
      approved_by_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: 'catalog.project.approve',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: project.department_id,
      detail: {
        code: project.code,
        planned: project.planned_resources.length,
        catalogRequired: rule.required,
      },
    });
  });
}

function requireReason(value: string, path: string): string {
  const text = value.trim();
  if (!text) throw invalid('catalog.project.invalid', [{ path, code: 'catalog.project.reason_required' }]);
  return text;
}

/** The authority rejects a registered project, with a reason the department sees. */
export async function rejectProject(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { reason: string },
) {
  const reason = requireReason(body.reason, '/body/reason');
  await db.transaction().execute(async (trx) => {
    const project = await lockForAuthority(trx, context, id, 'registered', 'reject');
    const actor = context.actor!;
    await updateProject(trx, id, {
      state: 'rejected',
      rejected_at: new Date(),
      rejected_by: actor.id,
      rejected_by_name: actor.displayName,
      reject_reason: reason,
    });
    await recordAudit(trx, context, {
      action: 'catalog.project.reject',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: project.department_id,
      detail: { code: project.code, reason },
    });
  });
}

/**
 * The authority accepts the project. Refused (409, naming each unmet promise) while a promised
 * resource is missing, unpublished or not connected and the profile requires the catalog — unless
 * the authority gives an override reason, which is stored with the report and audited.
 */
export async function acceptProject(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  id: string,
  body: { override?: string },
) {
  const override = body.override === undefined ? null : requireReason(body.override, '/body/override');
  const rule = profile.catalog.projectCatalog;
  await db.transaction().execute(async (trx) => {
    const project = await lockForAuthority(trx, context, id, 'approved', 'accept');
    const report = await liveReport(trx, project);
    const blocked = rule.required && report.verdict === 'failed';
    if (blocked && !override)
      throw new AppError(
        409,
        'catalog.project.acceptance_refused',
        { article: rule.article ?? '' },
        report.resources
          .filter((r) => r.status !== 'connected')
          .map((r) => ({
            path: `/plannedResources/${r.index}`,
            code: `catalog.project.status.${r.status}`,
            params: { name: r.name ?? `#${r.index + 1}` },
          })),
      );
    const actor = context.actor!;
    // An override is recorded only when it overrode something: otherwise the project simply passed.
    const used = blocked ? override : null;
    await updateProject(trx, id, {
      state: 'accepted',
      accepted_at: new Date(),
      accepted_by: actor.id,
      accepted_by_name: actor.displayName,
      acceptance_override: used,
      acceptance_report: JSON.stringify(report),
    });
    await recordAudit(trx, context, {
      action: 'catalog.project.accept',
      targetType: 'catalog_project',
      targetId: id,
      departmentId: project.department_id,
      detail: { code: project.code, verdict: report.verdict, summary: report.summary, override: used },
    });
  });
}
