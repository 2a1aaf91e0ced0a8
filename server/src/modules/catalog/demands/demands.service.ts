// Demand lists (需求清单, CQ19 §12) and public suggestions of data to open (CQO §14): filing, and the
// answers. The top data authority answers each demand (a case with the profile's demandReply
// deadline): it matches it to published resources, routes it to the department that should provide
// the data (a second case, for that department), or rejects it with a reason. The routed department
// accepts (it will catalog the data, and links the resource once it exists) or declines with a reason.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireDepartmentScope } from '../../../platform/policy/policy.ts';
import { queryWords } from '../../../platform/search/segmenter.ts';
import { findProvider } from '../catalog.repository.ts';
import { findRegionStep } from '../submissions.repository.ts';
import { demandCase, demandProviderCase } from './demands.cases.ts';
import './demands.messages.ts';
import {
  findResources,
  insertAnswer,
  insertCandidates,
  insertDemand,
  lockDemand,
  searchCandidates,
  topAuthorities,
  updateDemand,
  type DemandRow,
} from './demands.repository.ts';
import type { DemandBody, SuggestionBody } from './demands.schemas.ts';
import type { DemandStep } from './demands.tables.ts';

/** How many candidate resources are kept for a demand. */
const CANDIDATES = 5;
/** Words of a query that are used for matching at most (a long description adds little after these). */
const MAX_WORDS = 40;
// Words nearly every demand and every catalog entry contains; matching on them finds everything.
const GENERIC_WORDS = new Set([
  '数据',
  '信息',
  '资源',
  '需要',
  '需求',
  '提供',
  '相关',
  '情况',
  '用于',
  '使用',
]);

/**
 * The authority that answers a demand: the highest one on the way up from the region (the one that
 * compiles the whole catalog), or the only top-level authority when the requester has no region.
 */
async function topAuthority(db: Kysely<DB>, regionId: string | null) {
  let top: { regionId: string; authorityId: string } | undefined;
  for (let id = regionId; id;) {
    const step = await findRegionStep(db, id);
    if (!step) break;
    if (step.authorityId) top = { regionId: step.id, authorityId: step.authorityId };
    id = step.parentId;
  }
  if (top) return top;
  const roots = await topAuthorities(db);
  if (roots.length !== 1) throw conflict('catalog.demand.no_authority');
  return roots[0]!;
}

/** Published resources that may answer a demand, found by search over its text (best first). */
async function candidatesFor(db: Kysely<DB>, text: string, audience: 'share' | 'open') {
  const words = queryWords(text)
    .filter((word) => !GENERIC_WORDS.has(word.word))
    .slice(0, MAX_WORDS);
  return searchCandidates(db, words, audience, CANDIDATES);
}

async function createDemand(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: {
    kind: 'department' | 'public';
    body: SuggestionBody & Partial<DemandBody>;
    requesterDepartmentId: string | null;
    regionId: string | null;
  },
): Promise<string> {
  const actor = context.actor!;
  const { body } = input;
  // The schema asks for at least one character; a text of spaces only says nothing either.
  const texts: [string, string | undefined][] = [
    ['title', body.title],
    ['description', body.description],
    ['purpose', body.purpose],
  ];
  if (input.kind === 'department') texts.push(['basis', body.basis]);
  const blank = texts.filter(([, value]) => !value?.trim()).map(([field]) => field);
  if (blank.length > 0)
    throw invalid(
      'catalog.demand.invalid',
      blank.map((field) => ({ path: `/body/${field}`, code: 'validation.required' })),
    );
  if (body.suggestedProviderId && !(await findProvider(db, body.suggestedProviderId)))
    throw invalid('catalog.demand.invalid', [
      { path: '/body/suggestedProviderId', code: 'catalog.demand.department_unknown' },
    ]);
  const authority = await topAuthority(db, input.regionId);
  const audience = input.kind === 'department' ? 'share' : 'open';
  const text = [body.title, body.description, body.wantedItems ?? ''].join('\n');
  const candidates = await candidatesFor(db, text, audience);
  return db.transaction().execute(async (trx) => {
    const id = crypto.randomUUID();
    const opened = await openCase(trx, context, env, demandCase, {
      departmentId: authority.authorityId,
      subject: `${input.kind === 'department' ? '数据需求' : '开放建议'}：${body.title.trim()}`,
      payload: { demandId: id, kind: input.kind },
    });
    await insertDemand(trx, {
      id,
      kind: input.kind,
      title: body.title.trim(),
      description: body.description.trim(),
      wanted_items: body.wantedItems?.trim() || null,
      purpose: body.purpose.trim(),
      basis: body.basis?.trim() || null,
      requester_department_id: input.requesterDepartmentId,
      requested_by: actor.id,
      requested_by_name: actor.displayName,
      region_id: input.regionId ?? authority.regionId,
      suggested_provider_id: body.suggestedProviderId ?? null,
      authority_id: authority.authorityId,
      case_id: opened.id,
    });
    await insertCandidates(
      trx,
      candidates.map((c, index) => ({
        demand_id: id,
        resource_id: c.resourceId,
        rank: index + 1,
        score: c.score,
      })),
    );
    await recordAudit(trx, context, {
      action: input.kind === 'department' ? 'catalog.demand.create' : 'catalog.demand.suggest',
      targetType: 'catalog_demand',
      targetId: id,
      departmentId: input.requesterDepartmentId,
      detail: {
        title: body.title.trim(),
        authorityId: authority.authorityId,
        caseId: opened.id,
        dueOn: opened.due_on,
        candidates: candidates.map((c) => c.resourceId),
      },
    });
    return id;
  });
}

/** A department files a demand: the data it needs, why, and on what basis. */
export async function fileDemand(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  body: DemandBody,
) {
  const departmentId = context.actor!.departmentId;
  const department = departmentId ? await findProvider(db, departmentId) : undefined;
  if (!department) throw forbidden('policy.out_of_department_scope');
  return createDemand(db, context, env, {
    kind: 'department',
    body,
    requesterDepartmentId: department.id,
    regionId: department.regionId,
  });
}

/** A member of the public suggests data to open; the top authority answers. */
export async function suggestData(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  body: SuggestionBody,
) {
  const { title, description, purpose } = body;
  return createDemand(db, context, env, {
    kind: 'public',
    body: { title, description, purpose },
    requesterDepartmentId: null,
    regionId: context.actor!.regionId,
  });
}

function requireText(value: string | undefined, path: string): string {
  const text = value?.trim();
  if (!text) throw invalid('catalog.demand.invalid', [{ path, code: 'catalog.demand.reason_required' }]);
  return text;
}

async function record(
  trx: Kysely<DB>,
  context: RequestContext,
  demand: DemandRow,
  step: DemandStep,
  answer: {
    reason?: string | null;
    note?: string | null;
    providerId?: string | null;
    resourceIds?: string[];
  },
) {
  const actor = context.actor!;
  await insertAnswer(trx, {
    demand_id: demand.id,
    step,
    department_id: actor.departmentId!,
    answered_by: actor.id,
    answered_by_name: actor.displayName,
    reason: answer.reason ?? null,
    note: answer.note?.trim() || null,
    provider_id: answer.providerId ?? null,
    resource_ids: answer.resourceIds ?? [],
  });
  await recordAudit(trx, context, {
    action: `catalog.demand.${step}`,
    targetType: 'catalog_demand',
    targetId: demand.id,
    departmentId: demand.requester_department_id,
    detail: { kind: demand.kind, ...answer, note: answer.note?.trim() || null },
  });
}

/** Locks the demand and checks that the caller answers for its authority; the case moves or refuses (409). */
async function authorityStep(
  trx: Kysely<DB>,
  context: RequestContext,
  id: string,
  action: 'match' | 'route' | 'reject',
  detail: Record<string, unknown>,
) {
  const demand = await lockDemand(trx, id);
  if (!demand) throw notFound('what.catalog_demand');
  if (context.actor!.departmentId !== demand.authority_id) throw forbidden('catalog.demand.not_authority');
  await transition(trx, context, demand.case_id, action, { detail: { demandId: id, ...detail } });
  return demand;
}

/** The authority answers with published resources the requester can use (shared, or open for the public). */
export async function matchDemand(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { resourceIds: string[]; note?: string },
) {
  await db.transaction().execute(async (trx) => {
    const demand = await authorityStep(trx, context, id, 'match', { resourceIds: body.resourceIds });
    const found = new Map((await findResources(trx, body.resourceIds)).map((r) => [r.id, r]));
    const problems: FieldProblem[] = [];
    body.resourceIds.forEach((resourceId, index) => {
      const resource = found.get(resourceId);
      const path = `/body/resourceIds/${index}`;
      if (!resource?.name) problems.push({ path, code: 'catalog.demand.resource_unpublished' });
      else if (demand.kind === 'department' && resource.shareType === 'none')
        problems.push({ path, code: 'catalog.demand.resource_not_shared', params: { code: resource.code } });
      else if (demand.kind === 'public' && resource.openType === 'none')
        problems.push({ path, code: 'catalog.demand.resource_not_open', params: { code: resource.code } });
    });
    if (problems.length > 0) throw invalid('catalog.demand.invalid', problems);
    await updateDemand(trx, id, { state: 'matched' });
    await record(trx, context, demand, 'match', { note: body.note, resourceIds: body.resourceIds });
  });
}

/** The authority routes the demand to the department that should provide the data; that department gets a case. */
export async function routeDemand(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  body: { departmentId: string; note?: string },
) {
  await db.transaction().execute(async (trx) => {
    const demand = await authorityStep(trx, context, id, 'route', { providerId: body.departmentId });
    const provider = await findProvider(trx, body.departmentId);
    const problem = (code: string) =>
      invalid('catalog.demand.invalid', [{ path: '/body/departmentId', code }]);
    if (!provider) throw problem('catalog.demand.department_unknown');
    if (provider.kind === 'enterprise') throw problem('catalog.demand.route_kind');
    if (provider.id === demand.requester_department_id) throw problem('catalog.demand.route_to_requester');
    requireDepartmentScope(context.actor!, { id: provider.id, regionId: provider.regionId });
    const providerCase = await openCase(trx, context, env, demandProviderCase, {
      departmentId: provider.id,
      subject: `${demand.kind === 'department' ? '数据需求' : '开放建议'}：${demand.title}`,
      payload: { demandId: id, kind: demand.kind },
    });
    await updateDemand(trx, id, {
      state: 'routed',
      provider_id: provider.id,
      provider_case_id: providerCase.id,
    });
    await record(trx, context, demand, 'route', { note: body.note, providerId: provider.id });
  });
}

/** The authority rejects the demand (e.g. it is not government data), with a reason the requester sees. */
export async function rejectDemand(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { reason: string },
) {
  const reason = requireText(body.reason, '/body/reason');
  await db.transaction().execute(async (trx) => {
    const demand = await authorityStep(trx, context, id, 'reject', { reason });
    await updateDemand(trx, id, { state: 'rejected' });
    await record(trx, context, demand, 'reject', { reason });
  });
}

/** Locks a routed demand and checks that the caller works for the department it was routed to. */
async function lockAsProvider(trx: Kysely<DB>, context: RequestContext, id: string) {
  const demand = await lockDemand(trx, id);
  if (!demand) throw notFound('what.catalog_demand');
  if (!demand.provider_case_id || context.actor!.departmentId !== demand.provider_id)
    throw forbidden('catalog.demand.not_provider');
  return { ...demand, provider_case_id: demand.provider_case_id };
}

/** A resource the provider names for a demand must be its own. */
async function requireOwnResource(trx: Kysely<DB>, demand: DemandRow, resourceId: string) {
  const [resource] = await findResources(trx, [resourceId]);
  if (!resource || resource.departmentId !== demand.provider_id)
    throw invalid('catalog.demand.invalid', [
      { path: '/body/resourceId', code: 'catalog.demand.link_own_resource' },
    ]);
}

/** The provider accepts: it will add the data to its catalog (and may name the resource already). */
export async function acceptDemand(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { note?: string; resourceId?: string },
) {
  await db.transaction().execute(async (trx) => {
    const demand = await lockAsProvider(trx, context, id);
    await transition(trx, context, demand.provider_case_id, 'accept', {
      detail: { demandId: id, resourceId: body.resourceId ?? null },
    });
    if (body.resourceId) await requireOwnResource(trx, demand, body.resourceId);
    await updateDemand(trx, id, { state: 'accepted' });
    await record(trx, context, demand, 'accept', {
      note: body.note,
      resourceIds: body.resourceId ? [body.resourceId] : [],
    });
  });
}

/** The provider declines, with a reason the requester sees. */
export async function declineDemand(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { reason: string },
) {
  const reason = requireText(body.reason, '/body/reason');
  await db.transaction().execute(async (trx) => {
    const demand = await lockAsProvider(trx, context, id);
    await transition(trx, context, demand.provider_case_id, 'decline', { detail: { demandId: id, reason } });
    await updateDemand(trx, id, { state: 'declined' });
    await record(trx, context, demand, 'decline', { reason });
  });
}

/** After accepting, the provider links the resource it added to its catalog for the demand. */
export async function linkResource(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  body: { resourceId: string; note?: string },
) {
  await db.transaction().execute(async (trx) => {
    const demand = await lockAsProvider(trx, context, id);
    if (demand.state !== 'accepted') throw conflict('catalog.demand.not_accepted');
    await requireOwnResource(trx, demand, body.resourceId);
    await record(trx, context, demand, 'link', { note: body.note, resourceIds: [body.resourceId] });
  });
}
