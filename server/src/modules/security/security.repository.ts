import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RegisterScope } from './security.scope.ts';

/** A department with its region and name (for scope checks and display). */
export function findDepartment(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('departments')
    .select(['id', 'region_id as regionId', 'name', 'kind'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The departments a scope covers, by name (for the overview). */
export function departmentsIn(db: Kysely<DB>, scope: RegisterScope) {
  let query = db.selectFrom('departments').select(['id', 'region_id as regionId', 'name', 'kind']);
  if (scope.kind === 'regions')
    query = query.where((eb) =>
      scope.regionIds.length > 0 ? eb('region_id', 'in', scope.regionIds) : eb.val(false),
    );
  if (scope.kind === 'department')
    query = query.where((eb) => (scope.departmentId ? eb('id', '=', scope.departmentId) : eb.val(false)));
  return query.orderBy('kind').orderBy('name').orderBy('id').execute();
}

/** Catalog resources by id, with their code and (published, else draft) name. */
export function resourceRefs(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_resources as r')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'r.id')
    .leftJoin('catalog_revisions as v', (join) =>
      join.on('v.id', '=', sql<string>`coalesce(r.published_revision_id, r.draft_revision_id)`),
    )
    .select([
      'r.id',
      'r.code',
      'r.department_id as departmentId',
      sql<string>`coalesce(e.name, v.name, r.code)`.as('name'),
    ])
    .where('r.id', 'in', ids)
    .orderBy('r.code')
    .execute();
}

/** A resource as `resourceRefs` returns it. */
export type ResourceRef = Awaited<ReturnType<typeof resourceRefs>>[number];

/** The ids of the departments a scope covers, as a subquery for `department_id in (…)`. */
export function scopeDepartmentIds(db: Kysely<DB>, scope: RegisterScope) {
  const query = db.selectFrom('departments').select('departments.id');
  if (scope.kind === 'regions')
    return query.where((eb) =>
      scope.regionIds.length > 0 ? eb('departments.region_id', 'in', scope.regionIds) : eb.val(false),
    );
  if (scope.kind === 'department')
    return query.where((eb) =>
      scope.departmentId ? eb('departments.id', '=', scope.departmentId) : eb.val(false),
    );
  return query;
}
