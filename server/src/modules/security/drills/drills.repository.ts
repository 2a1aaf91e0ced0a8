import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { scopeDepartmentIds } from '../security.repository.ts';
import type { RegisterScope } from '../security.scope.ts';
import type { SecurityDrillTable, SecurityPlanTable } from '../security.tables.ts';

function selectPlans(db: Kysely<DB>) {
  return db
    .selectFrom('security_plans as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select([
      'd.name as departmentName',
      'd.region_id as regionId',
      (eb) =>
        eb
          .selectFrom('security_drills as x')
          .select(sql<string>`max(x.held_on)::text`.as('last'))
          .whereRef('x.plan_id', '=', 'p.id')
          .as('lastDrillOn'),
    ]);
}

/** A plan with its department and last drill. */
export function findPlan(db: Kysely<DB>, id: string, lock = false) {
  const query = selectPlans(db).where('p.id', '=', id);
  return (lock ? query.forUpdate('p') : query).executeTakeFirst();
}

/** A plan as `findPlan` returns it. */
export type PlanRecord = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** One page of plans in scope (current ones unless `retired`), by department and title. */
export function listPlans(
  db: Kysely<DB>,
  scope: RegisterScope,
  filter: { departmentId?: string; retired?: boolean },
  window: { offset: number; limit: number },
) {
  let query = selectPlans(db).where('p.department_id', 'in', scopeDepartmentIds(db, scope));
  if (filter.departmentId) query = query.where('p.department_id', '=', filter.departmentId);
  if (!filter.retired) query = query.where('p.retired', '=', false);
  return fetchPage(query, window, (q) => q.orderBy('d.name').orderBy('p.title').orderBy('p.id'));
}

/** Inserts a plan; returns its id. */
export async function insertPlan(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityPlanTable>, 'retired' | 'created_at' | 'updated_at'>,
): Promise<string> {
  const row = await trx.insertInto('security_plans').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a plan. */
export async function updatePlan(
  trx: Kysely<DB>,
  id: string,
  patch: Omit<Updateable<SecurityPlanTable>, 'id' | 'department_id' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('security_plans')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

function selectDrills(db: Kysely<DB>) {
  return db
    .selectFrom('security_drills as r')
    .innerJoin('security_plans as p', 'p.id', 'r.plan_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('r')
    .select(['p.title as planTitle', 'd.name as departmentName']);
}

/** A drill as the lists return it. */
export type DrillRecord = Awaited<ReturnType<ReturnType<typeof selectDrills>['execute']>>[number];

/** One page of drills in scope, latest first. */
export function listDrills(
  db: Kysely<DB>,
  scope: RegisterScope,
  filter: { departmentId?: string; planId?: string },
  window: { offset: number; limit: number },
) {
  let query = selectDrills(db).where('r.department_id', 'in', scopeDepartmentIds(db, scope));
  if (filter.departmentId) query = query.where('r.department_id', '=', filter.departmentId);
  if (filter.planId) query = query.where('r.plan_id', '=', filter.planId);
  return fetchPage(query, window, (q) => q.orderBy('r.held_on', 'desc').orderBy('r.id'));
}

/** Every drill of a plan, latest first. */
export function drillsOfPlan(db: Kysely<DB>, planId: string) {
  return selectDrills(db)
    .where('r.plan_id', '=', planId)
    .orderBy('r.held_on', 'desc')
    .orderBy('r.id')
    .execute();
}

/** Inserts a drill; returns its id. */
export async function insertDrill(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityDrillTable>, 'created_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('security_drills')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
