// Reading share requests: the applicant's, the provider's and the region's lists, and one request
// with its decision, every step with its due date (the case's, then the authority's opening or a
// withdrawal after the provider's answer) and the grant it led to. Each read is audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DeadlineEnv } from '../../../platform/cases/cases.ts';
import { listTransitions } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { MaskRule } from '../../../platform/masking/rules.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { findListedGrant } from '../grants/grant-lists.repository.ts';
import { presentGrant } from '../grants/grants.reads.ts';
import type { RowCondition } from '../grants/row-filter.ts';
import { CASE_SIDES, pageForSide } from '../sharing-lists.ts';
import { requireParty } from '../sharing-scope.ts';
import { caseClock, iso, levelOf, presentCase, resourceRef } from '../sharing-views.ts';
import '../flow.messages.ts';
import {
  findListedRequest,
  listRequests,
  type ListedRequest,
  type RequestFilter,
} from './requests.repository.ts';

function present(row: ListedRequest, calendar: WorkCalendar, today: string) {
  // The provider's clock runs only while the request waits for its answer.
  const clock =
    row.state === 'submitted'
      ? caseClock(row, calendar, today)
      : { dueOn: null, overdue: false, workdaysLeft: null };
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    resource: resourceRef(row),
    ...levelOf(row),
    provider: { id: row.provider_department_id, name: row.provider_name },
    applicant: { id: row.applicant_department_id, name: row.applicant_name },
    applicantUserName: row.applicant_user_name,
    application: row.application,
    purpose: row.purpose,
    legalBasis: row.legal_basis,
    fields: row.fields,
    rowScope: row.row_scope as RowCondition[],
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    decision: row.decision,
    ...clock,
    caseId: row.case_id,
    grantId: row.grant_id,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}

/** Steps of a request that are not its case's: an unconditional grant, the opening, a late withdrawal. */
function stepsAfterCase(row: ListedRequest) {
  const steps = [];
  if (row.kind === 'unconditional')
    steps.push({
      action: 'grant',
      fromState: null,
      toState: 'granted',
      actorName: row.applicant_user_name,
      occurredAt: iso(row.created_at)!,
      detail: { grantId: row.grant_id },
    });
  if (row.opened_at)
    steps.push({
      action: 'open',
      fromState: 'awaiting_authority',
      toState: 'granted',
      actorName: row.opened_by_name,
      occurredAt: iso(row.opened_at)!,
      detail: { grantId: row.grant_id },
    });
  // A withdrawal while the case was open is one of the case's steps already.
  if (row.withdrawn_at && row.decided_at)
    steps.push({
      action: 'withdraw',
      fromState: 'awaiting_authority',
      toState: 'withdrawn',
      actorName: row.withdrawn_by_name,
      occurredAt: iso(row.withdrawn_at)!,
      detail: {},
    });
  return steps;
}

/** A page of requests for a side (applicant, provider, authority: see `partyScope`), audited. */
export async function listRequestsOf(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: RequestFilter & { side?: keyof typeof CASE_SIDES; page?: number; pageSize?: number },
) {
  const today = todayInChina();
  return pageForSide(
    db,
    context,
    {
      action: 'share.request.list',
      targetType: 'share_request',
      sides: CASE_SIDES,
      fetch: (scope, filter: RequestFilter, window) => listRequests(db, scope, filter, window),
      present: (row) => present(row, env.calendar, today),
    },
    query,
  );
}

/** One request with its decision, steps and grant, for its parties and the authority of their regions; audited. */
export async function readRequest(db: Kysely<DB>, context: RequestContext, env: DeadlineEnv, id: string) {
  const row = await findListedRequest(db, id);
  if (!row) throw notFound('what.share_request');
  const side = requireParty(
    context.actor!,
    {
      askerDepartmentId: row.applicant_department_id,
      providerDepartmentId: row.provider_department_id,
      regionIds: [row.provider_region_id, row.applicant_region_id],
    },
    'share.request.not_yours',
  );
  const [steps, grant] = await Promise.all([
    row.case_id ? listTransitions(db, row.case_id) : Promise.resolve([]),
    row.grant_id ? findListedGrant(db, row.grant_id) : Promise.resolve(undefined),
  ]);
  await recordAudit(db, context, {
    action: 'share.request.read',
    targetType: 'share_request',
    targetId: id,
    departmentId: row.applicant_department_id,
    detail: { side },
  });
  const today = todayInChina();
  const shownCase = presentCase(row, steps, env.calendar, today);
  return {
    ...present(row, env.calendar, today),
    decidedFields: row.decided_fields,
    decidedRowScope: row.decided_row_scope as RowCondition[] | null,
    decidedUntil: row.decided_until,
    decidedMasking: row.decided_masking as Record<string, MaskRule> | null,
    decisionReason: row.decision_reason,
    decidedByName: row.decided_by_name,
    decidedAt: iso(row.decided_at),
    openedByName: row.opened_by_name,
    openedAt: iso(row.opened_at),
    withdrawnByName: row.withdrawn_by_name,
    withdrawnAt: iso(row.withdrawn_at),
    authorityOpens:
      row.kind === 'conditional' && env.profile.procedures.conditionalShareAuthorityGrant.required,
    case: shownCase,
    history: [...(shownCase?.history ?? []), ...stepsAfterCase(row)],
    grant: grant ? presentGrant(grant) : null,
  };
}
