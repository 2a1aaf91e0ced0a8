import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { CatalogProjectTable, ProjectKind, ProjectState } from './projects.tables.ts';
import { containing } from '../../../platform/db/like.ts';

/** Inserts a project unless its code is taken; returns its id, or undefined when the code is taken. */
export async function insertProject(
  trx: Kysely<DB>,
  values: Omit<Insertable<CatalogProjectTable>, 'state' | 'created_at' | 'updated_at'>,
): Promise<string | undefined> {
  const row = await trx
    .insertInto('catalog_projects')
    .values(values)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

function selectProjects(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_projects as p')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select([
      'd.name as departmentName',
      sql<number>`jsonb_array_length(p.planned_resources)`.as('plannedCount'),
    ]);
}

/** A project with its department's name. */
export function findProject(db: Kysely<DB>, id: string) {
  return selectProjects(db).where('p.id', '=', id).executeTakeFirst();
}

/** A project as `findProject` returns it. */
export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findProject>>>;

/** Reads a project and locks it until the transaction ends (two decisions at once take turns). */
export function lockProject(trx: Kysely<DB>, id: string) {
  return selectProjects(trx).where('p.id', '=', id).forUpdate('p').executeTakeFirst();
}

/** Changes a project's state, catalog or decisions. */
export async function updateProject(
  trx: Kysely<DB>,
  id: string,
  patch: Omit<Updateable<CatalogProjectTable>, 'id' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('catalog_projects')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Which projects a reader may list. */
export type ProjectScope =
  | { kind: 'all' }
  /** Authorities and auditors: every project of their regions. */
  | { kind: 'regions'; regionIds: readonly string[] }
  /** Other staff: their department's projects, and the published list (approved, accepted) of their regions. */
  | { kind: 'department'; departmentId: string | null; regionIds: readonly string[] };

/** Filters of the project list. */
export interface ProjectFilter {
  state?: ProjectState;
  kind?: ProjectKind;
  departmentId?: string;
  /** Words of the name or code, matched literally. */
  q?: string;
}

/** One page of projects, newest first. */
export async function listProjects(
  db: Kysely<DB>,
  scope: ProjectScope,
  filter: ProjectFilter,
  window: { offset: number; limit: number },
) {
  let query = selectProjects(db);
  if (scope.kind === 'regions')
    query = query.where((eb) =>
      scope.regionIds.length > 0 ? eb('p.region_id', 'in', scope.regionIds) : eb.val(false),
    );
  if (scope.kind === 'department') {
    const { departmentId, regionIds } = scope;
    query = query.where((eb) =>
      eb.or([
        departmentId ? eb('p.department_id', '=', departmentId) : eb.val(false),
        regionIds.length > 0
          ? eb.and([eb('p.state', 'in', ['approved', 'accepted']), eb('p.region_id', 'in', regionIds)])
          : eb.val(false),
      ]),
    );
  }
  if (filter.state) query = query.where('p.state', '=', filter.state);
  if (filter.kind) query = query.where('p.kind', '=', filter.kind);
  if (filter.departmentId) query = query.where('p.department_id', '=', filter.departmentId);
  const q = filter.q?.trim();
  if (q) {
    const pattern = containing(q);
    query = query.where((eb) => eb.or([eb('p.name', 'ilike', pattern), eb('p.code', 'ilike', pattern)]));
  }
  return fetchPage(query, window, (q) => q.orderBy('p.created_at', 'desc').orderBy('p.id'));
}

/**
 * The owner department's catalog resources an acceptance check can match: every published one, and
 * the linked ones whatever their status. `connected` is derived from the last data load, which the
 * data pools set (issue 4); the name is the published one, else the draft's.
 */
export function departmentResources(db: Kysely<DB>, departmentId: string, linkedIds: readonly string[]) {
  return db
    .selectFrom('catalog_resources as r')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'r.id')
    .leftJoin('catalog_revisions as v', (join) =>
      join.on('v.id', '=', sql<string>`coalesce(r.published_revision_id, r.draft_revision_id)`),
    )
    .select([
      'r.id',
      'r.code',
      'r.data_updated_at as dataUpdatedAt',
      sql<boolean>`e.resource_id IS NOT NULL`.as('published'),
      sql<string | null>`coalesce(e.name, v.name)`.as('name'),
    ])
    .where('r.department_id', '=', departmentId)
    .where((eb) =>
      eb.or([
        eb('e.resource_id', 'is not', null),
        ...(linkedIds.length > 0 ? [eb('r.id', 'in', linkedIds)] : []),
      ]),
    )
    .orderBy('r.code')
    .execute();
}

/** A resource as `departmentResources` returns it. */
export type DepartmentResource = Awaited<ReturnType<typeof departmentResources>>[number];

/** The department of each given catalog resource (to check links). */
export function resourceDepartments(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_resources')
    .select(['id', 'department_id as departmentId'])
    .where('id', 'in', ids)
    .execute();
}
