import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../sharing-views.ts';
import { decideRequest, openRequest } from './requests.decisions.ts';
import { listRequestsOf, readRequest } from './requests.reads.ts';
import {
  DecisionBody,
  OpenBody,
  RequestBody,
  RequestListQuery,
  ShareRequest,
  ShareRequestDetail,
} from './requests.schemas.ts';
import { createRequest, withdrawRequest } from './requests.service.ts';

const tags = ['sharing'];

/**
 * Share requests (共享申请): file one (unconditional: granted at once; conditional: a case for the
 * provider; not shared: 409), the three lists, one request with its steps, the provider's answer,
 * the authority's opening (SC §25) and withdrawal. Extensions of the provider's deadline go through
 * the case routes (`/cases/:caseId/extension`) where the profile's rule allows one.
 */
export async function requestRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/share/requests',
    {
      config: { permission: 'share.request' },
      schema: {
        tags,
        summary:
          'Ask for a shared resource for an own application: unconditional → granted at once; conditional → a case for the provider; not shared → 409',
        body: RequestBody,
        response: { 201: ShareRequestDetail },
      },
    },
    async (request, reply) => {
      const id = await createRequest(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readRequest(db, request.ctx, platform, id));
    },
  );

  app.get(
    '/share/requests',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary:
          "Requests: the own department's (side=applicant), those on its resources (provider), or the region's (authority, auditors)",
        querystring: RequestListQuery,
        response: { 200: Page(ShareRequest) },
      },
    },
    async (request) => listRequestsOf(db, request.ctx, platform, request.query),
  );

  app.get(
    '/share/requests/:id',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary: 'One request: its decision, every step with its due date, and its grant',
        params: IdParams,
        response: { 200: ShareRequestDetail },
      },
    },
    async (request) => readRequest(db, request.ctx, platform, request.params.id),
  );

  app.post(
    '/share/requests/:id/decision',
    {
      config: { permission: 'share.answer' },
      schema: {
        tags,
        summary:
          'The provider answers: approve, approve in part (fewer items, narrower rows, shorter period; with reason) or refuse (reason required)',
        params: IdParams,
        body: DecisionBody,
        response: { 200: ShareRequestDetail },
      },
    },
    async (request) => {
      await decideRequest(db, request.ctx, platform, request.params.id, request.body);
      return readRequest(db, request.ctx, platform, request.params.id);
    },
  );

  app.post(
    '/share/requests/:id/open',
    {
      config: { permission: 'share.grant.open' },
      schema: {
        tags,
        summary:
          "The authority of the provider's region opens access after the provider's approval (SC §25), optionally with masking per item",
        params: IdParams,
        body: OpenBody,
        response: { 200: ShareRequestDetail },
      },
    },
    async (request) => {
      await openRequest(db, request.ctx, platform, request.params.id, request.body);
      return readRequest(db, request.ctx, platform, request.params.id);
    },
  );

  app.post(
    '/share/requests/:id/withdraw',
    {
      config: { permission: 'share.request' },
      schema: {
        tags,
        summary: 'The applicant withdraws a request that still waits (for the provider or the authority)',
        params: IdParams,
        response: { 200: ShareRequestDetail },
      },
    },
    async (request) => {
      await withdrawRequest(db, request.ctx, request.params.id);
      return readRequest(db, request.ctx, platform, request.params.id);
    },
  );
}
