import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Page, pageWindow } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { addEvidence, readEvidence } from './evidence.service.ts';
import {
  datasetSuspensions,
  objectionDetail,
  objectionPage,
  presentEvidence,
  presentSuspension,
} from './objections.reads.ts';
import {
  DatasetParams,
  Evidence,
  EvidenceParams,
  EvidenceQuery,
  Objection,
  ObjectionBody,
  ObjectionDetail,
  ObjectionListQuery,
  ObjectionParams,
  OutcomeBody,
  Suspension,
  SuspendBody,
} from './objections.schemas.ts';
import { decideObjection, fileObjection, suspendForObjection } from './objections.service.ts';
import type { EvidenceMediaType } from './objections.tables.ts';
import { decideSuspension, suspendDataset } from './suspensions.service.ts';

const tags = ['opening'];
const EVIDENCE_MEDIA: EvidenceMediaType[] = ['application/pdf', 'image/png', 'image/jpeg'];
const OUTCOMES = { withdraw: 'withdrawn', restore: 'restored', reprocess: 'reprocessed' } as const;

function mediaTypeOf(request: FastifyRequest): EvidenceMediaType {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return EVIDENCE_MEDIA.find((media) => media === type) ?? 'application/pdf';
}

/**
 * Objections to open data (异议, CQO §41) and suspensions of open datasets: a public user files an
 * objection with evidence files; the provider (or the region's authority) suspends the dataset at
 * once and decides the outcome; either may suspend on its own finding.
 */
export async function objectionRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  // Evidence arrives as the raw file; its size limit is the body limit of these types alone.
  app.addContentTypeParser(
    EVIDENCE_MEDIA,
    { parseAs: 'buffer', bodyLimit: platform.config.objectionEvidenceMaxBytes },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/open/objections',
    {
      config: { permission: 'open.objection.file' },
      schema: {
        tags,
        summary: 'Object that an open dataset infringes privacy or trade secrets (CQO §41)',
        body: ObjectionBody,
        response: { 201: ObjectionDetail },
      },
    },
    async (request, reply) => {
      const row = await fileObjection(db, platform, request.ctx, request.body);
      return reply.status(201).send(await objectionDetail(db, request.ctx.actor!, row.id));
    },
  );

  app.post(
    '/open/objections/:id/evidence',
    {
      config: { permission: 'open.objection.file' },
      schema: {
        tags,
        summary: 'Add an evidence file (PDF, PNG or JPEG as the request body; ?name= the file name)',
        params: ObjectionParams,
        querystring: EvidenceQuery,
        response: { 201: Evidence },
      },
    },
    async (request, reply) => {
      const content = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const stored = await addEvidence(db, platform, request.ctx, request.params.id, {
        name: request.query.name,
        mediaType: mediaTypeOf(request),
        content,
      });
      return reply.status(201).send(presentEvidence(stored));
    },
  );

  app.get(
    '/open/me/objections',
    {
      config: { permission: 'open.objection.file' },
      schema: {
        tags,
        summary: 'My objections with their outcome',
        querystring: ObjectionListQuery,
        response: { 200: Page(Objection) },
      },
    },
    async (request) => {
      const window = pageWindow(request.query);
      const { state, resourceId, ground } = request.query;
      const page = await objectionPage(db, request.ctx.actor!, true, { state, resourceId, ground }, window);
      return { ...page, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/open/objections',
    {
      config: { permission: 'open.objection.read' },
      schema: {
        tags,
        summary: "Objections to the own department's open data, or the region's (authority, auditors)",
        querystring: ObjectionListQuery,
        response: { 200: Page(Objection) },
      },
    },
    async (request) => {
      const window = pageWindow(request.query);
      const { state, resourceId, ground } = request.query;
      const page = await objectionPage(db, request.ctx.actor!, false, { state, resourceId, ground }, window);
      return { ...page, page: window.page, pageSize: window.pageSize };
    },
  );

  app.get(
    '/open/objections/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'One objection: for its objector, the provider and the region’s authority and auditors',
        params: ObjectionParams,
        response: { 200: ObjectionDetail },
      },
    },
    async (request) => objectionDetail(db, request.ctx.actor!, request.params.id),
  );

  app.get(
    '/open/objections/:id/evidence/:evidenceId',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'An evidence file (audited)',
        params: EvidenceParams,
      },
    },
    async (request, reply) => {
      const { info, content } = await readEvidence(
        db,
        platform,
        request.ctx,
        request.params.id,
        request.params.evidenceId,
      );
      return reply
        .type(info.media_type)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(info.file_name)}`)
        .header('Content-Security-Policy', "default-src 'none'; sandbox")
        .header('X-Content-Type-Options', 'nosniff')
        .send(content);
    },
  );

  app.post(
    '/open/objections/:id/suspend',
    {
      config: { permission: 'open.suspension.manage' },
      schema: {
        tags,
        summary: 'Suspend the objected dataset at once: downloads and API calls stop',
        params: ObjectionParams,
        body: SuspendBody,
        response: { 200: ObjectionDetail },
      },
    },
    async (request) => {
      await suspendForObjection(db, request.ctx, request.params.id, request.body.reason);
      return objectionDetail(db, request.ctx.actor!, request.params.id);
    },
  );

  app.post(
    '/open/objections/:id/decision',
    {
      config: { permission: 'open.suspension.manage' },
      schema: {
        tags,
        summary: 'Decide an objection: withdraw the dataset, restore it, or reprocess (re-mask) and reopen',
        params: ObjectionParams,
        body: OutcomeBody,
        response: { 200: ObjectionDetail },
      },
    },
    async (request) => {
      await decideObjection(db, request.ctx, request.params.id, request.body.outcome, request.body.note);
      return objectionDetail(db, request.ctx.actor!, request.params.id);
    },
  );

  app.post(
    '/open/datasets/:resourceId/suspension',
    {
      config: { permission: 'open.suspension.manage' },
      schema: {
        tags,
        summary: 'Suspend an open dataset on an own finding of risk (provider, or the region’s authority)',
        params: DatasetParams,
        body: SuspendBody,
        response: { 201: Suspension },
      },
    },
    async (request, reply) => {
      const row = await suspendDataset(db, request.ctx, request.params.resourceId, request.body.reason);
      return reply.status(201).send(presentSuspension(row));
    },
  );

  app.post(
    '/open/datasets/:resourceId/suspension/decision',
    {
      config: { permission: 'open.suspension.manage' },
      schema: {
        tags,
        summary: 'End a suspension: withdraw the dataset, restore it, or reprocess and reopen',
        params: DatasetParams,
        body: OutcomeBody,
        response: { 200: Suspension },
      },
    },
    async (request) => {
      const { outcome, note } = request.body;
      const row = await decideSuspension(db, request.ctx, request.params.resourceId, OUTCOMES[outcome], note);
      return presentSuspension(row);
    },
  );

  app.get(
    '/open/datasets/:resourceId/suspensions',
    {
      config: { permission: 'open.objection.read' },
      schema: {
        tags,
        summary: 'The suspension record of an own (or the region’s) open dataset, newest first',
        params: DatasetParams,
        response: { 200: Type.Array(Suspension) },
      },
    },
    async (request) =>
      (await datasetSuspensions(db, request.ctx.actor!, request.params.resourceId)).map(presentSuspension),
  );
}
