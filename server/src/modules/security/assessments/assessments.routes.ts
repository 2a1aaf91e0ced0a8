import { Type } from 'typebox';
import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { IdParams } from '../security.schemas.ts';
import { expertsToAsk, listVisibleAssessments, readAssessment } from './assessments.reads.ts';
import {
  AskExpertsBody,
  Assessment,
  AssessmentDetail,
  AssessmentQuery,
  CreateAssessmentBody,
  Expert,
  OpinionBody,
  UpdateAssessmentBody,
} from './assessments.schemas.ts';
import { askExperts, correctAssessment, giveOpinion, recordAssessment } from './assessments.service.ts';

const tags = ['security'];

/**
 * Risk assessments (CQ19 §43, CQ18 §28) and re-identification assessments of aggregated data with
 * the expert committee's opinions (CQO §37(4)). Experts use the `/security/expert/…` routes.
 */
export async function securityAssessmentRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const rules = () => platform.profile.security.riskAssessments;
  const read = { permission: 'security.incident.read' } as const;
  const manage = { permission: 'security.incident.manage' } as const;
  const opinion = { permission: 'security.assessment.opinion' } as const;
  const detail = (ctx: RequestContext, id: string) => readAssessment(db, ctx, id, false);

  app.get(
    '/security/assessments',
    {
      config: read,
      schema: {
        tags,
        summary: 'Risk assessments the caller may see, latest first',
        querystring: AssessmentQuery,
        response: { 200: Page(Assessment) },
      },
    },
    async (request) => listVisibleAssessments(db, request.ctx, request.query, false),
  );

  app.post(
    '/security/assessments',
    {
      config: manage,
      schema: {
        tags,
        summary: "Record a risk assessment of the caller's department (an authority: of its region)",
        body: CreateAssessmentBody,
        response: { 201: AssessmentDetail },
      },
    },
    async (request, reply) => {
      const id = await recordAssessment(db, request.ctx, rules(), request.body);
      return reply.status(201).send(await detail(request.ctx, id));
    },
  );

  app.get(
    '/security/assessments/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One assessment with the combined resources and the experts’ opinions',
        params: IdParams,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => detail(request.ctx, request.params.id),
  );

  app.patch(
    '/security/assessments/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Correct an assessment',
        params: IdParams,
        body: UpdateAssessmentBody,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => {
      await correctAssessment(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  app.post(
    '/security/assessments/:id/experts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Ask members of the expert committee for a written opinion',
        params: IdParams,
        body: AskExpertsBody,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => {
      await askExperts(db, request.ctx, request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  app.get(
    '/security/experts',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Members of the expert committee one may ask',
        response: { 200: Type.Object({ items: Type.Array(Expert) }) },
      },
    },
    async () => ({ items: await expertsToAsk(db) }),
  );

  app.get(
    '/security/expert/assessments',
    {
      config: opinion,
      schema: {
        tags,
        summary: 'The assessments the calling expert was asked about',
        querystring: AssessmentQuery,
        response: { 200: Page(Assessment) },
      },
    },
    async (request) => listVisibleAssessments(db, request.ctx, request.query, true),
  );

  app.get(
    '/security/expert/assessments/:id',
    {
      config: opinion,
      schema: {
        tags,
        summary: 'One assessment the calling expert was asked about, with the own opinion',
        params: IdParams,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => readAssessment(db, request.ctx, request.params.id, true),
  );

  app.put(
    '/security/expert/assessments/:id/opinion',
    {
      config: opinion,
      schema: {
        tags,
        summary: 'Give (or rewrite) the calling expert’s written opinion',
        params: IdParams,
        body: OpinionBody,
        response: { 200: AssessmentDetail },
      },
    },
    async (request) => {
      await giveOpinion(db, request.ctx, request.params.id, request.body.opinion);
      return readAssessment(db, request.ctx, request.params.id, true);
    },
  );
}
