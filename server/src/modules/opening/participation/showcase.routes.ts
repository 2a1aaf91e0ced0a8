import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../../sharing/sharing-views.ts';
import { listOwnShowcase, listPublicShowcase, listReviewShowcase, readShowcase } from './showcase.reads.ts';
import {
  OwnShowcaseQuery,
  PublicShowcaseQuery,
  ReviewBody,
  ReviewShowcaseQuery,
  ShowcaseBody,
  ShowcaseEntry,
} from './showcase.schemas.ts';
import { reviewShowcase, submitShowcase } from './showcase.service.ts';

const tags = ['open-participation'];

/**
 * The showcase of products built on open data (应用展示, CQO §25(2), §30): verified public users
 * submit (`open.participate`), the authority of the portal's region reviews
 * (`open.participation.manage`), and approved entries are public.
 */
export async function showcaseRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/open/showcase',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Approved showcase entries, newest first; `resourceId` gives those using one dataset',
        querystring: PublicShowcaseQuery,
        response: { 200: Page(ShowcaseEntry) },
      },
    },
    async (request) => listPublicShowcase(db, request.ctx, request.query),
  );

  app.post(
    '/open/showcase',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary:
          'Submit a product built on open data for review: 422 naming each problem (non-open dataset, address not http/https, spam); 429 past the daily limit',
        body: ShowcaseBody,
        response: { 201: ShowcaseEntry },
      },
    },
    async (request, reply) => {
      const id = await submitShowcase(db, platform, request.ctx, request.body);
      return reply.status(201).send(await readShowcase(db, id, 'submitter'));
    },
  );

  app.get(
    '/open/me/showcase',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary: 'The caller’s own showcase entries with their review',
        querystring: OwnShowcaseQuery,
        response: { 200: Page(ShowcaseEntry) },
      },
    },
    async (request) => listOwnShowcase(db, request.ctx, request.query),
  );

  app.get(
    '/open/showcase/entries',
    {
      config: { permission: 'open.participation.manage' },
      schema: {
        tags,
        summary: 'The region’s showcase entries for the authority (default: waiting for review; `state=all`)',
        querystring: ReviewShowcaseQuery,
        response: { 200: Page(ShowcaseEntry) },
      },
    },
    async (request) => listReviewShowcase(db, request.ctx, request.query),
  );

  app.post(
    '/open/showcase/:id/review',
    {
      config: { permission: 'open.participation.manage' },
      schema: {
        tags,
        summary:
          'The authority approves an entry (it is shown) or rejects it with a reason; 404 outside its region, 409 reviewed already',
        params: IdParams,
        body: ReviewBody,
        response: { 200: ShowcaseEntry },
      },
    },
    async (request) => {
      await reviewShowcase(db, request.ctx, request.params.id, request.body);
      return readShowcase(db, request.params.id, 'reviewer');
    },
  );
}
