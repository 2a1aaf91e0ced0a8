import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import { breachDetail, breachList } from './supervision.reads.ts';
import {
  Breach,
  BreachBody,
  BreachDecisionBody,
  BreachListQuery,
  IdParams,
  RectificationBody,
} from './supervision.schemas.ts';
import { decideBreach, reportBreach, reportRectification } from './supervision.service.ts';

const tags = ['opening'];

/**
 * Usage supervision of conditionally open data (CQO §39): record a breach (the user's access is
 * suspended at once), the user's rectification report, and the decision — accept (access reopens)
 * or terminate the agreement.
 */
export async function supervisionRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/open/agreements/:id/breaches',
    {
      config: { permission: 'open.agreement.supervise' },
      schema: {
        tags,
        summary: "Record a breach of the agreement: the user's access is suspended pending rectification",
        params: IdParams,
        body: BreachBody,
        response: { 201: Breach },
      },
    },
    async (request, reply) => {
      const row = await reportBreach(db, platform, request.ctx, request.params.id, request.body);
      return reply.status(201).send(await breachDetail(db, request.ctx.actor!, row.id));
    },
  );

  app.get(
    '/open/breaches',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          "Breaches: a public user's own, the provider department's, or the region's (authority, auditors)",
        querystring: BreachListQuery,
        response: { 200: Type.Array(Breach) },
      },
    },
    async (request) => breachList(db, request.ctx.actor!, request.query),
  );

  app.get(
    '/open/breaches/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'One breach with its rectification',
        params: IdParams,
        response: { 200: Breach },
      },
    },
    async (request) => breachDetail(db, request.ctx.actor!, request.params.id),
  );

  app.post(
    '/open/breaches/:id/rectification',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary: 'Report what was rectified (the user of the agreement)',
        params: IdParams,
        body: RectificationBody,
        response: { 200: Breach },
      },
    },
    async (request) => {
      await reportRectification(db, request.ctx, request.params.id, request.body.report);
      return breachDetail(db, request.ctx.actor!, request.params.id);
    },
  );

  app.post(
    '/open/breaches/:id/decision',
    {
      config: { permission: 'open.agreement.supervise' },
      schema: {
        tags,
        summary: 'Accept the rectification (access reopens) or terminate the agreement (access ends)',
        params: IdParams,
        body: BreachDecisionBody,
        response: { 200: Breach },
      },
    },
    async (request) => {
      const { decision, note } = request.body;
      await decideBreach(db, request.ctx, request.params.id, decision, note);
      return breachDetail(db, request.ctx.actor!, request.params.id);
    },
  );
}
