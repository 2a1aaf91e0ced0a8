import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { BatchRow } from '../batches.repository.ts';
import { presentBatch } from '../pools.presenter.ts';
import { batchRefusal, PUSH_MAX_RECORDS } from '../pools.routes.ts';
import { Batch, TableParams } from '../pools.schemas.ts';
import { presentPull } from './pulls.presenter.ts';
import { Pull, PullBody, PullParams, PullPatch, ReturnBody, RunQuery } from './pulls.schemas.ts';
import { changePull, createPull, pullOf, pullsOf, removePull, runPullNow } from './pulls.service.ts';
import { receiveReturn } from './returns.service.ts';

const tags = ['pools'];

/**
 * Scheduled pulls of a resource's data from its provider (CQ18 §18): register, change, remove,
 * run now; and the return flow (回流, SC §22): records an upper-level platform sends back.
 */
export async function poolPullRoutes(app: AppInstance) {
  const { database, config } = app.platform;
  const db = database.db;

  app.get(
    '/pools/tables/:resourceId/pulls',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "A resource's pulls with their last run (secrets masked)",
        params: TableParams,
        response: { 200: Type.Array(Pull) },
      },
    },
    async (request) =>
      (await pullsOf(db, request.ctx.actor!, request.params.resourceId)).map(({ pull, batch }) =>
        presentPull(pull, batch, request.locale),
      ),
  );

  app.post(
    '/pools/tables/:resourceId/pulls',
    {
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: "Register a pull from the provider's PostgreSQL database or HTTP API, run every interval",
        description:
          'postgres: `url` postgres://user@host:port/db (a password in it is kept as the secret), `query` one SELECT ' +
          'whose column names are the field names; run READ ONLY with a statement timeout. http: `url` answering a ' +
          'JSON array of objects or JSON lines, optional `headerName` + `secret` (a token). The first run is due at once.',
        params: TableParams,
        body: PullBody,
        response: { 201: Pull },
      },
    },
    async (request, reply) => {
      const pull = await createPull(db, request.ctx, request.params.resourceId, request.body);
      return reply.status(201).send(presentPull(pull, null, request.locale));
    },
  );

  app.get(
    '/pools/tables/:resourceId/pulls/:pullId',
    {
      config: { permission: 'pool.read' },
      schema: { tags, summary: 'A pull with its last run', params: PullParams, response: { 200: Pull } },
    },
    async (request) => {
      const { pull, batch } = await pullOf(
        db,
        request.ctx.actor!,
        request.params.resourceId,
        request.params.pullId,
      );
      return presentPull(pull, batch, request.locale);
    },
  );

  app.patch(
    '/pools/tables/:resourceId/pulls/:pullId',
    {
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: 'Change a pull; fields left out (the secret too) keep their value',
        params: PullParams,
        body: PullPatch,
        response: { 200: Pull },
      },
    },
    async (request) => {
      const { resourceId, pullId } = request.params;
      await changePull(db, request.ctx, resourceId, pullId, request.body);
      const { pull, batch } = await pullOf(db, request.ctx.actor!, resourceId, pullId);
      return presentPull(pull, batch, request.locale);
    },
  );

  app.delete(
    '/pools/tables/:resourceId/pulls/:pullId',
    {
      config: { permission: 'pool.load' },
      schema: { tags, summary: 'Remove a pull (its batches stay)', params: PullParams },
    },
    async (request, reply) => {
      await removePull(db, request.ctx, request.params.resourceId, request.params.pullId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/pools/tables/:resourceId/pulls/:pullId/run',
    {
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: 'Run a pull now, as one batch',
        description:
          '202 with the batch as soon as it is recorded (poll GET /pools/batches/{id}); with ?wait=true 200 with the ' +
          "ended batch, loaded or failed (a provider's failure is the batch's report, not an error of this request). " +
          '409 while a run of the pull is under way.',
        params: PullParams,
        querystring: RunQuery,
        response: { 200: Batch, 202: Batch },
      },
    },
    async (request, reply) => {
      let resolveStart: (batch: BatchRow) => void = () => undefined;
      const started = new Promise<BatchRow>((resolve) => (resolveStart = resolve));
      const run = runPullNow(
        database,
        request.ctx,
        request.params.resourceId,
        request.params.pullId,
        (batch) => resolveStart(batch),
      );
      if (request.query.wait) {
        const batch = await run;
        reply.header('location', `/api/v1/pools/batches/${batch.id}`);
        return reply.status(200).send(presentBatch(batch, request.locale, batch.version));
      }
      const first = await Promise.race([started, run]);
      run.catch((error: unknown) => request.log.error({ err: error }, 'pool pull failed'));
      return reply
        .status(202)
        .header('location', `/api/v1/pools/batches/${first.id}`)
        .send(presentBatch(first, request.locale));
    },
  );

  app.post(
    '/pools/tables/:resourceId/returns',
    {
      bodyLimit: config.poolPushLimitBytes,
      config: { permission: 'pool.return' },
      schema: {
        tags,
        summary: 'Receive records an upper-level platform sends back (回流) as one upsert batch',
        description:
          `For the data authority of the resource's region (or its application) and platform admins. At most ` +
          `${PUSH_MAX_RECORDS} records keyed by field name; 201 with the batch (its origin recorded); 422 with the problems.`,
        params: TableParams,
        body: ReturnBody,
        response: { 201: Batch },
      },
    },
    async (request, reply) => {
      if (request.body.records.length > PUSH_MAX_RECORDS)
        throw new AppError(413, 'pool.push.too_many', { limit: PUSH_MAX_RECORDS });
      const batch = await receiveReturn(database, request.ctx, request.params.resourceId, request.body);
      reply.header('location', `/api/v1/pools/batches/${batch.id}`);
      if (batch.state === 'failed') {
        throw await batchRefusal(db, batch);
      }
      return reply.status(201).send(presentBatch(batch, request.locale, batch.version));
    },
  );
}
