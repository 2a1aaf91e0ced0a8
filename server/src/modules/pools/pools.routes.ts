import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { IncomingMessage } from 'node:http';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { Page, PageQuery, pageWindow } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import type { DB } from '../../platform/db/schema.ts';
import { countBatchErrors, listBatchErrors, type BatchRow } from './batches.repository.ts';
import { migratePoolTable } from './pool-tables.service.ts';
import {
  presentBatch,
  presentBatchError,
  presentReportCsv,
  presentTableDetail,
  presentTableSummary,
} from './pools.presenter.ts';
import {
  Batch,
  BatchError,
  BatchParams,
  LoadQuery,
  PoolTableDetail,
  PoolTableSummary,
  PushBody,
  RowsPage,
  RowsQuery,
  TableParams,
  VersionParams,
} from './pools.schemas.ts';
import {
  batchesOf,
  listTables,
  loadFile,
  pushRows,
  readRows,
  restoreVersion,
  visibleBatch,
  visibleRunningBatch,
  tableDetail,
} from './pools.service.ts';
import type { BatchFormat } from './pools.tables.ts';
import { DATA_CONTENT_TYPES, DataUpload, receiveDataFile } from './upload.ts';
import { checkUploadContent } from '../../platform/files/content-check.ts';

const tags = ['pools'];

/** Records an application may push in one call. */
export const PUSH_MAX_RECORDS = 10_000;

function formatOf(query: LoadQuery, upload: DataUpload): BatchFormat {
  if (query.format) return query.format;
  const type = upload.contentType.split(';')[0]!.trim();
  if (type === 'text/csv') return 'csv';
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.includes('ndjson') || type.includes('jsonl')) return 'jsonl';
  const extension = /\.(csv|txt|xlsx|jsonl|ndjson)$/i.exec(query.fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  throw new AppError(415, 'pool.upload.format');
}

/** A refused batch as a 422 naming its report; the problems listed are the first of the report. */
function refusal(
  batch: BatchRow,
  problems: { row: number | null; column: string | null; code: string; params: Record<string, unknown> }[],
) {
  return new AppError(
    422,
    batch.failure ?? 'pool.ingest.rows_refused',
    { ...(batch.failure_params ?? {}), batchId: batch.id },
    problems.map((p) => ({
      path: `/rows/${p.row ?? '-'}/${p.column ?? '-'}`,
      code: p.code,
      params: p.params,
    })),
  );
}

/** A failed batch's refusal (422) with the first 50 lines of its report. */
export async function batchRefusal(db: Kysely<DB>, batch: BatchRow): Promise<AppError> {
  const errors = await listBatchErrors(db, batch.id, { limit: 50, offset: 0 });
  return refusal(
    batch,
    errors.map((e) => ({ row: e.row_number, column: e.column_name, code: e.code, params: e.params })),
  );
}

/**
 * Department data pools (CQ19 ch.3): the tables the catalog makes, loading files and pushed rows
 * as batches, the versions they make and their restore, failed batches' reports, reading rows.
 */
export async function poolRoutes(app: AppInstance) {
  const { database, config } = app.platform;
  const db = database.db;

  app.addContentTypeParser(DATA_CONTENT_TYPES, (request: FastifyRequest, payload: IncomingMessage) =>
    receiveDataFile(request.raw, payload, config.poolUploadLimitBytes),
  );

  app.get(
    '/pools/tables',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Pool tables the caller may see, with version, rows and last load',
        response: { 200: Type.Array(PoolTableSummary) },
      },
    },
    async (request) => (await listTables(db, request.ctx.actor!)).map(presentTableSummary),
  );

  app.get(
    '/pools/tables/:resourceId',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "A resource's pool table: columns from its items, waiting changes",
        params: TableParams,
        response: { 200: PoolTableDetail },
      },
    },
    async (request) => {
      const { table, listed } = await tableDetail(db, request.ctx.actor!, request.params.resourceId);
      return presentTableDetail(listed, table);
    },
  );

  app.post(
    '/pools/tables/:resourceId/migrate',
    {
      config: { permission: 'pool.migrate' },
      schema: {
        tags,
        summary: 'Apply the waiting table changes (type change, removal, new key); audited, all or nothing',
        params: TableParams,
        response: { 200: Type.Object({ applied: Type.Integer() }) },
      },
    },
    async (request) => {
      return migratePoolTable(db, request.ctx, request.params.resourceId);
    },
  );

  app.post(
    '/pools/tables/:resourceId/batches',
    {
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: 'Load a data file (CSV, XLSX, JSON lines) as one batch: all rows or none',
        description:
          'Body: the file itself (Content-Type text/csv, the XLSX type, application/x-ndjson or application/octet-stream ' +
          'with ?format). 202 with the batch while it runs (poll GET /pools/batches/{id}); with ?wait=true 201 when ' +
          'loaded, or 422 with the first problems and the batch id of the full report.',
        params: TableParams,
        querystring: LoadQuery,
        consumes: DATA_CONTENT_TYPES,
        response: { 201: Batch, 202: Batch },
      },
    },
    async (request, reply) => {
      const upload = request.body;
      if (!(upload instanceof DataUpload)) throw new AppError(415, 'pool.upload.format');
      let started: BatchRow | undefined;
      const run = (async () => {
        try {
          if (upload.size === 0) throw new AppError(400, 'pool.upload.empty');
          const format = formatOf(request.query, upload);
          // What the file is, by its bytes, before a reader parses it (never by its name or type).
          await checkUploadContent(upload.file, format === 'json' ? 'jsonl' : format, request.query.encoding);
          return await loadFile(database, request.ctx, {
            resourceId: request.params.resourceId,
            file: upload.file,
            fileName: request.query.fileName ?? null,
            format,
            mode: request.query.mode ?? 'replace',
            encoding: request.query.encoding,
            delimiter: request.query.delimiter,
            xlsxUnpackedLimit: config.poolXlsxUnpackedLimitBytes,
            onStart: (batch) => (started = batch),
          });
        } finally {
          await upload.remove();
        }
      })();
      if (!request.query.wait) {
        // Answer as soon as the batch is recorded; the load goes on and is polled.
        const early = await waitForStart(() => started, run);
        run.catch((error: unknown) => request.log.error({ err: error }, 'pool load failed'));
        return reply
          .status(202)
          .header('location', `/api/v1/pools/batches/${early.id}`)
          .send(presentBatch(early, request.locale));
      }
      const batch = await run;
      reply.header('location', `/api/v1/pools/batches/${batch.id}`);
      if (batch.state === 'failed') {
        throw await batchRefusal(db, batch);
      }
      return reply.status(201).send(presentBatch(batch, request.locale, batch.version));
    },
  );

  app.post(
    '/pools/tables/:resourceId/records',
    {
      bodyLimit: config.poolPushLimitBytes,
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: "Push rows (upsert by the resource's key) as one batch: all or none",
        description: `At most ${PUSH_MAX_RECORDS} records, keyed by field name. 201 with the batch; 422 with the problems.`,
        params: TableParams,
        body: PushBody,
        response: { 201: Batch },
      },
    },
    async (request, reply) => {
      if (request.body.records.length > PUSH_MAX_RECORDS)
        throw new AppError(413, 'pool.push.too_many', { limit: PUSH_MAX_RECORDS });
      const batch = await pushRows(database, request.ctx, request.params.resourceId, request.body.records);
      reply.header('location', `/api/v1/pools/batches/${batch.id}`);
      if (batch.state === 'failed') {
        throw await batchRefusal(db, batch);
      }
      return reply.status(201).send(presentBatch(batch, request.locale, batch.version));
    },
  );

  app.get(
    '/pools/tables/:resourceId/batches',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'Batches of a table, newest first: versions (who loaded what, when) and failed loads',
        params: TableParams,
        querystring: PageQuery,
        response: { 200: Page(Batch) },
      },
    },
    async (request) => {
      const { table, rows, total, window } = await batchesOf(
        db,
        request.ctx.actor!,
        request.params.resourceId,
        request.query,
      );
      return {
        items: rows.map((row) => presentBatch(row, request.locale, table.current_version)),
        total,
        page: window.page,
        pageSize: window.pageSize,
      };
    },
  );

  app.post(
    '/pools/tables/:resourceId/versions/:version/restore',
    {
      config: { permission: 'pool.load' },
      schema: {
        tags,
        summary: 'Restore an earlier version: its rows become the current ones, as a new version',
        params: VersionParams,
        response: { 201: Batch },
      },
    },
    async (request, reply) => {
      const batch = await restoreVersion(db, request.ctx, request.params.resourceId, request.params.version);
      return reply.status(201).send(presentBatch(batch, request.locale, batch.version));
    },
  );

  app.get(
    '/pools/tables/:resourceId/rows',
    {
      config: { permission: 'pool.data.read' },
      schema: {
        tags,
        summary: 'A page of the rows of the current or an earlier version (the provider only; audited)',
        params: TableParams,
        querystring: RowsQuery,
        response: { 200: RowsPage },
      },
    },
    async (request) => {
      const page = await readRows(
        db,
        request.ctx,
        request.params.resourceId,
        request.query,
        app.platform.keyring,
      );
      const columns = page.table.columns.filter((c) => !c.retired || request.query.version !== undefined);
      return {
        version: page.version,
        columns: columns.map((c) => ({
          field: c.field,
          name: c.name,
          column: c.column,
          retired: c.retired ?? false,
        })),
        items: page.rows,
        total: page.total,
        page: page.window.page,
        pageSize: page.window.pageSize,
      };
    },
  );

  app.get(
    '/pools/batches/:id',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: 'A batch, with its progress while it runs',
        params: BatchParams,
        response: { 200: Batch },
      },
    },
    async (request) => {
      const live = visibleRunningBatch(request.ctx.actor!, request.params.id);
      if (live) return presentBatch(live, request.locale, null);
      const { batch, table } = await visibleBatch(db, request.ctx.actor!, request.params.id);
      return presentBatch(batch, request.locale, table.current_version);
    },
  );

  app.get(
    '/pools/batches/:id/errors',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "A page of a failed batch's report: row, column, value, reason",
        params: BatchParams,
        querystring: PageQuery,
        response: { 200: Page(BatchError) },
      },
    },
    async (request) => {
      const { batch } = await visibleBatch(db, request.ctx.actor!, request.params.id);
      const window = pageWindow(request.query);
      const rows = await listBatchErrors(db, batch.id, window);
      const total = await countBatchErrors(db, batch.id);
      return {
        items: rows.map((row) => presentBatchError(row, request.locale)),
        total,
        page: window.page,
        pageSize: window.pageSize,
      };
    },
  );

  app.get(
    '/pools/batches/:id/errors.csv',
    {
      config: { permission: 'pool.read' },
      schema: {
        tags,
        summary: "A failed batch's report as CSV (UTF-8 with BOM, opens in Excel and WPS)",
        params: BatchParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { batch } = await visibleBatch(db, request.ctx.actor!, request.params.id);
      const rows = await listBatchErrors(db, batch.id, { limit: 100_000, offset: 0 });
      const body = '\ufeff' + presentReportCsv(rows, request.locale);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="batch-${batch.id}-errors.csv"`)
        .send(body);
    },
  );
}

/** Waits until the batch has been recorded (or the run has ended first, e.g. refused at once). */
async function waitForStart(started: () => BatchRow | undefined, run: Promise<BatchRow>): Promise<BatchRow> {
  for (;;) {
    const batch = started();
    if (batch) return batch;
    const ended = await Promise.race([
      run,
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5)),
    ]);
    if (ended) return ended;
  }
}
