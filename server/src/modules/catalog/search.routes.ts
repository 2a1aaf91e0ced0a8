import type { FastifyRequest } from 'fastify';
import type { AppInstance } from '../../platform/http/types.ts';
import { OpenCatalogPage, OpenCatalogQuery, ShareCatalogPage, ShareCatalogQuery } from './search.schemas.ts';
import { searchOpenCatalog, searchShareCatalog, type SearchContext } from './search.service.ts';

/** Full-text search with facets over the published catalog: the share catalog and the open catalog. */
export async function catalogSearchRoutes(app: AppInstance) {
  const db = app.platform.database.db;
  const who = (request: FastifyRequest): SearchContext => ({
    context: request.ctx,
    locale: request.locale,
    profile: app.platform.profile,
  });

  app.get(
    '/catalog/entries',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags: ['catalog'],
        summary: 'Search the share catalog (共享目录): every published resource, with facets',
        querystring: ShareCatalogQuery,
        response: { 200: ShareCatalogPage },
      },
    },
    async (request) => searchShareCatalog(db, who(request), request.query),
  );

  app.get(
    '/open-catalog/datasets',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['open-catalog'],
        summary: 'Search the open catalog (开放目录): open resources only, with facets; no sign-in',
        querystring: OpenCatalogQuery,
        response: { 200: OpenCatalogPage },
      },
    },
    async (request) => searchOpenCatalog(db, who(request), request.query),
  );
}
