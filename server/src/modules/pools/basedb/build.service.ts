// Base databases built by fusing pools on their keys (CQ19 §16, §17, SC §17): each item from its
// one source, in one transaction (all or nothing); values that other departments' pools hold
// differently for the same key are listed as conflicts, never written over the source's value.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { BASE_DATABASES } from '../../catalog/catalog.vocabulary.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import { BASE_KEYS, holderKeyColumn, sourceKeyColumn } from './base-keys.ts';
import {
  baseTableExists,
  clearConflicts,
  fillBaseTable,
  findBaseRecord,
  insertBuild,
  insertConflicts,
  latestBuilds,
  listConflicts,
  lockBase,
  poolTablesOf,
  shapeBaseTable,
  updateBuildCounts,
  type BuildItem,
  type Holder,
} from './build.repository.ts';
import './basedb.messages.ts';
import { listSources } from './sources.repository.ts';
import { duplicateFlags, requireDataAuthority } from './sources.service.ts';

/** The items of a build: each source's pool table, key and column, checked to be still in the pool. */
async function buildItems(trx: Kysely<DB>, base: BaseDatabase): Promise<BuildItem[]> {
  const sources = await listSources(trx, base);
  if (sources.length === 0) throw conflict('basedb.build.no_sources');
  const tables = new Map(
    (
      await poolTablesOf(
        trx,
        sources.map((s) => s.resource_id),
      )
    ).map((t) => [t.resource_id, t]),
  );
  return sources.map((source) => {
    const table = tables.get(source.resource_id)!;
    const column = table.columns.find((c) => c.field === source.source_field && !c.retired);
    const key = sourceKeyColumn(base, table);
    if (!column || !key || table.pending_changes.length > 0)
      throw conflict('basedb.build.source_gone', { item: source.item_name, field: source.source_field });
    return { fieldName: source.field_name, itemName: source.item_name, table, key, column };
  });
}

/** The other departments' pool columns that hold the build's items (the duplicate-collection flags with a pool). */
async function holdersOf(
  trx: Kysely<DB>,
  base: BaseDatabase,
  items: readonly BuildItem[],
): Promise<Holder[]> {
  const flags = (await duplicateFlags(trx, null)).filter((flag) => flag.baseDatabase === base);
  const tables = new Map(
    (
      await poolTablesOf(
        trx,
        flags.map((f) => f.resourceId),
      )
    ).map((t) => [t.resource_id, t]),
  );
  const byField = new Map(items.map((item) => [item.fieldName, item]));
  const holders: Holder[] = [];
  for (const flag of flags) {
    const table = tables.get(flag.resourceId);
    const item = byField.get(flag.fieldName);
    const column = table?.columns.find((c) => c.field === flag.duplicateField && !c.retired);
    const key = table ? holderKeyColumn(base, table) : null;
    // Without a pool or a key column the value cannot be matched to a record; the flag still stands.
    if (table && item && column && key && key.field !== column.field)
      holders.push({ item, table, key, column });
  }
  return holders;
}

// A theme view that uses a column blocks its drop (2BP01) or retype (0A000).
const IN_USE = new Set(['2BP01', '0A000']);

function failureOf(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  const reason = error instanceof Error ? error.message : String(error);
  return conflict(IN_USE.has(code) ? 'basedb.build.column_in_use' : 'basedb.build.failed', { reason });
}

/**
 * Builds (融合) a base database: shapes `base_db.<code>` to its items, refills it from the sources'
 * current rows joined on the key, and lists the conflicts, in one transaction. A failed build
 * changes nothing; it is recorded with its reason and the error names it (409).
 */
export async function buildBase(db: Kysely<DB>, context: RequestContext, base: BaseDatabase) {
  const actor = context.actor!;
  await requireDataAuthority(db, actor);
  const startedAt = new Date();
  const who = {
    actor_type: actor.type,
    actor_id: actor.id,
    actor_name: actor.displayName,
    started_at: startedAt,
  };
  try {
    return await db.transaction().execute(async (trx) => {
      await lockBase(trx, base);
      const items = await buildItems(trx, base);
      const sources = items.map((item) => ({
        fieldName: item.fieldName,
        resourceId: item.table.resource_id,
        sourceField: item.column.field,
        version: item.table.current_version,
      }));
      await shapeBaseTable(trx, base, items);
      const rows = await fillBaseTable(trx, base, items);
      await clearConflicts(trx, base);
      const build = await insertBuild(trx, {
        ...who,
        base_database: base,
        state: 'built',
        sources,
        failure: null,
        failure_params: null,
      });
      let conflicts = 0;
      for (const holder of await holdersOf(trx, base, items))
        conflicts += await insertConflicts(trx, base, build.id, holder);
      const done = await updateBuildCounts(trx, build.id, rows, conflicts);
      await recordAudit(trx, context, {
        action: 'pool.basedb.build',
        targetType: 'base_database',
        targetId: base,
        detail: { buildId: build.id, rows, conflicts, sources },
      });
      return done;
    });
  } catch (error) {
    const failure = failureOf(error);
    await db.transaction().execute(async (trx) => {
      const build = await insertBuild(trx, {
        ...who,
        base_database: base,
        state: 'failed',
        sources: [],
        failure: failure?.code ?? 'basedb.build.failed',
        failure_params: failure?.params ?? {},
      });
      await recordAudit(trx, context, {
        action: 'pool.basedb.build',
        outcome: 'failure',
        targetType: 'base_database',
        targetId: base,
        detail: { buildId: build.id, failure: failure?.code ?? 'internal' },
      });
    });
    throw failure ?? error;
  }
}

/** Each base database: its key, sources, whether built, rows and conflicts of the last build, last attempt. */
export async function baseSummaries(db: Kysely<DB>) {
  const [sources, builds] = await Promise.all([listSources(db), latestBuilds(db)]);
  return Promise.all(
    BASE_DATABASES.map(async ({ code }) => {
      const ofBase = builds.filter((b) => b.base_database === code);
      const built = ofBase.find((b) => b.state === 'built') ?? null;
      const failed = ofBase.find((b) => b.state === 'failed') ?? null;
      const last =
        [built, failed].filter((b) => b !== null).sort((a, b) => +b.finished_at - +a.finished_at)[0] ?? null;
      return {
        code,
        key: BASE_KEYS[code],
        sources: sources.filter((s) => s.base_database === code),
        built: await baseTableExists(db, code),
        lastBuild: built,
        lastAttempt: last,
      };
    }),
  );
}

/** A page of a base database's conflicts: departments see those of their own pools. */
export async function conflictsOf(
  db: Kysely<DB>,
  actor: Actor,
  base: BaseDatabase,
  query: { page?: number; pageSize?: number },
) {
  const window = pageWindow(query);
  const wide = ['platform_admin', 'authority_officer', 'auditor'].includes(actor.role);
  const departments = wide ? undefined : actor.departmentId ? [actor.departmentId] : [];
  return { ...(await listConflicts(db, base, window, departments)), window };
}

/** A base database's record by key, for the data authority; every read is audited. */
export async function readBaseRecord(
  db: Kysely<DB>,
  context: RequestContext,
  base: BaseDatabase,
  key: string,
) {
  await requireDataAuthority(db, context.actor!);
  if (!(await baseTableExists(db, base))) throw notFound('what.base_record');
  const record = await findBaseRecord(db, base, key);
  await recordAudit(db, context, {
    action: 'pool.basedb.record.read',
    outcome: record ? 'success' : 'failure',
    targetType: 'base_database',
    targetId: base,
    detail: { key, found: record !== undefined },
  });
  if (!record) throw notFound('what.base_record');
  return record;
}
