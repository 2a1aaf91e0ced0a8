// Reads of objections: the objector's own (in the portal), the provider's and the authority's (in
// the console: the outcome is reported to the authority by being in its region's list, CQO §41),
// and the public facts of a dataset's suspension.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { levelOf } from '../../sharing/sharing-views.ts';
import {
  findActiveSuspension,
  findListedObjection,
  findOpenDataset,
  listEvidence,
  listSuspensions,
  listObjections,
  type EvidenceInfo,
  type ListedObjection,
  type ObjectionScope,
  type SuspensionRow,
} from './objections.repository.ts';
import type { ObjectionGround, ObjectionState } from './objections.tables.ts';

/** Whether an actor may read an objection: its objector, the provider's staff, the region's authority or auditor. */
export function mayRead(
  actor: Actor | null,
  objection: Pick<ListedObjection, 'objector_user_id' | 'department_id' | 'region_id'>,
): boolean {
  if (!actor) return false;
  if (actor.id === objection.objector_user_id && actor.role === 'public_user') return true;
  if (actor.type === 'user' && actor.departmentId === objection.department_id && actor.role !== 'public_user')
    return true;
  return (
    (actor.role === 'authority_officer' || actor.role === 'auditor') &&
    actor.regionScope.includes(objection.region_id)
  );
}

/** The objections a handler's list shows: the own department's, or the region's. */
export function handlerScope(actor: Actor): ObjectionScope {
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'regions', regionIds: actor.regionScope };
  if (actor.type === 'user' && actor.departmentId && actor.role !== 'public_user')
    return { kind: 'provider', departmentId: actor.departmentId };
  throw forbidden();
}

/** An objection as shown: the objector sees the provider's answer; handlers also see who objected. */
export interface ObjectionView {
  id: string;
  caseId: string;
  resourceId: string;
  resourceCode: string;
  resourceName: string | null;
  /** The resource's published level and sub-level; null for the objector (a public user). */
  securityLevel: string | null;
  securitySubLevel: string | null;
  provider: { id: string; name: string };
  objector: { name: string } | null;
  ground: string;
  statement: string;
  state: ObjectionState;
  suspended: boolean;
  outcomeNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  evidenceCount: number;
  createdAt: string;
}

/** Presents a listed objection; `forObjector` leaves out the objector block (it is the reader) and the level. */
export function presentObjection(row: ListedObjection, forObjector: boolean): ObjectionView {
  return {
    id: row.id,
    caseId: row.case_id,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    ...levelOf(row, !forObjector),
    provider: { id: row.department_id, name: row.provider_name },
    objector: forObjector ? null : { name: row.objector_name },
    ground: row.ground,
    statement: row.statement,
    state: row.state,
    suspended: row.state === 'suspended',
    outcomeNote: row.outcome_note,
    // The objector learns the outcome and the department's answer, not which officer gave it.
    decidedBy: forObjector ? null : row.decided_by_name,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    evidenceCount: row.evidence_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** An evidence file's facts as shown. */
export function presentEvidence(row: EvidenceInfo) {
  return {
    id: row.id,
    name: row.file_name,
    mediaType: row.media_type,
    size: row.size_bytes,
    digest: row.digest,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** A suspension as handlers see it. */
export function presentSuspension(row: SuspensionRow) {
  return {
    id: row.id,
    source: row.source,
    reason: row.reason,
    suspendedAt: new Date(row.suspended_at).toISOString(),
    outcome: row.outcome,
    outcomeNote: row.outcome_note,
    decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
    liftedAt: row.lifted_at ? new Date(row.lifted_at).toISOString() : null,
  };
}

/** One page of objections for the caller: a public user's own, else the handler's scope. */
export async function objectionPage(
  db: Kysely<DB>,
  actor: Actor,
  own: boolean,
  filter: { state?: ObjectionState; resourceId?: string; ground?: ObjectionGround },
  window: { offset: number; limit: number },
) {
  const scope: ObjectionScope = own ? { kind: 'objector', userId: actor.id } : handlerScope(actor);
  const { rows, total } = await listObjections(db, scope, filter, window);
  return { items: rows.map((row) => presentObjection(row, own)), total };
}

/** One objection with its evidence list and (for handlers) the dataset's suspension in force. */
export async function objectionDetail(db: Kysely<DB>, actor: Actor, id: string) {
  const row = isUuid(id) ? await findListedObjection(db, id) : undefined;
  if (!row || !mayRead(actor, row)) throw notFound('what.objection');
  const forObjector = actor.id === row.objector_user_id;
  const [evidence, suspension] = await Promise.all([
    listEvidence(db, row.id),
    forObjector ? Promise.resolve(undefined) : findActiveSuspension(db, row.resource_id),
  ]);
  return {
    ...presentObjection(row, forObjector),
    evidence: evidence.map(presentEvidence),
    suspension: suspension ? presentSuspension(suspension) : null,
  };
}

/** The suspension record of a dataset for the provider's staff and the region's authority and auditors. */
export async function datasetSuspensions(
  db: Kysely<DB>,
  actor: Actor,
  resourceId: string,
): Promise<SuspensionRow[]> {
  const dataset = isUuid(resourceId) ? await findOpenDataset(db, resourceId) : undefined;
  const owner = dataset && {
    objector_user_id: '',
    department_id: dataset.department_id,
    region_id: dataset.region_id,
  };
  if (!owner || !mayRead(actor, owner)) throw notFound('what.open_data');
  return listSuspensions(db, dataset.resource_id);
}
