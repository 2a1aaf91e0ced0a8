import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../sharing-views.ts';
import { listDisputesOf, readDispute } from './disputes.reads.ts';
import {
  DisputeBody,
  DisputeListQuery,
  ResolveBody,
  ShareDispute,
  ShareDisputeDetail,
} from './disputes.schemas.ts';
import { raiseDispute, resolveDispute, withdrawDispute } from './disputes.service.ts';

const tags = ['sharing'];

/**
 * Sharing disputes (异议, CQ19 §27): raise one (a resource that is not shared, or the answer to a
 * request), the lists, one dispute with its steps, the authority's outcome, and withdrawal.
 */
export async function disputeRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/share/disputes',
    {
      config: { permission: 'share.request' },
      schema: {
        tags,
        summary:
          "Raise a dispute about a resource that is not shared, or about the refusal (or partial approval) of a request: a case for the provider's region's authority",
        body: DisputeBody,
        response: { 201: ShareDisputeDetail },
      },
    },
    async (request, reply) => {
      const id = await raiseDispute(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readDispute(db, request.ctx, platform, id));
    },
  );

  app.get(
    '/share/disputes',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary:
          "Disputes: those the own department raised (side=applicant), those on its resources (provider), or the region's (authority, auditors)",
        querystring: DisputeListQuery,
        response: { 200: Page(ShareDispute) },
      },
    },
    async (request) => listDisputesOf(db, request.ctx, platform, request.query),
  );

  app.get(
    '/share/disputes/:id',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary: 'One dispute with its steps, due date and outcome',
        params: IdParams,
        response: { 200: ShareDisputeDetail },
      },
    },
    async (request) => readDispute(db, request.ctx, platform, request.params.id),
  );

  app.post(
    '/share/disputes/:id/resolve',
    {
      config: { permission: 'share.dispute.coordinate' },
      schema: {
        tags,
        summary:
          'The coordinating authority records the outcome (shared, not shared, other) and closes the dispute',
        params: IdParams,
        body: ResolveBody,
        response: { 200: ShareDisputeDetail },
      },
    },
    async (request) => {
      await resolveDispute(db, request.ctx, request.params.id, request.body);
      return readDispute(db, request.ctx, platform, request.params.id);
    },
  );

  app.post(
    '/share/disputes/:id/withdraw',
    {
      config: { permission: 'share.request' },
      schema: {
        tags,
        summary: 'The department that raised an open dispute withdraws it',
        params: IdParams,
        response: { 200: ShareDisputeDetail },
      },
    },
    async (request) => {
      await withdrawDispute(db, request.ctx, request.params.id);
      return readDispute(db, request.ctx, platform, request.params.id);
    },
  );
}
