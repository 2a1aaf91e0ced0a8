// Use cases of scheduled pulls (定时拉取, CQ18 §18): registering a pull of a resource's data from
// its provider's database or API, changing and removing it, and running it (now, or when due). A
// run is one batch through the loader; its failure is the batch's report, never the process's.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { findBatch, type BatchRow } from '../batches.repository.ts';
import { runBatch } from '../ingest.ts';
import { findPoolTable } from '../pool-tables.repository.ts';
import { requireOwnPool, visibleTable } from '../pools.service.ts';
import type { BatchMode } from '../pools.tables.ts';
import type { RowSource } from '../readers.ts';
import { openHttpSource } from './http-source.ts';
import { openPostgresSource } from './postgres-source.ts';
import { checkHttpUrl, checkSelect, splitDatabaseUrl } from './pull-settings.ts';
import {
  claimPull,
  deletePull,
  findPull,
  insertPull,
  listPulls,
  setBatchOrigin,
  updatePull,
  type PullRow,
} from './pulls.repository.ts';
import type { PullKind } from './pulls.tables.ts';
import './pulls.messages.ts';

/** Shortest and longest interval between runs, in minutes (a month at most). */
export const PULL_INTERVAL = { min: 5, max: 31 * 24 * 60 } as const;

/** A run marked running for longer than this is taken as abandoned (its process died). */
export const PULL_STALE_MS = 6 * 60 * 60_000;

/** When a run that started before it counts as abandoned. */
export const staleBefore = (now: Date) => new Date(now.getTime() - PULL_STALE_MS);

/** What a pull is registered with. `secret` undefined on a change keeps the stored one. */
export interface PullInput {
  name: string;
  kind: PullKind;
  url: string;
  query?: string | null;
  headerName?: string | null;
  secret?: string | null;
  mode: BatchMode;
  intervalMinutes: number;
  enabled?: boolean;
}

/** The stored form of a pull's settings, checked; the secret split from the URL. */
function settingsOf(input: PullInput, kept: PullRow | undefined) {
  if (input.intervalMinutes < PULL_INTERVAL.min || input.intervalMinutes > PULL_INTERVAL.max)
    throw invalid('pool.pull.interval', [{ path: '/body/intervalMinutes', code: 'pool.pull.interval' }], {
      ...PULL_INTERVAL,
    });
  const keptSecret = kept && kept.kind === input.kind ? kept.secret : null;
  if (input.kind === 'postgres') {
    if (!input.query)
      throw invalid('pool.pull.query_required', [{ path: '/body/query', code: 'pool.pull.query_required' }]);
    if (input.headerName) throw invalid('pool.pull.header_not_postgres');
    const { url, password } = splitDatabaseUrl(input.url);
    const secret = input.secret !== undefined ? input.secret : (password ?? keptSecret);
    return { url, query: checkSelect(input.query), header_name: null, secret: secret || null };
  }
  if (input.query) throw invalid('pool.pull.query_not_http');
  const secret = input.secret !== undefined ? input.secret : keptSecret;
  return {
    url: checkHttpUrl(input.url),
    query: null,
    header_name: input.headerName || null,
    secret: secret || null,
  };
}

/** What the audit trail keeps of a pull: everything but its secret (only whether there is one). */
const auditDetail = (pull: PullRow) => ({
  resourceId: pull.resource_id,
  name: pull.name,
  kind: pull.kind,
  url: pull.url,
  query: pull.query,
  headerName: pull.header_name,
  secretSet: pull.secret !== null,
  mode: pull.mode,
  intervalMinutes: pull.interval_minutes,
  enabled: pull.enabled,
});

/** A pull of the resource, loaded for a change by the providing department. */
async function ownPull(db: Kysely<DB>, actor: Actor, resourceId: string, pullId: string) {
  const pull = await findPull(db, pullId);
  if (!pull || pull.resource_id !== resourceId) throw notFound('what.pool_pull');
  requireOwnPool(actor, pull);
  return pull;
}

/** The pulls of a resource with their last batches, for whoever may see the table. */
export async function pullsOf(db: Kysely<DB>, actor: Actor, resourceId: string) {
  await visibleTable(db, actor, resourceId);
  const pulls = await listPulls(db, resourceId);
  return Promise.all(pulls.map(async (pull) => ({ pull, batch: await lastBatchOf(db, pull) })));
}

/** One pull with its last batch. */
export async function pullOf(db: Kysely<DB>, actor: Actor, resourceId: string, pullId: string) {
  await visibleTable(db, actor, resourceId);
  const pull = await findPull(db, pullId);
  if (!pull || pull.resource_id !== resourceId) throw notFound('what.pool_pull');
  return { pull, batch: await lastBatchOf(db, pull) };
}

const lastBatchOf = async (db: Kysely<DB>, pull: PullRow) =>
  pull.last_batch_id ? ((await findBatch(db, pull.last_batch_id)) ?? null) : null;

/** Registers a pull; its first run is due at once. */
export async function createPull(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  input: PullInput,
) {
  return db.transaction().execute(async (trx) => {
    const table = await findPoolTable(trx, resourceId);
    if (!table) throw notFound('what.pool_table');
    requireOwnPool(context.actor!, table);
    if (input.mode === 'upsert' && table.key_fields.length === 0) throw conflict('pool.no_key');
    const pull = await insertPull(trx, {
      resource_id: resourceId,
      department_id: table.department_id,
      name: input.name,
      kind: input.kind,
      ...settingsOf(input, undefined),
      mode: input.mode,
      interval_minutes: input.intervalMinutes,
      enabled: input.enabled ?? true,
      next_run_at: new Date(),
      created_by: context.actor?.displayName ?? null,
      last_batch_id: null,
      last_state: null,
      last_failure: null,
    });
    await recordAudit(trx, context, {
      action: 'pool.pull.create',
      targetType: 'pool_pull',
      targetId: pull.id,
      departmentId: pull.department_id,
      detail: auditDetail(pull),
    });
    return pull;
  });
}

/** Changes a pull; fields left out keep their value (the secret too). */
export async function changePull(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  pullId: string,
  patch: Partial<PullInput>,
) {
  return db.transaction().execute(async (trx) => {
    const old = await ownPull(trx, context.actor!, resourceId, pullId);
    const input: PullInput = {
      name: patch.name ?? old.name,
      kind: patch.kind ?? old.kind,
      url: patch.url ?? old.url,
      query: patch.query !== undefined ? patch.query : old.query,
      headerName: patch.headerName !== undefined ? patch.headerName : old.header_name,
      secret: patch.secret,
      mode: patch.mode ?? old.mode,
      intervalMinutes: patch.intervalMinutes ?? old.interval_minutes,
      enabled: patch.enabled ?? old.enabled,
    };
    if (input.kind !== old.kind && patch.query === undefined && input.kind === 'http') input.query = null;
    if (input.kind !== old.kind && patch.headerName === undefined && input.kind === 'postgres')
      input.headerName = null;
    if (input.mode === 'upsert') {
      const table = await findPoolTable(trx, resourceId);
      if (table && table.key_fields.length === 0) throw conflict('pool.no_key');
    }
    const pull = (await updatePull(trx, pullId, {
      name: input.name,
      kind: input.kind,
      ...settingsOf(input, old),
      mode: input.mode,
      interval_minutes: input.intervalMinutes,
      enabled: input.enabled,
    }))!;
    await recordAudit(trx, context, {
      action: 'pool.pull.update',
      targetType: 'pool_pull',
      targetId: pull.id,
      departmentId: pull.department_id,
      detail: auditDetail(pull),
    });
    return pull;
  });
}

/** Removes a pull; the batches it loaded stay. */
export async function removePull(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  pullId: string,
) {
  await db.transaction().execute(async (trx) => {
    const pull = await ownPull(trx, context.actor!, resourceId, pullId);
    await deletePull(trx, pull.id);
    await recordAudit(trx, context, {
      action: 'pool.pull.delete',
      targetType: 'pool_pull',
      targetId: pull.id,
      departmentId: pull.department_id,
      detail: auditDetail(pull),
    });
  });
}

/** Opens the pull's provider as rows for the loader. */
function openPull(pull: PullRow, fields: string[]): Promise<RowSource> {
  if (pull.kind === 'postgres')
    return openPostgresSource({ url: pull.url, password: pull.secret, query: pull.query! });
  return openHttpSource({ url: pull.url, headerName: pull.header_name, secret: pull.secret }, fields);
}

/**
 * Runs a claimed pull as one batch and records the outcome on the pull (last run, batch, state) with
 * an audit event. A provider's failure is a failed batch, returned like a loaded one. Thrown are a
 * refusal before a batch started (the table waits for a migration) and the platform's own errors.
 */
export async function runPull(
  database: Database,
  context: RequestContext,
  pull: PullRow,
  trigger: 'manual' | 'schedule',
  onStart?: (batch: BatchRow) => void,
): Promise<BatchRow> {
  let started: BatchRow | undefined;
  let batch: BatchRow | undefined;
  let thrown: unknown;
  try {
    batch = await runBatch(database, context, {
      resourceId: pull.resource_id,
      source: 'pull',
      mode: pull.mode,
      format: pull.kind === 'http' ? 'json' : null,
      fileName: null,
      fileBytes: null,
      open: (fields) => openPull(pull, fields),
      onStart: (row) => {
        started = row;
        onStart?.(row);
      },
    });
  } catch (error) {
    thrown = error;
    if (started) batch = await findBatch(database.db, started.id);
  }
  const state = batch?.state === 'loaded' ? 'loaded' : 'failed';
  const failure =
    batch?.failure ?? (thrown instanceof AppError ? thrown.code : thrown ? 'pool.ingest.internal' : null);
  await database.db.transaction().execute(async (trx) => {
    if (batch) await setBatchOrigin(trx, batch.id, pull.url);
    await updatePull(trx, pull.id, {
      running_since: null,
      last_run_at: new Date(),
      last_batch_id: batch?.id ?? null,
      last_state: state,
      last_failure: state === 'failed' ? failure : null,
    });
    await recordAudit(trx, context, {
      action: 'pool.pull.run',
      outcome: state === 'loaded' ? 'success' : 'failure',
      targetType: 'pool_pull',
      targetId: pull.id,
      departmentId: pull.department_id,
      detail: { resourceId: pull.resource_id, trigger, batchId: batch?.id ?? null, state, failure },
    });
  });
  if (thrown !== undefined) throw thrown;
  return (await findBatch(database.db, batch!.id))!;
}

/** "Run now": claims the pull (409 while a run of it is under way) and runs it. */
export async function runPullNow(
  database: Database,
  context: RequestContext,
  resourceId: string,
  pullId: string,
  onStart?: (batch: BatchRow) => void,
): Promise<BatchRow> {
  const pull = await ownPull(database.db, context.actor!, resourceId, pullId);
  const now = new Date();
  const claimed = await claimPull(database.db, pull.id, now, staleBefore(now));
  if (!claimed) throw conflict('pool.pull.running');
  return runPull(database, context, claimed, 'manual', onStart);
}
