import type { AppInstance } from '../../../platform/http/types.ts';
import { DatasetParams, DownloadQuery, OpenPreview, OpenRecordsPage, OpenRecordsQuery } from './data.schemas.ts';
import { downloadDataset, previewDataset, queryOpenRecords } from './data.service.ts';

const tags = ['open-data'];
const security: { [scheme: string]: string[] }[] = [{ apiKey: [] }, { session: [] }];
const who =
  ' For identity-authenticated public users (session or personal API key); unconditionally open datasets only.';

/**
 * Open data for the public (数据开放, CQ19 §33, CQO §13/§23): download a dataset, call the records
 * API, preview the first rows. Rate limited per key / user like every route.
 */
export async function openDataRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/open/datasets/:id/download',
    {
      config: { permission: 'open.data' },
      schema: {
        tags,
        security,
        summary: 'Download a dataset, masked, streamed: CSV (header of field names), JSON, XLSX or JSON lines.' + who,
        params: DatasetParams,
        querystring: DownloadQuery,
      },
    },
    async (request, reply) => {
      const download = await downloadDataset(platform.database, platform, request.ctx, request.params.id, request.query);
      return reply
        .type(download.contentType)
        .header('content-disposition', `attachment; filename="${download.fileName}"`)
        .send(download.body);
    },
  );

  app.get(
    '/open/datasets/:id/records',
    {
      config: { permission: 'open.data' },
      schema: {
        tags,
        security,
        summary:
          'Records of a dataset, masked: filters `<field>=<op>.<value>` (eq, ne, in, prefix, gt, gte, lt, lte; `null`, `not_null`; not on masked items), `fields`, `limit`, keyset paging by `after`.' +
          who,
        params: DatasetParams,
        querystring: OpenRecordsQuery,
        response: { 200: OpenRecordsPage },
      },
    },
    async (request) => queryOpenRecords(db, platform, request.ctx, request.params.id, request.query),
  );

  app.get(
    '/open/datasets/:id/preview',
    {
      config: { permission: 'open.data' },
      schema: {
        tags,
        security,
        summary: 'The first rows of a dataset, masked, for its page in the portal.' + who,
        params: DatasetParams,
        response: { 200: OpenPreview },
      },
    },
    async (request) => previewDataset(db, platform, request.ctx, request.params.id),
  );
}
