import { Page, pageWindow } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { forbidden } from '../../platform/policy/policy.ts';
import { IdParams } from '../org/org.schemas.ts';
import { listApiKeys } from './apikeys.repository.ts';
import { ApiKey, ApiKeyQuery, CreateApiKeyBody, CreatedApiKey } from './apikeys.schemas.ts';
import { issueApiKey, listScope, presentApiKey, revoke } from './apikeys.service.ts';

const tags = ['api keys'];

/** API keys for departments' applications (machine clients). */
export async function apiKeyRoutes(app: AppInstance) {
  const { database, authenticator } = app.platform;
  const db = database.db;

  app.get(
    '/api-keys',
    {
      config: { permission: 'apikey.manage' },
      schema: {
        tags,
        summary: 'List API keys in your scope',
        querystring: ApiKeyQuery,
        response: { 200: Page(ApiKey) },
      },
    },
    async (request) => {
      const scope = listScope(request.ctx);
      if (
        scope.departmentId &&
        request.query.departmentId &&
        request.query.departmentId !== scope.departmentId
      ) {
        throw forbidden('policy.out_of_department_scope');
      }
      const window = pageWindow(request.query);
      const result = await listApiKeys(db, { departmentId: request.query.departmentId, ...scope, ...window });
      return {
        items: result.items.map(presentApiKey),
        total: result.total,
        page: window.page,
        pageSize: window.pageSize,
      };
    },
  );

  app.post(
    '/api-keys',
    {
      config: { permission: 'apikey.manage' },
      schema: {
        tags,
        summary: 'Issue an API key for a department application (the key is shown once)',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey },
      },
    },
    async (request, reply) => reply.status(201).send(await issueApiKey(db, request.ctx, request.body)),
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { permission: 'apikey.manage' },
      schema: { tags, summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey } },
    },
    async (request) => revoke(db, authenticator, request.ctx, request.params.id),
  );
}
