import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { translate } from '../../platform/i18n/messages.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { requestOrigin } from '../dcat/open-catalog.ts';
import type { CkanParams } from './ckan.params.ts';
import {
  CkanDatastoreResult,
  CkanGroup,
  CkanOrganization,
  CkanOrganizationShow,
  CkanPackage,
  CkanResource,
  CkanSearchResult,
  Failure,
  Success,
} from './ckan.schemas.ts';
import { CKAN_ACTIONS, runCkanAction } from './ckan.service.ts';
import { queryWords } from '../../platform/search/segmenter.ts';

const tags = ['ckan'];
const Names = Type.Array(Type.String());
const TagSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  display_name: Type.String(),
  vocabulary_id: Type.Null(),
});

// The result of each action, for the OpenAPI document and as the serialisation allow-list.
const RESULTS: Record<string, TSchema> = {
  package_list: Names,
  package_search: CkanSearchResult,
  package_show: CkanPackage,
  resource_show: CkanResource,
  organization_list: Type.Union([Names, Type.Array(CkanOrganization)]),
  organization_show: CkanOrganizationShow,
  group_list: Type.Union([Names, Type.Array(CkanGroup)]),
  tag_list: Type.Union([Names, Type.Array(TagSummary)]),
  datastore_search: CkanDatastoreResult,
  help_show: Type.String(),
};

/**
 * CKAN Action API v3, read-only, over the open catalog (public; open resources only). Every action
 * answers GET with query parameters and POST with a JSON object, in CKAN's envelope. A personal API
 * key may come as the bare `Authorization` header, as CKAN clients send it (datastore_search rows).
 */
export async function ckanRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  const answer = async (name: string, params: unknown, request: FastifyRequest, reply: FastifyReply) => {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      return reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(translate('ckan.bad_body', request.locale)));
    }
    const env = {
      present: { origin: requestOrigin(request), locale: request.locale, profile: app.platform.profile },
      cut: queryWords,
      platform: app.platform,
    };
    const response = await runCkanAction(db, request.ctx, env, name, params as CkanParams);
    if (typeof response.body === 'string') {
      return reply
        .status(response.status)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(response.body));
    }
    return reply.status(response.status).send(response.body);
  };

  for (const [name, action] of Object.entries(CKAN_ACTIONS)) {
    const schema = {
      tags,
      summary: `CKAN ${name}`,
      description: action.help,
      response: {
        200: Success(RESULTS[name] ?? Type.Unknown()),
        400: Failure,
        403: Failure,
        404: Failure,
        409: Failure,
      },
    };
    const config = { permission: 'public', bareApiKey: true } as const;
    app.get(`/api/3/action/${name}`, { config, schema }, (request, reply) =>
      answer(name, request.query ?? {}, request, reply),
    );
    app.post(`/api/3/action/${name}`, { config, schema }, (request, reply) =>
      answer(name, request.body ?? {}, request, reply),
    );
  }

  // Any other action name: CKAN's 400 "Action name not known".
  const Unknown = Type.Object({ action: Type.String() });
  const unknownSchema = { tags, summary: 'Unknown CKAN action (400)', params: Unknown };
  app.get(
    '/api/3/action/:action',
    { config: { permission: 'public' }, schema: unknownSchema },
    (request, reply) => answer(request.params.action.slice(0, 100), {}, request, reply),
  );
  app.post(
    '/api/3/action/:action',
    { config: { permission: 'public' }, schema: unknownSchema },
    (request, reply) => answer(request.params.action.slice(0, 100), {}, request, reply),
  );
}
