// Reading sharing disputes: those the department raised (applicant), those on its resources
// (provider), those of the region (the authority, auditors), and one with its case's steps. Audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { WorkCalendar } from '../../../platform/calendar/calendar.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DeadlineEnv } from '../../../platform/cases/cases.ts';
import { listTransitions } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { CASE_SIDES, pageForSide } from '../sharing-lists.ts';
import { requireParty } from '../sharing-scope.ts';
import { caseClock, iso, levelOf, presentCase, resourceRef } from '../sharing-views.ts';
import '../flow.messages.ts';
import {
  findListedDispute,
  listDisputes,
  type DisputeFilter,
  type ListedDispute,
} from './disputes.repository.ts';

function present(row: ListedDispute, calendar: WorkCalendar, today: string) {
  return {
    id: row.id,
    caseId: row.case_id,
    state: row.state,
    resource: resourceRef(row),
    ...levelOf(row),
    provider: { id: row.provider_department_id, name: row.provider_name },
    applicant: { id: row.applicant_department_id, name: row.applicant_name },
    coordinator:
      row.coordinator_id && row.coordinator_name
        ? { id: row.coordinator_id, name: row.coordinator_name }
        : null,
    requestId: row.request_id,
    raisedByName: row.raised_by_name,
    reason: row.reason,
    resolution: row.resolution,
    outcome: row.outcome,
    resolvedByName: row.resolved_by_name,
    resolvedAt: iso(row.resolved_at),
    ...caseClock(row, calendar, today),
    createdAt: iso(row.created_at)!,
  };
}

/** A page of disputes for a side (applicant, provider, authority: see `partyScope`), audited. */
export async function listDisputesOf(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  query: DisputeFilter & { side?: keyof typeof CASE_SIDES; page?: number; pageSize?: number },
) {
  const today = todayInChina();
  return pageForSide(
    db,
    context,
    {
      action: 'share.dispute.list',
      targetType: 'share_dispute',
      sides: CASE_SIDES,
      fetch: (scope, filter: DisputeFilter, window) => listDisputes(db, scope, filter, window),
      present: (row) => present(row, env.calendar, today),
    },
    query,
  );
}

/** One dispute with its case's steps, for its parties and the authority of their regions; audited. */
export async function readDispute(db: Kysely<DB>, context: RequestContext, env: DeadlineEnv, id: string) {
  const row = await findListedDispute(db, id);
  if (!row) throw notFound('what.share_dispute');
  const side = requireParty(
    context.actor!,
    {
      askerDepartmentId: row.applicant_department_id,
      providerDepartmentId: row.provider_department_id,
      regionIds: [row.region_id, row.provider_region_id, row.applicant_region_id],
    },
    'share.dispute.not_yours',
  );
  const steps = await listTransitions(db, row.case_id);
  await recordAudit(db, context, {
    action: 'share.dispute.read',
    targetType: 'share_dispute',
    targetId: id,
    departmentId: row.applicant_department_id,
    detail: { side },
  });
  const today = todayInChina();
  const shownCase = presentCase(row, steps, env.calendar, today);
  return { ...present(row, env.calendar, today), case: shownCase, history: shownCase?.history ?? [] };
}
