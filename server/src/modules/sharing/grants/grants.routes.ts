import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../sharing-views.ts';
import { listGrantsOf, readGrant, revokeGrantWithReason } from './grants.reads.ts';
import { Grant, GrantListQuery, RevokeBody } from './grants.schemas.ts';

const tags = ['sharing'];

/**
 * Grant management (共享授权): the lists of the consuming department, of the provider and of the
 * region's authority and auditors, one grant, and revocation (the provider, or the authority of the
 * provider's region), which stops the calls under the grant at once.
 */
export async function grantRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/share/grants',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary:
          "Grants: the own department's (side=consumer), those on its resources (provider), or every grant of the region tree (region: authority, auditors)",
        querystring: GrantListQuery,
        response: { 200: Page(Grant) },
      },
    },
    async (request) => listGrantsOf(db, request.ctx, request.query),
  );

  app.get(
    '/share/grants/:id',
    {
      config: { permission: 'share.read' },
      schema: {
        tags,
        summary:
          'One grant: resource, items, row filter, masking per item, purpose, application, period, status',
        params: IdParams,
        response: { 200: Grant },
      },
    },
    async (request) => readGrant(db, request.ctx, request.params.id),
  );

  app.post(
    '/share/grants/:id/revoke',
    {
      config: { permission: 'share.grant.revoke' },
      schema: {
        tags,
        summary:
          "Revoke a grant with its reason (the provider, or the authority of the provider's region): calls under it are refused at once",
        params: IdParams,
        body: RevokeBody,
        response: { 200: Grant },
      },
    },
    async (request) => revokeGrantWithReason(db, request.ctx, request.params.id, request.body.reason),
  );
}
