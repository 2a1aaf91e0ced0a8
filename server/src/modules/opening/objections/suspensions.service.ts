// Suspensions of open datasets (CQO §41): while one is in force, downloads and API calls of the
// dataset stop and the portal says so. The provider suspends for an objection or on its own finding,
// the authority of its region on its own finding; the outcome is withdraw (closed for good, until
// the catalog entry changes), restore, or reprocess (re-mask) and reopen. Waiting objections of a
// dataset follow its suspension: they are suspended with it and closed with a withdrawal.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { transition } from '../../../platform/cases/cases.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, notFound } from '../../../platform/errors/app-error.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import './objections.messages.ts';
import {
  findActiveSuspension,
  findOpenDataset,
  insertSuspension,
  lockActiveSuspension,
  lockWaitingObjections,
  updateObjection,
  updateSuspension,
  type ObjectedDataset,
  type ObjectionRow,
  type SuspensionRow,
} from './objections.repository.ts';
import type { SuspensionOutcome, SuspensionSource } from './objections.tables.ts';

/**
 * Refuses (404, naming `what`) an actor who may not handle objections and suspensions of a
 * provider: only the provider department's own staff and the authority of its region may.
 */
export function requireHandler(
  actor: Actor | null,
  owner: { departmentId: string; regionId: string },
  what: string,
): asserts actor is Actor {
  const own = actor?.type === 'user' && actor.departmentId === owner.departmentId;
  const authority = actor?.role === 'authority_officer' && actor.regionScope.includes(owner.regionId);
  if (!own && !authority) throw notFound(what);
}

async function datasetFor(
  trx: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
): Promise<ObjectedDataset> {
  const dataset = isUuid(resourceId) ? await findOpenDataset(trx, resourceId) : undefined;
  if (!dataset) throw notFound('what.open_data');
  requireHandler(
    context.actor,
    { departmentId: dataset.department_id, regionId: dataset.region_id },
    'what.open_data',
  );
  return dataset;
}

async function closeObjection(
  trx: Kysely<DB>,
  context: RequestContext,
  objection: ObjectionRow,
  outcome: SuspensionOutcome,
  note: string,
): Promise<void> {
  const action = outcome === 'withdrawn' ? 'withdraw' : outcome === 'restored' ? 'restore' : 'reprocess';
  await transition(trx, context, objection.case_id, action, { detail: { note } });
  await updateObjection(trx, objection.id, {
    state: outcome,
    outcome_note: note,
    decided_by: context.actor?.id ?? null,
    decided_at: new Date(),
  });
  await recordAudit(trx, context, {
    action: 'open.objection.decide',
    targetType: 'open_objection',
    targetId: objection.id,
    departmentId: objection.department_id,
    detail: { resourceId: objection.resource_id, outcome },
  });
}

/**
 * Suspends a dataset inside `trx` and moves its waiting objections under the suspension. With
 * `joinActive` an objection joins a suspension already in force; without, that is a 409.
 */
export async function suspendDatasetIn(
  trx: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  options: { reason: string; source: SuspensionSource; joinActive: boolean },
): Promise<SuspensionRow> {
  const dataset = await datasetFor(trx, context, resourceId);
  let suspension = await lockActiveSuspension(trx, dataset.resource_id);
  if (suspension?.outcome === 'withdrawn')
    throw conflict('open.suspension.withdrawn', { name: dataset.name });
  if (suspension && !options.joinActive) throw conflict('open.suspension.active', { name: dataset.name });
  if (!suspension) {
    suspension = await insertSuspension(trx, {
      resource_id: dataset.resource_id,
      department_id: dataset.department_id,
      region_id: dataset.region_id,
      source: options.source,
      reason: options.reason,
      suspended_by: context.actor?.id ?? null,
    });
    await recordAudit(trx, context, {
      action: 'open.dataset.suspend',
      targetType: 'open_suspension',
      targetId: suspension.id,
      departmentId: dataset.department_id,
      detail: { resourceId: dataset.resource_id, source: options.source, reason: options.reason },
    });
  }
  for (const objection of await lockWaitingObjections(trx, dataset.resource_id)) {
    if (objection.state !== 'received') continue;
    await transition(trx, context, objection.case_id, 'suspend', { detail: { suspensionId: suspension.id } });
    await updateObjection(trx, objection.id, { state: 'suspended', suspension_id: suspension.id });
  }
  return suspension;
}

/**
 * Settles a dataset's suspension inside `trx`. `deciding` names the objection decided now (it closes
 * with the outcome); without it this is a decision on the handler's own finding.
 * - withdrawn: the suspension stays in force for good (one is made if none was), and every waiting
 *   objection of the dataset closes as withdrawn.
 * - restored / reprocessed: the suspension lifts unless other objections still wait on the
 *   dataset (then only the deciding objection closes; on an own-finding decision that is a 409).
 */
export async function settleSuspension(
  trx: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  decision: { outcome: SuspensionOutcome; note: string; deciding?: string },
): Promise<SuspensionRow | null> {
  const dataset = await datasetFor(trx, context, resourceId);
  const active = await lockActiveSuspension(trx, dataset.resource_id);
  if (active?.outcome === 'withdrawn') throw conflict('open.suspension.withdrawn', { name: dataset.name });
  const waiting = await lockWaitingObjections(trx, dataset.resource_id);
  const decided = {
    outcome: decision.outcome,
    outcome_note: decision.note,
    decided_by: context.actor?.id ?? null,
  };
  const audit = (suspension: SuspensionRow, action: string) =>
    recordAudit(trx, context, {
      action,
      targetType: 'open_suspension',
      targetId: suspension.id,
      departmentId: dataset.department_id,
      detail: { resourceId: dataset.resource_id, outcome: decision.outcome },
    });
  if (decision.outcome === 'withdrawn') {
    const suspension = active
      ? await updateSuspension(trx, active.id, { ...decided, decided_at: new Date() })
      : await insertSuspension(trx, {
          resource_id: dataset.resource_id,
          department_id: dataset.department_id,
          region_id: dataset.region_id,
          source: decision.deciding ? 'objection' : sourceOf(context.actor),
          reason: decision.note,
          suspended_by: context.actor?.id ?? null,
          ...decided,
          decided_at: new Date(),
        });
    for (const objection of waiting)
      await closeObjection(trx, context, objection, 'withdrawn', decision.note);
    await audit(suspension, 'open.dataset.withdraw');
    return suspension;
  }
  const deciding = waiting.find((objection) => objection.id === decision.deciding);
  const others = waiting.filter((objection) => objection.id !== decision.deciding);
  if (deciding) await closeObjection(trx, context, deciding, decision.outcome, decision.note);
  if (!active) {
    if (deciding) return null;
    throw conflict('open.suspension.none', { name: dataset.name });
  }
  if (others.length > 0) {
    if (deciding) return active;
    throw conflict('open.suspension.objections_waiting', { name: dataset.name, count: others.length });
  }
  const lifted = await updateSuspension(trx, active.id, {
    ...decided,
    decided_at: new Date(),
    lifted_at: new Date(),
  });
  await audit(lifted, 'open.dataset.reopen');
  return lifted;
}

function sourceOf(actor: Actor | null): SuspensionSource {
  return actor?.role === 'authority_officer' ? 'authority' : 'provider';
}

/** Suspends a dataset on the provider's or the authority's own finding (409 when one is in force). */
export function suspendDataset(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  reason: string,
): Promise<SuspensionRow> {
  return db.transaction().execute((trx) =>
    suspendDatasetIn(trx, context, resourceId, {
      reason,
      source: sourceOf(context.actor),
      joinActive: false,
    }),
  );
}

/** Decides a suspension on its own (see `settleSuspension`): withdraw, restore or reprocess. */
export async function decideSuspension(
  db: Kysely<DB>,
  context: RequestContext,
  resourceId: string,
  outcome: SuspensionOutcome,
  note: string,
): Promise<SuspensionRow> {
  const settled = await db
    .transaction()
    .execute((trx) => settleSuspension(trx, context, resourceId, { outcome, note }));
  return settled!;
}

/** What the public may know of a dataset's suspension: since when, and whether it is withdrawn. */
export interface PublicSuspension {
  since: Date;
  withdrawn: boolean;
  /** Who found the problem (never the reason: it may repeat what is objected to). */
  source: SuspensionSource;
}

/** The suspension in force on a dataset as the public sees it, or null. */
export async function publicSuspension(db: Kysely<DB>, resourceId: string): Promise<PublicSuspension | null> {
  const active = await findActiveSuspension(db, resourceId);
  if (!active) return null;
  return { since: active.suspended_at, withdrawn: active.outcome === 'withdrawn', source: active.source };
}

/**
 * Refuses (409) a read of a suspended or withdrawn dataset: the data routes call this before the
 * first row leaves.
 */
export async function requireNotSuspended(
  db: Kysely<DB>,
  dataset: { resource_id: string; name: string },
): Promise<void> {
  const active = await findActiveSuspension(db, dataset.resource_id);
  if (!active) return;
  if (active.outcome === 'withdrawn') throw conflict('open.data.withdrawn', { name: dataset.name });
  const since = active.suspended_at.toISOString().slice(0, 10);
  throw conflict('open.data.suspended', { name: dataset.name, since });
}
