import { notFound } from '../../platform/errors/app-error.ts';
import { Page, pageWindow } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { CreateRegionBody, IdParams, Region, RegionQuery, UpdateRegionBody } from './org.schemas.ts';
import { findRegion, listRegions } from './regions.repository.ts';
import { changeRegion, createRegion } from './regions.service.ts';

const tags = ['org'];

/** Administrative regions (行政区域). */
export async function regionRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/regions',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'List regions', querystring: RegionQuery, response: { 200: Page(Region) } },
    },
    async (request) => {
      const window = pageWindow({ page: request.query.page, pageSize: request.query.pageSize ?? 200 });
      const result = await listRegions(db, { ...request.query, ...window });
      return { ...result, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/regions/:id',
    {
      config: { permission: 'org.read' },
      schema: { tags, summary: 'One region', params: IdParams, response: { 200: Region } },
    },
    async (request) => {
      const region = await findRegion(db, request.params.id);
      if (!region) throw notFound('what.region');
      return region;
    },
  );

  app.post(
    '/regions',
    {
      config: { permission: 'org.region.manage' },
      schema: { tags, summary: 'Create a region', body: CreateRegionBody, response: { 201: Region } },
    },
    async (request, reply) => {
      const region = await createRegion(db, request.ctx, request.body);
      app.platform.authenticator.forgetAll();
      return reply.status(201).send(region);
    },
  );

  app.patch(
    '/regions/:id',
    {
      config: { permission: 'org.region.manage' },
      schema: {
        tags,
        summary: 'Change a region',
        params: IdParams,
        body: UpdateRegionBody,
        response: { 200: Region },
      },
    },
    async (request) => changeRegion(db, request.ctx, request.params.id, request.body),
  );
}
