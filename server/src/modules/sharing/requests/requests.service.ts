// Share requests (共享申请, CQ19 §26, SC §24–25, CQ18 §19): a department's officer or head asks for
// a resource of another department for one of its applications. An unconditionally shared resource
// is granted at once (SC §24: 直接获取); one shared on conditions opens a case for the provider's
// reply (requests.decisions.ts); a resource that is not shared cannot be asked for — the way
// forward is a dispute (disputes/). The applicant may withdraw while the request waits.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { addDays, dayNumber, todayInChina } from '../../../platform/calendar/dates.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { findPoolTable, type PoolTableRow } from '../../pools/pool-tables.repository.ts';
import { isShareEffective } from '../../security/reviews/reviews.effect.ts';
import { createGrant, fieldProblems } from '../grants/grants.service.ts';
import { conditionProblems, type RowCondition } from '../grants/row-filter.ts';
import '../flow.messages.ts';
import { conditionalRequestCase } from './requests.cases.ts';
import {
  findDepartmentRegion,
  findPendingTwin,
  findRequestedResource,
  insertRequest,
  lockRequest,
  updateRequest,
  type RequestRow,
  type RequestedResource,
} from './requests.repository.ts';

/** What an applicant sends. */
export interface RequestInput {
  resourceId: string;
  application: string;
  purpose: string;
  legalBasis?: string;
  fields: string[];
  rowScope?: RowCondition[];
  validFrom?: string;
  validUntil: string;
}

/** The first moment of a day in China (grants start and end on China's calendar days). */
export const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);
/** The moment a day in China ends (the start of the next): a grant's exclusive end. */
export const endOfDay = (date: string) => startOfDay(addDays(date, 1));

/**
 * Problems of a period: the end not before the start, and at most `maxDays` days long, both ends
 * counted (profile `sharing.requests.maxValidityDays`).
 */
export function periodProblems(from: string, until: string, maxDays: number, path: string): FieldProblem[] {
  const start = dayNumber(from)!;
  const end = dayNumber(until)!;
  if (end < start) return [{ path, code: 'share.request.until_before_from' }];
  if (end - start + 1 > maxDays)
    return [{ path, code: 'share.request.period_too_long', params: { days: maxDays } }];
  return [];
}

/** The department of a department's staff member; 403 for anyone else (applications, the authority's view). */
export function requireDepartmentStaff(actor: Actor, code = 'share.request.department_only'): string {
  if (actor.type !== 'user' || !actor.departmentId) throw forbidden(code);
  return actor.departmentId;
}

function requestProblems(
  input: RequestInput,
  resource: RequestedResource,
  table: PoolTableRow,
  env: DeadlineEnv,
  today: string,
) {
  const problems: FieldProblem[] = [];
  for (const key of ['application', 'purpose'] as const)
    if (!input[key].trim()) problems.push({ path: `/body/${key}`, code: 'share.request.text_required' });
  if (resource.share_type === 'conditional' && !input.legalBasis?.trim())
    problems.push({ path: '/body/legalBasis', code: 'share.request.legal_basis_required' });
  problems.push(...fieldProblems(input.fields, table.columns, '/body/fields'));
  input.fields.forEach((field, index) => {
    if (input.fields.indexOf(field) !== index)
      problems.push({
        path: `/body/fields/${index}`,
        code: 'share.request.field_repeated',
        params: { field },
      });
  });
  problems.push(...conditionProblems(input.rowScope ?? [], table.columns, '/body/rowScope'));
  const from = input.validFrom ?? today;
  if (from < today)
    problems.push({ path: '/body/validFrom', code: 'share.request.valid_from_past', params: { today } });
  problems.push(
    ...periodProblems(
      from,
      input.validUntil,
      env.profile.sharing.requests.maxValidityDays,
      '/body/validUntil',
    ),
  );
  return problems;
}

/** The resource asked for, if a department other than its provider may ask for it (404/409 otherwise). */
async function requestableResource(db: Kysely<DB>, departmentId: string, resourceId: string) {
  const resource = await findRequestedResource(db, resourceId);
  if (!resource) throw notFound('what.shared_resource');
  if (resource.department_id === departmentId) throw conflict('share.request.own_resource');
  if (!isShareEffective(resource)) throw conflict('share.not_shared', { code: resource.code });
  if (resource.share_type === 'none') throw conflict('share.not_requestable', { code: resource.code });
  const table = await findPoolTable(db, resource.resource_id);
  if (!table) throw notFound('what.shared_resource');
  return { resource, table };
}

/**
 * Files a request, in one transaction with its audit events: an unconditional resource is granted at
 * once (state `granted`, with the grant); a conditional one opens a `sharing.conditional_request`
 * case for the provider, due the profile's `conditionalShareReply` working days after today (none
 * where the profile sets no number). Returns the request's id.
 */
export async function createRequest(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  input: RequestInput,
): Promise<string> {
  const actor = context.actor!;
  const departmentId = requireDepartmentStaff(actor);
  const { resource, table } = await requestableResource(db, departmentId, input.resourceId);
  const today = todayInChina();
  const problems = requestProblems(input, resource, table, env, today);
  if (problems.length > 0) throw invalid('share.request.invalid', problems);
  const applicant = (await findDepartmentRegion(db, departmentId))!;
  const application = input.application.trim();
  const purpose = input.purpose.trim();
  const twin = {
    applicantDepartmentId: departmentId,
    resourceId: resource.resource_id,
    application,
    purpose,
  };
  if (await findPendingTwin(db, twin)) throw conflict('share.request.duplicate');
  const validFrom = input.validFrom ?? today;
  const unconditional = resource.share_type === 'unconditional';
  return db.transaction().execute(async (trx) => {
    const opened = unconditional
      ? null
      : await openCase(trx, context, env, conditionalRequestCase, {
          departmentId: resource.department_id,
          // Shown on deadline boards: names the resource and the purpose, never data.
          subject: `${resource.name}：有条件共享申请（${purpose}）`,
          payload: {
            resourceId: resource.resource_id,
            resourceCode: resource.code,
            applicantDepartmentId: departmentId,
          },
        });
    const request = await insertRequest(trx, {
      kind: unconditional ? 'unconditional' : 'conditional',
      case_id: opened?.id ?? null,
      resource_id: resource.resource_id,
      provider_department_id: resource.department_id,
      provider_region_id: resource.region_id,
      applicant_department_id: departmentId,
      applicant_region_id: applicant.region_id,
      applicant_user_id: actor.id,
      application,
      purpose,
      legal_basis: input.legalBasis?.trim() || null,
      fields: input.fields,
      row_scope: JSON.stringify(input.rowScope ?? []),
      valid_from: validFrom,
      valid_until: input.validUntil,
      state: unconditional ? 'granted' : 'submitted',
    });
    let grantId: string | null = null;
    if (unconditional) {
      const now = new Date();
      const start = startOfDay(validFrom);
      const grant = await createGrant(trx, context, {
        basis: 'unconditional',
        requestId: request.id,
        resourceId: resource.resource_id,
        consumer: { departmentId, regionId: applicant.region_id },
        application,
        purpose,
        fields: input.fields,
        rowFilter: input.rowScope ?? [],
        startsAt: start > now ? start : now,
        endsAt: endOfDay(input.validUntil),
      });
      grantId = grant.id;
      await updateRequest(trx, request.id, { grant_id: grant.id });
    }
    await recordAudit(trx, context, {
      action: 'share.request.create',
      targetType: 'share_request',
      targetId: request.id,
      departmentId,
      purpose,
      detail: {
        kind: request.kind,
        resourceId: resource.resource_id,
        resourceCode: resource.code,
        providerDepartmentId: resource.department_id,
        application,
        fields: input.fields,
        rowScope: input.rowScope ?? [],
        validFrom,
        validUntil: input.validUntil,
        caseId: opened?.id ?? null,
        dueOn: opened?.due_on ?? null,
        grantId,
      },
    });
    return request.id;
  });
}

/** The request with `id`, locked; 404 when there is none. */
export async function lockedRequest(trx: Kysely<DB>, id: string): Promise<RequestRow> {
  const row = await lockRequest(trx, id);
  if (!row) throw notFound('what.share_request');
  return row;
}

/**
 * The applicant withdraws a request that still waits (for the provider's answer, or for the
 * authority to open access), in one transaction with its audit event; 409 once it is settled.
 */
export async function withdrawRequest(db: Kysely<DB>, context: RequestContext, id: string): Promise<void> {
  const actor = context.actor!;
  const departmentId = requireDepartmentStaff(actor, 'share.request.applicant_only');
  await db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    if (row.applicant_department_id !== departmentId) throw forbidden('share.request.applicant_only');
    if (row.state !== 'submitted' && row.state !== 'awaiting_authority')
      throw conflict('share.request.not_withdrawable', { state: row.state });
    // A waiting request's case is still the provider's; after the provider's answer it is closed.
    if (row.state === 'submitted' && row.case_id) await transition(trx, context, row.case_id, 'withdraw');
    await updateRequest(trx, id, { state: 'withdrawn', withdrawn_by: actor.id, withdrawn_at: new Date() });
    await recordAudit(trx, context, {
      action: 'share.request.withdraw',
      targetType: 'share_request',
      targetId: id,
      departmentId,
      detail: { from: row.state, resourceId: row.resource_id },
    });
  });
}
