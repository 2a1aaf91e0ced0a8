// Reading ratings and comments: the public feedback of a dataset (average, count, distribution and
// the newest visible comments with the author's public name only) and the handlers' list of the
// comments on their data, hidden ones included. Comment text goes out exactly as it was typed.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { auditRead } from '../portal/portal.service.ts';
import {
  findListedComment,
  findRating,
  listHandledComments,
  listVisibleComments,
  ratingCounts,
  type ListedComment,
} from './feedback.repository.ts';
import { openDataset } from './feedback.service.ts';
import { staffScope } from './participation.scope.ts';
import { isoOf, isoOrNull, publicName } from './participation.views.ts';

/** Paging of a list. */
export interface PageInput {
  page?: number;
  pageSize?: number;
}

/** A dataset's rating summary from its counts per number of stars. */
export function ratingSummary(counts: readonly { stars: number; count: number }[]) {
  const distribution = [1, 2, 3, 4, 5].map((stars) => ({
    stars,
    count: counts.find((row) => row.stars === stars)?.count ?? 0,
  }));
  const count = distribution.reduce((sum, row) => sum + row.count, 0);
  const total = distribution.reduce((sum, row) => sum + row.stars * row.count, 0);
  return { average: count > 0 ? Math.round((total / count) * 10) / 10 : null, count, distribution };
}

function presentPublic(row: ListedComment, actor: Actor | null) {
  return {
    id: row.id,
    text: row.body,
    author: { name: publicName(row.author_name, row.author_person_type) },
    createdAt: isoOf(row.created_at),
    mine: actor?.id === row.author_user_id,
  };
}

/**
 * The public feedback of an open dataset: its rating summary, the caller's own rating when a
 * public user asks, and a page of the visible comments, newest first. 404 for a dataset that is not
 * open. Audited as a read of published content.
 */
export async function readFeedback(db: Kysely<DB>, context: RequestContext, id: string, query: PageInput) {
  const dataset = await openDataset(db, id);
  const window = pageWindow(query);
  const actor = context.actor;
  const [counts, comments, mine] = await Promise.all([
    ratingCounts(db, dataset.resource_id),
    listVisibleComments(db, dataset.resource_id, window),
    actor?.role === 'public_user' ? findRating(db, dataset.resource_id, actor.id) : undefined,
  ]);
  await auditRead(db, context, {
    action: 'open.feedback.read',
    targetType: 'open_dataset',
    targetId: dataset.resource_id,
    departmentId: dataset.department_id,
    detail: { page: window.page, comments: comments.total },
  });
  return {
    resource: { id: dataset.resource_id, code: dataset.code, name: dataset.name },
    rating: ratingSummary(counts),
    myRating: mine ?? null,
    comments: {
      items: comments.rows.map((row) => presentPublic(row, actor)),
      total: comments.total,
      page: window.page,
      pageSize: window.pageSize,
    },
  };
}

/** One comment as the public sees it (its author, just after writing it). */
export async function readPublicComment(db: Kysely<DB>, actor: Actor | null, id: string) {
  return presentPublic((await findListedComment(db, id))!, actor);
}

/** A comment as a handler sees it: the author's name in full, and whether and why it is hidden. */
export function presentHandled(row: ListedComment) {
  return {
    id: row.id,
    text: row.body,
    resource: { id: row.resource_id, code: row.resource_code, name: row.resource_name ?? row.resource_code },
    author: { id: row.author_user_id, name: row.author_name },
    createdAt: isoOf(row.created_at),
    hidden: row.hidden_at
      ? { at: isoOrNull(row.hidden_at)!, reason: row.hidden_reason ?? '', byName: row.hidden_by_name }
      : null,
  };
}

/** One comment as a handler sees it (after hiding it). */
export async function readHandledComment(db: Kysely<DB>, id: string) {
  return presentHandled((await findListedComment(db, id))!);
}

/** A page of the comments on the own department's open data (provider) or the region's (authority), audited. */
export async function listHandledCommentPage(
  db: Kysely<DB>,
  context: RequestContext,
  query: PageInput & { resourceId?: string; hidden?: boolean },
) {
  const scope = staffScope(context.actor!);
  const window = pageWindow(query);
  const filter = { resourceId: query.resourceId, hidden: query.hidden };
  const { rows, total } = await listHandledComments(db, scope, filter, window);
  await recordAudit(db, context, {
    action: 'open.comment.list',
    targetType: 'open_comment',
    detail: { scope: scope.kind, filter, page: window.page, total },
  });
  return { items: rows.map(presentHandled), total, page: window.page, pageSize: window.pageSize };
}
