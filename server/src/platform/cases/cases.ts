import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { todayInChina } from '../calendar/dates.ts';
import type { DB } from '../db/schema.ts';
import { conflict, invalid, notFound } from '../errors/app-error.ts';
import type { RequestContext } from '../policy/actor.ts';
import { forbidden } from '../policy/policy.ts';
import type { DeadlineRule, Profile } from '../profiles/profile.schema.ts';
import { findCaseType, type CaseType } from './case-types.ts';
import './cases.messages.ts';
import {
  findDepartmentRef,
  insertCase,
  insertTransition,
  lockCase,
  updateCase,
  type CaseRow,
} from './cases.repository.ts';

/** What deadlines are computed from: the active profile and the working-day calendar (`app.platform`). */
export interface DeadlineEnv {
  profile: Profile;
  calendar: WorkCalendar;
}

/** What a workflow module gives to open a case. */
export interface OpenCaseInput {
  /** The responsible department (the one that must answer in time). */
  departmentId: string;
  subject: string;
  /** Day of receipt; defaults to today in China. It does not count towards the deadline. */
  receivedOn?: string;
  payload?: Record<string, unknown>;
}

function audit(
  trx: Kysely<DB>,
  context: RequestContext,
  row: CaseRow,
  action: string,
  detail: Record<string, unknown>,
) {
  return recordAudit(trx, context, {
    action,
    targetType: 'case',
    targetId: row.id,
    departmentId: row.department_id,
    detail: { type: row.type, ...detail },
  });
}

function history(
  trx: Kysely<DB>,
  context: RequestContext,
  row: CaseRow,
  action: string,
  from: string | null,
  detail: Record<string, unknown> = {},
) {
  const actor = context.actor;
  return insertTransition(trx, {
    case_id: row.id,
    action,
    from_state: from,
    to_state: row.state,
    actor_type: actor ? actor.type : 'system',
    actor_id: actor?.id ?? null,
    actor_name: actor?.displayName ?? context.system ?? null,
    detail,
  });
}

function ruleOf(env: DeadlineEnv, row: Pick<CaseRow, 'rule'>): DeadlineRule | null {
  if (!row.rule) return null;
  return env.profile.deadlines[row.rule as keyof Profile['deadlines']] ?? null;
}

/**
 * Opens a case of a defined type in its initial state. The due date is the rule's number of working
 * days after the day of receipt; a rule the active profile leaves null gives a case without a deadline.
 * Throws 422 when the calendar has no schedule for a year the period runs into.
 */
export async function openCase(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  caseType: CaseType,
  input: OpenCaseInput,
): Promise<CaseRow> {
  const department = await findDepartmentRef(trx, input.departmentId);
  if (!department) throw notFound('what.department');
  const receivedOn = input.receivedOn ?? todayInChina();
  const rule = caseType.rule ? env.profile.deadlines[caseType.rule] : null;
  const dueOn = rule ? env.calendar.addWorkdays(receivedOn, rule.workdays) : null;
  const actor = context.actor;
  const row = await insertCase(trx, {
    type: caseType.type,
    state: caseType.initial,
    department_id: department.id,
    region_id: department.regionId,
    subject: input.subject,
    rule: caseType.rule,
    received_on: receivedOn,
    due_on: dueOn,
    original_due_on: dueOn,
    extension_state: null,
    extension_requested_workdays: null,
    extension_reason: null,
    extension_requested_by: null,
    extension_requested_at: null,
    extension_decided_by: null,
    extension_decided_at: null,
    extension_decision_reason: null,
    closed_at: null,
    overdue_since: null,
    payload: input.payload ?? {},
    created_by: actor?.id ?? context.system ?? null,
  });
  const basis = rule ? { workdays: rule.workdays, article: rule.article } : null;
  await history(trx, context, row, 'open', null, { dueOn, rule: basis });
  await audit(trx, context, row, 'case.open', {
    state: row.state,
    receivedOn,
    dueOn,
    rule: caseType.rule,
    basis,
  });
  return row;
}

/**
 * Moves a case along its state machine. Refuses (409) an action its type does not allow from the
 * current state, and a stale `expectedVersion`. The row is locked first, so of two simultaneous
 * calls one wins and the other sees the new state.
 */
export async function transition(
  trx: Kysely<DB>,
  context: RequestContext,
  caseId: string,
  action: string,
  options: { expectedVersion?: number; detail?: Record<string, unknown> } = {},
): Promise<CaseRow> {
  const row = await lockCase(trx, caseId);
  if (!row) throw notFound('what.case');
  const caseType = findCaseType(row.type);
  if (!caseType) throw new Error(`case type ${row.type} is not defined`);
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version)
    throw conflict('case.version_conflict');
  const move = (caseType.transitions as Record<string, { from: readonly string[]; to: string } | undefined>)[
    action
  ];
  if (!move || !move.from.includes(row.state))
    throw conflict('case.illegal_transition', { action, state: row.state });
  const closes = caseType.terminal.includes(move.to);
  const updated = await updateCase(trx, row.id, row.version, {
    state: move.to,
    closed_at: closes ? new Date() : null,
  });
  if (!updated) throw conflict('case.version_conflict');
  const detail = options.detail ?? {};
  await history(trx, context, updated, action, row.state, detail);
  await audit(trx, context, updated, 'case.transition', {
    action,
    from: row.state,
    to: updated.state,
    closed: closes,
    ...(closes && row.due_on ? { late: row.overdue } : {}),
    ...detail,
  });
  return updated;
}

function requireOwnDepartment(context: RequestContext, row: CaseRow, code: string) {
  const actor = context.actor;
  if (!actor || actor.type !== 'user' || actor.departmentId !== row.department_id) throw forbidden(code);
  return actor;
}

/**
 * Asks for more time. Only staff of the responsible department may ask, only where the profile
 * allows an extension for the case's rule, within what is left of the limit, before the case is
 * overdue and while no other request waits.
 */
export async function requestExtension(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  caseId: string,
  input: { workdays: number; reason: string },
): Promise<CaseRow> {
  const row = await lockCase(trx, caseId);
  if (!row) throw notFound('what.case');
  const actor = requireOwnDepartment(context, row, 'case.extension_own_department');
  if (row.closed_at) throw conflict('case.closed');
  const extension = ruleOf(env, row)?.extension;
  if (!extension || !row.due_on) throw conflict('case.extension_not_allowed');
  if (row.extension_state === 'requested') throw conflict('case.extension_pending');
  if (row.overdue) throw conflict('case.extension_too_late');
  const left = extension.workdays - row.extension_workdays;
  if (left <= 0) throw conflict('case.extension_exhausted', { limit: extension.workdays });
  if (input.workdays > left) {
    throw invalid('request.invalid', [
      { path: '/body/workdays', code: 'case.extension_too_long', params: { limit: left } },
    ]);
  }
  const updated = await updateCase(trx, row.id, row.version, {
    extension_state: 'requested',
    extension_requested_workdays: input.workdays,
    extension_reason: input.reason,
    extension_requested_by: actor.id,
    extension_requested_at: new Date(),
    extension_decided_by: null,
    extension_decided_at: null,
    extension_decision_reason: null,
  });
  if (!updated) throw conflict('case.version_conflict');
  const detail = { workdays: input.workdays, reason: input.reason, article: extension.article };
  await history(trx, context, updated, 'extension.request', row.state, detail);
  await audit(trx, context, updated, 'case.extension.request', detail);
  return updated;
}

/**
 * Decides an extension request. Only the head (主要负责人) of the responsible department may decide
 * (CQ19 §19/§32/§33); an approval may grant at most what is left of the profile's limit, and the new
 * due date is that many working days after the current one.
 */
export async function decideExtension(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  caseId: string,
  input: { approve: boolean; reason?: string; workdays?: number },
): Promise<CaseRow> {
  const row = await lockCase(trx, caseId);
  if (!row) throw notFound('what.case');
  const actor = requireOwnDepartment(context, row, 'case.extension_head_only');
  if (actor.role !== 'department_head') throw forbidden('case.extension_head_only');
  if (row.extension_state !== 'requested' || !row.extension_requested_workdays)
    throw conflict('case.no_extension_request');
  const decided = {
    extension_decided_by: actor.id,
    extension_decided_at: new Date(),
    extension_decision_reason: input.reason ?? null,
  };
  if (!input.approve) {
    const updated = await updateCase(trx, row.id, row.version, { ...decided, extension_state: 'refused' });
    if (!updated) throw conflict('case.version_conflict');
    const detail = { approve: false, reason: input.reason ?? null };
    await history(trx, context, updated, 'extension.refuse', row.state, detail);
    await audit(trx, context, updated, 'case.extension.refuse', detail);
    return updated;
  }
  const extension = ruleOf(env, row)?.extension;
  if (!extension || !row.due_on) throw conflict('case.extension_not_allowed');
  const workdays = input.workdays ?? row.extension_requested_workdays;
  const left = extension.workdays - row.extension_workdays;
  if (workdays > left) {
    throw invalid('request.invalid', [
      { path: '/body/workdays', code: 'case.extension_too_long', params: { limit: Math.max(left, 0) } },
    ]);
  }
  const dueOn = env.calendar.addWorkdays(row.due_on, workdays);
  // An approval that lands after the sweep marked the case overdue puts it back in time.
  const backInTime = row.overdue && dueOn >= todayInChina();
  const updated = await updateCase(trx, row.id, row.version, {
    ...decided,
    extension_state: 'approved',
    extension_workdays: row.extension_workdays + workdays,
    due_on: dueOn,
    ...(backInTime ? { overdue: false, overdue_since: null } : {}),
  });
  if (!updated) throw conflict('case.version_conflict');
  const detail = {
    approve: true,
    workdays,
    previousDueOn: row.due_on,
    dueOn,
    article: extension.article,
    reason: input.reason ?? null,
    ...(backInTime ? { clearedOverdueSince: row.overdue_since } : {}),
  };
  await history(trx, context, updated, 'extension.approve', row.state, detail);
  await audit(trx, context, updated, 'case.extension.approve', detail);
  return updated;
}
