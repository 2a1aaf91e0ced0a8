// Reading applications for conditionally open data: the applicant's own list, the provider's and
// the authority's list, and one application with its decision, its case (due date, extension,
// steps), the profile's reply rule and the agreement an approval led to. Each read is audited.
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
import { caseClock, iso, levelOf, presentCase, resourceRef } from '../../sharing/sharing-views.ts';
import './applications.messages.ts';
import {
  findListedApplication,
  findPublishedItems,
  listApplications,
  type ApplicationFilter,
  type ApplicationScope,
  type ListedApplication,
} from './applications.repository.ts';
import { mayRead, readerScope } from './applications.scope.ts';

/** The provider's answer, as far as the row tells it: a narrowed approval is a partial one. */
function decisionOf(row: ListedApplication) {
  if (row.state === 'refused') return 'refuse' as const;
  if (row.state !== 'approved') return null;
  return row.decided_fields || row.decided_until ? ('approve_in_part' as const) : ('approve' as const);
}

/** An application as shown; `graded`: with its resource's level (not for the applicant, a public user). */
function present(row: ListedApplication, calendar: WorkCalendar, today: string, graded: boolean) {
  // The provider's clock runs only while the application waits for its answer.
  const clock =
    row.state === 'submitted'
      ? caseClock(row, calendar, today)
      : { dueOn: null, overdue: false, workdaysLeft: null };
  return {
    id: row.id,
    state: row.state,
    decision: decisionOf(row),
    resource: resourceRef(row),
    ...levelOf(row, graded),
    provider: { id: row.provider_department_id, name: row.provider_name },
    applicant: {
      id: row.applicant_user_id,
      name: row.applicant_name,
      personType: row.applicant_person_type,
      identityMasked: row.applicant_identity_masked,
    },
    purpose: row.purpose,
    scenario: row.scenario,
    securityMeasures: row.security_measures,
    fields: row.fields,
    methods: row.methods,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    ...clock,
    caseId: row.case_id,
    agreement: row.agreement_id
      ? {
          id: row.agreement_id,
          number: row.agreement_number!,
          state: row.agreement_state!,
          validFrom: row.agreement_valid_from!,
          validUntil: row.agreement_valid_until!,
        }
      : null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

async function page(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  scope: ApplicationScope,
  query: ApplicationFilter & { page?: number; pageSize?: number },
) {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const window = pageWindow(query);
  const { rows, total } = await listApplications(db, scope, filter, window);
  await recordAudit(db, context, {
    action: 'open.application.list',
    targetType: 'open_application',
    detail: { scope: scope.kind, filter, page: window.page, total },
  });
  const today = todayInChina();
  return {
    items: rows.map((row) => present(row, env.calendar, today, scope.kind !== 'applicant')),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** A page of the applicant's own applications, newest first, audited. */
export function listOwnApplications(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: ApplicationFilter & { page?: number; pageSize?: number },
) {
  return page(db, context, env, { kind: 'applicant', userId: context.actor!.id }, query);
}

/** A page of the applications for the own department's data, or the region's (authority, auditors). */
export function listApplicationsOf(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: ApplicationFilter & { page?: number; pageSize?: number },
) {
  return page(db, context, env, readerScope(context.actor!), query);
}

/**
 * One application with its decision, case, reply rule and agreement, for the applicant, the
 * provider and the authority of the provider's region (404 for anyone else); audited.
 */
export async function readApplication(db: Kysely<DB>, context: RequestContext, env: DeadlineEnv, id: string) {
  const row = await findListedApplication(db, id);
  if (!row || !mayRead(context.actor!, row)) throw notFound('what.open_application');
  const [steps, items] = await Promise.all([
    listTransitions(db, row.case_id),
    findPublishedItems(db, row.resource_id),
  ]);
  const names = new Map(items.map((item) => [item.field, item.name]));
  await recordAudit(db, context, {
    action: 'open.application.read',
    targetType: 'open_application',
    targetId: id,
    departmentId: row.provider_department_id,
    detail: { applicant: row.applicant_user_id === context.actor!.id },
  });
  const today = todayInChina();
  const rule = env.profile.deadlines.conditionalOpenReply;
  const applicant = row.applicant_user_id === context.actor!.id;
  return {
    ...present(row, env.calendar, today, !applicant),
    items: row.fields.map((field) => ({ field, name: names.get(field) ?? field })),
    decidedFields: row.decided_fields,
    decidedUntil: row.decided_until,
    decisionReason: row.decision_reason,
    decidedByName: row.decided_by_name,
    decidedAt: iso(row.decided_at),
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
