import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../security.schemas.ts';
import { listVisibleDrills, listVisiblePlans, readPlan } from './drills.reads.ts';
import {
  CreateDrillBody,
  CreatePlanBody,
  Drill,
  DrillQuery,
  Plan,
  PlanDetail,
  PlanQuery,
  UpdatePlanBody,
} from './drills.schemas.ts';
import { recordDrill, registerPlan, revisePlan } from './drills.service.ts';

const tags = ['security'];

/** Emergency plans and their drills (CQ19 §44, CQO §37(2), SC §42, CQ18 §28). */
export async function securityDrillRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const read = { permission: 'security.incident.read' } as const;
  const manage = { permission: 'security.incident.manage' } as const;

  app.get(
    '/security/plans',
    {
      config: read,
      schema: {
        tags,
        summary: 'Emergency plans the caller may see, with review and drill due dates from the profile',
        querystring: PlanQuery,
        response: { 200: Page(Plan) },
      },
    },
    async (request) => listVisiblePlans(db, request.ctx, platform.profile.security, request.query),
  );

  app.post(
    '/security/plans',
    {
      config: manage,
      schema: {
        tags,
        summary: "Register an emergency plan of the caller's department (an authority: of its region)",
        body: CreatePlanBody,
        response: { 201: PlanDetail },
      },
    },
    async (request, reply) => {
      const id = await registerPlan(db, request.ctx, request.body);
      return reply.status(201).send(await readPlan(db, request.ctx, platform.profile.security, id));
    },
  );

  app.get(
    '/security/plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One plan with its text and drills',
        params: IdParams,
        response: { 200: PlanDetail },
      },
    },
    async (request) => readPlan(db, request.ctx, platform.profile.security, request.params.id),
  );

  app.patch(
    '/security/plans/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Revise a plan (new version, approval date) or retire it',
        params: IdParams,
        body: UpdatePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (request) => {
      await revisePlan(db, request.ctx, request.params.id, request.body);
      return readPlan(db, request.ctx, platform.profile.security, request.params.id);
    },
  );

  app.post(
    '/security/plans/:id/drills',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Record a drill held on the plan: date, scenario, participants, result, findings, follow-ups',
        params: IdParams,
        body: CreateDrillBody,
        response: { 201: PlanDetail },
      },
    },
    async (request, reply) => {
      await recordDrill(db, request.ctx, request.params.id, request.body);
      return reply
        .status(201)
        .send(await readPlan(db, request.ctx, platform.profile.security, request.params.id));
    },
  );

  app.get(
    '/security/drills',
    {
      config: read,
      schema: {
        tags,
        summary: 'Drills the caller may see, latest first',
        querystring: DrillQuery,
        response: { 200: Page(Drill) },
      },
    },
    async (request) => listVisibleDrills(db, request.ctx, request.query),
  );
}
