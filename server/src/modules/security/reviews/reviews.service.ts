// Secrecy reviews (保密审查, CQ19 §41, CQ18 §30): before a resource's share or open attributes take
// effect, the providing department's security officer records a review, passed or not (with
// reasons). Publishing a revision whose reviewed attributes differ from the last passed review opens
// a review case; until it passes, the resource is in neither the share nor the open catalog (the
// flags of `catalog_entries`), while attributes unchanged since their last passed review stay in effect.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { presentRevision } from '../../catalog/catalog.presenter.ts';
import { listClasses, loadRevisions } from '../../catalog/catalog.repository.ts';
import type { Revision } from '../../catalog/catalog.schemas.ts';
import {
  changedFields,
  fingerprints,
  reviewAttributes,
  type ReviewAttributes,
} from './reviews.attributes.ts';
import { secrecyReviewCase } from './reviews.cases.ts';
import './reviews.messages.ts';
import {
  findDepartmentKind,
  findEntryFlags,
  insertReview,
  lockReview,
  moveReviewToRevision,
  reviewStanding,
  setEntryFlags,
  setReviewOutcome,
  type ReviewRow,
} from './reviews.repository.ts';

/** Whether the share and the open attributes of a publication are in effect. */
export interface ReviewFlags {
  shareReviewPassed: boolean;
  openReviewPassed: boolean;
}

async function supersede(trx: Kysely<DB>, context: RequestContext, review: ReviewRow) {
  await setReviewOutcome(trx, review.id, { state: 'superseded' });
  if (review.case_id) await transition(trx, context, review.case_id, 'supersede');
}

/**
 * Called by the catalog when it publishes a revision (in the publishing transaction): tells which
 * attributes are in effect, and opens a review case when the reviewed attributes are new or
 * changed since the last passed review. A waiting review of other attributes is superseded; one of
 * the same attributes is kept. A 'not passed' of the same attributes stands until they change.
 */
export async function reviewOnPublish(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  resource: { id: string; code: string; departmentId: string; regionId: string },
  revision: Revision,
): Promise<ReviewFlags> {
  if (!env.profile.secrecyReview.required) return { shareReviewPassed: true, openReviewPassed: true };
  const attributes = reviewAttributes(env.profile, revision);
  const prints = fingerprints(attributes);
  const { lastPassed, pending, latest } = await reviewStanding(trx, resource.id);
  const flags = {
    shareReviewPassed: lastPassed?.share_fingerprint === prints.share,
    openReviewPassed: lastPassed?.open_fingerprint === prints.open,
  };
  const same = (row: ReviewRow | undefined) =>
    !!row && row.share_fingerprint === prints.share && row.open_fingerprint === prints.open;
  if (flags.shareReviewPassed && flags.openReviewPassed) {
    if (pending) await supersede(trx, context, pending);
    return flags;
  }
  if (pending && same(pending)) {
    await moveReviewToRevision(trx, pending.id, revision.id);
    return flags;
  }
  if (!pending && latest?.state === 'not_passed' && same(latest)) return flags;
  if (pending) await supersede(trx, context, pending);
  const subject = translate('security.review.subject', 'zh-CN', { name: revision.name, code: resource.code });
  const row = await openCase(trx, context, env, secrecyReviewCase, {
    departmentId: resource.departmentId,
    subject,
    payload: { resourceId: resource.id, revisionId: revision.id },
  });
  const changed = changedFields(
    (lastPassed?.attributes as unknown as ReviewAttributes | undefined) ?? null,
    attributes,
  );
  const id = await insertReview(trx, {
    resource_id: resource.id,
    revision_id: revision.id,
    department_id: resource.departmentId,
    region_id: resource.regionId,
    case_id: row.id,
    share_fingerprint: prints.share,
    open_fingerprint: prints.open,
    attributes: JSON.stringify(attributes),
    changed,
    reasons: null,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
  });
  await recordAudit(trx, context, {
    action: 'security.review.open',
    targetType: 'security_review',
    targetId: id,
    departmentId: resource.departmentId,
    detail: { resourceId: resource.id, code: resource.code, caseId: row.id, changed, dueOn: row.due_on },
  });
  return flags;
}

/**
 * Whether the actor may decide reviews of this department: its own security officer, or the
 * security officer of a data authority for departments of the authority's region and below.
 */
export async function mayDecide(
  db: Kysely<DB>,
  actor: Actor,
  review: { department_id: string; region_id: string },
): Promise<boolean> {
  if (actor.type !== 'user' || actor.role !== 'security_officer' || !actor.departmentId) return false;
  if (actor.departmentId === review.department_id) return true;
  const own = await findDepartmentKind(db, actor.departmentId);
  return own?.kind === 'authority' && actor.regionScope.includes(review.region_id);
}

/** The outcome a reviewer records. */
export interface DecisionInput {
  outcome: 'passed' | 'not_passed';
  reasons?: string | null;
}

/**
 * Records a review's outcome in one transaction with its case and audit event. Passed: the
 * reviewed attributes take effect (the entry's flags are set where its current attributes are the
 * reviewed ones). Not passed needs reasons, which the department sees with the review.
 */
export async function decideReview(
  db: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  id: string,
  input: DecisionInput,
): Promise<void> {
  const actor = context.actor!;
  const reasons = input.reasons?.trim() || null;
  if (input.outcome === 'not_passed' && !reasons)
    throw invalid('security.review.reasons_required', [
      { path: '/body/reasons', code: 'security.review.reasons_required' },
    ]);
  await db.transaction().execute(async (trx) => {
    const review = await lockReview(trx, id);
    if (!review) throw notFound('what.security_review');
    if (!(await mayDecide(trx, actor, review))) throw forbidden('security.review.own_department_only');
    await decideLocked(trx, context, env, review, { outcome: input.outcome, reasons });
  });
}

async function decideLocked(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  review: ReviewRow,
  input: { outcome: 'passed' | 'not_passed'; reasons: string | null },
) {
  if (review.state !== 'pending') throw conflict('security.review.not_pending', { state: review.state });
  const actor = context.actor;
  await setReviewOutcome(trx, review.id, {
    state: input.outcome,
    reasons: input.reasons,
    decidedBy: actor?.id ?? context.system ?? null,
    decidedByName: actor?.displayName ?? context.system ?? null,
  });
  if (review.case_id)
    await transition(trx, context, review.case_id, input.outcome === 'passed' ? 'pass' : 'fail', {
      detail: { reviewId: review.id },
    });
  if (input.outcome === 'passed') await applyPassed(trx, env, review);
  await recordAudit(trx, context, {
    action: 'security.review.decide',
    targetType: 'security_review',
    targetId: review.id,
    departmentId: review.department_id,
    detail: { resourceId: review.resource_id, outcome: input.outcome, reasons: input.reasons },
  });
}

/**
 * Records passed reviews for the waiting reviews of these resources, as the operator (an initial
 * catalog brought over was reviewed before the platform; the demo seed uses it too). Each is a
 * decision like a reviewer's: case closed, flags set, audit event with the note as its reasons.
 */
export async function passInitialReviews(
  trx: Kysely<DB>,
  context: RequestContext,
  env: DeadlineEnv,
  resourceIds: string[],
  note: string,
): Promise<number> {
  let passed = 0;
  for (const resourceId of resourceIds) {
    const { pending } = await reviewStanding(trx, resourceId);
    if (!pending) continue;
    const review = await lockReview(trx, pending.id);
    await decideLocked(trx, context, env, review!, { outcome: 'passed', reasons: note });
    passed += 1;
  }
  return passed;
}

/** Sets the entry's flags for the attributes a passed review covers (never clears one). */
async function applyPassed(trx: Kysely<DB>, env: DeadlineEnv, review: ReviewRow) {
  const entry = await findEntryFlags(trx, review.resource_id);
  if (!entry) return;
  const record = (await loadRevisions(trx, [entry.revision_id])).get(entry.revision_id);
  const classes = new Map((await listClasses(trx)).map((cls) => [cls.id, cls]));
  const current = record
    ? fingerprints(reviewAttributes(env.profile, presentRevision(record, classes)))
    : null;
  await setEntryFlags(trx, review.resource_id, {
    share_review_passed: entry.share_review_passed || current?.share === review.share_fingerprint,
    open_review_passed: entry.open_review_passed || current?.open === review.open_fingerprint,
  });
}
