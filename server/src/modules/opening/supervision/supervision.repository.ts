// SQL of usage supervision: the agreement's supervised columns, and breaches with their rectification.
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { LevelColumns } from '../../sharing/sharing-views.ts';
import type { OpenAgreementState } from '../conditional.tables.ts';
import type { BreachState, OpenAgreementBreachTable } from './supervision.tables.ts';

/** A stored breach. */
export type BreachRow = Selectable<OpenAgreementBreachTable>;

/** A breach with the names and the agreement it is shown with, and its resource's published level. */
export interface ListedBreach extends BreachRow, LevelColumns {
  agreement_number: string;
  agreement_state: OpenAgreementState;
  applicant_user_id: string;
  applicant_name: string;
  resource_id: string;
  resource_name: string | null;
  provider_name: string;
  found_by_name: string;
  decided_by_name: string | null;
}

/** What supervision needs of an agreement. */
export interface SupervisedAgreement {
  id: string;
  number: string;
  state: OpenAgreementState;
  resource_id: string;
  applicant_user_id: string;
  provider_department_id: string;
  provider_region_id: string;
  valid_from: string;
  valid_until: string;
}

/** The agreement, locked until the transaction ends: supervision acts and signatures on it queue up. */
export function lockSupervisedAgreement(
  trx: Kysely<DB>,
  id: string,
): Promise<SupervisedAgreement | undefined> {
  return trx
    .selectFrom('open_agreements')
    .select([
      'id',
      'number',
      'state',
      'resource_id',
      'applicant_user_id',
      'provider_department_id',
      'provider_region_id',
      'valid_from',
      'valid_until',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Moves an agreement to a supervised state with the reason the user is shown. */
export async function setAgreementState(
  trx: Kysely<DB>,
  id: string,
  state: OpenAgreementState,
  reason: string | null,
): Promise<void> {
  await trx
    .updateTable('open_agreements')
    .set({ state, state_reason: reason, state_changed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Stores a breach. */
export function insertBreach(trx: Kysely<DB>, row: Insertable<OpenAgreementBreachTable>): Promise<BreachRow> {
  return trx.insertInto('open_agreement_breaches').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A breach, locked until the transaction ends. */
export function lockBreach(trx: Kysely<DB>, id: string): Promise<BreachRow | undefined> {
  return trx
    .selectFrom('open_agreement_breaches')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes a breach (and its `updated_at`). */
export function updateBreach(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<OpenAgreementBreachTable>,
): Promise<BreachRow> {
  return trx
    .updateTable('open_agreement_breaches')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** How many breaches of an agreement are still unsettled, other than `exceptId`. */
export async function countUnsettled(
  trx: Kysely<DB>,
  agreementId: string,
  exceptId: string,
): Promise<number> {
  const row = await trx
    .selectFrom('open_agreement_breaches')
    .select(sql<number>`count(*)`.as('n'))
    .where('agreement_id', '=', agreementId)
    .where('id', '<>', exceptId)
    .where('state', 'in', ['open', 'reported'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The unsettled breaches of an agreement other than `exceptId`, locked until the transaction ends. */
export function listUnsettled(trx: Kysely<DB>, agreementId: string, exceptId: string) {
  return trx
    .selectFrom('open_agreement_breaches')
    .select(['id', 'case_id'])
    .where('agreement_id', '=', agreementId)
    .where('id', '<>', exceptId)
    .where('state', 'in', ['open', 'reported'])
    .forUpdate()
    .execute();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('open_agreement_breaches as b')
    .innerJoin('open_agreements as a', 'a.id', 'b.agreement_id')
    .innerJoin('users as u', 'u.id', 'a.applicant_user_id')
    .leftJoin('catalog_entries as ce', 'ce.resource_id', 'a.resource_id')
    .innerJoin('departments as d', 'd.id', 'b.department_id')
    .innerJoin('users as f', 'f.id', 'b.found_by')
    .leftJoin('users as du', 'du.id', 'b.decided_by')
    .selectAll('b')
    .select([
      'a.number as agreement_number',
      'a.state as agreement_state',
      'a.applicant_user_id',
      'u.display_name as applicant_name',
      'a.resource_id',
      'ce.name as resource_name',
      'ce.security_level',
      'ce.security_sublevel',
      'd.name as provider_name',
      'f.display_name as found_by_name',
      'du.display_name as decided_by_name',
    ]);
}

/** Who may see which breaches. */
export type BreachScope =
  | { kind: 'applicant'; userId: string }
  | { kind: 'provider'; departmentId: string }
  | { kind: 'regions'; regionIds: readonly string[] };

/** The breaches in scope, newest first; filters by agreement and state. */
export async function listBreaches(
  db: Kysely<DB>,
  scope: BreachScope,
  filter: { agreementId?: string; state?: BreachState },
): Promise<ListedBreach[]> {
  let query = listed(db);
  if (scope.kind === 'applicant') query = query.where('a.applicant_user_id', '=', scope.userId);
  if (scope.kind === 'provider') query = query.where('b.department_id', '=', scope.departmentId);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return [];
    query = query.where('b.region_id', 'in', [...scope.regionIds]);
  }
  if (filter.agreementId) query = query.where('b.agreement_id', '=', filter.agreementId);
  if (filter.state) query = query.where('b.state', '=', filter.state);
  return query.orderBy('b.created_at', 'desc').orderBy('b.id').limit(500).execute();
}

/** One breach with its names. */
export function findListedBreach(db: Kysely<DB>, id: string): Promise<ListedBreach | undefined> {
  return listed(db).where('b.id', '=', id).executeTakeFirst();
}
