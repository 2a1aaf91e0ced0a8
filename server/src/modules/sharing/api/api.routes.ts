import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppInstance } from '../../../platform/http/types.ts';
import { purposeHeader } from './api.params.ts';
import {
  ChangesPage,
  ChangesQuery,
  ExportQuery,
  LiveBody,
  LookupBody,
  LookupQuery,
  ProviderSystem,
  ProviderSystemBody,
  QueryPage,
  RecordParams,
  RecordsQuery,
  ResourceDescription,
  ResourceParams,
} from './api.schemas.ts';
import { describeResource, lookupRecordByKey, queryRecords, SIGNED_TYPE } from './api.service.ts';
import { listChanges } from './changes.service.ts';
import { exportRecords } from './export.service.ts';
import { liveRecord } from './live.service.ts';
import { readProviderSystem, removeProviderSystem, setProviderSystem } from './provider-systems.service.ts';

const tags = ['sharing'];
const security = [{ apiKey: [] }];
const purposeNote =
  ' Purpose: X-Purpose (UTF-8 or percent-encoded), else the grant’s; outside the grant → 403, audited.';

/** Whether the caller asked for the signed envelope (`?signed=true` or Accept of the signed type). */
const wantsSigned = (request: FastifyRequest, signed: boolean | undefined) =>
  signed === true || (request.headers.accept ?? '').includes(SIGNED_TYPE);

/** Sends a signed envelope as is: its bytes are what a verifier checks, so no schema reshapes it. */
function sendSigned(reply: FastifyReply, envelope: unknown) {
  return reply.type(`${SIGNED_TYPE}; charset=utf-8`).serializer(JSON.stringify).send(envelope);
}

/**
 * The sharing API for departments' applications (数据共享接口, API key): the grant's own docs, a
 * record by key, a filtered query, a bulk export, incremental changes and real-time pass-through;
 * and the provider's registration of its own system for the pass-through.
 */
export async function shareApiRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  const purposeOf = (request: FastifyRequest) => purposeHeader(request.headers['x-purpose']);

  app.get(
    '/share/resources/:code',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'What the caller’s grant allows: items with masking, row conditions, period, limits, examples.' +
          purposeNote,
        params: ResourceParams,
        response: { 200: ResourceDescription },
      },
    },
    async (request) => describeResource(db, platform, request.ctx, request.params.code, purposeOf(request)),
  );

  app.get(
    '/share/resources/:code/records/:key',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'One record by its key, masked per grant; disputed when a correction is pending; ?signed=true for the SM2-signed envelope.' +
          purposeNote,
        params: RecordParams,
        querystring: LookupQuery,
        response: { 200: LookupBody },
      },
    },
    async (request, reply) => {
      const signed = wantsSigned(request, request.query.signed);
      const body = await lookupRecordByKey(
        platform.database,
        platform,
        request.ctx,
        request.params.code,
        request.params.key,
        {
          purpose: purposeOf(request),
          fields: request.query.fields,
          signed,
        },
      );
      return 'signature' in body ? sendSigned(reply, body) : body;
    },
  );

  app.get(
    '/share/resources/:code/records',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'Filtered query with keyset paging: <field>=eq|ne|in|prefix|gt|gte|lt|lte.<value>, <field>=null|not_null, fields=, limit=, after=.' +
          purposeNote,
        params: ResourceParams,
        querystring: RecordsQuery,
        response: { 200: QueryPage },
      },
    },
    async (request) =>
      queryRecords(
        db,
        platform,
        request.ctx,
        request.params.code,
        request.query as Record<string, unknown>,
        purposeOf(request),
      ),
  );

  app.get(
    '/share/resources/:code/export',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'Every row the grant covers, masked, streamed as CSV (header of field names) or JSON lines.' +
          purposeNote,
        params: ResourceParams,
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const exported = await exportRecords(
        platform.database,
        platform,
        request.ctx,
        request.params.code,
        request.query,
        purposeOf(request),
      );
      return reply
        .type(exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .send(exported.body);
    },
  );

  app.get(
    '/share/resources/:code/changes',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'Changes (upserts, deletes) of the granted rows since a cursor; without since: everything.' +
          purposeNote,
        params: ResourceParams,
        querystring: ChangesQuery,
        response: { 200: ChangesPage },
      },
    },
    async (request) =>
      listChanges(db, platform, request.ctx, request.params.code, request.query, purposeOf(request)),
  );

  app.get(
    '/share/resources/:code/live/:key',
    {
      config: { permission: 'share.data' },
      schema: {
        tags,
        security,
        summary:
          'The record from the provider’s own system (real-time pass-through, CQ18 §18): granted items only, masked; 504 timeout, 502 bad answer.' +
          purposeNote,
        params: RecordParams,
        querystring: LookupQuery,
        response: { 200: LiveBody },
      },
    },
    async (request, reply) => {
      const signed = wantsSigned(request, request.query.signed);
      const body = await liveRecord(db, platform, request.ctx, request.params.code, request.params.key, {
        purpose: purposeOf(request),
        fields: request.query.fields,
        signed,
      });
      return 'signature' in body ? sendSigned(reply, body) : body;
    },
  );

  app.put(
    '/share/resources/:code/provider-system',
    {
      config: { permission: 'share.answer' },
      schema: {
        tags,
        summary:
          'The provider registers its own system for pass-through calls: URL template with {key}, optional header (sealed at rest)',
        params: ResourceParams,
        body: ProviderSystemBody,
        response: { 200: ProviderSystem },
      },
    },
    async (request) =>
      setProviderSystem(db, platform.keyring, request.ctx, request.params.code, request.body),
  );

  app.get(
    '/share/resources/:code/provider-system',
    {
      config: { permission: 'share.answer' },
      schema: {
        tags,
        summary: 'The registered system (never the header’s value)',
        params: ResourceParams,
        response: { 200: ProviderSystem },
      },
    },
    async (request) => readProviderSystem(db, request.ctx, request.params.code),
  );

  app.delete(
    '/share/resources/:code/provider-system',
    {
      config: { permission: 'share.answer' },
      schema: { tags, summary: 'Removes the registered system', params: ResourceParams },
    },
    async (request, reply) => {
      await removeProviderSystem(db, request.ctx, request.params.code);
      return reply.status(204).send();
    },
  );
}
