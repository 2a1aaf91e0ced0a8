// Reading secrecy reviews: the queue (own department; an authority's or an auditor's region; the
// platform administrator everything), one review with the resource's history. Reads are audited.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow, sortOrder } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { ReviewAttributes } from './reviews.attributes.ts';
import './reviews.messages.ts';
import {
  findDepartmentKind,
  findReview,
  listReviews,
  REVIEW_SORTABLE,
  type ReviewListRow,
  type ReviewScope,
} from './reviews.repository.ts';
import type { Review, ReviewQuery } from './reviews.schemas.ts';

const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

/** Which reviews an actor sees. */
async function scopeOf(db: Kysely<DB>, actor: Actor): Promise<ReviewScope> {
  if (actor.role === 'platform_admin') return { kind: 'all' };
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'regions', regionIds: actor.regionScope };
  if (!actor.departmentId) return { kind: 'regions', regionIds: [] };
  if (actor.role === 'security_officer') {
    const own = await findDepartmentKind(db, actor.departmentId);
    if (own?.kind === 'authority') return { kind: 'regions', regionIds: actor.regionScope };
  }
  return { kind: 'department', departmentId: actor.departmentId };
}

function inScope(scope: ReviewScope, row: { department_id: string; region_id: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'regions') return scope.regionIds.includes(row.region_id);
  return scope.departmentId === row.department_id;
}

/** A review row as the API shows it. */
export function presentReview(row: ReviewListRow): Review {
  return {
    id: row.id,
    resourceId: row.resource_id,
    code: row.code,
    name: row.name,
    revisionNumber: row.revisionNumber,
    departmentId: row.department_id,
    departmentName: row.departmentName,
    state: row.state,
    caseId: row.case_id,
    dueOn: row.dueOn ?? null,
    overdue: row.overdue ?? false,
    attributes: row.attributes as unknown as ReviewAttributes,
    changed: row.changed,
    reasons: row.reasons,
    decidedByName: row.decided_by_name,
    decidedAt: iso(row.decided_at),
    createdAt: iso(row.created_at)!,
  };
}

/** One page of the review queue the caller may see. */
export async function listReviewsFor(db: Kysely<DB>, context: RequestContext, query: ReviewQuery) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const order = sortOrder(query.sort, REVIEW_SORTABLE, { column: 'v.created_at', direction: 'desc' });
  const scope = await scopeOf(db, actor);
  const { rows, total } = await listReviews(
    db,
    scope,
    {
      state: query.state,
      departmentId: query.departmentId,
      resourceId: query.resourceId,
      overdue: query.overdue,
      dueBy: query.dueBy,
    },
    window,
    order,
  );
  await recordAudit(db, context, {
    action: 'security.review.list',
    targetType: 'security_review',
    detail: { filter: { ...query }, total },
  });
  return { items: rows.map(presentReview), total, page: window.page, pageSize: window.pageSize };
}

/** One review, the resource's other reviews (newest first), and whether the caller may decide it. */
export async function readReview(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  mayDecide: (actor: Actor, row: { department_id: string; region_id: string }) => Promise<boolean>,
) {
  const actor = context.actor!;
  const row = await findReview(db, id);
  if (!row) throw notFound('what.security_review');
  const scope = await scopeOf(db, actor);
  if (!inScope(scope, row)) throw forbidden('security.review.out_of_scope');
  const history = await listReviews(
    db,
    { kind: 'all' },
    { resourceId: row.resource_id },
    { offset: 0, limit: 200 },
    { column: 'v.created_at', direction: 'desc' },
  );
  await recordAudit(db, context, {
    action: 'security.review.read',
    targetType: 'security_review',
    targetId: id,
    departmentId: row.department_id,
  });
  return {
    ...presentReview(row),
    canDecide: row.state === 'pending' && (await mayDecide(actor, row)),
    history: history.rows.map(presentReview),
  };
}
