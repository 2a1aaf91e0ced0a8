import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { CaseTable, CaseTransitionTable } from './cases.tables.ts';

/** A case row as stored. */
export type CaseRow = Selectable<CaseTable>;
/** A history row as stored. */
export type CaseTransitionRow = Selectable<CaseTransitionTable>;

/** Which cases a reader may see. */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'department'; departmentId: string };

/** Filters of the case list. */
export interface CaseFilter {
  type?: string;
  state?: string;
  departmentId?: string;
  overdue?: boolean;
  dueBefore?: string;
  open?: boolean;
}

/** The department a case is for: its id and region (for scope checks). */
export async function findDepartmentRef(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'region_id as regionId', 'name'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Inserts a case. */
export async function insertCase(
  trx: Kysely<DB>,
  values: Omit<Insertable<CaseTable>, 'payload'> & { payload: Record<string, unknown> },
): Promise<CaseRow> {
  return trx
    .insertInto('cases')
    .values({ ...values, payload: JSON.stringify(values.payload) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Reads a case and locks it until the transaction ends, so that concurrent acts on it queue up. */
export async function lockCase(trx: Kysely<DB>, id: string): Promise<CaseRow | undefined> {
  return trx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Reads a case with its department's name. */
export async function findCase(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('cases')
    .innerJoin('departments', 'departments.id', 'cases.department_id')
    .selectAll('cases')
    .select('departments.name as department_name')
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/** Updates a case if it still has the version read; returns the new row, or undefined if it changed. */
export async function updateCase(
  trx: Kysely<DB>,
  id: string,
  version: number,
  patch: Updateable<CaseTable>,
): Promise<CaseRow | undefined> {
  return trx
    .updateTable('cases')
    .set({ ...patch, version: version + 1, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Appends to a case's history. */
export async function insertTransition(
  trx: Kysely<DB>,
  values: Omit<CaseTransitionTable, 'id' | 'occurred_at' | 'detail'> & { detail: Record<string, unknown> },
): Promise<void> {
  await trx
    .insertInto('case_transitions')
    .values({ ...values, detail: JSON.stringify(values.detail) })
    .execute();
}

/** A case's history, oldest first. */
export async function listTransitions(db: Kysely<DB>, caseId: string): Promise<CaseTransitionRow[]> {
  return db.selectFrom('case_transitions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
}

const SORTABLE = {
  receivedOn: 'cases.received_on',
  dueOn: 'cases.due_on',
  createdAt: 'cases.created_at',
  updatedAt: 'cases.updated_at',
} as const;
/** API sort field → column of the case list. */
export const CASE_SORT = SORTABLE;
/** A sortable column of the case list. */
export type CaseSortColumn = (typeof SORTABLE)[keyof typeof SORTABLE];

/** One page of cases the scope allows, with the total count. */
export async function listCases(
  db: Kysely<DB>,
  scope: CaseScope,
  filter: CaseFilter,
  window: { offset: number; limit: number },
  order: { column: CaseSortColumn; direction: 'asc' | 'desc' },
) {
  let query = db.selectFrom('cases').innerJoin('departments', 'departments.id', 'cases.department_id');
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('cases.region_id', 'in', scope.regionIds);
  }
  if (scope.kind === 'department') query = query.where('cases.department_id', '=', scope.departmentId);
  if (filter.type) query = query.where('cases.type', '=', filter.type);
  if (filter.state) query = query.where('cases.state', '=', filter.state);
  if (filter.departmentId) query = query.where('cases.department_id', '=', filter.departmentId);
  if (filter.overdue !== undefined) query = query.where('cases.overdue', '=', filter.overdue);
  if (filter.dueBefore) query = query.where('cases.due_on', '<', filter.dueBefore);
  if (filter.open !== undefined) query = query.where('cases.closed_at', filter.open ? 'is' : 'is not', null);
  const [rows, count] = await Promise.all([
    query
      .selectAll('cases')
      .select('departments.name as department_name')
      .orderBy(order.column, order.direction)
      .orderBy('cases.id')
      .offset(window.offset)
      .limit(window.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

/**
 * Marks every open case whose due date is before `today` as overdue (once: cases already marked are
 * skipped, and a concurrent sweep waits on the row locks and then finds nothing left to mark).
 */
export async function markOverdue(trx: Kysely<DB>, today: string) {
  return trx
    .updateTable('cases')
    .set({
      overdue: true,
      overdue_since: sql<string>`(due_on + 1)`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('closed_at', 'is', null)
    .where('overdue', '=', false)
    .where('due_on', 'is not', null)
    .where('due_on', '<', today)
    .returning(['id', 'type', 'department_id', 'due_on', 'overdue_since'])
    .execute();
}

/** Takes a transaction-scoped advisory lock if no one holds it; false when another holder has it. */
export async function tryAdvisoryLock(trx: Kysely<DB>, key: number): Promise<boolean> {
  const result = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${key}) as locked`.execute(
    trx,
  );
  return result.rows[0]?.locked === true;
}
