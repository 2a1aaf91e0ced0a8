// Reading demands: who may see which, and how each reader sees them. Departments see the demands
// they filed and those routed to them; authorities and auditors their regions'; a member of the
// public only their own suggestions, without officials' names or the case internals.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { findCase } from '../../../platform/cases/cases.repository.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import './demands.messages.ts';
import {
  caseHistory,
  findDemand,
  findResources,
  listAnswers,
  listCandidates,
  listDemands,
  type AnswerRecord,
  type DemandRecord,
  type DemandScope,
  type ResourceRef,
} from './demands.repository.ts';
import type { Demand, DemandQuery } from './demands.schemas.ts';

const iso = (value: Date | string) => new Date(value).toISOString();
const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** Which demands an actor may list. */
export function demandScopeOf(actor: Actor): DemandScope {
  switch (actor.role) {
    case 'platform_admin':
      return { kind: 'all' };
    case 'authority_officer':
    case 'auditor':
      return { kind: 'regions', regionIds: actor.regionScope, departmentId: actor.departmentId };
    case 'public_user':
      return { kind: 'requester', userId: actor.id };
    default:
      return actor.departmentId
        ? { kind: 'department', departmentId: actor.departmentId }
        : { kind: 'regions', regionIds: [], departmentId: null };
  }
}

function maySee(actor: Actor, demand: DemandRecord): boolean {
  const scope = demandScopeOf(actor);
  const involved = [demand.authority_id, demand.requester_department_id, demand.provider_id];
  switch (scope.kind) {
    case 'all':
      return true;
    case 'regions':
      return scope.regionIds.includes(demand.region_id) || involved.includes(scope.departmentId);
    case 'department':
      return involved.includes(scope.departmentId);
    case 'requester':
      return demand.kind === 'public' && demand.requested_by === scope.userId;
  }
}

/** A demand as a government reader sees it in a list; a public requester's name only for the authority. */
function presentDemand(actor: Actor, row: DemandRecord): Demand {
  const showName = row.kind === 'department' || actor.departmentId === row.authority_id;
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    purpose: row.purpose,
    state: row.state,
    requesterDepartment: ref(row.requester_department_id, row.requesterDepartmentName),
    requesterName: showName ? row.requested_by_name : null,
    authority: { id: row.authority_id, name: row.authorityName },
    provider: ref(row.provider_id, row.providerName),
    dueOn: row.dueOn,
    overdue: row.overdue,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

function presentResource(id: string, resources: Map<string, ResourceRef>) {
  const r = resources.get(id);
  return {
    id,
    code: r?.code ?? '',
    name: r?.name ?? null,
    departmentName: r?.departmentName ?? null,
    published: !!r?.name,
    shareType: r?.shareType ?? null,
    openType: r?.openType ?? null,
  };
}

function presentAnswer(answer: AnswerRecord, resources: Map<string, ResourceRef>, publicView: boolean) {
  return {
    step: answer.step,
    department: { id: answer.departmentId, name: answer.departmentName },
    answeredByName: publicView ? null : answer.answeredByName,
    answeredAt: iso(answer.answeredAt),
    reason: answer.reason,
    note: answer.note,
    provider: ref(answer.providerId, answer.providerName),
    resources: answer.resourceIds.map((id) => presentResource(id, resources)),
  };
}

async function answersWithResources(db: Kysely<DB>, demandId: string, extraIds: string[] = []) {
  const answers = await listAnswers(db, demandId);
  const ids = [...new Set([...extraIds, ...answers.flatMap((a) => a.resourceIds)])];
  const resources = new Map((await findResources(db, ids)).map((r) => [r.id, r]));
  return { answers, resources };
}

/** A demand with its candidates, answers, cases (due dates, overdue) and their history; audited. */
export async function readDemand(db: Kysely<DB>, context: RequestContext, profile: Profile, id: string) {
  const actor = context.actor!;
  const demand = await findDemand(db, id);
  if (!demand || !maySee(actor, demand)) {
    if (!demand) throw notFound('what.catalog_demand');
    throw forbidden('policy.out_of_department_scope');
  }
  const candidates = await listCandidates(db, id);
  const { answers, resources } = await answersWithResources(
    db,
    id,
    candidates.map((c) => c.resourceId),
  );
  const caseIds = [demand.case_id, demand.provider_case_id].filter((v): v is string => !!v);
  const cases = (await Promise.all(caseIds.map((caseId) => findCase(db, caseId)))).filter((c) => !!c);
  const history = await caseHistory(db, caseIds);
  await recordAudit(db, context, {
    action: 'catalog.demand.read',
    targetType: 'catalog_demand',
    targetId: id,
    departmentId: demand.requester_department_id,
  });
  const rule = profile.deadlines.demandReply;
  return {
    ...presentDemand(actor, demand),
    description: demand.description,
    wantedItems: demand.wanted_items,
    basis: demand.basis,
    suggestedProvider: ref(demand.suggested_provider_id, demand.suggestedProviderName),
    catalog: demand.kind === 'department' ? ('share' as const) : ('open' as const),
    candidates: candidates.map((c) => ({
      ...presentResource(c.resourceId, resources),
      rank: c.rank,
      score: Math.round(c.score * 10_000) / 10_000,
    })),
    answers: answers.map((a) => presentAnswer(a, resources, false)),
    deadline: rule
      ? { workdays: rule.workdays, article: rule.article, setByDeployment: !!rule.policy }
      : null,
    cases: cases.map((c) => ({
      id: c.id,
      type: c.type,
      state: c.state,
      department: { id: c.department_id, name: c.department_name },
      receivedOn: c.received_on,
      dueOn: c.due_on,
      overdue: c.overdue,
      overdueSince: c.overdue_since,
      closedAt: c.closed_at ? iso(c.closed_at) : null,
      extensionState: c.extension_state,
    })),
    history: history.map((step) => ({
      caseType: step.caseType,
      action: step.action,
      fromState: step.fromState,
      toState: step.toState,
      actorName: step.actorName,
      occurredAt: iso(step.occurredAt),
      detail: step.detail,
    })),
  };
}

/** One page of the demands the actor may see; the listing is audited with its filters. */
export async function listVisibleDemands(db: Kysely<DB>, context: RequestContext, query: DemandQuery) {
  const actor = context.actor!;
  const window = pageWindow(query);
  // Someone without a department has no inbox: the nil id matches no demand.
  const filter = {
    state: query.state,
    kind: query.kind,
    requesterDepartmentId: query.departmentId,
    inboxOf: query.inbox ? (actor.departmentId ?? '00000000-0000-0000-0000-000000000000') : undefined,
    overdue: query.overdue,
  };
  const { rows, total } = await listDemands(db, demandScopeOf(actor), filter, window);
  await recordAudit(db, context, {
    action: 'catalog.demand.list',
    targetType: 'catalog_demand',
    detail: { ...filter, page: window.page, total },
  });
  return {
    items: rows.map((row) => presentDemand(actor, row)),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

function presentSuggestion(row: DemandRecord) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    purpose: row.purpose,
    state: row.state,
    authority: { id: row.authority_id, name: row.authorityName },
    provider: ref(row.provider_id, row.providerName),
    dueOn: row.dueOn,
    overdue: row.overdue,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A member of the public reads their own suggestion with every answer; audited. */
export async function readSuggestion(db: Kysely<DB>, context: RequestContext, id: string) {
  const actor = context.actor!;
  const demand = await findDemand(db, id);
  if (!demand) throw notFound('what.catalog_demand');
  if (demand.kind !== 'public' || demand.requested_by !== actor.id)
    throw forbidden('catalog.demand.own_only');
  const { answers, resources } = await answersWithResources(db, id);
  await recordAudit(db, context, {
    action: 'catalog.demand.read',
    targetType: 'catalog_demand',
    targetId: id,
    departmentId: null,
  });
  return { ...presentSuggestion(demand), answers: answers.map((a) => presentAnswer(a, resources, true)) };
}

/** One page of the caller's own suggestions, newest first; audited. */
export async function listOwnSuggestions(
  db: Kysely<DB>,
  context: RequestContext,
  query: { page?: number; pageSize?: number },
) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const { rows, total } = await listDemands(db, { kind: 'requester', userId: actor.id }, {}, window);
  const items = [];
  for (const row of rows) {
    const { answers, resources } = await answersWithResources(db, row.id);
    items.push({ ...presentSuggestion(row), answers: answers.map((a) => presentAnswer(a, resources, true)) });
  }
  await recordAudit(db, context, {
    action: 'catalog.demand.list',
    targetType: 'catalog_demand',
    departmentId: null,
    detail: { kind: 'public', own: true, page: window.page, total },
  });
  return { items, total, page: window.page, pageSize: window.pageSize };
}
