import { Type } from 'typebox';
import type { AppInstance } from '../../platform/http/types.ts';
import { Page } from '../../platform/http/pagination.ts';
import { IdParams } from './catalog.schemas.ts';
import { decideEntries, forwardList, submitList, withdrawList } from './review.service.ts';
import { listVisibleSubmissions, readSubmission } from './submissions.service.ts';
import { acknowledgeFilings, listFilings } from './supplements.service.ts';
import {
  DecisionsBody,
  Filing,
  NoteBody,
  Submission,
  SubmissionDetail,
  SubmissionQuery,
  SubmitBody,
} from './review.schemas.ts';

const tags = ['catalog'];

/** Catalog lists on their way to the published catalog: submit, forward, review, withdraw. */
export async function catalogReviewRoutes(app: AppInstance) {
  const db = app.platform.database.db;
  const env = app.platform;

  app.post(
    '/catalog/submissions',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: "Submit the department's catalog list for review",
        body: SubmitBody,
        response: { 201: SubmissionDetail },
      },
    },
    async (request, reply) => {
      const id = await submitList(db, request.ctx, env, request.body);
      return reply.status(201).send(await readSubmission(db, request.ctx, id));
    },
  );

  app.get(
    '/catalog/submissions',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Submitted catalog lists',
        querystring: SubmissionQuery,
        response: { 200: Page(Submission) },
      },
    },
    async (request) => listVisibleSubmissions(db, request.ctx, request.query),
  );

  app.get(
    '/catalog/submissions/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'A submission with its entries and diffs',
        params: IdParams,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) => readSubmission(db, request.ctx, request.params.id),
  );

  app.post(
    '/catalog/submissions/:id/forward',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'A lower authority forwards the list upward',
        params: IdParams,
        body: NoteBody,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) => {
      await forwardList(db, request.ctx, env, request.params.id, request.body?.note);
      return readSubmission(db, request.ctx, request.params.id);
    },
  );

  app.post(
    '/catalog/submissions/:id/decisions',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'Approve or return entries (a return needs a reason)',
        params: IdParams,
        body: DecisionsBody,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) => {
      await decideEntries(db, request.ctx, env, request.params.id, request.body.decisions);
      return readSubmission(db, request.ctx, request.params.id);
    },
  );

  app.post(
    '/catalog/submissions/:id/withdraw',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'The department takes its list back',
        params: IdParams,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) => {
      await withdrawList(db, request.ctx, request.params.id);
      return readSubmission(db, request.ctx, request.params.id);
    },
  );

  app.get(
    '/catalog/supplements',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'Supplementary catalogs filed by the regions below (SC §9)',
        querystring: Type.Object(
          { acknowledged: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Filing) },
      },
    },
    async (request) => listFilings(db, request.ctx, request.query.acknowledged),
  );

  app.post(
    '/catalog/supplements/acknowledge',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'Acknowledge supplementary filings',
        body: Type.Object(
          {
            entryIds: Type.Array(Type.String({ format: 'uuid' }), {
              minItems: 1,
              maxItems: 1000,
              uniqueItems: true,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ acknowledged: Type.Integer() }) },
      },
    },
    async (request) => acknowledgeFilings(db, request.ctx, request.body.entryIds),
  );
}
