// The provider department's answer to an application for conditionally open data (CQO §24): approve,
// approve in part (fewer items and/or a shorter period — never more — with the reason) or refuse
// with the reason. An approval generates the data usage agreement (CQO §25) in the same
// transaction, so an approved application never exists without its agreement. The application row
// is locked first, so of two decisions at once one wins and the other gets 409.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { transition } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { createAgreement } from '../agreements/agreements.create.ts';
import './applications.messages.ts';
import { findListedApplication, updateApplication, type ApplicationRow } from './applications.repository.ts';
import { mayRead } from './applications.scope.ts';
import { lockedApplication, unprocessable } from './applications.service.ts';

/** The provider's answer. */
export type ApplicationDecision = 'approve' | 'approve_in_part' | 'refuse';

/** The provider's answer as sent. */
export interface DecisionInput {
  decision: ApplicationDecision;
  fields?: string[];
  validUntil?: string;
  reason?: string;
}

/** What a decision settles: the items and end approved, and the reason. */
interface Settled {
  fields: string[];
  validUntil: string;
  reason: string | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  new Set(a).size === new Set(b).size && a.every((item) => b.includes(item));

/** A full approval may repeat what was asked, never change it: a change is a partial approval. */
function approvalProblems(row: ApplicationRow, input: DecisionInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.fields && !sameSet(input.fields, row.fields))
    problems.push({ path: '/body/fields', code: 'open.decision.use_partial' });
  if (input.validUntil && input.validUntil !== row.valid_until)
    problems.push({ path: '/body/validUntil', code: 'open.decision.use_partial' });
  return problems;
}

/** A partial approval narrows: items among those asked, an end no later and not before the start. */
function partialProblems(row: ApplicationRow, input: DecisionInput, settled: Settled): FieldProblem[] {
  const problems: FieldProblem[] = [];
  (input.fields ?? []).forEach((field, index) => {
    if (!row.fields.includes(field))
      problems.push({
        path: `/body/fields/${index}`,
        code: 'open.decision.field_not_asked',
        params: { field },
      });
  });
  if (settled.validUntil > row.valid_until)
    problems.push({
      path: '/body/validUntil',
      code: 'open.decision.period_longer',
      params: { until: row.valid_until },
    });
  else if (settled.validUntil < row.valid_from)
    problems.push({ path: '/body/validUntil', code: 'open.application.until_before_from' });
  const narrower = settled.fields.length < new Set(row.fields).size || settled.validUntil < row.valid_until;
  if (problems.length === 0 && !narrower)
    problems.push({ path: input.fields ? '/body/fields' : '/body', code: 'open.decision.not_narrower' });
  return problems;
}

/** Checks an answer against the application; what it settles, or 422 with every problem. */
function settle(row: ApplicationRow, input: DecisionInput): Settled {
  const reason = input.reason?.trim() || null;
  const problems: FieldProblem[] = [];
  if (input.decision !== 'approve' && !reason)
    problems.push({ path: '/body/reason', code: 'open.decision.reason_required' });
  const partial = input.decision === 'approve_in_part';
  const settled: Settled = {
    fields: partial && input.fields ? [...new Set(input.fields)] : row.fields,
    validUntil: partial && input.validUntil ? input.validUntil : row.valid_until,
    reason,
  };
  if (input.decision === 'approve') problems.push(...approvalProblems(row, input));
  if (partial) problems.push(...partialProblems(row, input, settled));
  if (problems.length > 0) throw unprocessable(problems);
  return settled;
}

/** What a decision returns: the agreement an approval generated. */
export interface DecisionResult {
  agreement: { id: string; number: string; state: string } | null;
}

/**
 * Records the provider's answer, in one transaction with the case step, the agreement (on approval)
 * and the audit events. 404 for an application the actor may not see (another department's), 403
 * for someone who sees it but does not provide it; 409 once it no longer waits for the answer
 * (decided, withdrawn, or decided a moment ago by someone else) and for an approval whose period
 * has already ended.
 */
export async function decideApplication(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  id: string,
  input: DecisionInput,
): Promise<DecisionResult> {
  const actor = context.actor!;
  const found = await findListedApplication(db, id);
  if (!found || !mayRead(actor, found)) throw notFound('what.open_application');
  if (actor.type !== 'user' || actor.departmentId !== found.provider_department_id)
    throw forbidden('open.application.provider_only');
  if (found.state !== 'submitted') throw conflict('open.application.not_pending', { state: found.state });
  // What was asked never changes, so the answer is checked before the lock; the state under it.
  const settled = settle(found, input);
  const refused = input.decision === 'refuse';
  if (!refused && settled.validUntil < todayInChina())
    throw conflict('open.application.period_over', { until: settled.validUntil });
  return db.transaction().execute(async (trx) => {
    const row = await lockedApplication(trx, id);
    if (row.state !== 'submitted') throw conflict('open.application.not_pending', { state: row.state });
    await transition(trx, context, row.case_id, refused ? 'refuse' : 'approve', {
      detail: {
        decision: input.decision,
        reason: settled.reason,
        ...(refused ? {} : { fields: settled.fields, validUntil: settled.validUntil }),
      },
    });
    const partial = input.decision === 'approve_in_part';
    const decided = await updateApplication(trx, id, {
      state: refused ? 'refused' : 'approved',
      decided_fields: partial ? settled.fields : null,
      decided_until: partial ? settled.validUntil : null,
      decision_reason: settled.reason,
      decided_by: actor.id,
      decided_at: new Date(),
    });
    const agreement = refused ? null : await createAgreement(trx, context, profile, decided);
    await recordAudit(trx, context, {
      action: 'open.application.decide',
      targetType: 'open_application',
      targetId: id,
      departmentId: row.provider_department_id,
      purpose: row.purpose,
      detail: {
        decision: input.decision,
        reason: settled.reason,
        fields: refused ? null : settled.fields,
        validUntil: refused ? null : settled.validUntil,
        agreementId: agreement?.id ?? null,
        agreementNumber: agreement?.number ?? null,
      },
    });
    return { agreement: agreement && { id: agreement.id, number: agreement.number, state: agreement.state } };
  });
}
