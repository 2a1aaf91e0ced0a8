// Objections to open data (异议, CQO §41): a public user objects that an open dataset infringes
// privacy or trade secrets; the provider (or the authority of its region) may suspend the dataset at
// once, then decides the outcome — withdraw, restore, or reprocess (re-mask) and reopen — which the
// objector sees in the portal and the authority in its lists. Suspensions themselves (also on the
// provider's or the authority's own finding) are in suspensions.service.ts.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { openCase, transition, type DeadlineEnv } from '../../../platform/cases/cases.ts';
import type { Config } from '../../../config.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { objectionCase } from './objections.cases.ts';
import './objections.messages.ts';
import {
  countObjectionsSince,
  findActiveSuspension,
  findOpenDataset,
  insertObjection,
  lockObjection,
  type ObjectionRow,
} from './objections.repository.ts';
import type { ObjectionGround, SuspensionOutcome } from './objections.tables.ts';
import { requireHandler, settleSuspension, suspendDatasetIn } from './suspensions.service.ts';

/** What an objection filing needs of the platform. */
export interface ObjectionPlatform extends DeadlineEnv {
  config: Pick<Config, 'objectionsPerUserDay'>;
}

/** What an objector sends. */
export interface ObjectionInput {
  resourceId: string;
  ground: ObjectionGround;
  statement: string;
}

/** The shortest statement taken: a few words say nothing a provider could verify. */
const MIN_STATEMENT = 10;

/** The decided outcome of an objection, as the provider names it. */
export type ObjectionDecision = 'withdraw' | 'restore' | 'reprocess';

const OUTCOME_OF: Record<ObjectionDecision, SuspensionOutcome> = {
  withdraw: 'withdrawn',
  restore: 'restored',
  reprocess: 'reprocessed',
};

/**
 * Files an objection: only an identity-authenticated public user (so the outcome can be reported
 * to a known person and floods are bounded per day), against an open dataset not already withdrawn.
 * A dataset already suspended takes the objection under the same suspension.
 */
export async function fileObjection(
  db: Kysely<DB>,
  platform: ObjectionPlatform,
  context: RequestContext,
  input: ObjectionInput,
): Promise<ObjectionRow> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const statement = input.statement.trim();
  if (statement.length < MIN_STATEMENT)
    throw invalid('open.objection.invalid', [
      { path: '/statement', code: 'open.objection.statement_short', params: { min: MIN_STATEMENT } },
    ]);
  const dataset = isUuid(input.resourceId) ? await findOpenDataset(db, input.resourceId) : undefined;
  if (!dataset) throw notFound('what.open_data');
  const max = platform.config.objectionsPerUserDay;
  if (max > 0) {
    const filed = await countObjectionsSince(db, actor.id, new Date(Date.now() - 24 * 3600 * 1000));
    if (filed >= max) throw new AppError(429, 'open.objection.too_many', { max });
  }
  return db.transaction().execute(async (trx) => {
    const active = await findActiveSuspension(trx, dataset.resource_id);
    if (active?.outcome === 'withdrawn') throw conflict('open.objection.withdrawn', { name: dataset.name });
    const caseRow = await openCase(trx, context, platform, objectionCase, {
      departmentId: dataset.department_id,
      subject: `异议：${dataset.name}`,
      payload: { resourceId: dataset.resource_id, ground: input.ground },
    });
    if (active)
      await transition(trx, context, caseRow.id, 'suspend', { detail: { suspensionId: active.id } });
    const row = await insertObjection(trx, {
      case_id: caseRow.id,
      resource_id: dataset.resource_id,
      department_id: dataset.department_id,
      region_id: dataset.region_id,
      objector_user_id: actor.id,
      ground: input.ground,
      statement,
      state: active ? 'suspended' : 'received',
      suspension_id: active?.id ?? null,
    });
    // The statement may repeat the very data objected to: the audit names the objection, not its words.
    await recordAudit(trx, context, {
      action: 'open.objection.file',
      targetType: 'open_objection',
      targetId: row.id,
      departmentId: dataset.department_id,
      detail: { resourceId: dataset.resource_id, ground: input.ground, alreadySuspended: Boolean(active) },
    });
    return row;
  });
}

/** The objection locked for a handler's act, 404 when missing or outside the handler's reach. */
async function lockHandled(trx: Kysely<DB>, context: RequestContext, id: string): Promise<ObjectionRow> {
  const row = isUuid(id) ? await lockObjection(trx, id) : undefined;
  if (!row) throw notFound('what.objection');
  requireHandler(
    context.actor,
    { departmentId: row.department_id, regionId: row.region_id },
    'what.objection',
  );
  return row;
}

function requireWaiting(row: ObjectionRow): void {
  if (row.state !== 'received' && row.state !== 'suspended')
    throw conflict('open.objection.closed', { state: row.state });
}

/**
 * Suspends the objected dataset at once (downloads and API calls stop). Where the dataset is
 * already suspended the objection joins that suspension; every other waiting objection of the
 * dataset joins too.
 */
export async function suspendForObjection(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  reason: string,
): Promise<ObjectionRow> {
  return db.transaction().execute(async (trx) => {
    const row = await lockHandled(trx, context, id);
    requireWaiting(row);
    if (row.state === 'suspended') throw conflict('open.objection.not_waiting');
    const suspension = await suspendDatasetIn(trx, context, row.resource_id, {
      reason,
      source: 'objection',
      joinActive: true,
    });
    return (await lockObjection(trx, row.id)) ?? { ...row, state: 'suspended', suspension_id: suspension.id };
  });
}

/**
 * Decides an objection: withdraw (the dataset stays closed; every waiting objection of it closes
 * with it), restore (the objection is unfounded) or reprocess (the provider re-masked the data; the
 * note says what changed). Restoring and reprocessing lift the suspension once no other objection
 * waits on it. The objector sees the outcome and the note in the portal; the authority in its lists.
 */
export async function decideObjection(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  decision: ObjectionDecision,
  note: string,
): Promise<ObjectionRow> {
  return db.transaction().execute(async (trx) => {
    const row = await lockHandled(trx, context, id);
    requireWaiting(row);
    const outcome = OUTCOME_OF[decision];
    await settleSuspension(trx, context, row.resource_id, { outcome, note, deciding: row.id });
    const decided = await lockObjection(trx, row.id);
    return decided ?? row;
  });
}
