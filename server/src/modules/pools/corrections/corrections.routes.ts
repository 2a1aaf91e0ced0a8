import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { TableParams } from '../pools.schemas.ts';
import { correctionHistory, listCorrectionsOf, readCorrection } from './corrections.reads.ts';
import {
  AcceptBody,
  Correction,
  CorrectionChange,
  CorrectionDetail,
  CorrectionListQuery,
  CorrectionParams,
  HistoryQuery,
  RejectBody,
  ReportBody,
} from './corrections.schemas.ts';
import { acceptCorrection, rejectCorrection, reportCorrection } from './corrections.service.ts';

const tags = ['pools'];

/**
 * Correction requests on pool records (疑义/错误校核, CQ19 §19, CQ18 §20, CQO §22): report, the two
 * lists, one request, the provider's decision, and a table's correction history. Extensions of the
 * deadline go through the case routes (`/cases/:id/extension`), the request's id being its case's.
 */
export async function correctionRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/pools/tables/:resourceId/corrections',
    {
      config: { permission: 'pool.correction.report' },
      schema: {
        tags,
        summary:
          "Report a suspected error on a record (by its key): opens a case with the profile's reply deadline",
        params: TableParams,
        body: ReportBody,
        response: { 201: CorrectionDetail },
      },
    },
    async (request, reply) => {
      const id = await reportCorrection(db, request.ctx, platform, request.params.resourceId, request.body);
      return reply.status(201).send(await readCorrection(db, request.ctx, platform, id));
    },
  );

  app.get(
    '/pools/corrections/reported',
    {
      config: { permission: 'pool.correction.report' },
      schema: {
        tags,
        summary: "Requests the caller's department (or, for the public, the caller) reported, newest first",
        querystring: CorrectionListQuery,
        response: { 200: Page(Correction) },
      },
    },
    async (request) => listCorrectionsOf(db, request.ctx, platform, 'reporter', request.query),
  );

  app.get(
    '/pools/corrections/received',
    {
      config: { permission: 'pool.correction.answer' },
      schema: {
        tags,
        summary: "Requests on the caller's department's resources, with due dates and overdue flags",
        querystring: CorrectionListQuery,
        response: { 200: Page(Correction) },
      },
    },
    async (request) => listCorrectionsOf(db, request.ctx, platform, 'provider', request.query),
  );

  app.get(
    '/pools/corrections/:id',
    {
      config: { permission: 'pool.correction.report' },
      schema: {
        tags,
        summary: 'One request with its steps and the changes it made (its reporter or its provider)',
        params: CorrectionParams,
        response: { 200: CorrectionDetail },
      },
    },
    async (request) => readCorrection(db, request.ctx, platform, request.params.id),
  );

  app.post(
    '/pools/corrections/:id/accept',
    {
      config: { permission: 'pool.correction.answer' },
      schema: {
        tags,
        summary:
          'Accept: the record is corrected as a new version of the table, with history (the provider only)',
        params: CorrectionParams,
        body: AcceptBody,
        response: { 200: CorrectionDetail },
      },
    },
    async (request) => {
      await acceptCorrection(db, request.ctx, platform.keyring, request.params.id, request.body);
      return readCorrection(db, request.ctx, platform, request.params.id);
    },
  );

  app.post(
    '/pools/corrections/:id/reject',
    {
      config: { permission: 'pool.correction.answer' },
      schema: {
        tags,
        summary: 'Reject, with the reason (the provider only)',
        params: CorrectionParams,
        body: RejectBody,
        response: { 200: CorrectionDetail },
      },
    },
    async (request) => {
      await rejectCorrection(db, request.ctx, request.params.id, request.body);
      return readCorrection(db, request.ctx, platform, request.params.id);
    },
  );

  app.get(
    '/pools/tables/:resourceId/corrections/history',
    {
      config: { permission: 'pool.data.read' },
      schema: {
        tags,
        summary: 'Values changed by accepted corrections, of the table or of one record (the provider only)',
        params: TableParams,
        querystring: HistoryQuery,
        response: { 200: Page(CorrectionChange) },
      },
    },
    async (request) => correctionHistory(db, request.ctx, request.params.resourceId, request.query),
  );
}
