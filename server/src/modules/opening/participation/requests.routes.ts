import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../../sharing/sharing-views.ts';
import { DatasetParams } from './feedback.schemas.ts';
import { listHandledRequests, listOwnRequests, readRequest } from './requests.reads.ts';
import {
  AnswerBody,
  CatalogCorrectionBody,
  DataErrorBody,
  HandledRequestsQuery,
  OpinionBody,
  OwnRequestsQuery,
  ParticipationRequest,
  ParticipationRequestDetail,
} from './requests.schemas.ts';
import { answerRequest, fileCatalogCorrection, fileDataError, fileOpinion } from './requests.service.ts';

const tags = ['open-participation'];

/**
 * Requests answered in the portal: open-catalog corrections (CQ19 §32) and data error reports
 * (CQO §22) for the provider, opinions on the open service (CQ19 §37) for the authority. Filing and
 * the own list need `open.participate`; the handlers' routes say `authenticated` because the
 * provider (`open.participation.answer`) and the authority (`open.participation.manage`) both reach
 * them: the service decides, and answers 404 outside the handler's reach.
 */
export async function requestRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const filed = (request: { ctx: Parameters<typeof readRequest>[1] }, id: string) =>
    readRequest(db, request.ctx, platform, id);

  app.post(
    '/open/datasets/:id/catalog-corrections',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary:
          'Ask the provider to correct an open dataset’s catalog entry (CQ19 §32); due per the profile’s openCatalogCorrectionReply',
        params: DatasetParams,
        body: CatalogCorrectionBody,
        response: { 201: ParticipationRequestDetail },
      },
    },
    async (request, reply) => {
      const id = await fileCatalogCorrection(db, request.ctx, platform, request.params.id, request.body);
      return reply.status(201).send(await filed(request, id));
    },
  );

  app.post(
    '/open/datasets/:id/error-reports',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary:
          'Report an error in an open dataset’s data to its provider (CQO §22); due per the profile’s correctionReply',
        params: DatasetParams,
        body: DataErrorBody,
        response: { 201: ParticipationRequestDetail },
      },
    },
    async (request, reply) => {
      const id = await fileDataError(db, request.ctx, platform, request.params.id, request.body);
      return reply.status(201).send(await filed(request, id));
    },
  );

  app.post(
    '/open/opinions',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary:
          'Give an opinion on the open service (CQ19 §37) to the authority of the dataset’s region, or of the portal’s',
        body: OpinionBody,
        response: { 201: ParticipationRequestDetail },
      },
    },
    async (request, reply) => {
      const id = await fileOpinion(db, request.ctx, platform, request.body);
      return reply.status(201).send(await filed(request, id));
    },
  );

  app.get(
    '/open/me/participation',
    {
      config: { permission: 'open.participate' },
      schema: {
        tags,
        summary: 'The caller’s own corrections, error reports and opinions: state, due date and answer',
        querystring: OwnRequestsQuery,
        response: { 200: Page(ParticipationRequest) },
      },
    },
    async (request) => listOwnRequests(db, request.ctx, platform, request.query),
  );

  app.get(
    '/open/participation/requests',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'Requests for the own department (provider) or of the region (authority), with due dates',
        querystring: HandledRequestsQuery,
        response: { 200: Page(ParticipationRequest) },
      },
    },
    async (request) => listHandledRequests(db, request.ctx, platform, request.query),
  );

  app.get(
    '/open/participation/requests/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'One request with its case (due date, extension, steps) and reply rule; 404 outside reach',
        params: IdParams,
        response: { 200: ParticipationRequestDetail },
      },
    },
    async (request) => filed(request, request.params.id),
  );

  app.post(
    '/open/participation/requests/:id/answer',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'Accept or reject a request with the answer: the provider for corrections and error reports, the authority for opinions; 409 answered already',
        params: IdParams,
        body: AnswerBody,
        response: { 200: ParticipationRequestDetail },
      },
    },
    async (request) => {
      await answerRequest(db, request.ctx, request.params.id, request.body);
      return filed(request, request.params.id);
    },
  );
}
