// Reading plans and drills, with the due dates the profile's intervals give: a plan's review is due
// `planReview.months` after its approval, its next drill `drills.months` after the last one (due at
// once when never drilled). The per-department drill flag is in the overview (overview.service.ts).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { SecurityRules } from '../../../platform/profiles/profile.schema.ts';
import { addMonths, isOverdue, iso, nextDue } from '../security.dates.ts';
import { registerScope, requireReader } from '../security.scope.ts';
import {
  drillsOfPlan,
  findPlan,
  listDrills,
  listPlans,
  type DrillRecord,
  type PlanRecord,
} from './drills.repository.ts';
import type { DrillQuery, PlanQuery } from './drills.schemas.ts';

/** A drill as the API shows it. */
export function presentDrill(row: DrillRecord) {
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.planTitle,
    department: { id: row.department_id, name: row.departmentName },
    heldOn: row.held_on,
    scenario: row.scenario,
    participants: row.participants,
    result: row.result,
    findings: row.findings,
    followUps: row.follow_ups,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at)!,
  };
}

function presentPlan(row: PlanRecord, rules: SecurityRules, today: string) {
  const reviewDueOn = addMonths(row.approved_on, rules.planReview.months);
  const drillDueOn = nextDue(row.lastDrillOn, rules.drills.months);
  return {
    id: row.id,
    department: { id: row.department_id, name: row.departmentName },
    title: row.title,
    version: row.version,
    scope: row.scope,
    approvedOn: row.approved_on,
    retired: row.retired,
    reviewDueOn,
    reviewOverdue: !row.retired && reviewDueOn < today,
    lastDrillOn: row.lastDrillOn,
    drillDueOn,
    drillOverdue: !row.retired && isOverdue(drillDueOn, today),
    createdByName: row.created_by_name,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A page of the plans the caller may read. */
export async function listVisiblePlans(
  db: Kysely<DB>,
  context: RequestContext,
  rules: SecurityRules,
  query: PlanQuery,
) {
  const window = pageWindow(query);
  const { rows, total } = await listPlans(db, registerScope(context.actor!), query, window);
  const today = todayInChina();
  return {
    items: rows.map((row) => presentPlan(row, rules, today)),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** One plan with its text and drills; the read is audited. */
export async function readPlan(db: Kysely<DB>, context: RequestContext, rules: SecurityRules, id: string) {
  return db.transaction().execute(async (trx) => {
    const plan = await findPlan(trx, id);
    if (!plan) throw notFound('what.security_plan');
    requireReader(context.actor!, { id: plan.department_id, regionId: plan.regionId });
    const drills = await drillsOfPlan(trx, id);
    await recordAudit(trx, context, {
      action: 'security.plan.read',
      targetType: 'security_plan',
      targetId: id,
      departmentId: plan.department_id,
    });
    return { ...presentPlan(plan, rules, todayInChina()), body: plan.body, drills: drills.map(presentDrill) };
  });
}

/** A page of the drills the caller may read. */
export async function listVisibleDrills(db: Kysely<DB>, context: RequestContext, query: DrillQuery) {
  const window = pageWindow(query);
  const { rows, total } = await listDrills(db, registerScope(context.actor!), query, window);
  return { items: rows.map(presentDrill), total, page: window.page, pageSize: window.pageSize };
}
