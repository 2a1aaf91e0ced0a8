import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../../sharing/sharing-views.ts';
import {
  listHandledCommentPage,
  readFeedback,
  readHandledComment,
  readPublicComment,
} from './feedback.reads.ts';
import {
  CommentBody,
  DatasetParams,
  Feedback,
  FeedbackQuery,
  HandledComment,
  HandledCommentsQuery,
  HideBody,
  PublicComment,
  RatingBody,
} from './feedback.schemas.ts';
import { deleteOwnComment, hideComment, postComment, rateDataset } from './feedback.service.ts';

const tags = ['open-participation'];

/**
 * Ratings and comments on open datasets: public reading; rating and commenting by verified public
 * users (`open.participate`); hiding by the provider's staff or the region's authority. The
 * handlers' routes say `authenticated` because two rights reach them (`open.participation.answer`
 * for the own department, `open.participation.manage` for the region): the service decides.
 */
export async function feedbackRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/open/datasets/:id/feedback',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Ratings (average, count, distribution) and the newest visible comments of an open dataset; comment text is plain text: escape it',
        params: DatasetParams,
        querystring: FeedbackQuery,
        response: { 200: Feedback },
      },
    },
    async (request) => readFeedback(db, request.ctx, request.params.id, request.query),
  );

  app.put(
    '/open/datasets/:id/rating',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary: 'Rate an open dataset 1–5 (identity-verified public users; rating again changes it)',
        params: DatasetParams,
        body: RatingBody,
        response: { 200: Feedback },
      },
    },
    async (request) => {
      await rateDataset(db, request.ctx, request.params.id, request.body.stars);
      return readFeedback(db, request.ctx, request.params.id, {});
    },
  );

  app.post(
    '/open/datasets/:id/comments',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary:
          'Comment on an open dataset (plain text, 1–1000 characters): 422 for mostly links, repeats or the same comment again; 429 past the hourly limit',
        params: DatasetParams,
        body: CommentBody,
        response: { 201: PublicComment },
      },
    },
    async (request, reply) => {
      const row = await postComment(db, platform, request.ctx, request.params.id, request.body.text);
      return reply.status(201).send(await readPublicComment(db, request.ctx.actor, row.id));
    },
  );

  app.delete(
    '/open/comments/:id',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary: 'The author deletes their own comment (404 for anyone else’s)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await deleteOwnComment(db, request.ctx, request.params.id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/open/comments/:id/hide',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'Hide a comment with a reason: the provider’s staff (own department’s data) or the authority (its region); 404 outside reach, 409 hidden already',
        params: IdParams,
        body: HideBody,
        response: { 200: HandledComment },
      },
    },
    async (request) => {
      await hideComment(db, request.ctx, request.params.id, request.body.reason);
      return readHandledComment(db, request.params.id);
    },
  );

  app.get(
    '/open/participation/comments',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'Comments on the own department’s open data (provider) or the region’s (authority), hidden ones included',
        querystring: HandledCommentsQuery,
        response: { 200: Page(HandledComment) },
      },
    },
    async (request) => listHandledCommentPage(db, request.ctx, request.query),
  );
}
