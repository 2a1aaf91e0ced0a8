// The provider's answer to a conditional request and the authority's opening of access. The provider
// approves, approves in part (fewer items, narrower rows, a shorter period — never more — with the
// reason) or refuses with the reason (a refusal without one is not accepted: CQ18 §19, CQ19 §25).
// Where the profile's `conditionalShareAuthorityGrant` is required (SC §25: 经提供部门同意，由同级数据
// 主管机构开通), an approval waits for the authority of the provider's region, which opens access and
// may set masking per item; otherwise the approval makes the grant at once. The request row is
// locked first, so of two decisions at once one wins and the other gets 409.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { MaskRule } from '../../../platform/masking/rules.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, inRegionScope } from '../../../platform/policy/policy.ts';
import { findPoolTable, type PoolTableRow } from '../../pools/pool-tables.repository.ts';
import { createGrant, maskingProblems } from '../grants/grants.service.ts';
import { conditionProblems, keepsConditions, type RowCondition } from '../grants/row-filter.ts';
import type { ShareDecision } from '../sharing.tables.ts';
import '../flow.messages.ts';
import { findListedRequest, updateRequest, type RequestRow } from './requests.repository.ts';
import { endOfDay, lockedRequest, requireDepartmentStaff, startOfDay } from './requests.service.ts';

/** The provider's answer as sent. */
export interface DecisionInput {
  decision: ShareDecision;
  fields?: string[];
  rowScope?: RowCondition[];
  validUntil?: string;
  masking?: Record<string, MaskRule>;
  reason?: string;
}

/** What a decision settles: the items, rows and end approved, the masking, the reason. */
interface Settled {
  fields: string[];
  rowScope: RowCondition[];
  validUntil: string;
  masking: Record<string, MaskRule>;
  reason: string | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));
const sameConditions = (a: readonly RowCondition[], b: readonly RowCondition[]) =>
  keepsConditions(a, b) && keepsConditions(b, a);

/** A full approval may repeat what was asked, never change it: a change is a partial approval. */
function approvalProblems(row: RequestRow, input: DecisionInput): FieldProblem[] {
  const asked = row.row_scope as RowCondition[];
  const problems: FieldProblem[] = [];
  if (input.fields && !sameSet(input.fields, row.fields))
    problems.push({ path: '/body/fields', code: 'share.decision.use_partial' });
  if (input.rowScope && !sameConditions(input.rowScope, asked))
    problems.push({ path: '/body/rowScope', code: 'share.decision.use_partial' });
  if (input.validUntil && input.validUntil !== row.valid_until)
    problems.push({ path: '/body/validUntil', code: 'share.decision.use_partial' });
  return problems;
}

/** A partial approval narrows: items among those asked, every asked row condition kept, an end no later. */
function partialProblems(row: RequestRow, input: DecisionInput, table: PoolTableRow, settled: Settled) {
  const asked = row.row_scope as RowCondition[];
  const problems: FieldProblem[] = [];
  settled.fields.forEach((field, index) => {
    if (!row.fields.includes(field))
      problems.push({
        path: `/body/fields/${index}`,
        code: 'share.decision.field_not_asked',
        params: { field },
      });
  });
  if (!keepsConditions(asked, settled.rowScope))
    problems.push({ path: '/body/rowScope', code: 'share.decision.rows_wider' });
  else problems.push(...conditionProblems(settled.rowScope, table.columns, '/body/rowScope'));
  if (settled.validUntil > row.valid_until)
    problems.push({
      path: '/body/validUntil',
      code: 'share.decision.period_longer',
      params: { until: row.valid_until },
    });
  else if (settled.validUntil < row.valid_from)
    problems.push({ path: '/body/validUntil', code: 'share.request.until_before_from' });
  const narrower =
    settled.fields.length < new Set(row.fields).size ||
    !sameConditions(settled.rowScope, asked) ||
    settled.validUntil < row.valid_until;
  if (problems.length === 0 && !narrower)
    problems.push({ path: input.fields ? '/body/fields' : '/body', code: 'share.decision.not_narrower' });
  return problems;
}

/** Checks an answer against the request; what it settles, or 400 with every problem. */
function settle(row: RequestRow, input: DecisionInput, table: PoolTableRow): Settled {
  const reason = input.reason?.trim() || null;
  const problems: FieldProblem[] = [];
  if (input.decision !== 'approve' && !reason)
    problems.push({ path: '/body/reason', code: 'share.decision.reason_required' });
  const partial = input.decision === 'approve_in_part';
  const settled: Settled = {
    fields: partial && input.fields ? [...new Set(input.fields)] : row.fields,
    rowScope: partial && input.rowScope ? input.rowScope : (row.row_scope as RowCondition[]),
    validUntil: partial && input.validUntil ? input.validUntil : row.valid_until,
    masking: input.masking ?? {},
    reason,
  };
  if (input.decision === 'approve') problems.push(...approvalProblems(row, input));
  if (partial) problems.push(...partialProblems(row, input, table, settled));
  if (input.decision !== 'refuse')
    problems.push(...maskingProblems(settled.masking, settled.fields, table.columns));
  if (problems.length > 0) throw invalid('share.request.invalid', problems);
  return settled;
}

/** A grant from an approved request, in the caller's transaction; 409 when its period is over. */
async function grantFor(
  trx: Kysely<DB>,
  context: RequestContext,
  row: RequestRow,
  approved: {
    fields: string[];
    rowScope: RowCondition[];
    validUntil: string;
    masking: Record<string, MaskRule>;
  },
) {
  const now = new Date();
  const endsAt = endOfDay(approved.validUntil);
  if (endsAt <= now) throw conflict('share.request.period_over');
  const start = startOfDay(row.valid_from);
  return createGrant(trx, context, {
    basis: 'conditional',
    requestId: row.id,
    resourceId: row.resource_id,
    consumer: { departmentId: row.applicant_department_id, regionId: row.applicant_region_id },
    application: row.application,
    purpose: row.purpose,
    fields: approved.fields,
    rowFilter: approved.rowScope,
    masking: approved.masking,
    startsAt: start > now ? start : now,
    endsAt,
  });
}

async function requestTable(db: Kysely<DB>, resourceId: string) {
  const table = await findPoolTable(db, resourceId);
  if (!table) throw notFound('what.shared_resource');
  return table;
}

/**
 * Records the provider's answer, in one transaction with the case step and the audit events: a
 * refusal closes the request; an approval makes the grant, or waits for the authority where the
 * profile says so. 403 for anyone but the providing department's staff; 409 when the request no
 * longer waits for the answer (decided, withdrawn, or decided a moment ago by someone else).
 */
export async function decideRequest(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  input: DecisionInput,
): Promise<void> {
  const actor = context.actor!;
  const departmentId = requireDepartmentStaff(actor, 'share.request.provider_only');
  const found = await findListedRequest(db, id);
  if (!found) throw notFound('what.share_request');
  if (found.provider_department_id !== departmentId) throw forbidden('share.request.provider_only');
  if (found.state !== 'submitted' || !found.case_id)
    throw conflict('share.request.not_pending', { state: found.state });
  // What was asked never changes, so the answer is checked before the lock; the state is checked under it.
  const settled = settle(found, input, await requestTable(db, found.resource_id));
  const authorityOpens = env.profile.procedures.conditionalShareAuthorityGrant.required;
  await db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    if (row.state !== 'submitted') throw conflict('share.request.not_pending', { state: row.state });
    const refused = input.decision === 'refuse';
    await transition(trx, context, row.case_id!, refused ? 'refuse' : 'approve', {
      detail: {
        decision: input.decision,
        reason: settled.reason,
        ...(refused
          ? {}
          : {
              fields: settled.fields,
              rowScope: settled.rowScope,
              validUntil: settled.validUntil,
              authorityOpens,
            }),
      },
    });
    const decided = {
      decision: input.decision,
      decision_reason: settled.reason,
      decided_by: actor.id,
      decided_at: new Date(),
    };
    let grantId: string | null = null;
    if (refused) await updateRequest(trx, id, { ...decided, state: 'refused' });
    else {
      const approved = {
        ...decided,
        decided_fields: settled.fields,
        decided_row_scope: JSON.stringify(settled.rowScope),
        decided_until: settled.validUntil,
        decided_masking: JSON.stringify(settled.masking),
      };
      if (authorityOpens) await updateRequest(trx, id, { ...approved, state: 'awaiting_authority' });
      else {
        grantId = (await grantFor(trx, context, row, settled)).id;
        await updateRequest(trx, id, { ...approved, state: 'granted', grant_id: grantId });
      }
    }
    await recordAudit(trx, context, {
      action: 'share.request.decide',
      targetType: 'share_request',
      targetId: id,
      departmentId: row.provider_department_id,
      purpose: row.purpose,
      detail: {
        decision: input.decision,
        reason: settled.reason,
        fields: refused ? null : settled.fields,
        rowScope: refused ? null : settled.rowScope,
        validUntil: refused ? null : settled.validUntil,
        masking: refused ? null : settled.masking,
        awaitingAuthority: !refused && authorityOpens,
        grantId,
      },
    });
  });
}

/**
 * The authority of the provider's region opens access to an approved request (SC §25): makes the
 * grant from what the provider approved, with the provider's masking and the authority's own on
 * top, in one transaction with the audit events. 409 unless the request awaits the authority.
 */
export async function openRequest(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  input: { masking?: Record<string, MaskRule> },
): Promise<void> {
  const actor = context.actor!;
  const found = await findListedRequest(db, id);
  if (!found) throw notFound('what.share_request');
  if (actor.role !== 'authority_officer' || !inRegionScope(actor, found.provider_region_id))
    throw forbidden('share.request.authority_only');
  if (found.state !== 'awaiting_authority')
    throw conflict('share.request.not_awaiting_authority', { state: found.state });
  const fields = found.decided_fields ?? found.fields;
  const table = await requestTable(db, found.resource_id);
  const problems = maskingProblems(input.masking ?? {}, fields, table.columns);
  if (problems.length > 0) throw invalid('share.request.invalid', problems);
  await db.transaction().execute(async (trx) => {
    const row = await lockedRequest(trx, id);
    if (row.state !== 'awaiting_authority')
      throw conflict('share.request.not_awaiting_authority', { state: row.state });
    const masking = { ...(row.decided_masking as Record<string, MaskRule> | null), ...input.masking };
    const grant = await grantFor(trx, context, row, {
      fields,
      rowScope: (row.decided_row_scope as RowCondition[] | null) ?? (row.row_scope as RowCondition[]),
      validUntil: row.decided_until ?? row.valid_until,
      masking,
    });
    await updateRequest(trx, id, {
      state: 'granted',
      grant_id: grant.id,
      opened_by: actor.id,
      opened_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: 'share.request.open',
      targetType: 'share_request',
      targetId: id,
      departmentId: row.applicant_department_id,
      purpose: row.purpose,
      detail: {
        grantId: grant.id,
        masking,
        article: env.profile.procedures.conditionalShareAuthorityGrant.article,
      },
    });
  });
}
