// Catalog update requests (CQ19 §14, CQO §17, CQ18 §9): after a law changes or a department's
// duties change, the department must ask for a catalog update within the profile's deadline. The
// authority or the department registers the change; that opens a catalog.update_request case whose
// day of receipt is the day of the change, so the due date counts from it and the deadline sweep
// flags it overdue afterwards. The department answers by submitting its list with `updateCaseId`
// (review.service.ts closes the case as filed); the authority may cancel a request with a reason.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import {
  CASE_SORT,
  findCase,
  listCases,
  listTransitions,
  lockCase,
  type CaseRow,
} from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { pageWindow, sortOrder } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireDepartmentScope } from '../../../platform/policy/policy.ts';
import { caseScopeOf } from '../../cases/cases.service.ts';
import { catalogUpdateRequestCase } from '../catalog.cases.ts';
import { findProvider } from '../catalog.repository.ts';
import '../demands/demands.messages.ts';
import { answeringSubmissions } from '../duties/duties.repository.ts';

/** What is registered: whose duty, the day of the change, why, and the law or decision cited. */
export interface UpdateRequestInput {
  departmentId: string;
  changedOn: string;
  reason: string;
  basis: string;
}

const TYPE = catalogUpdateRequestCase.type;
const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);
const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** Opens the department's update duty; the due date is the profile's workdays after the change. */
export async function registerUpdateRequest(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: UpdateRequestInput,
): Promise<string> {
  const actor = context.actor!;
  const department = await findProvider(db, input.departmentId);
  if (!department)
    throw invalid('catalog.update.invalid', [
      { path: '/body/departmentId', code: 'catalog.demand.department_unknown' },
    ]);
  requireDepartmentScope(actor, { id: department.id, regionId: department.regionId });
  const problems: FieldProblem[] = [];
  if (department.kind === 'enterprise')
    problems.push({ path: '/body/departmentId', code: 'catalog.update.department_kind' });
  if (input.changedOn > todayInChina())
    problems.push({ path: '/body/changedOn', code: 'catalog.update.changed_in_future' });
  const reason = input.reason.trim();
  const basis = input.basis.trim();
  if (!reason) problems.push({ path: '/body/reason', code: 'catalog.demand.reason_required' });
  if (!basis) problems.push({ path: '/body/basis', code: 'catalog.demand.reason_required' });
  if (problems.length > 0) throw invalid('catalog.update.invalid', problems);
  return db.transaction().execute(async (trx) => {
    const opened = await openCase(trx, context, env, catalogUpdateRequestCase, {
      departmentId: department.id,
      subject: `${department.name}：目录更新（${basis}）`,
      receivedOn: input.changedOn,
      payload: { changedOn: input.changedOn, reason, basis, registeredByName: actor.displayName },
    });
    await recordAudit(trx, context, {
      action: 'catalog.update_request.create',
      targetType: 'case',
      targetId: opened.id,
      departmentId: department.id,
      detail: { changedOn: input.changedOn, reason, basis, dueOn: opened.due_on },
    });
    return opened.id;
  });
}

function present(
  row: CaseRow & { department_name: string },
  env: DeadlineEnv,
  submission: { id: string; state: string; submittedAt: Date | string } | undefined,
  today: string,
) {
  const rule = env.profile.deadlines.catalogUpdateRequest;
  const payload = row.payload;
  return {
    id: row.id,
    department: { id: row.department_id, name: row.department_name },
    state: row.state as (typeof catalogUpdateRequestCase.states)[number],
    changedOn: row.received_on,
    reason: text(payload.reason) ?? row.subject,
    basis: text(payload.basis),
    registeredByName: text(payload.registeredByName),
    dueOn: row.due_on,
    overdue: row.overdue,
    overdueSince: row.overdue_since,
    // Only an open duty still counts down; the sweep's overdue flag may lag up to its interval.
    workdaysLeft: row.state === 'open' && row.due_on ? env.calendar.workdaysLeft(row.due_on, today) : null,
    closedAt: iso(row.closed_at),
    // The rule of the profile running now; a case keeps the due date computed when it was opened.
    rule: rule ? { workdays: rule.workdays, article: rule.article } : null,
    submission: submission
      ? { id: submission.id, state: submission.state, submittedAt: iso(submission.submittedAt)! }
      : null,
    createdAt: iso(row.created_at)!,
  };
}

/** One page of update requests the actor may see (its department, or its regions), newest change first. */
export async function listUpdateRequests(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: { departmentId?: string; open?: boolean; overdue?: boolean; page?: number; pageSize?: number },
) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const order = sortOrder(undefined, CASE_SORT, { column: 'cases.received_on', direction: 'desc' });
  const filter = { type: TYPE, departmentId: query.departmentId, open: query.open, overdue: query.overdue };
  const { rows, total } = await listCases(db, caseScopeOf(actor), filter, window, order);
  const today = todayInChina();
  const submissions = await answeringSubmissions(
    db,
    rows.map((row) => row.id),
  );
  await recordAudit(db, context, {
    action: 'catalog.update_request.list',
    targetType: 'case',
    detail: { ...filter, page: window.page, total },
  });
  return {
    items: rows.map((row) =>
      present(
        row,
        env,
        submissions.find((s) => s.caseId === row.id),
        today,
      ),
    ),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** One update request with its history; audited. */
export async function readUpdateRequest(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
) {
  const row = await findCase(db, id);
  if (!row || row.type !== TYPE) throw notFound('what.catalog_update_request');
  requireDepartmentScope(context.actor!, { id: row.department_id, regionId: row.region_id });
  const [submission] = await answeringSubmissions(db, [id]);
  const history = await listTransitions(db, id);
  await recordAudit(db, context, {
    action: 'catalog.update_request.read',
    targetType: 'case',
    targetId: id,
    departmentId: row.department_id,
  });
  return {
    ...present(row, env, submission, todayInChina()),
    history: history.map((step) => ({
      action: step.action,
      fromState: step.from_state,
      toState: step.to_state,
      actorName: step.actor_name,
      occurredAt: iso(step.occurred_at)!,
      detail: step.detail,
    })),
  };
}

/** The authority cancels an update request (e.g. registered by mistake), with a reason; 409 once closed. */
export async function cancelUpdateRequest(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  reason: string,
) {
  const why = reason.trim();
  if (!why)
    throw invalid('catalog.update.invalid', [
      { path: '/body/reason', code: 'catalog.demand.reason_required' },
    ]);
  await db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, id);
    if (!row || row.type !== TYPE) throw notFound('what.catalog_update_request');
    requireDepartmentScope(context.actor!, { id: row.department_id, regionId: row.region_id });
    await transition(trx, context, id, 'cancel', { detail: { reason: why } });
    await recordAudit(trx, context, {
      action: 'catalog.update_request.cancel',
      targetType: 'case',
      targetId: id,
      departmentId: row.department_id,
      detail: { reason: why },
    });
  });
}
