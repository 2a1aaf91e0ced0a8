import type { AppInstance } from '../../../platform/http/types.ts';
import { requestOrigin } from '../../dcat/open-catalog.ts';
import { chartCache, readChart } from './chart.service.ts';
import { ChartResponse, DatasetPage, DatasetParams, HomePage } from './portal.schemas.ts';
import { portalCaches, readDatasetPage, readHome } from './portal.service.ts';

const tags = ['open-portal'];

/**
 * The open-data portal's public reads (issue 7), no sign-in: the home page, a dataset's page and the
 * chart of its data. Search is the open catalog's (GET /open-catalog/datasets). Data itself (download,
 * records, preview) is behind identity authentication, in modules/opening/data.
 */
export async function openPortalRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const caches = portalCaches();
  const charts = chartCache();

  app.get(
    '/open/home',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The portal home page: counts, newest and most used datasets, themes, departments',
        response: { 200: HomePage },
      },
    },
    async (request) => readHome(db, request.ctx),
  );

  app.get(
    '/open/datasets/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'An open dataset’s page: metadata, access points, quality, update history, use, related',
        params: DatasetParams,
        response: { 200: DatasetPage },
      },
    },
    async (request) =>
      readDatasetPage(db, request.ctx, { origin: requestOrigin(request), caches }, request.params.id),
  );

  app.get(
    '/open/datasets/:id/chart',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'A chart of an open dataset’s data: grouped counts, groups below the profile’s k suppressed',
        params: DatasetParams,
        response: { 200: ChartResponse },
      },
    },
    async (request) =>
      readChart(
        db,
        request.ctx,
        { profile: platform.profile, locale: request.locale, cache: charts },
        request.params.id,
      ),
  );
}
