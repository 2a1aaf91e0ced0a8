import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { IdParams } from '../catalog.schemas.ts';
import { listOwnSuggestions, listVisibleDemands, readDemand, readSuggestion } from './demands.read.ts';
import {
  AcceptBody,
  Demand,
  DemandBody,
  DemandDetail,
  DemandQuery,
  LinkBody,
  MatchBody,
  ReasonBody,
  RouteBody,
  Suggestion,
  SuggestionBody,
} from './demands.schemas.ts';
import {
  acceptDemand,
  declineDemand,
  fileDemand,
  linkResource,
  matchDemand,
  rejectDemand,
  routeDemand,
  suggestData,
} from './demands.service.ts';

const tags = ['catalog'];

/**
 * Demand lists (CQ19 §12) and public suggestions (CQO §14): filing, reading, and the answers of the
 * authority (match / route / reject) and of the routed provider (accept / decline / link).
 */
export async function demandRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const detail = (request: { ctx: RequestContext; params: { id: string } }) =>
    readDemand(db, request.ctx, platform.profile, request.params.id);

  app.post(
    '/catalog/demands',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'A department files a demand for data it needs; candidates are found by search',
        body: DemandBody,
        response: { 201: DemandDetail },
      },
    },
    async (request, reply) => {
      const id = await fileDemand(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readDemand(db, request.ctx, platform.profile, id));
    },
  );

  app.get(
    '/catalog/demands',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Demands the caller may see (filed, routed to, or answered by its department; its regions)',
        querystring: DemandQuery,
        response: { 200: Page(Demand) },
      },
    },
    async (request) => listVisibleDemands(db, request.ctx, request.query),
  );

  app.post(
    '/catalog/demands/suggestions',
    {
      config: { permission: 'catalog.demand.suggest' },
      schema: {
        tags,
        summary: 'A member of the public suggests data to open',
        body: SuggestionBody,
        response: { 201: Suggestion },
      },
    },
    async (request, reply) => {
      const id = await suggestData(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readSuggestion(db, request.ctx, id));
    },
  );

  app.get(
    '/catalog/demands/suggestions',
    {
      config: { permission: 'catalog.demand.suggest' },
      schema: {
        tags,
        summary: "The caller's own suggestions with their answers",
        querystring: Type.Object(PageQuery.properties, { additionalProperties: false }),
        response: { 200: Page(Suggestion) },
      },
    },
    async (request) => listOwnSuggestions(db, request.ctx, request.query),
  );

  app.get(
    '/catalog/demands/suggestions/:id',
    {
      config: { permission: 'catalog.demand.suggest' },
      schema: {
        tags,
        summary: 'One of the caller’s own suggestions with its answers',
        params: IdParams,
        response: { 200: Suggestion },
      },
    },
    async (request) => readSuggestion(db, request.ctx, request.params.id),
  );

  app.get(
    '/catalog/demands/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'A demand with its candidates, answers, cases (due dates) and history',
        params: IdParams,
        response: { 200: DemandDetail },
      },
    },
    async (request) => detail(request),
  );

  app.post(
    '/catalog/demands/:id/match',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'The authority matches the demand to published resources the requester can use',
        params: IdParams,
        body: MatchBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await matchDemand(db, request.ctx, request.params.id, request.body);
      return detail(request);
    },
  );

  app.post(
    '/catalog/demands/:id/route',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'The authority routes the demand to the department that should provide the data',
        params: IdParams,
        body: RouteBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await routeDemand(db, request.ctx, platform, request.params.id, request.body);
      return detail(request);
    },
  );

  app.post(
    '/catalog/demands/:id/reject',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'The authority rejects the demand with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await rejectDemand(db, request.ctx, request.params.id, request.body);
      return detail(request);
    },
  );

  app.post(
    '/catalog/demands/:id/accept',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'The routed department accepts: it will add the data to its catalog',
        params: IdParams,
        body: AcceptBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await acceptDemand(db, request.ctx, request.params.id, request.body ?? {});
      return detail(request);
    },
  );

  app.post(
    '/catalog/demands/:id/decline',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'The routed department declines with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await declineDemand(db, request.ctx, request.params.id, request.body);
      return detail(request);
    },
  );

  app.post(
    '/catalog/demands/:id/link',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'The routed department links the resource it added for an accepted demand',
        params: IdParams,
        body: LinkBody,
        response: { 200: DemandDetail },
      },
    },
    async (request) => {
      await linkResource(db, request.ctx, request.params.id, request.body);
      return detail(request);
    },
  );
}
