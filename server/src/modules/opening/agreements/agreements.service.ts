// The acts on a data usage agreement (CQO §24–25): each side signs it in the platform (SM2 in the
// `sm` suite), the authority reviews it where the profile asks for it, and the user reports use on
// the agreed schedule. Every act locks the agreement's row and is audited in its transaction, so of
// two acts at once one sees the other's result (a second signature of a side, a second review: 409).
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { signingAlgorithmOf } from '../../../platform/crypto/signing.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import type { OpenAgreementState } from '../conditional.tables.ts';
import { agreementStatus } from './agreement-status.ts';
import {
  insertFeedback,
  insertSignature,
  listSignatures,
  lockAgreement,
  updateAgreement,
  type OpenAgreementRow,
} from './agreements.repository.ts';
import { requireSide, signingSideOf } from './agreements.scope.ts';
import { partySigningKey } from './party-keys.ts';
import { signAgreement } from './signatures.ts';
import './agreements.messages.ts';

/** What signing needs of the platform: the keyring (party keys) and the suite (their algorithm). */
export interface SigningPlatform {
  keyring: Keyring;
  config: Pick<Config, 'cryptoSuite'>;
}

const statusParam = (row: OpenAgreementRow) =>
  `open.agreement.status.${agreementStatus(row, todayInChina())}`;

/** 422 with field problems: well formed, but not acceptable. */
const unacceptable = (problems: FieldProblem[]) => new AppError(422, 'open.agreement.invalid', {}, problems);

/** The agreement, locked, if the actor may see it (404 otherwise). */
async function lockedFor(trx: Kysely<DB>, context: RequestContext, id: string) {
  const row = await lockAgreement(trx, id);
  const side = requireSide(context.actor!, row);
  return { row: row!, side };
}

/**
 * One side signs: the applicant (the agreement's public user) or the provider (staff of its
 * department answering applications). The digest sent is the one of the document the signer was
 * shown; another than the stored one is a signature on a changed agreement (409
 * `open.agreement.changed`). With both signatures the agreement awaits the authority's review where
 * it requires one, else it is in force. Audited `open.agreement.sign`.
 */
export async function signAgreementAs(
  db: Kysely<DB>,
  platform: SigningPlatform,
  context: RequestContext,
  id: string,
  input: { digest: string },
): Promise<void> {
  const actor = context.actor!;
  const party = signingSideOf(actor);
  await db.transaction().execute(async (trx) => {
    const { row, side } = await lockedFor(trx, context, id);
    // The authority and auditors see the agreement but are no side of it.
    if (side !== party) throw forbidden('open.agreement.not_party');
    if (row.state !== 'awaiting_signatures')
      throw conflict('open.agreement.not_signable', { status: statusParam(row) });
    const signatures = await listSignatures(trx, id);
    if (signatures.some((s) => s.party === party))
      throw conflict('open.agreement.already_signed', { party: `open.agreement.party.${party}` });
    if (input.digest !== row.digest) throw conflict('open.agreement.changed');
    const owner =
      party === 'applicant'
        ? { type: 'user' as const, id: actor.id }
        : { type: 'department' as const, id: row.provider_department_id };
    const key = await partySigningKey(
      trx,
      platform.keyring,
      owner,
      signingAlgorithmOf(platform.config.cryptoSuite),
    );
    const signed = signAgreement(key, {
      agreementId: row.id,
      number: row.number,
      digest: row.digest,
      party,
      signerUserId: actor.id,
      signerName: actor.displayName,
      signedAt: new Date().toISOString(),
    });
    await insertSignature(trx, {
      agreement_id: row.id,
      party,
      signer_user_id: actor.id,
      signer_name: signed.signerName,
      digest: row.digest,
      alg: signed.alg,
      key_id: signed.keyId,
      public_key_pem: signed.publicKeyPem,
      signed_payload: signed.signedPayload,
      signature: signed.signature,
      signed_at: signed.signedAt,
    });
    const both = signatures.length + 1 >= 2;
    const state: OpenAgreementState = !both ? row.state : row.review_required ? 'awaiting_review' : 'active';
    if (state !== row.state) {
      const now = new Date();
      await updateAgreement(trx, id, {
        state,
        state_changed_at: now,
        ...(state === 'active' ? { activated_at: now } : {}),
      });
    }
    await recordAudit(trx, context, {
      action: 'open.agreement.sign',
      targetType: 'open_agreement',
      targetId: id,
      departmentId: row.provider_department_id,
      detail: { number: row.number, party, digest: row.digest, alg: signed.alg, keyId: signed.keyId, state },
    });
  });
}

/**
 * The authority of the provider's region reviews a signed agreement (CQO §24): approve puts it in
 * force, refuse (with a reason) ends it before access ever opens. Audited `open.agreement.review`.
 */
export async function reviewAgreement(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: { decision: 'approve' | 'refuse'; reason?: string },
): Promise<void> {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refuse' && !reason)
    throw unacceptable([{ path: '/body/reason', code: 'open.agreement.reason_required' }]);
  await db.transaction().execute(async (trx) => {
    const { row, side } = await lockedFor(trx, context, id);
    if (side !== 'region') throw forbidden('open.agreement.not_party');
    if (row.state !== 'awaiting_review')
      throw conflict('open.agreement.not_reviewable', { status: statusParam(row) });
    const now = new Date();
    const state = input.decision === 'approve' ? 'active' : 'refused';
    await updateAgreement(trx, id, {
      state,
      reviewed_by: context.actor!.id,
      reviewed_at: now,
      review_reason: reason,
      state_changed_at: now,
      ...(state === 'active' ? { activated_at: now } : {}),
    });
    await recordAudit(trx, context, {
      action: 'open.agreement.review',
      targetType: 'open_agreement',
      targetId: id,
      departmentId: row.provider_department_id,
      detail: { number: row.number, decision: input.decision, reason, state },
    });
  });
}

/** A paper, product or service a usage report names. */
export interface FeedbackOutcome {
  kind: 'paper' | 'product' | 'service' | 'other';
  title: string;
  citation?: string;
  url?: string;
}

/** A usage report as sent. */
export interface FeedbackInput {
  summary: string;
  outcomes?: FeedbackOutcome[];
}

function feedbackProblems(input: FeedbackInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!input.summary.trim()) problems.push({ path: '/body/summary', code: 'open.agreement.text_required' });
  (input.outcomes ?? []).forEach((outcome, index) => {
    if (!outcome.title.trim())
      problems.push({ path: `/body/outcomes/${index}/title`, code: 'open.agreement.text_required' });
    // Links are shown to the provider and the authority: only web links, never script URLs.
    if (
      outcome.url !== undefined &&
      outcome.url.trim() !== '' &&
      !/^https?:\/\/\S+$/i.test(outcome.url.trim())
    )
      problems.push({ path: `/body/outcomes/${index}/url`, code: 'open.agreement.url_scheme' });
  });
  return problems;
}

/**
 * The agreement's user reports how the data was used (CQO §25: and cites the source in papers,
 * products and services), once access has opened: in force, ended (the final report) or suspended.
 * Anyone else is told the agreement does not exist. Audited `open.agreement.feedback`. Returns the id.
 */
export async function fileFeedback(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: FeedbackInput,
): Promise<string> {
  const actor = context.actor!;
  requireVerifiedIdentity(actor);
  const problems = feedbackProblems(input);
  if (problems.length > 0) throw unacceptable(problems);
  return db.transaction().execute(async (trx) => {
    const row = await lockAgreement(trx, id);
    if (!row || row.applicant_user_id !== actor.id) throw notFound('what.open_agreement');
    const status = agreementStatus(row, todayInChina());
    if (status !== 'active' && status !== 'ended' && status !== 'suspended')
      throw conflict('open.agreement.feedback_not_open', { status: `open.agreement.status.${status}` });
    const outcomes = (input.outcomes ?? []).map((o) => ({
      kind: o.kind,
      title: o.title.trim(),
      ...(o.citation?.trim() ? { citation: o.citation.trim() } : {}),
      ...(o.url?.trim() ? { url: o.url.trim() } : {}),
    }));
    const feedback = await insertFeedback(trx, {
      agreement_id: id,
      submitted_by: actor.id,
      summary: input.summary.trim(),
      outcomes: JSON.stringify(outcomes),
    });
    await recordAudit(trx, context, {
      action: 'open.agreement.feedback',
      targetType: 'open_agreement',
      targetId: id,
      departmentId: row.provider_department_id,
      detail: { number: row.number, feedbackId: feedback.id, outcomes: outcomes.length, status },
    });
    return feedback.id;
  });
}
