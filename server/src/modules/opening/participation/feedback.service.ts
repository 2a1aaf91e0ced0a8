// Ratings and comments on open datasets: an identity-authenticated public user rates a dataset 1–5
// (one rating each, changeable) and comments in plain text. Comments are stored as typed and handed
// out as text only; the server never renders them (clients escape them, see
// docs/opening-participation.md). Text that is mostly links or repeats is refused, and so is the
// same comment twice; a user may write the configured number of comments per hour. The provider's
// staff and the region's authority hide a comment with a reason; the author deletes their own.
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { findOpenDataset, type ObjectedDataset } from '../objections/objections.repository.ts';
import {
  commentsWithin,
  insertComment,
  lockComment,
  lockRating,
  sameCommentWithin,
  updateComment,
  upsertRating,
  type CommentRow,
} from './feedback.repository.ts';
import './participation.messages.ts';
import { lockUser } from './participation.repository.ts';
import { isAuthorityOf, isProviderOf, staffScope } from './participation.scope.ts';
import { textProblems } from './text-checks.ts';

/** What writing a comment needs of the platform. */
export interface CommentPlatform {
  config: Pick<Config, 'commentsPerUserHour'>;
}

const HOUR = 3600;
/** A comment repeated within this many seconds is a repeat, not a new opinion. */
const REPEAT_WINDOW = 24 * HOUR;

/** 422 with field problems: the request is well formed, but what it says cannot be taken. */
export function unprocessable(problems: AppError['fields']): AppError {
  return new AppError(422, 'open.participation.invalid', {}, problems);
}

/** The open dataset with this id (unconditionally or conditionally open), or 404. */
export async function openDataset(db: Kysely<DB>, id: string): Promise<ObjectedDataset> {
  const dataset = isUuid(id) ? await findOpenDataset(db, id) : undefined;
  if (!dataset) throw notFound('what.open_participation_dataset');
  return dataset;
}

/**
 * Sets the caller's rating of an open dataset (1–5 stars; the schema refuses anything else), in one
 * transaction with its audit event, which records the previous rating when it changes one.
 */
export async function rateDataset(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  stars: number,
): Promise<void> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const dataset = await openDataset(db, resourceId);
  await db.transaction().execute(async (trx) => {
    const previous = await lockRating(trx, dataset.resource_id, actor.id);
    await upsertRating(trx, dataset.resource_id, actor.id, stars);
    await recordAudit(trx, context, {
      action: 'open.rating.set',
      targetType: 'open_dataset',
      targetId: dataset.resource_id,
      departmentId: dataset.department_id,
      detail: { stars, previous: previous ?? null },
    });
  });
}

/** A refusal decided inside the transaction, answered after it (so that its audit event stays). */
interface Refusal {
  refused: { max: number; seconds: number };
}

/**
 * Writes a comment: plain text of 1–1000 characters, stored as typed. Refuses an unverified
 * identity (403), a dataset not in the open catalog (404), text that is blank, holds control
 * characters, is mostly links or repeats, or repeats the user's own comment of the last day (422),
 * and a user past the hourly limit (429 with Retry-After; the refusal is audited). The count and
 * the write happen under the user's lock, so the limit holds for writes at the same moment.
 */
export async function postComment(
  db: Kysely<DB>,
  platform: CommentPlatform,
  context: RequestContext,
  resourceId: string,
  text: string,
): Promise<CommentRow> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const dataset = await openDataset(db, resourceId);
  const problems = textProblems(text, '/body/text');
  if (problems.length > 0) throw unprocessable(problems);
  const max = platform.config.commentsPerUserHour;
  const outcome = await db.transaction().execute(async (trx): Promise<CommentRow | Refusal> => {
    await lockUser(trx, 'comment', actor.id);
    if (max > 0) {
      const recent = await commentsWithin(trx, actor.id, HOUR);
      if (recent.count >= max) return { refused: { max, seconds: recent.freeInSeconds } };
    }
    if (await sameCommentWithin(trx, actor.id, text.trim(), REPEAT_WINDOW))
      throw unprocessable([{ path: '/body/text', code: 'open.comment.duplicate' }]);
    const row = await insertComment(trx, {
      resource_id: dataset.resource_id,
      department_id: dataset.department_id,
      region_id: dataset.region_id,
      author_user_id: actor.id,
      body: text,
    });
    // The text is public and kept in its row; the trail records the act and the size.
    await recordAudit(trx, context, {
      action: 'open.comment.post',
      targetType: 'open_comment',
      targetId: row.id,
      departmentId: dataset.department_id,
      detail: { resourceId: dataset.resource_id, length: [...text].length },
    });
    return row;
  });
  if ('refused' in outcome) {
    const { max: limit, seconds } = outcome.refused;
    await recordAudit(db, context, {
      action: 'open.comment.post',
      outcome: 'denied',
      targetType: 'open_dataset',
      targetId: dataset.resource_id,
      departmentId: dataset.department_id,
      detail: { reason: 'rate_limited', max: limit },
    });
    throw new AppError(429, 'open.comment.too_many', {
      max: limit,
      seconds,
      minutes: Math.ceil(seconds / 60),
    });
  }
  return outcome;
}

/**
 * The author deletes their own comment: it leaves every list at once (the row stays, marked
 * deleted, for the record of moderation). 404 for someone else's comment or one already deleted.
 */
export async function deleteOwnComment(db: Kysely<DB>, context: RequestContext, id: string): Promise<void> {
  const actor = context.actor!;
  await db.transaction().execute(async (trx) => {
    const row = await lockComment(trx, id);
    if (!row || row.author_user_id !== actor.id || row.deleted_at) throw notFound('what.open_comment');
    await updateComment(trx, id, { deleted_at: new Date() });
    await recordAudit(trx, context, {
      action: 'open.comment.delete',
      targetType: 'open_comment',
      targetId: id,
      departmentId: row.department_id,
      detail: { resourceId: row.resource_id, hidden: row.hidden_at !== null },
    });
  });
}

/**
 * Hides a comment with a reason: the provider department's staff for comments on its data, the
 * authority for its region. 403 for someone who handles no participation at all; 404 for a comment
 * outside the handler's reach (or deleted); 409 when it is hidden already.
 */
export async function hideComment(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  reason: string,
): Promise<void> {
  const actor = context.actor!;
  staffScope(actor);
  const why = reason.trim();
  if (!why) throw unprocessable([{ path: '/body/reason', code: 'open.participation.text_required' }]);
  await db.transaction().execute(async (trx) => {
    const row = await lockComment(trx, id);
    if (!row || row.deleted_at || !(isProviderOf(actor, row) || isAuthorityOf(actor, row)))
      throw notFound('what.open_comment');
    if (row.hidden_at) throw conflict('open.comment.already_hidden');
    await updateComment(trx, id, { hidden_at: new Date(), hidden_by: actor.id, hidden_reason: why });
    await recordAudit(trx, context, {
      action: 'open.comment.hide',
      targetType: 'open_comment',
      targetId: id,
      departmentId: row.department_id,
      detail: {
        resourceId: row.resource_id,
        reason: why,
        by: isProviderOf(actor, row) ? 'provider' : 'authority',
      },
    });
  });
}
