// Reads of breaches: the user's own (why the access is suspended, what to rectify, by when), the
// provider's and the region's (with the overdue flag that tells the provider to act).
import type { Kysely } from 'kysely';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { levelOf } from '../../sharing/sharing-views.ts';
import {
  findListedBreach,
  listBreaches,
  type BreachScope,
  type ListedBreach,
} from './supervision.repository.ts';
import type { BreachState } from './supervision.tables.ts';

function scopeOf(actor: Actor): BreachScope {
  if (actor.role === 'public_user') return { kind: 'applicant', userId: actor.id };
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'regions', regionIds: actor.regionScope };
  if (actor.type === 'user' && actor.departmentId)
    return { kind: 'provider', departmentId: actor.departmentId };
  throw forbidden();
}

function mayRead(actor: Actor, row: ListedBreach): boolean {
  const scope = scopeOf(actor);
  if (scope.kind === 'applicant') return row.applicant_user_id === scope.userId;
  if (scope.kind === 'provider') return row.department_id === scope.departmentId;
  return scope.regionIds.includes(row.region_id);
}

/** A breach as shown; the user sees what and why, not which officer found it, nor the resource's level. */
export function presentBreach(row: ListedBreach, forUser: boolean, today = todayInChina()) {
  return {
    id: row.id,
    caseId: row.case_id,
    agreement: { id: row.agreement_id, number: row.agreement_number, state: row.agreement_state },
    resource: { id: row.resource_id, name: row.resource_name },
    ...levelOf(row, !forUser),
    provider: { id: row.department_id, name: row.provider_name },
    applicant: forUser ? null : { name: row.applicant_name },
    foundBy: forUser ? null : row.found_by_name,
    breach: row.breach,
    demand: row.demand,
    rectifyBy: row.rectify_by,
    // Past the date without a report: the provider may terminate (CQO §39: 逾期未整改).
    overdue: row.state === 'open' && row.rectify_by < today,
    state: row.state,
    report: row.report,
    reportedAt: row.reported_at ? new Date(row.reported_at).toISOString() : null,
    decisionNote: row.decision_note,
    decidedBy: forUser ? null : row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The breaches the caller may see, filtered by agreement and state. */
export async function breachList(
  db: Kysely<DB>,
  actor: Actor,
  filter: { agreementId?: string; state?: BreachState; overdue?: boolean },
) {
  const today = todayInChina();
  const rows = await listBreaches(db, scopeOf(actor), filter);
  const shown = rows.map((row) => presentBreach(row, actor.role === 'public_user', today));
  return filter.overdue === undefined ? shown : shown.filter((row) => row.overdue === filter.overdue);
}

/** One breach for the user it concerns, the provider or the region's authority and auditors. */
export async function breachDetail(db: Kysely<DB>, actor: Actor, id: string) {
  const row = isUuid(id) ? await findListedBreach(db, id) : undefined;
  if (!row || !mayRead(actor, row)) throw notFound('what.breach');
  return presentBreach(row, actor.role === 'public_user');
}
