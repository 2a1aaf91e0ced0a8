// Usage supervision of conditionally open data (CQO §37(3), §39): a breach of the data usage
// agreement suspends the user's access pending rectification by a date the provider sets; the user
// reports the rectification; the provider accepts (access reopens once no other breach is open) or
// terminates the agreement (access ends for good). The user sees the breach, the demand and the
// outcome; the region's authority supervises the same way as the provider.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { agreementStatus } from '../agreements/agreement-status.ts';
import { requireHandler } from '../objections/suspensions.service.ts';
import { rectificationCase } from './supervision.cases.ts';
import './supervision.messages.ts';
import {
  countUnsettled,
  insertBreach,
  listUnsettled,
  lockBreach,
  lockSupervisedAgreement,
  setAgreementState,
  updateBreach,
  type BreachRow,
  type SupervisedAgreement,
} from './supervision.repository.ts';

/** What a supervisor sends on finding a breach. */
export interface BreachInput {
  breach: string;
  demand: string;
  /** China day by which the user must have rectified. */
  rectifyBy: string;
}

/** The supervisor's decision on a breach. */
export type BreachDecision = 'accept' | 'terminate';

function ownerOf(agreement: SupervisedAgreement) {
  return { departmentId: agreement.provider_department_id, regionId: agreement.provider_region_id };
}

function audit(
  trx: Kysely<DB>,
  context: RequestContext,
  agreement: SupervisedAgreement,
  action: string,
  detail: Record<string, unknown>,
) {
  return recordAudit(trx, context, {
    action,
    targetType: 'open_agreement',
    targetId: agreement.id,
    departmentId: agreement.provider_department_id,
    detail: { number: agreement.number, ...detail },
  });
}

/**
 * Records a breach and suspends the user's access at once. Only an agreement in use (active and in
 * its period, or already suspended for another breach) can be; the rectification date is today or later.
 */
export async function reportBreach(
  db: Kysely<DB>,
  env: DeadlineEnv,
  context: RequestContext,
  agreementId: string,
  input: BreachInput,
): Promise<BreachRow> {
  const today = todayInChina();
  if (input.rectifyBy < today)
    throw invalid('open.supervision.invalid', [
      { path: '/body/rectifyBy', code: 'open.supervision.rectify_past' },
    ]);
  return db.transaction().execute(async (trx) => {
    const agreement = isUuid(agreementId) ? await lockSupervisedAgreement(trx, agreementId) : undefined;
    if (!agreement) throw notFound('what.agreement');
    requireHandler(context.actor, ownerOf(agreement), 'what.agreement');
    const status = agreementStatus(agreement, today);
    if (status !== 'active' && status !== 'suspended')
      throw conflict('open.supervision.not_active', { number: agreement.number, status });
    const caseRow = await openCase(trx, context, env, rectificationCase, {
      departmentId: agreement.provider_department_id,
      subject: `协议 ${agreement.number} 违约整改`,
      payload: { agreementId: agreement.id, rectifyBy: input.rectifyBy },
    });
    const row = await insertBreach(trx, {
      agreement_id: agreement.id,
      case_id: caseRow.id,
      department_id: agreement.provider_department_id,
      region_id: agreement.provider_region_id,
      found_by: context.actor.id,
      breach: input.breach,
      demand: input.demand,
      rectify_by: input.rectifyBy,
    });
    await setAgreementState(trx, agreement.id, 'suspended', input.breach);
    await audit(trx, context, agreement, 'open.agreement.suspend', {
      breachId: row.id,
      rectifyBy: input.rectifyBy,
      from: agreement.state,
    });
    return row;
  });
}

/** The user's report of the rectification, on the own agreement's open breach. */
export async function reportRectification(
  db: Kysely<DB>,
  context: RequestContext,
  breachId: string,
  report: string,
): Promise<BreachRow> {
  return db.transaction().execute(async (trx) => {
    const breach = isUuid(breachId) ? await lockBreach(trx, breachId) : undefined;
    const agreement = breach && (await lockSupervisedAgreement(trx, breach.agreement_id));
    if (!breach || !agreement || agreement.applicant_user_id !== context.actor?.id)
      throw notFound('what.breach');
    if (breach.state === 'reported') throw conflict('open.supervision.already_reported');
    if (breach.state !== 'open') throw conflict('open.supervision.closed', { state: breach.state });
    await transition(trx, context, breach.case_id, 'report');
    const row = await updateBreach(trx, breach.id, { state: 'reported', report, reported_at: new Date() });
    await audit(trx, context, agreement, 'open.agreement.rectification.report', { breachId: breach.id });
    return row;
  });
}

/**
 * Settles a breach. Accepting needs the user's report and reopens access once no other breach of
 * the agreement is open; terminating ends the agreement for good (whether or not a report came in,
 * e.g. after the rectification date passed) and settles its other open breaches with it.
 */
export async function decideBreach(
  db: Kysely<DB>,
  context: RequestContext,
  breachId: string,
  decision: BreachDecision,
  note: string,
): Promise<BreachRow> {
  return db.transaction().execute(async (trx) => {
    const breach = isUuid(breachId) ? await lockBreach(trx, breachId) : undefined;
    const agreement = breach && (await lockSupervisedAgreement(trx, breach.agreement_id));
    if (!breach || !agreement) throw notFound('what.breach');
    requireHandler(context.actor, ownerOf(agreement), 'what.breach');
    if (breach.state !== 'open' && breach.state !== 'reported')
      throw conflict('open.supervision.closed', { state: breach.state });
    const decided = { decision_note: note, decided_by: context.actor.id, decided_at: new Date() };
    if (decision === 'accept') {
      if (breach.state !== 'reported') throw conflict('open.supervision.no_report');
      await transition(trx, context, breach.case_id, 'accept', { detail: { note } });
      const row = await updateBreach(trx, breach.id, { state: 'rectified', ...decided });
      const stillOpen = await countUnsettled(trx, agreement.id, breach.id);
      if (stillOpen === 0 && agreement.state === 'suspended') {
        await setAgreementState(trx, agreement.id, 'active', null);
        await audit(trx, context, agreement, 'open.agreement.reinstate', { breachId: breach.id });
      }
      return row;
    }
    await transition(trx, context, breach.case_id, 'terminate', { detail: { note } });
    const row = await updateBreach(trx, breach.id, { state: 'terminated', ...decided });
    await settleOthers(trx, context, agreement.id, breach.id, note);
    await setAgreementState(trx, agreement.id, 'terminated', note);
    await audit(trx, context, agreement, 'open.agreement.terminate', { breachId: breach.id });
    return row;
  });
}

async function settleOthers(
  trx: Kysely<DB>,
  context: RequestContext,
  agreementId: string,
  exceptId: string,
  note: string,
): Promise<void> {
  const others = await listUnsettled(trx, agreementId, exceptId);
  for (const other of others) {
    await transition(trx, context, other.case_id, 'terminate', { detail: { note } });
    await updateBreach(trx, other.id, {
      state: 'terminated',
      decision_note: note,
      decided_by: context.actor?.id ?? null,
      decided_at: new Date(),
    });
  }
}
