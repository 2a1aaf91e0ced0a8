// Responsibility lists (采集责任清单 CQ19 §13, 开放责任清单 CQO §16) are read from the published catalog
// (`catalog_entries`), so they are in step with every version by construction; what a version
// changed in them is read from `catalog_version_changes`. Update duties (catalog.update_request
// cases) are answered by submissions, found here too.
import type { Kysely } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { ResourceScope } from '../catalog.repository.ts';

/** What a duty list shows: every published resource (collection), or the open ones (opening). */
export type DutyKind = 'collect' | 'open';

/** One page of duties: published resources of the departments in scope, by department and code. */
export async function listDuties(
  db: Kysely<DB>,
  // The same reach as the working list: admins all, authorities and auditors their regions, others their department.
  scope: ResourceScope,
  filter: { departmentId?: string; kind: DutyKind },
  window: { offset: number; limit: number },
) {
  let query = db
    .selectFrom('catalog_entries as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .innerJoin('catalog_revisions as v', 'v.id', 'e.revision_id')
    .innerJoin('catalog_resources as r', 'r.id', 'e.resource_id')
    .select([
      'e.resource_id as resourceId',
      'e.revision_id as revisionId',
      'e.code',
      'e.name',
      'e.department_id as departmentId',
      'd.name as departmentName',
      'e.class_code as classCode',
      'e.update_cycle as updateCycle',
      'v.update_cycle_note as updateCycleNote',
      'e.share_type as shareType',
      'e.open_type as openType',
      'v.open_methods as openMethods',
      'v.open_condition as openCondition',
      'e.published_at as publishedAt',
      'e.modified_at as modifiedAt',
      'e.version_number as versionNumber',
      'r.data_updated_at as dataUpdatedAt',
    ]);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('e.region_id', 'in', scope.regionIds);
  }
  if (scope.kind === 'department') query = query.where('e.department_id', '=', scope.departmentId);
  if (filter.departmentId) query = query.where('e.department_id', '=', filter.departmentId);
  if (filter.kind === 'open') query = query.where('e.open_type', 'in', ['unconditional', 'conditional']);
  return fetchPage(query, window, (q) => q.orderBy('d.name').orderBy('e.code').orderBy('e.resource_id'));
}

/** The key and required information items of revisions, in their order (what must be collected). */
export function keyItems(db: Kysely<DB>, revisionIds: readonly string[]) {
  if (revisionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_items')
    .select(['revision_id as revisionId', 'name', 'field_name as fieldName', 'is_key as isKey'])
    .where('revision_id', 'in', revisionIds)
    .where((eb) => eb.or([eb('is_key', '=', true), eb('required', '=', true)]))
    .orderBy('revision_id')
    .orderBy('position')
    .execute();
}

/** A published catalog version's number and date; the newest when `number` is not given. */
export function findVersion(db: Kysely<DB>, number?: number) {
  let query = db.selectFrom('catalog_versions').select(['number', 'published_at as publishedAt']);
  query =
    number === undefined ? query.orderBy('number', 'desc').limit(1) : query.where('number', '=', number);
  return query.executeTakeFirst();
}

/** The resources a version changed, with what their duties were before and are after. */
export function versionChanges(db: Kysely<DB>, number: number) {
  return db
    .selectFrom('catalog_version_changes as c')
    .innerJoin('catalog_resources as r', 'r.id', 'c.resource_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('catalog_revisions as after', 'after.id', 'c.revision_id')
    .leftJoin('catalog_revisions as before', 'before.id', 'c.previous_revision_id')
    .select([
      'c.change',
      'c.resource_id as resourceId',
      'r.code',
      'r.department_id as departmentId',
      'r.region_id as regionId',
      'd.name as departmentName',
      'after.name as afterName',
      'after.update_cycle as afterUpdateCycle',
      'after.open_type as afterOpenType',
      'after.open_methods as afterOpenMethods',
      'before.name as beforeName',
      'before.update_cycle as beforeUpdateCycle',
      'before.open_type as beforeOpenType',
      'before.open_methods as beforeOpenMethods',
    ])
    .where('c.version_number', '=', number)
    .orderBy('d.name')
    .orderBy('r.code')
    .execute();
}

/** A resource a version changed, as `versionChanges` returns it. */
export type VersionChangeRow = Awaited<ReturnType<typeof versionChanges>>[number];

/** The submissions that answered update duties (catalog.update_request cases), newest first. */
export function answeringSubmissions(db: Kysely<DB>, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('catalog_submissions')
    .select(['id', 'update_case_id as caseId', 'state', 'submitted_at as submittedAt'])
    .where('update_case_id', 'in', caseIds)
    .orderBy('submitted_at', 'desc')
    .execute();
}
