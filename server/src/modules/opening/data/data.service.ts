// Open data for identity-authenticated public users (CQ19 §33, CQO §13/§23): downloads (CSV, JSON,
// XLSX, JSON lines) streamed in constant memory, the records API (filters and keyset paging, the
// shape of the sharing query API), windows of rows for CKAN's datastore_search (equality filters,
// sort, offset paging, total) and the dataset page's preview. Every read is audited — keys
// returned, never values — and counted in the portal's usage figures in the same transaction.
import type { Readable } from 'node:stream';
import { sql, type Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid } from '../../../platform/errors/app-error.ts';
import type { ItemType } from '../../../platform/masking/rules.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { countMatchingRows, maskedSelect, maskedWindow } from '../../security/masking/extract.ts';
import { decodeCursor, encodeCursor, fieldList, pageLimit, parseFilters } from '../../sharing/api/api.params.ts';
import { keyTexts, withKeyColumns } from '../../sharing/api/api.service.ts';
import { readPlan, type GrantedItem, type PlanPlatform, type ReadPlan } from '../../sharing/api/call-plan.ts';
import { csvWriter, exportColumns, jsonLinesWriter, streamExport } from '../../sharing/api/export-stream.ts';
import { conditionsSql } from '../../sharing/grants/row-filter.ts';
import { countOpenUse } from '../portal/usage.repository.ts';
import { jsonArrayWriter, xlsxWriter } from './writers.ts';
import { windowTerms, type OpenWindowQuery } from './window.ts';

export type { OpenWindowQuery } from './window.ts';
import { openPlan, type OpenMethod, type OpenPlan } from './open-plan.ts';

/** Formats of a download. */
export const DOWNLOAD_FORMATS = ['csv', 'json', 'xlsx', 'jsonl'] as const;
/** A download format. */
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number];

const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

/** Ways open data is read, as audit actions `open.data.<way>`. */
type Way = 'download' | 'query' | 'preview';

/** A download ready to stream. */
export interface Download {
  body: Readable;
  contentType: string;
  fileName: string;
}

/** A page of the records API. */
export interface OpenRecordsPage {
  items: Record<string, unknown>[];
  limit: number;
  next: string | null;
}

/** A preview of a dataset: its items and first rows. */
export interface OpenPreview {
  items: { field: string; name: string; masked: boolean }[];
  rows: Record<string, unknown>[];
}

/** What the data routes need of the platform. */
export type OpenDataPlatform = PlanPlatform & { profile: Profile };

/** Parameters of the records API that are not filters. */
const RECORD_PARAMS = new Set(['fields', 'limit', 'after']);

function openAudit(
  way: Way,
  datasetId: string,
  outcome: NonNullable<AuditEntry['outcome']>,
  detail: Record<string, unknown>,
): AuditEntry {
  return {
    action: `open.data.${way}`,
    outcome,
    targetType: 'open_dataset',
    targetId: datasetId,
    detail: { datasetId, ...detail },
  };
}

/** Runs a read; a refusal or failure is audited (denied for 401/403) and rethrown. */
async function audited<T>(
  db: Kysely<DB>,
  context: RequestContext,
  way: Way,
  datasetId: string,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const status = error instanceof AppError ? error.status : 500;
    const reason = error instanceof AppError ? error.code : 'internal';
    const outcome = status === 401 || status === 403 ? 'denied' : 'failure';
    await recordAudit(db, context, openAudit(way, datasetId, outcome, { reason, status })).catch(
      () => undefined,
    );
    throw error;
  }
}

/** The items a read chooses: all, or those named in `fields=` (400 naming an unknown one at `path`). */
function chosen(plan: OpenPlan, fields: readonly string[] | undefined, path = '/query/fields'): GrantedItem[] {
  if (!fields || fields.length === 0) return plan.items;
  const known = new Set(plan.items.map((item) => item.field));
  const unknown = fields.filter((field) => !known.has(field));
  if (unknown.length > 0)
    throw invalid(
      'open.data.unknown_field',
      unknown.map((field) => ({
        path,
        code: 'open.data.unknown_field',
        params: { field, name: plan.dataset.name },
      })),
      { field: unknown[0], name: plan.dataset.name },
    );
  return plan.items.filter((item) => fields.includes(item.field));
}

async function planFor(
  db: Kysely<DB>,
  platform: OpenDataPlatform,
  context: RequestContext,
  datasetId: string,
  method: OpenMethod,
  fields: string | readonly string[] | undefined,
  fieldsPath?: string,
): Promise<{ plan: OpenPlan; read: ReadPlan }> {
  const plan = await openPlan(db, platform, context.actor, datasetId, method);
  const named = typeof fields === 'string' ? fieldList(fields) : fields;
  return { plan, read: readPlan(plan, platform.keyring, chosen(plan, named, fieldsPath)) };
}

/** The audit event and the usage count of a read, in one transaction. */
async function recordRead(
  db: Kysely<DB>,
  context: RequestContext,
  way: Way,
  plan: OpenPlan,
  outcome: 'success' | 'failure',
  detail: { count: number; keys: readonly string[] } & Record<string, unknown>,
) {
  const write = async (trx: Kysely<DB>) => {
    const entry = openAudit(way, plan.dataset.resource_id, outcome, {
      code: plan.dataset.code,
      // A read of conditional data names the agreement it ran under (CQO §39: use is supervised).
      ...(plan.agreement ? { agreementId: plan.agreement.id, agreementNumber: plan.agreement.number } : {}),
      ...detail,
      keys: detail.keys.slice(0, 100),
    });
    await recordAudit(trx, context, plan.agreement ? { ...entry, purpose: plan.agreement.purpose } : entry);
    if (way !== 'preview')
      await countOpenUse(trx, plan.dataset.resource_id, way === 'download' ? 'download' : 'api', detail.count);
  };
  // A caller already in a transaction (the CKAN Action API runs each call in one) writes in it.
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

/**
 * Starts a download. Refusals and a failing first read are problem+json answers; the audit event
 * is written when the stream ends (a download broken off is audited as a failure).
 */
export async function downloadDataset(
  database: Pick<Database, 'db' | 'pool'>,
  platform: OpenDataPlatform,
  context: RequestContext,
  datasetId: string,
  query: { format?: DownloadFormat; fields?: string },
): Promise<Download> {
  const db = database.db;
  const format = query.format ?? 'csv';
  return audited(db, context, 'download', datasetId, async () => {
    const { plan, read } = await planFor(db, platform, context, datasetId, 'download', query.fields);
    const columns = exportColumns(read);
    const writer =
      format === 'csv'
        ? csvWriter(columns)
        : format === 'json'
          ? jsonArrayWriter(columns)
          : format === 'jsonl'
            ? jsonLinesWriter(columns)
            : xlsxWriter(read.items, plan.dataset.name);
    const { body } = await streamExport(database, plan, read, writer, (end) =>
      recordRead(db, context, 'download', plan, end.complete ? 'success' : 'failure', {
        count: end.count,
        keys: end.keys,
        format,
        way: end.way,
        complete: end.complete,
      }),
    );
    return {
      body,
      contentType: CONTENT_TYPES[format],
      fileName: `${plan.dataset.code.replace(/[^0-9A-Za-z_-]+/g, '_')}.${format}`,
    };
  });
}

/** Refuses a filter on a masked item: matching on a hidden value would tell who is in the data. */
function refuseMaskedFilters(plan: OpenPlan, query: Record<string, unknown>) {
  for (const item of plan.items)
    if (query[item.field] !== undefined && item.rule.kind !== 'none')
      throw forbidden('open.data.filter_masked', { field: item.field });
}

/** A page of records matching the filters, in row order after the cursor (the records API). */
export async function queryOpenRecords(
  db: Kysely<DB>,
  platform: OpenDataPlatform,
  context: RequestContext,
  datasetId: string,
  query: Record<string, unknown>,
): Promise<OpenRecordsPage> {
  return audited(db, context, 'query', datasetId, async () => {
    const { plan, read } = await planFor(db, platform, context, datasetId, 'api', query.fields as string);
    refuseMaskedFilters(plan, query);
    const filters = parseFilters(query, RECORD_PARAMS, plan.items, plan.table.columns);
    const limit = pageLimit(query.limit as number | undefined, platform.profile.opening.api);
    const after = query.after ? decodeCursor('after', String(query.after), ['r']).r : 0;
    const where = conditionsSql(filters, plan.table.columns);
    const rowFilter = where ? sql`t._row > ${after} AND ${where}` : sql`t._row > ${after}`;
    const rows = await readRows(db, plan, read, rowFilter, limit + 1);
    const more = rows.length > limit;
    const served = more ? rows.slice(0, limit) : rows;
    await recordRead(db, context, 'query', plan, 'success', {
      count: served.length,
      keys: keyTexts(plan, served),
      filters,
    });
    return {
      items: served.map((row) => pick(read, row)),
      limit,
      next: more ? encodeCursor({ r: Number(served[served.length - 1]!._row) }) : null,
    };
  });
}

/** A window of an open dataset's records, with what the records are and how many match. */
export interface OpenWindow {
  items: { field: string; name: string; dataType: ItemType; masked: boolean }[];
  records: Record<string, unknown>[];
  total: number;
  limit: number;
}

/**
 * A window of the records matching equality filters, sorted, from an offset, with the number of
 * matching records (CKAN's datastore_search). Refusals are those of the records API; the read is
 * audited as `open.data.query` and counted as an API call, in the caller's transaction when there is one.
 */
export async function readOpenWindow(
  db: Kysely<DB>,
  platform: OpenDataPlatform,
  context: RequestContext,
  datasetId: string,
  query: OpenWindowQuery,
): Promise<OpenWindow> {
  return audited(db, context, 'query', datasetId, async () => {
    const { plan, read } = await planFor(db, platform, context, datasetId, 'api', query.fields, '/fields');
    const { conditions, order } = windowTerms(plan, query);
    const limit = Math.min(query.limit, platform.profile.opening.api.maxPageSize);
    const where = conditionsSql([...plan.rowFilter, ...conditions], plan.table.columns);
    const total = await countMatchingRows(db, plan.table, where);
    const rows =
      limit === 0 || query.offset >= total
        ? []
        : await maskedWindow(db, plan.table, withKeyColumns(plan, read), {
            rowFilter: where,
            order,
            offset: query.offset,
            limit,
            pseudonymKey: plan.pseudonymKey,
          });
    read.finishSealed(rows);
    await recordRead(db, context, 'query', plan, 'success', {
      count: rows.length,
      keys: keyTexts(plan, rows),
      filters: conditions,
      sort: query.sort,
      offset: query.offset,
      total,
    });
    return {
      items: read.items.map((item) => ({
        field: item.field,
        name: item.name,
        dataType: item.dataType,
        masked: item.rule.kind !== 'none',
      })),
      records: rows.map((row) => pick(read, row)),
      total,
      limit,
    };
  });
}

/** The first rows of a dataset, masked, for its page in the portal. */
export async function previewDataset(
  db: Kysely<DB>,
  platform: OpenDataPlatform,
  context: RequestContext,
  datasetId: string,
): Promise<OpenPreview> {
  return audited(db, context, 'preview', datasetId, async () => {
    const { plan, read } = await planFor(db, platform, context, datasetId, 'download', undefined);
    const rows = await readRows(db, plan, read, undefined, platform.profile.opening.api.previewRows);
    await recordRead(db, context, 'preview', plan, 'success', {
      count: rows.length,
      keys: keyTexts(plan, rows),
    });
    return {
      items: read.items.map((item) => ({ field: item.field, name: item.name, masked: item.rule.kind !== 'none' })),
      rows: rows.map((row) => pick(read, row)),
    };
  });
}

async function readRows(
  db: Kysely<DB>,
  plan: OpenPlan,
  read: ReadPlan,
  rowFilter: ReturnType<typeof sql> | undefined,
  limit: number,
) {
  const rows: Record<string, unknown>[] = [];
  for await (const page of maskedSelect(db, plan.table, withKeyColumns(plan, read), {
    rowFilter,
    pageSize: limit,
    limit,
    pseudonymKey: plan.pseudonymKey,
  }))
    rows.push(...page);
  read.finishSealed(rows);
  return rows;
}

const pick = (read: ReadPlan, row: Record<string, unknown>) =>
  Object.fromEntries(read.items.map((item) => [item.field, row[item.field] ?? null]));
