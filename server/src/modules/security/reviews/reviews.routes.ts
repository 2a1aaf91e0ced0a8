import type { AppInstance } from '../../../platform/http/types.ts';
import { Page } from '../../../platform/http/pagination.ts';
import { listReviewsFor, readReview } from './reviews.reads.ts';
import { DecisionBody, Review, ReviewDetail, ReviewParams, ReviewQuery } from './reviews.schemas.ts';
import { decideReview, mayDecide } from './reviews.service.ts';

const tags = ['security'];

/**
 * Secrecy reviews (保密审查, CQ19 §41, CQ18 §30): the queue, one review with its resource's history,
 * and the security officer's decision. Reviews open when the catalog publishes new or changed share
 * or open attributes; deadlines and extensions are the case engine's (`/cases/:id`).
 */
export async function reviewRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/security/reviews',
    {
      config: { permission: 'security.review.read' },
      schema: {
        tags,
        summary:
          'Secrecy reviews the caller may see (own department, or the region of an authority), newest first',
        querystring: ReviewQuery,
        response: { 200: Page(Review) },
      },
    },
    async (request) => listReviewsFor(db, request.ctx, request.query),
  );

  app.get(
    '/security/reviews/:id',
    {
      config: { permission: 'security.review.read' },
      schema: {
        tags,
        summary: "One secrecy review with the reviewed attributes and the resource's review history",
        params: ReviewParams,
        response: { 200: ReviewDetail },
      },
    },
    async (request) =>
      readReview(db, request.ctx, request.params.id, (actor, row) => mayDecide(db, actor, row)),
  );

  app.post(
    '/security/reviews/:id/decision',
    {
      config: { permission: 'security.review.decide' },
      schema: {
        tags,
        summary: 'Record the outcome: passed (the attributes take effect) or not passed (reasons required)',
        params: ReviewParams,
        body: DecisionBody,
        response: { 200: ReviewDetail },
      },
    },
    async (request) => {
      await decideReview(db, request.ctx, platform, request.params.id, request.body);
      return readReview(db, request.ctx, request.params.id, (actor, row) => mayDecide(db, actor, row));
    },
  );
}
