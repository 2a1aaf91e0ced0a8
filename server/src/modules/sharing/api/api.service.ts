// The sharing API's reads of single records and pages (数据共享接口): what a caller's grant lets it
// read, a record by its key (read and audited in one statement; signed on request, CQ19 §28) and a
// filtered query with keyset paging. Every read goes through the grant's items, row conditions and
// masking; every call is audited, refusals included.
import { sql, type Kysely } from 'kysely';
import { auditRow, recordAudit } from '../../../platform/audit/audit.ts';
import type { Signer } from '../../../platform/crypto/signer.ts';
import type { SignedEnvelope } from '../../../platform/crypto/envelope.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { disputedRows } from '../../pools/corrections/corrections.repository.ts';
import { maskedSelect } from '../../security/masking/extract.ts';
import { conditionsSql, ROW_OPERATORS, type RowCondition } from '../grants/row-filter.ts';
import { runLookup } from './api.repository.ts';
import { lookupParameters, lookupTemplate } from './lookup-template.ts';
import {
  decodeCursor,
  encodeCursor,
  fieldList,
  pageLimit,
  parseFilters,
  parseRecordKey,
} from './api.params.ts';
import {
  callPlan,
  chosenItems,
  keptPlan,
  makePlan,
  readPlan,
  type PlanPlatform,
  type ReadPlan,
  type ReadSource,
} from './call-plan.ts';
import { alreadyAudited, auditedCall, dataAudit, type CallTrace } from './call-audit.ts';

/** What the API's services need of the platform. */
export interface ApiPlatform extends PlanPlatform {
  signer: Pick<Signer, 'signDocument'>;
}

/** The parts of a record key a response echoes, field → value. */
type KeyValues = Record<string, string>;

const API_BASE = '/api/v1/share/resources';

/** The path of a resource under the API (its code percent-encoded: codes hold a slash). */
export const resourcePath = (code: string) => `${API_BASE}/${encodeURIComponent(code)}`;

/** What the caller's grant allows on a resource: the application's own API documentation. */
export async function describeResource(
  db: Kysely<DB>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  purpose: string | undefined,
) {
  const plan = await callPlan(db, platform, context.actor!, code, purpose);
  const system = await db
    .selectFrom('share_provider_systems')
    .select('resource_id')
    .where('resource_id', '=', plan.resource.resource_id)
    .executeTakeFirst();
  await recordAudit(db, context, {
    action: 'share.api.describe',
    targetType: 'share_grant',
    targetId: plan.grant.id,
    purpose: plan.purpose,
    detail: { resourceCode: code, resourceId: plan.resource.resource_id, grantId: plan.grant.id },
  });
  const base = resourcePath(code);
  const key = plan.keyColumns.map((c) => c.field);
  const { api } = platform.profile.sharing;
  return {
    resource: { code: plan.resource.code, name: plan.resource.name, id: plan.resource.resource_id },
    grant: {
      id: plan.grant.id,
      basis: plan.grant.basis,
      startsAt: new Date(plan.grant.starts_at).toISOString(),
      endsAt: new Date(plan.grant.ends_at).toISOString(),
    },
    purpose: plan.purpose,
    key,
    items: plan.items.map((item) => ({
      fieldName: item.field,
      name: item.name,
      dataType: item.dataType,
      isKey: item.isKey,
      masking: item.rule,
      maskingSource: item.source,
      filterOperators: item.rule.kind === 'none' ? [...ROW_OPERATORS] : ['eq', 'in', 'null', 'not_null'],
    })),
    rowConditions: plan.rowFilter,
    paging: { defaultPageSize: api.defaultPageSize, maxPageSize: api.maxPageSize },
    live: { registered: system !== undefined, timeoutMs: api.passthroughTimeoutMs },
    signing: {
      accept: SIGNED_TYPE,
      verify: '/api/v1/security/signatures/verify',
      keys: '/api/v1/security/signing-keys',
    },
    examples: {
      lookup: `${base}/records/{${key.join(',') || 'key'}}`,
      signedLookup: `${base}/records/{${key.join(',') || 'key'}}?signed=true`,
      query: `${base}/records?${plan.items[0]?.field ?? 'field'}=eq.{value}&limit=${api.defaultPageSize}`,
      export: `${base}/export?format=csv`,
      changes: `${base}/changes?since={cursor}`,
      live: `${base}/live/{${key.join(',') || 'key'}}`,
    },
  };
}

/** The media type of a signed answer (the envelope itself). */
export const SIGNED_TYPE = 'application/vnd.zhengshu.signed+json';

/** What a lookup answers (signed as is when asked for). */
export interface LookupBody {
  resourceCode: string;
  grantId: string;
  purpose: string;
  key: KeyValues;
  record: Record<string, unknown>;
  disputed: boolean;
  correction: { id: string; state: string } | null;
  servedAt: string;
}

/** Options of a lookup. */
export interface LookupOptions {
  purpose?: string;
  fields?: string;
  signed?: boolean;
  /** False only for the benchmark of the read without its audit (bench/share-lookup.ts). */
  audit?: boolean;
}

/** Removes the system column `_row` and applies the Node side of the masking to a fetched record. */
function presentRow(read: ReadPlan, row: Record<string, unknown>) {
  read.mask.finish(row);
  read.finishSealed([row]);
  const record: Record<string, unknown> = {};
  for (const item of read.items) record[item.field] = row[item.field] ?? null;
  return record;
}

/**
 * One record by its key, masked under the grant; a record with a pending correction is served and
 * marked disputed. Reads under a kept plan in one statement that also checks the plan still holds
 * and writes the audit event; when it no longer holds, a new plan is made (refusals then surface)
 * and the statement runs again. A record outside the grant's rows is a 404, audited as a failure.
 */
export async function lookupRecordByKey(
  database: Pick<Database, 'db' | 'pool'>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  rawKey: string,
  options: LookupOptions = {},
): Promise<LookupBody | SignedEnvelope<LookupBody>> {
  const db = database.db;
  const actor = context.actor!;
  const trace: CallTrace = { way: 'lookup', code, purpose: options.purpose };
  return auditedCall(db, context, trace, async () => {
    let plan = keptPlan(db, actor, code, options.purpose);
    for (let attempt = 0; attempt < 4; attempt++) {
      plan ??= await makePlan(db, platform, actor, code, options.purpose);
      trace.plan = plan;
      const read = readPlan(plan, platform.keyring, chosenItems(plan, fieldList(options.fields)));
      const key = parseRecordKey(code, plan.keyColumns, plan.table.columns, rawKey);
      const audit =
        options.audit === false
          ? null
          : auditRow(context, dataAudit(trace, 'success', { count: 0, keys: [key.text] }));
      const template = lookupTemplate(db, plan, read, audit !== null);
      // Every item (the usual call) is one statement text per plan: prepared. A field list is not.
      const found = await runLookup(
        database,
        { name: template.name, sql: template.sql, parameters: lookupParameters(template, plan, key, audit) },
        !options.fields,
      );
      if (!found.fresh) {
        plan = undefined;
        continue;
      }
      if (!found.row)
        throw alreadyAudited(new AppError(404, 'share.api.record_not_found', { key: key.text }));
      const body: LookupBody = {
        resourceCode: plan.resource.code,
        grantId: plan.grant.id,
        purpose: plan.purpose,
        key: key.values,
        record: presentRow(read, found.row),
        disputed: found.correction !== undefined,
        correction: found.correction ?? null,
        servedAt: new Date().toISOString(),
      };
      return options.signed ? platform.signer.signDocument(body) : body;
    }
    // The state changed under four plans in a row: say so rather than loop.
    throw new AppError(503, 'share.api.busy', { seconds: 1 });
  });
}

/** Parameters of a query that are not filters. */
export const QUERY_PARAMS = new Set(['fields', 'limit', 'after']);

/** A page of a filtered query. */
export interface QueryPage {
  items: Record<string, unknown>[];
  /** Positions in `items` of records with a pending correction (served, marked disputed). */
  disputed: number[];
  limit: number;
  /** The cursor of the next page (`after=`), null on the last page. */
  next: string | null;
}

/** The raw key texts of rows (for the audit: keys, not values), from the hidden `_key` columns. */
export function keyTexts(
  plan: Pick<ReadSource, 'keyColumns'>,
  rows: readonly Record<string, unknown>[],
): string[] {
  if (plan.keyColumns.length === 0) return rows.map((row) => `_row:${String(row._row)}`);
  return rows.map((row) => plan.keyColumns.map((_, i) => String(row[`_key${i}`] ?? '')).join(','));
}

/** The read plan's columns plus each key column as stored (`_key0` …), for auditing keys. */
export function withKeyColumns(plan: Pick<ReadSource, 'keyColumns'>, read: ReadPlan) {
  return [
    ...read.columns,
    ...plan.keyColumns.map((column, i) => ({
      field: `_key${i}`,
      column: column.column,
      type: column.dataType as ReadPlan['columns'][number]['type'],
      rule: { kind: 'none' as const },
    })),
  ];
}

/**
 * A page of the records matching the filters within the grant's rows, in `_row` order after the
 * cursor. Past the end it is an empty page without a next cursor, not an error.
 */
export async function queryRecords(
  db: Kysely<DB>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  query: Record<string, unknown>,
  purpose: string | undefined,
): Promise<QueryPage> {
  const trace: CallTrace = { way: 'query', code, purpose };
  return auditedCall(db, context, trace, async () => {
    const plan = await callPlan(db, platform, context.actor!, code, purpose);
    trace.plan = plan;
    const read = readPlan(plan, platform.keyring, chosenItems(plan, fieldList(query.fields as string)));
    const filters = parseFilters(query, QUERY_PARAMS, plan.items, plan.table.columns);
    const limit = pageLimit(query.limit as number | undefined, platform.profile.sharing.api);
    const after = query.after ? decodeCursor('after', String(query.after), ['r']).r : 0;
    const conditions: RowCondition[] = [...plan.rowFilter, ...filters];
    const where = conditionsSql(conditions, plan.table.columns);
    const rowFilter = where ? sql`t._row > ${after} AND ${where}` : sql`t._row > ${after}`;
    const rows: Record<string, unknown>[] = [];
    for await (const page of maskedSelect(db, plan.table, withKeyColumns(plan, read), {
      rowFilter,
      pageSize: limit + 1,
      limit: limit + 1,
      pseudonymKey: plan.pseudonymKey,
    }))
      rows.push(...page);
    const more = rows.length > limit;
    const served = more ? rows.slice(0, limit) : rows;
    read.finishSealed(served);
    const disputed = await disputedRows(
      db,
      plan.table,
      served.map((row) => Number(row._row)),
    );
    await recordAudit(
      db,
      context,
      dataAudit(trace, 'success', { count: served.length, keys: keyTexts(plan, served), filters }),
    );
    return {
      items: served.map((row) =>
        Object.fromEntries(read.items.map((item) => [item.field, row[item.field] ?? null])),
      ),
      disputed: served.flatMap((row, index) => (disputed.has(Number(row._row)) ? [index] : [])),
      limit,
      next: more ? encodeCursor({ r: Number(served[served.length - 1]!._row) }) : null,
    };
  });
}
