// Incremental changes (增量共享) since a cursor, from the pool table's versions (docs/pools.md,
// "Versions"): rows are valid from `_from` up to `_to`, so the rows current at version V that came
// after version v are the upserts, and keys whose rows closed in between without a row current at V
// are the deletes. A sync pins V on its first page, so new loads during paging wait for the next
// round; the last page's cursor starts the next round at V. Masked like every read.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid } from '../../../platform/errors/app-error.ts';
import { quoteIdent } from '../../../platform/masking/sql.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { conditionsSql } from '../grants/row-filter.ts';
import { changesPage } from './api.repository.ts';
import { decodeCursor, encodeCursor, fieldList, pageLimit } from './api.params.ts';
import { keyTexts, type ApiPlatform } from './api.service.ts';
import { auditedCall, dataAudit, type CallTrace } from './call-audit.ts';
import { callPlan, chosenItems, readPlan } from './call-plan.ts';

/** One change: an upsert carries the record, a delete only its key (keyless tables: the row id). */
export interface Change {
  op: 'upsert' | 'delete';
  key: Record<string, unknown>;
  record?: Record<string, unknown>;
}

/** A page of changes. */
export interface ChangesPage {
  changes: Change[];
  /** The table version the changes bring the caller to (once `more` is false). */
  version: number;
  /** Whether more changes up to `version` follow: call again with `next`. */
  more: boolean;
  /** The cursor to call with next (`since=`). */
  next: string;
}

interface Cursor {
  since: number;
  upto: number | null;
  after: number;
}

function readCursor(raw: string | undefined, grantId: string): Cursor {
  if (!raw) return { since: 0, upto: null, after: 0 };
  const value = decodeCursor('since', raw, ['v', 't', 'r'], ['g']);
  if (value.g !== grantId)
    throw invalid('share.api.cursor_other_grant', [
      { path: '/query/since', code: 'share.api.cursor_other_grant' },
    ]);
  return { since: value.v, upto: value.t, after: value.r };
}

/** The changes of the rows a grant covers since the cursor (none: since the first version). */
export async function listChanges(
  db: Kysely<DB>,
  platform: ApiPlatform,
  context: RequestContext,
  code: string,
  query: { since?: string; limit?: number; fields?: string },
  purpose: string | undefined,
): Promise<ChangesPage> {
  const trace: CallTrace = { way: 'changes', code, purpose };
  return auditedCall(db, context, trace, async () => {
    const plan = await callPlan(db, platform, context.actor!, code, purpose);
    trace.plan = plan;
    const cursor = readCursor(query.since, plan.grant.id);
    const limit = pageLimit(query.limit, platform.profile.sharing.api);
    const items = chosenItems(plan, fieldList(query.fields));
    const read = readPlan(plan, platform.keyring, items);
    const current = await db
      .selectFrom('pool_tables')
      .select('current_version')
      .where('resource_id', '=', plan.table.resource_id)
      .executeTakeFirstOrThrow();
    const upto = cursor.upto ?? current.current_version;
    const keyFields = new Set(plan.keyColumns.map((c) => c.field));
    // Keys as stored, for the audit (keys, not values) whatever the masking of the key item.
    const rawKeys = plan.keyColumns.map(
      (c, i) => `t.${quoteIdent(c.column)}::text AS ${quoteIdent(`_key${i}`)}`,
    );
    // A change names its record by the key when the key is among the items read, else by row id.
    const byKey =
      plan.keyColumns.length > 0 && plan.keyColumns.every((c) => items.some((i) => i.field === c.field));
    const rows =
      cursor.since >= upto
        ? []
        : await changesPage(db, {
            table: plan.table,
            selectList: [...read.mask.selectList, ...rawKeys],
            keyOnlyList: [
              ...read.mask.selectList.map((entry, i) =>
                keyFields.has(read.columns[i]!.field)
                  ? entry
                  : `NULL AS ${quoteIdent(read.columns[i]!.field)}`,
              ),
              ...rawKeys,
            ],
            keyColumns: plan.keyColumns,
            filter: (alias) => conditionsSql(plan.rowFilter, plan.table.columns, alias),
            since: cursor.since,
            upto,
            afterRow: cursor.after,
            limit: limit + 1,
          });
    const more = rows.length > limit;
    const served = more ? rows.slice(0, limit) : rows;
    for (const row of served) read.mask.finish(row);
    read.finishSealed(served.filter((row) => row._op === 'upsert'));
    const keyOf = (row: Record<string, unknown>) =>
      !byKey
        ? { _row: Number(row._row) }
        : Object.fromEntries(plan.keyColumns.map((c) => [c.field, row[c.field] ?? null]));
    const changes: Change[] = served.map((row) =>
      row._op === 'upsert'
        ? {
            op: 'upsert',
            key: keyOf(row),
            record: Object.fromEntries(items.map((item) => [item.field, row[item.field] ?? null])),
          }
        : { op: 'delete', key: keyOf(row) },
    );
    const g = plan.grant.id;
    const next = more
      ? encodeCursor({ v: cursor.since, t: upto, r: Number(served[served.length - 1]!._row), g })
      : encodeCursor({ v: upto, t: null, r: 0, g });
    await recordAudit(
      db,
      context,
      dataAudit(trace, 'success', {
        count: changes.length,
        keys: keyTexts(plan, served),
        since: cursor.since,
        version: upto,
      }),
    );
    return { changes, version: upto, more, next };
  });
}
