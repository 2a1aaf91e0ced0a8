// Reading the requests answered in the portal: the requester's own list (state, due date, answer),
// the handlers' list (the provider's own department, the authority's region), and one request with
// its case (due date, extension, steps) and the profile's reply rule. Each read is audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DeadlineEnv } from '../../../platform/cases/cases.ts';
import { listTransitions } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { DeadlineRule } from '../../../platform/profiles/profile.schema.ts';
import { caseClock, presentCase } from '../../sharing/sharing-views.ts';
import type { PageInput } from './feedback.reads.ts';
import { staffScope } from './participation.scope.ts';
import type { ParticipationKind } from './participation.tables.ts';
import { isoOf, isoOrNull } from './participation.views.ts';
import {
  findListedRequest,
  listRequests,
  type ListedRequest,
  type RequestFilter,
  type RequestScope,
} from './requests.repository.ts';
import { CASE_OF_KIND } from './requests.cases.ts';
import { mayReadRequest } from './requests.service.ts';

/** The profile's deadline of a kind of request (null where it sets none; opinions have none). */
function ruleOf(env: DeadlineEnv, kind: ParticipationKind): DeadlineRule | null {
  const key = CASE_OF_KIND[kind].rule;
  return key ? env.profile.deadlines[key] : null;
}

function present(row: ListedRequest, calendar: WorkCalendar, today: string, staff: boolean) {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    resource: row.resource_id
      ? {
          id: row.resource_id,
          code: row.resource_code ?? '',
          name: row.resource_name ?? row.resource_code ?? '',
        }
      : null,
    /** The side that answers: the provider department, or the authority for opinions. */
    responsible: { id: row.department_id, name: row.department_name },
    requester: staff ? { id: row.requester_user_id, name: row.requester_name } : null,
    topic: row.topic,
    fields: row.fields,
    location: row.location,
    statement: row.statement,
    proposal: row.proposal,
    answer:
      row.state === 'submitted'
        ? null
        : {
            decision: row.state === 'accepted' ? ('accept' as const) : ('reject' as const),
            text: row.answer ?? '',
            answeredAt: isoOrNull(row.answered_at)!,
            answeredByName: staff ? row.answered_by_name : null,
          },
    ...caseClock(row, calendar, today),
    caseId: row.case_id,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
}

async function page(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  scope: RequestScope,
  query: PageInput & RequestFilter,
) {
  const window = pageWindow(query);
  const filter: RequestFilter = {
    kind: query.kind,
    state: query.state,
    resourceId: query.resourceId,
    overdue: query.overdue,
  };
  const { rows, total } = await listRequests(db, scope, filter, window);
  await recordAudit(db, context, {
    action: 'open.request.list',
    targetType: 'open_participation_request',
    detail: { scope: scope.kind, filter, page: window.page, total },
  });
  const today = todayInChina();
  const staff = scope.kind !== 'requester';
  return {
    items: rows.map((row) => present(row, env.calendar, today, staff)),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** A page of the requester's own requests, newest first, with due dates and answers; audited. */
export function listOwnRequests(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: PageInput & RequestFilter,
) {
  return page(db, context, env, { kind: 'requester', userId: context.actor!.id }, query);
}

/** A page of the requests the handler sees: the own department's, or the region's (authority). */
export function listHandledRequests(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: PageInput & RequestFilter,
) {
  return page(db, context, env, staffScope(context.actor!), query);
}

/**
 * One request with its case (due date, extension, steps) and the profile's reply rule, for its
 * requester, the side that answers and the region's authority (404 for anyone else); audited.
 */
export async function readRequest(db: Kysely<DB>, context: RequestContext, env: DeadlineEnv, id: string) {
  const actor = context.actor!;
  const row = await findListedRequest(db, id);
  if (!row || !mayReadRequest(actor, row)) throw notFound('what.open_participation_request');
  const steps = await listTransitions(db, row.case_id);
  await recordAudit(db, context, {
    action: 'open.request.read',
    targetType: 'open_participation_request',
    targetId: id,
    departmentId: row.department_id,
    detail: { kind: row.kind, requester: actor.id === row.requester_user_id },
  });
  const today = todayInChina();
  const staff = actor.role !== 'public_user';
  const rule = ruleOf(env, row.kind);
  return {
    ...present(row, env.calendar, today, staff),
    replyRule: rule
      ? {
          workdays: rule.workdays,
          article: rule.article,
          extension: rule.extension
            ? { workdays: rule.extension.workdays, article: rule.extension.article }
            : null,
        }
      : null,
    case: presentCase(row, steps, env.calendar, today),
  };
}
