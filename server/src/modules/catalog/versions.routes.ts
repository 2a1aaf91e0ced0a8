import { Type } from 'typebox';
import { Page, PageQuery } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { IdParams } from './catalog.schemas.ts';
import {
  HistoryStep,
  NoteBody,
  PendingChange,
  Version,
  VersionDetail,
  VersionParams,
} from './review.schemas.ts';
import {
  listCatalogVersions,
  pendingChanges,
  publishVersion,
  readVersion,
  resourceHistory,
} from './versions.service.ts';

const tags = ['catalog'];

/** Published catalog versions, the changes waiting for the next one, and resource histories. */
export async function catalogVersionRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/catalog/versions',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Catalog versions, newest first',
        querystring: PageQuery,
        response: { 200: Page(Version) },
      },
    },
    async (request) => listCatalogVersions(db, request.query),
  );

  app.get(
    '/catalog/versions/pending',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Approved changes waiting for the next version',
        response: { 200: Type.Array(PendingChange) },
      },
    },
    async () => pendingChanges(db),
  );

  app.post(
    '/catalog/versions',
    {
      config: { permission: 'catalog.publish' },
      schema: {
        tags,
        summary: 'Publish the approved changes as a new catalog version',
        body: NoteBody,
        response: {
          201: Type.Object({
            number: Type.Integer(),
            added: Type.Integer(),
            changed: Type.Integer(),
            removed: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishVersion(db, request.ctx, app.platform, request.body?.note)),
  );

  app.get(
    '/catalog/versions/:number',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'A version with each change and its diff',
        params: VersionParams,
        response: { 200: VersionDetail },
      },
    },
    async (request) => readVersion(db, request.ctx, request.params.number),
  );

  app.get(
    '/catalog/resources/:id/history',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: "A resource's published history",
        params: IdParams,
        response: { 200: Type.Array(HistoryStep) },
      },
    },
    async (request) => resourceHistory(db, request.ctx, request.params.id),
  );
}
