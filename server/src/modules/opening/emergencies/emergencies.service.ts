// Emergency opening (CQO §27): the data authority declares a public emergency with its minimum
// scope and dates, opens datasets under it (they are marked on the portal), and after its end
// decides for each one: delete (the dataset is withdrawn from opening and its pool rows deleted) or
// retain with the government's approval. Every step is audited; the deletion names the rows removed.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import { translate } from '../../../platform/i18n/messages.ts';
import type { Actor, RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { findPoolTable } from '../../pools/pool-tables.repository.ts';
import { findOpenDataset } from '../objections/objections.repository.ts';
import { settleSuspension } from '../objections/suspensions.service.ts';
import './emergencies.messages.ts';
import {
  decideEmergencyDataset,
  findEmergency,
  insertEmergency,
  insertEmergencyDataset,
  lockEmergencyDataset,
  purgePoolRows,
  updateEmergency,
  type EmergencyRow,
} from './emergencies.repository.ts';
import type { EmergencyDisposition } from './emergencies.tables.ts';

/** Where an emergency stands on a day: before, in force, or over (then its datasets await disposal). */
export type EmergencyStatus = 'upcoming' | 'active' | 'ended';

/** The status of an emergency on `today` (a China day). */
export function emergencyStatus(
  row: Pick<EmergencyRow, 'starts_on' | 'ends_on' | 'ended_early_on'>,
  today: string,
): EmergencyStatus {
  if (row.ended_early_on || today > row.ends_on) return 'ended';
  return today < row.starts_on ? 'upcoming' : 'active';
}

/** What the authority declares. */
export interface EmergencyInput {
  name: string;
  scope: string;
  basis: string;
  startsOn: string;
  endsOn: string;
}

function requireAuthority(actor: Actor | null, regionId?: string): asserts actor is Actor {
  if (actor?.role !== 'authority_officer' || !actor.regionId) throw forbidden();
  if (regionId && !actor.regionScope.includes(regionId)) throw notFound('what.emergency');
}

function audit(trx: Kysely<DB>, context: RequestContext, row: EmergencyRow, action: string, detail = {}) {
  return recordAudit(trx, context, {
    action,
    targetType: 'open_emergency',
    targetId: row.id,
    detail: { name: row.name, ...detail },
  });
}

/** Declares an emergency for the authority's own region. */
export async function declareEmergency(
  db: Kysely<DB>,
  context: RequestContext,
  input: EmergencyInput,
): Promise<EmergencyRow> {
  const actor = context.actor;
  requireAuthority(actor);
  const today = todayInChina();
  if (input.endsOn < input.startsOn)
    throw invalid('open.emergency.invalid', [{ path: '/endsOn', code: 'open.emergency.ends_before_start' }]);
  if (input.endsOn < today)
    throw invalid('open.emergency.invalid', [{ path: '/endsOn', code: 'open.emergency.ends_in_past' }]);
  return db.transaction().execute(async (trx) => {
    const row = await insertEmergency(trx, {
      region_id: actor.regionId!,
      name: input.name,
      scope: input.scope,
      basis: input.basis,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      declared_by: actor.id,
    });
    await audit(trx, context, row, 'open.emergency.declare', {
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    });
    return row;
  });
}

/** Ends an emergency before its planned end (today is its last day); 409 when it is over already. */
export async function endEmergency(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
): Promise<EmergencyRow> {
  return db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await findEmergency(trx, id, true) : undefined;
    if (!row) throw notFound('what.emergency');
    requireAuthority(context.actor, row.region_id);
    const today = todayInChina();
    if (emergencyStatus(row, today) === 'ended') throw conflict('open.emergency.ended', { name: row.name });
    const last = today < row.starts_on ? row.starts_on : today;
    const ended = await updateEmergency(trx, row.id, { ended_early_on: last });
    await audit(trx, context, ended, 'open.emergency.end', { endedOn: last });
    return ended;
  });
}

/**
 * Opens (marks) an open dataset of the authority's region under an emergency in force. The dataset
 * must already be in the open catalog; the emergency's minimum scope is the authority's to keep.
 */
export async function openUnderEmergency(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  resourceId: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await findEmergency(trx, id, true) : undefined;
    if (!row) throw notFound('what.emergency');
    requireAuthority(context.actor, row.region_id);
    if (emergencyStatus(row, todayInChina()) !== 'active')
      throw conflict('open.emergency.not_active', { name: row.name });
    const dataset = isUuid(resourceId) ? await findOpenDataset(trx, resourceId) : undefined;
    if (!dataset || !context.actor.regionScope.includes(dataset.region_id)) throw notFound('what.open_data');
    const added = await insertEmergencyDataset(trx, {
      emergency_id: row.id,
      resource_id: dataset.resource_id,
      department_id: dataset.department_id,
      added_by: context.actor.id,
    });
    if (!added) throw conflict('open.emergency.already_listed', { name: row.name });
    await audit(trx, context, row, 'open.emergency.open_dataset', { resourceId: dataset.resource_id });
  });
}

/**
 * Decides the disposal of a dataset opened under an ended emergency: `retain` with the
 * government's approval (it stays open), or `delete`: the dataset is withdrawn from opening and
 * every row of its pool table is deleted, in one transaction with the audit event naming the count.
 */
export async function decideDisposal(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  resourceId: string,
  decision: { disposition: EmergencyDisposition; approval?: string },
): Promise<{ deletedRows: number | null }> {
  return db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await findEmergency(trx, id, true) : undefined;
    if (!row) throw notFound('what.emergency');
    requireAuthority(context.actor, row.region_id);
    if (emergencyStatus(row, todayInChina()) !== 'ended')
      throw conflict('open.emergency.not_ended', { name: row.name });
    const listed = isUuid(resourceId) ? await lockEmergencyDataset(trx, row.id, resourceId) : undefined;
    if (!listed) throw notFound('what.open_data');
    if (listed.disposition) throw conflict('open.emergency.decided', { disposition: listed.disposition });
    const approval = decision.approval?.trim();
    const decided = {
      disposition: decision.disposition,
      decided_by: context.actor.id,
      decided_at: new Date(),
    };
    if (decision.disposition === 'retain') {
      if (!approval)
        throw invalid('open.emergency.invalid', [
          { path: '/approval', code: 'open.emergency.approval_required' },
        ]);
      await decideEmergencyDataset(trx, row.id, resourceId, { ...decided, approval });
      await audit(trx, context, row, 'open.emergency.retain', { resourceId, approval });
      return { deletedRows: null };
    }
    const note = translate('open.emergency.deleted_note', 'zh-CN', { name: row.name });
    await settleSuspension(trx, context, resourceId, { outcome: 'withdrawn', note });
    const table = await findPoolTable(trx, resourceId, true);
    const deletedRows = table ? await purgePoolRows(trx, table) : 0;
    await decideEmergencyDataset(trx, row.id, resourceId, { ...decided, deleted_rows: deletedRows });
    await audit(trx, context, row, 'open.emergency.delete', { resourceId, deletedRows });
    return { deletedRows };
  });
}
