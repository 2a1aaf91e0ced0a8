import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import {
  BaseParams,
  BaseSource,
  BaseSummary,
  Build,
  Conflict,
  DataPage,
  DuplicateFlag,
  IdParams,
  RecordParams,
  SourceBody,
  SourceChangeBody,
  Theme,
  ThemeBody,
} from './basedb.schemas.ts';
import {
  presentBuild,
  presentConflict,
  presentSource,
  presentSummary,
  presentTheme,
} from './basedb.presenter.ts';
import { baseSummaries, buildBase, conflictsOf, readBaseRecord } from './build.service.ts';
import { assignSource, changeSource, duplicateFlags, removeSource, sourcesOf } from './sources.service.ts';
import { declareTheme, dropTheme, themeRows, themes } from './themes.service.ts';

const tags = ['base databases'];

/**
 * Base and theme databases (CQ19 §16, §17, SC §12, §17): one source per base item and the
 * duplicate-collection report, builds of the base databases from the pools with their conflicts,
 * and theme databases declared as views.
 */
export async function baseDbRoutes(app: AppInstance) {
  const db = app.platform.database.db;
  const sourceById = async (id: string) => (await sourcesOf(db)).find((row) => row.id === id)!;

  app.get(
    '/pools/base/sources',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'The source of every base item (一数一源)',
        response: { 200: Type.Array(BaseSource) },
      },
    },
    async () => (await sourcesOf(db)).map(presentSource),
  );

  app.post(
    '/pools/base/sources',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: 'Assign a base item its one source (a column of a pool table); a second source is refused',
        body: SourceBody,
        response: { 201: BaseSource },
      },
    },
    async (request, reply) => {
      const row = await assignSource(db, request.ctx, request.body);
      return reply.status(201).send(presentSource(await sourceById(row.id)));
    },
  );

  app.put(
    '/pools/base/sources/:id',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: "Change a base item's source; audited with before and after",
        params: IdParams,
        body: SourceChangeBody,
        response: { 200: BaseSource },
      },
    },
    async (request) => {
      await changeSource(db, request.ctx, request.params.id, request.body);
      return presentSource(await sourceById(request.params.id));
    },
  );

  app.delete(
    '/pools/base/sources/:id',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: "Withdraw a base item's source",
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeSource(db, request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/pools/base/duplicates',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "Duplicate collection: other departments' resources that collect a base item (own / region)",
        response: { 200: Type.Array(DuplicateFlag) },
      },
    },
    async (request) => duplicateFlags(db, request.ctx.actor!),
  );

  app.get(
    '/pools/base',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Every base database: key, sources, rows, conflicts, last build',
        response: { 200: Type.Array(BaseSummary) },
      },
    },
    async (request) => (await baseSummaries(db)).map((s) => presentSummary(s, request.locale)),
  );

  app.get(
    '/pools/base/:base',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'A base database: key, sources, rows, conflicts, last build',
        params: BaseParams,
        response: { 200: BaseSummary },
      },
    },
    async (request) =>
      presentSummary(
        (await baseSummaries(db)).find((s) => s.code === request.params.base)!,
        request.locale,
      ),
  );

  app.post(
    '/pools/base/:base/builds',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: 'Build (融合) a base database from its sources, in one transaction; conflicts are listed',
        description: '201 with the build; 409 naming the reason when it failed (nothing was changed).',
        params: BaseParams,
        response: { 201: Build },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentBuild(await buildBase(db, request.ctx, request.params.base), request.locale)),
  );

  app.get(
    '/pools/base/:base/conflicts',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "The last build's conflicts: values other departments hold differently from the source",
        params: BaseParams,
        querystring: PageQuery,
        response: { 200: Page(Conflict) },
      },
    },
    async (request) => {
      const { rows, total, window } = await conflictsOf(
        db,
        request.ctx.actor!,
        request.params.base,
        request.query,
      );
      return { items: rows.map(presentConflict), total, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/pools/base/:base/records/:key',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: 'A base database record by its key (ID number, credit code …); audited',
        params: RecordParams,
        response: { 200: Type.Record(Type.String(), Type.Unknown()) },
      },
    },
    async (request) => readBaseRecord(db, request.ctx, request.params.base, request.params.key),
  );

  app.get(
    '/pools/themes',
    {
      config: { permission: 'pool.read' },
      schema: { tags, summary: 'The declared theme databases', response: { 200: Type.Array(Theme) } },
    },
    async () => (await themes(db)).map(presentTheme),
  );

  app.post(
    '/pools/themes',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: 'Declare a theme database: a view joining base databases and pools; checked, audited',
        body: ThemeBody,
        response: { 201: Theme },
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentTheme(await declareTheme(db, request.ctx, request.body))),
  );

  app.delete(
    '/pools/themes/:id',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: 'Drop a theme database and its view; audited',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await dropTheme(db, request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/pools/themes/:id/rows',
    {
      config: { permission: 'pool.basedb.manage' },
      schema: {
        tags,
        summary: "A page of a theme database's rows (always current); audited",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: DataPage },
      },
    },
    async (request) => {
      const { rows, total, window } = await themeRows(db, request.ctx, request.params.id, request.query);
      return { items: rows, total, page: window.page, pageSize: window.pageSize };
    },
  );
}
