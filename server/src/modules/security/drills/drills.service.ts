// Emergency plans (应急预案) and drills (演练) (CQ19 §44, CQO §34, §37(2), SC §42, CQ18 §28): a
// department keeps its plans (title, version, scope, text, approval date) and records each drill
// held on one. The profile says how often a plan is reviewed and a drill is due; the flags are
// computed when read (drills.reads.ts). Every change is audited in its transaction.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { isPastDate } from '../security.dates.ts';
import { checkText, keeperDepartment } from '../security.checks.ts';
import '../security.messages.ts';
import { requireKeeper } from '../security.scope.ts';
import { findPlan, insertDrill, insertPlan, updatePlan } from './drills.repository.ts';
import type { CreateDrillBody, CreatePlanBody, UpdatePlanBody } from './drills.schemas.ts';

/** A problem when a date is in the future (a plan approved or a drill held tomorrow is a typo). */
function notFuture(date: string | undefined, path: string, problems: FieldProblem[]) {
  if (date !== undefined && !isPastDate(date, todayInChina()))
    problems.push({ path, code: 'security.in_future' });
}

function checkTexts(input: Partial<Record<string, unknown>>, fields: string[], problems: FieldProblem[]) {
  for (const field of fields) {
    const value = input[field];
    if (typeof value === 'string') checkText(value, `/body/${field}`, problems);
  }
}

/** Registers an emergency plan; audited. Returns its id. */
export async function registerPlan(
  db: Kysely<DB>,
  context: RequestContext,
  input: CreatePlanBody,
): Promise<string> {
  const actor = context.actor!;
  const department = await keeperDepartment(db, actor, input.departmentId);
  const problems: FieldProblem[] = [];
  checkTexts(input, ['title', 'version', 'scope', 'body'], problems);
  notFuture(input.approvedOn, '/body/approvedOn', problems);
  if (problems.length > 0) throw invalid('security.invalid', problems);
  return db.transaction().execute(async (trx) => {
    const id = await insertPlan(trx, {
      department_id: department.id,
      title: input.title.trim(),
      version: input.version.trim(),
      scope: input.scope.trim(),
      body: input.body,
      approved_on: input.approvedOn,
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: 'security.plan.create',
      targetType: 'security_plan',
      targetId: id,
      departmentId: department.id,
      detail: { version: input.version, approvedOn: input.approvedOn },
    });
    return id;
  });
}

/** Revises a plan (a new version or approval date) or retires it; audited with the fields changed. */
export async function revisePlan(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: UpdatePlanBody,
): Promise<void> {
  const problems: FieldProblem[] = [];
  checkTexts(input, ['title', 'version', 'scope', 'body'], problems);
  notFuture(input.approvedOn, '/body/approvedOn', problems);
  if (problems.length > 0) throw invalid('security.invalid', problems);
  await db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, id, true);
    if (!plan) throw notFound('what.security_plan');
    requireKeeper(context.actor!, { id: plan.department_id, regionId: plan.regionId });
    await updatePlan(trx, id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.version !== undefined ? { version: input.version.trim() } : {}),
      ...(input.scope !== undefined ? { scope: input.scope.trim() } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.approvedOn !== undefined ? { approved_on: input.approvedOn } : {}),
      ...(input.retired !== undefined ? { retired: input.retired } : {}),
    });
    await recordAudit(trx, context, {
      action: 'security.plan.update',
      targetType: 'security_plan',
      targetId: id,
      departmentId: plan.department_id,
      detail: { fields: Object.keys(input), version: input.version, approvedOn: input.approvedOn },
    });
  });
}

/** Records a drill held on a current plan; audited. Returns its id. */
export async function recordDrill(
  db: Kysely<DB>,
  context: RequestContext,
  planId: string,
  input: CreateDrillBody,
): Promise<string> {
  const actor = context.actor!;
  const problems: FieldProblem[] = [];
  checkTexts(input, ['scenario', 'participants'], problems);
  (input.followUps ?? []).forEach((text, index) => checkText(text, `/body/followUps/${index}`, problems));
  notFuture(input.heldOn, '/body/heldOn', problems);
  if (problems.length > 0) throw invalid('security.invalid', problems);
  return db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, planId, true);
    if (!plan) throw notFound('what.security_plan');
    requireKeeper(actor, { id: plan.department_id, regionId: plan.regionId });
    if (plan.retired) throw conflict('security.plan.retired');
    const id = await insertDrill(trx, {
      plan_id: planId,
      department_id: plan.department_id,
      held_on: input.heldOn,
      scenario: input.scenario.trim(),
      participants: input.participants.trim(),
      result: input.result,
      findings: input.findings?.trim() ?? '',
      follow_ups: JSON.stringify((input.followUps ?? []).map((text) => text.trim())),
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: 'security.drill.create',
      targetType: 'security_drill',
      targetId: id,
      departmentId: plan.department_id,
      detail: { planId, heldOn: input.heldOn, result: input.result },
    });
    return id;
  });
}
