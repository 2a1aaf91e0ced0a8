// The security overview (for the oversight board and the annual evaluation, CQ19 §45–46): per
// department in the caller's scope, the last drill and assessment with their due dates from the
// profile's intervals, current plans due for review, open incidents and overdue reports.
import type { Kysely } from 'kysely';
import { todayInChina } from '../../platform/calendar/dates.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import type { SecurityRules } from '../../platform/profiles/profile.schema.ts';
import { addMonths, isOverdue, nextDue } from './security.dates.ts';
import { incidentCounts, registerDates } from './overview.repository.ts';
import { departmentsIn } from './security.repository.ts';
import { registerScope } from './security.scope.ts';

/** The overview rows of the departments the caller may read, and the intervals applied. */
export async function securityOverview(db: Kysely<DB>, context: RequestContext, rules: SecurityRules) {
  const scope = registerScope(context.actor!);
  const today = todayInChina();
  const [departments, [drills, assessments, plans], incidents] = await Promise.all([
    departmentsIn(db, scope),
    registerDates(db, scope),
    incidentCounts(db, rules.incidents, scope),
  ]);
  const by = <T extends { department_id: string }>(rows: T[]) =>
    new Map(rows.map((r) => [r.department_id, r]));
  const [drillOf, assessmentOf, planOf, incidentOf] = [by(drills), by(assessments), by(plans), by(incidents)];
  const items = departments.map((department) => {
    const lastDrillOn = drillOf.get(department.id)?.last ?? null;
    const lastAssessmentOn = assessmentOf.get(department.id)?.last ?? null;
    const plan = planOf.get(department.id);
    const drillDueOn = nextDue(lastDrillOn, rules.drills.months);
    const assessmentDueOn = nextDue(lastAssessmentOn, rules.riskAssessments.months);
    const incident = incidentOf.get(department.id);
    return {
      department: { id: department.id, name: department.name, kind: department.kind },
      currentPlans: Number(plan?.count ?? 0),
      planReviewOverdue: plan ? addMonths(plan.oldest, rules.planReview.months) < today : false,
      lastDrillOn,
      drillDueOn,
      drillOverdue: isOverdue(drillDueOn, today),
      lastAssessmentOn,
      assessmentDueOn,
      assessmentOverdue: isOverdue(assessmentDueOn, today),
      openIncidents: Number(incident?.open ?? 0),
      reportsOverdue: Number(incident?.overdue ?? 0),
    };
  });
  return {
    today,
    intervals: {
      planReviewMonths: rules.planReview.months,
      drillMonths: rules.drills.months,
      assessmentMonths: rules.riskAssessments.months,
    },
    items,
  };
}
