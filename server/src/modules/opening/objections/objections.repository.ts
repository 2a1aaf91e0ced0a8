// SQL of objections (异议, CQO §41), their evidence files and the suspensions of open datasets.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { OPEN_TYPES } from '../../dcat/open-catalog.repository.ts';
import type { LevelColumns } from '../../sharing/sharing-views.ts';
import type {
  ObjectionGround,
  ObjectionState,
  OpenObjectionEvidenceTable,
  OpenObjectionTable,
  OpenSuspensionTable,
} from './objections.tables.ts';

/** An objection as stored. */
export type ObjectionRow = Selectable<OpenObjectionTable>;
/** A suspension as stored. */
export type SuspensionRow = Selectable<OpenSuspensionTable>;
/** An evidence file's facts, without its content. */
export type EvidenceInfo = Omit<Selectable<OpenObjectionEvidenceTable>, 'content_sealed'>;

/** An objection with the names it is shown with and its resource's published level. */
export interface ListedObjection extends ObjectionRow, LevelColumns {
  resource_code: string;
  resource_name: string | null;
  provider_name: string;
  objector_name: string;
  decided_by_name: string | null;
  evidence_count: number;
}

/** Who may see which objections: one objector, one provider department, or regions. */
export type ObjectionScope =
  | { kind: 'all' }
  | { kind: 'objector'; userId: string }
  | { kind: 'provider'; departmentId: string }
  | { kind: 'regions'; regionIds: readonly string[] };

/** The open dataset an objection or suspension is about: published in the open catalog. */
export interface ObjectedDataset {
  resource_id: string;
  code: string;
  name: string;
  department_id: string;
  region_id: string;
}

/** The open dataset with this resource id (unconditionally or conditionally open), or undefined. */
export function findOpenDataset(db: Kysely<DB>, resourceId: string): Promise<ObjectedDataset | undefined> {
  return db
    .selectFrom('catalog_entries')
    .select(['resource_id', 'code', 'name', 'department_id', 'region_id'])
    .where('resource_id', '=', resourceId)
    .where('open_type', 'in', OPEN_TYPES)
    .where('open_review_passed', '=', true)
    .executeTakeFirst();
}

/** The suspension in force on a dataset (a withdrawal included), or undefined. */
export function findActiveSuspension(db: Kysely<DB>, resourceId: string): Promise<SuspensionRow | undefined> {
  return db
    .selectFrom('open_suspensions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
}

/** The suspension in force on a dataset, locked until the transaction ends. */
export function lockActiveSuspension(
  trx: Kysely<DB>,
  resourceId: string,
): Promise<SuspensionRow | undefined> {
  return trx
    .selectFrom('open_suspensions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('lifted_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores a suspension. */
export function insertSuspension(
  trx: Kysely<DB>,
  row: Insertable<OpenSuspensionTable>,
): Promise<SuspensionRow> {
  return trx.insertInto('open_suspensions').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Changes a suspension. */
export function updateSuspension(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenSuspensionTable>,
): Promise<SuspensionRow> {
  return trx
    .updateTable('open_suspensions')
    .set(patch)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The objections of a dataset still waiting for an outcome, locked until the transaction ends. */
export function lockWaitingObjections(trx: Kysely<DB>, resourceId: string): Promise<ObjectionRow[]> {
  return trx
    .selectFrom('open_objections')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('state', 'in', ['received', 'suspended'])
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Stores an objection. */
export function insertObjection(trx: Kysely<DB>, row: Insertable<OpenObjectionTable>): Promise<ObjectionRow> {
  return trx.insertInto('open_objections').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An objection, locked until the transaction ends: decisions and suspensions on it queue up. */
export function lockObjection(trx: Kysely<DB>, id: string): Promise<ObjectionRow | undefined> {
  return trx.selectFrom('open_objections').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes an objection (and its `updated_at`). */
export function updateObjection(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenObjectionTable>,
): Promise<ObjectionRow> {
  return trx
    .updateTable('open_objections')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How many objections a user filed since `since` (a daily limit against floods). */
export async function countObjectionsSince(db: Kysely<DB>, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('open_objections')
    .select(sql<number>`count(*)`.as('n'))
    .where('objector_user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_objections as o')
    .innerJoin('catalog_resources as cr', 'cr.id', 'o.resource_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'o.resource_id')
    .innerJoin('departments as d', 'd.id', 'o.department_id')
    .innerJoin('users as u', 'u.id', 'o.objector_user_id')
    .leftJoin('users as du', 'du.id', 'o.decided_by')
    .selectAll('o')
    .select((eb) => [
      'cr.code as resource_code',
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'd.name as provider_name',
      'u.display_name as objector_name',
      'du.display_name as decided_by_name',
      eb
        .selectFrom('open_objection_evidence as ev')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('ev.objection_id', '=', 'o.id')
        .as('evidence_count'),
    ]);
}

/** One page of the objections in scope, newest first, with the total. */
export async function listObjections(
  db: Kysely<DB>,
  scope: ObjectionScope,
  filter: { state?: ObjectionState; resourceId?: string; ground?: ObjectionGround },
  window: { offset: number; limit: number },
): Promise<{ rows: ListedObjection[]; total: number }> {
  let query = listed(db);
  if (scope.kind === 'objector') query = query.where('o.objector_user_id', '=', scope.userId);
  if (scope.kind === 'provider') query = query.where('o.department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('o.region_id', 'in', [...scope.regionIds]);
  }
  if (filter.state) query = query.where('o.state', '=', filter.state);
  if (filter.resourceId) query = query.where('o.resource_id', '=', filter.resourceId);
  if (filter.ground) query = query.where('o.ground', '=', filter.ground);
  const page = await fetchPage(query, window, (q) => q.orderBy('o.created_at', 'desc').orderBy('o.id'));
  return {
    ...page,
    rows: page.rows.map((row) => ({ ...row, evidence_count: Number(row.evidence_count ?? 0) })),
  };
}

/** One objection with its names. */
export async function findListedObjection(db: Kysely<DB>, id: string): Promise<ListedObjection | undefined> {
  const row = await listed(db).where('o.id', '=', id).executeTakeFirst();
  return row && { ...row, evidence_count: Number(row.evidence_count ?? 0) };
}

/** Stores an evidence file (sealed by the caller). */
export function insertEvidence(
  trx: Kysely<DB>,
  row: Insertable<OpenObjectionEvidenceTable>,
): Promise<EvidenceInfo> {
  return trx
    .insertInto('open_objection_evidence')
    .values(row)
    .returning(['id', 'objection_id', 'file_name', 'media_type', 'size_bytes', 'digest', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** The evidence files of an objection, oldest first, without content. */
export function listEvidence(db: Kysely<DB>, objectionId: string): Promise<EvidenceInfo[]> {
  return db
    .selectFrom('open_objection_evidence')
    .select(['id', 'objection_id', 'file_name', 'media_type', 'size_bytes', 'digest', 'created_at'])
    .where('objection_id', '=', objectionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** One evidence file with its sealed content. */
export function findEvidence(db: Kysely<DB>, objectionId: string, evidenceId: string) {
  return db
    .selectFrom('open_objection_evidence')
    .selectAll()
    .where('objection_id', '=', objectionId)
    .where('id', '=', evidenceId)
    .executeTakeFirst();
}

/** The suspensions of a dataset, newest first (the record of what happened to it). */
export function listSuspensions(db: Kysely<DB>, resourceId: string): Promise<SuspensionRow[]> {
  return db
    .selectFrom('open_suspensions')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy('suspended_at', 'desc')
    .execute();
}
