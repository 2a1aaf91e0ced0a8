// Reads of emergencies: the authority's and auditors' of their region, a department's of its region
// with only its own datasets, and the public mark on a dataset opened under one in force.
import type { Kysely } from 'kysely';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { emergencyStatus } from './emergencies.service.ts';
import type { EmergencyDisposition } from './emergencies.tables.ts';
import {
  findActiveEmergencyOf,
  findEmergency,
  listEmergencies,
  listEmergencyDatasets,
  type EmergencyDatasetRow,
  type EmergencyRow,
} from './emergencies.repository.ts';

const seesRegion = (actor: Actor) => actor.role === 'authority_officer' || actor.role === 'auditor';

function regionsOf(actor: Actor): readonly string[] {
  if (seesRegion(actor)) return actor.regionScope;
  return actor.regionId ? [actor.regionId] : [];
}

function presentEmergency(row: EmergencyRow, today: string) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    basis: row.basis,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    endedEarlyOn: row.ended_early_on,
    status: emergencyStatus(row, today),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function presentDataset(row: EmergencyDatasetRow, ended: boolean) {
  const disposition: EmergencyDisposition | 'pending' | null = row.disposition ?? (ended ? 'pending' : null);
  return {
    resourceId: row.resource_id,
    code: row.code,
    name: row.name,
    department: { id: row.department_id, name: row.department_name },
    addedAt: new Date(row.added_at).toISOString(),
    // After the end every undecided dataset is on the list of what must be deleted or approved.
    disposition,
    approval: row.approval,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    deletedRows: row.deleted_rows === null ? null : Number(row.deleted_rows),
  };
}

/** The emergencies the caller may see, newest first. */
export async function emergencyList(db: Kysely<DB>, actor: Actor) {
  const today = todayInChina();
  return (await listEmergencies(db, regionsOf(actor))).map((row) => presentEmergency(row, today));
}

/** One emergency with its datasets (a department sees its own only) and what awaits disposal. */
export async function emergencyDetail(db: Kysely<DB>, actor: Actor, id: string) {
  const row = isUuid(id) ? await findEmergency(db, id) : undefined;
  if (!row || !regionsOf(actor).includes(row.region_id)) throw notFound('what.emergency');
  const today = todayInChina();
  const shown = presentEmergency(row, today);
  const ended = shown.status === 'ended';
  const own = seesRegion(actor) ? undefined : (actor.departmentId ?? '-');
  const datasets = (await listEmergencyDatasets(db, row.id, own)).map((d) => presentDataset(d, ended));
  return { ...shown, datasets, pending: datasets.filter((d) => d.disposition === 'pending').length };
}

/** The public mark of a dataset opened under an emergency in force, or null. */
export async function publicEmergency(db: Kysely<DB>, resourceId: string) {
  const row = await findActiveEmergencyOf(db, resourceId, todayInChina());
  return row ? { name: row.name, endsOn: row.ends_on } : null;
}
