import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ClassRef } from './catalog.schemas.ts';
import type {
  CatalogItemTable,
  CatalogResourceTable,
  CatalogRevisionTable,
  RevisionState,
} from './catalog.tables.ts';

/** A resource row as stored. */
export type ResourceRow = Selectable<CatalogResourceTable>;
/** A revision row with its information items in order. */
export type RevisionRecord = Selectable<CatalogRevisionTable> & { items: Selectable<CatalogItemTable>[] };
/** The columns of a revision a writer provides (the rest are set by the database or the service). */
export type RevisionValues = Omit<
  Insertable<CatalogRevisionTable>,
  'id' | 'resource_id' | 'number' | 'state' | 'created_at' | 'updated_at'
>;
/** An item as written, without its revision and position. */
export type ItemValues = Omit<
  CatalogItemTable,
  'revision_id' | 'position' | 'allowed_values' | 'category' | 'security_level'
> & {
  allowed_values: string[];
  category: string | null;
  security_level: string | null;
};

/** Every classification node with its path of names, top first (the tree is small). */
export async function listClasses(db: Kysely<DB>): Promise<ClassRef[]> {
  const rows = await db.selectFrom('catalog_classes').selectAll().orderBy('code').execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (id: string | null): string[] => {
    const names: string[] = [];
    for (
      let node = id ? byId.get(id) : undefined;
      node;
      node = node.parent_id ? byId.get(node.parent_id) : undefined
    )
      names.unshift(node.name);
    return names;
  };
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    path: pathOf(row.id),
    baseDatabase: row.base_database,
  }));
}

/** Adds a classification node below a parent. */
export async function insertClass(
  db: Kysely<DB>,
  values: { code: string; name: string; level: number; kind: ClassRef['kind']; parentId: string },
): Promise<string> {
  const row = await db
    .insertInto('catalog_classes')
    .values({
      code: values.code,
      name: values.name,
      level: values.level,
      kind: values.kind,
      parent_id: values.parentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Reads a resource. */
export function findResource(db: Kysely<DB>, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('catalog_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Reads a resource and locks it until the transaction ends (concurrent edits queue up). */
export function lockResource(trx: Kysely<DB>, id: string): Promise<ResourceRow | undefined> {
  return trx.selectFrom('catalog_resources').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Resources of a department with these codes (import matches rows to resources by code). */
export function findResourcesByCode(db: Kysely<DB>, codes: string[]): Promise<ResourceRow[]> {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('catalog_resources').selectAll().where('code', 'in', codes).execute();
}

/** Which of these codes belong to some resource. */
export async function existingCodes(db: Kysely<DB>, codes: string[]): Promise<Set<string>> {
  const rows = await findResourcesByCode(db, codes);
  return new Set(rows.map((row) => row.code));
}

/**
 * The next free sequence (后段码) under a 前段码. The transaction-scoped advisory lock makes two
 * creations under the same prefix take turns, so they never pick the same number.
 */
export async function nextSequence(trx: Kysely<DB>, prefix: string): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`catalog.code:${prefix}`}))`.execute(trx);
  const row = await sql<{ last: number | null }>`
    SELECT max(substring(code FROM position('/' IN code) + 1)::bigint) AS last
    FROM catalog_resources
    WHERE code LIKE ${`${prefix}/%`} AND substring(code FROM position('/' IN code) + 1) ~ '^[0-9]+$'`.execute(
    trx,
  );
  return Number(row.rows[0]?.last ?? 0) + 1;
}

/** Inserts a resource identity; returns its id. */
export async function insertResource(
  trx: Kysely<DB>,
  values: { code: string; departmentId: string; regionId: string; createdBy: string | null },
): Promise<string> {
  const row = await trx
    .insertInto('catalog_resources')
    .values({
      code: values.code,
      department_id: values.departmentId,
      region_id: values.regionId,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Points a resource at its draft / published revision and sets its status. */
export async function updateResource(
  trx: Kysely<DB>,
  id: string,
  patch: Partial<
    Pick<
      ResourceRow,
      | 'draft_revision_id'
      | 'published_revision_id'
      | 'status'
      | 'first_published_at'
      | 'supplementary_region_id'
    >
  >,
): Promise<void> {
  await trx
    .updateTable('catalog_resources')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

async function writeItems(trx: Kysely<DB>, revisionId: string, items: ItemValues[]) {
  await trx.deleteFrom('catalog_items').where('revision_id', '=', revisionId).execute();
  if (items.length === 0) return;
  await trx
    .insertInto('catalog_items')
    .values(items.map((item, position) => ({ ...item, revision_id: revisionId, position })))
    .execute();
}

/** Inserts a new revision of a resource (number = the next one) with its items; returns its id. */
export async function insertRevision(
  trx: Kysely<DB>,
  resourceId: string,
  state: RevisionState,
  values: RevisionValues,
  items: ItemValues[],
): Promise<string> {
  const row = await trx
    .insertInto('catalog_revisions')
    .values({
      ...values,
      resource_id: resourceId,
      state,
      number: sql<number>`(SELECT coalesce(max(number), 0) + 1 FROM catalog_revisions WHERE resource_id = ${resourceId})`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeItems(trx, row.id, items);
  return row.id;
}

/** Rewrites a draft revision and its items. */
export async function updateRevision(
  trx: Kysely<DB>,
  id: string,
  state: RevisionState,
  values: RevisionValues,
  items: ItemValues[],
): Promise<void> {
  await trx
    .updateTable('catalog_revisions')
    .set({ ...values, state, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
  await writeItems(trx, id, items);
}

/** Moves revisions to a state (submitted, approved, published, superseded …). */
export async function setRevisionState(trx: Kysely<DB>, ids: string[], state: RevisionState): Promise<void> {
  if (ids.length === 0) return;
  await trx.updateTable('catalog_revisions').set({ state }).where('id', 'in', ids).execute();
}

/** Reads revisions with their items, by id. */
export async function loadRevisions(db: Kysely<DB>, ids: string[]): Promise<Map<string, RevisionRecord>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [revisions, items] = await Promise.all([
    db.selectFrom('catalog_revisions').selectAll().where('id', 'in', unique).execute(),
    db
      .selectFrom('catalog_items')
      .selectAll()
      .where('revision_id', 'in', unique)
      .orderBy('revision_id')
      .orderBy('position')
      .execute(),
  ]);
  const result = new Map<string, RevisionRecord>();
  for (const revision of revisions) result.set(revision.id, { ...revision, items: [] });
  for (const item of items) result.get(item.revision_id)?.items.push(item);
  return result;
}

/** Which resources a reader may list: everything, some regions, or one department. */
export type ResourceScope =
  | { kind: 'all' }
  | { kind: 'regions'; regionIds: readonly string[] }
  | { kind: 'department'; departmentId: string };

/** Filters of the working list. */
export interface ResourceFilter {
  departmentId?: string;
  status?: ResourceRow['status'];
  revisionState?: RevisionState;
  q?: string;
}

const RESOURCE_SORT = {
  code: 'r.code',
  name: 'v.name',
  updatedAt: 'v.updated_at',
} as const;
/** API sort field → column of the working list. */
export const RESOURCE_SORTABLE = RESOURCE_SORT;

/** One page of the working list: each resource with its newest revision (draft, else published). */
export async function listResources(
  db: Kysely<DB>,
  scope: ResourceScope,
  filter: ResourceFilter,
  window: { offset: number; limit: number },
  order: { column: (typeof RESOURCE_SORT)[keyof typeof RESOURCE_SORT]; direction: 'asc' | 'desc' },
) {
  let query = db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_revisions as v', (join) =>
      join.on((eb) => eb('v.id', '=', eb.fn.coalesce('r.draft_revision_id', 'r.published_revision_id'))),
    )
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .innerJoin('catalog_classes as c', 'c.id', 'v.class_id')
    .select((eb) => [
      'r.id',
      'r.code',
      'r.status',
      'r.department_id as providerId',
      'd.name as providerName',
      'v.name',
      'v.state as revisionState',
      'v.share_type as shareType',
      'v.open_type as openType',
      'v.update_cycle as updateCycle',
      'v.updated_at as updatedAt',
      'c.kind as classKind',
      'c.name as className',
      eb
        .selectFrom('catalog_items as i')
        .whereRef('i.revision_id', '=', 'v.id')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .as('itemCount'),
    ]);
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('r.region_id', 'in', scope.regionIds);
  }
  if (scope.kind === 'department') query = query.where('r.department_id', '=', scope.departmentId);
  if (filter.departmentId) query = query.where('r.department_id', '=', filter.departmentId);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.revisionState) query = query.where('v.state', '=', filter.revisionState);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([eb('v.name', 'like', `%${q}%`), eb('r.code', 'like', `${q}%`)]));
  }
  return fetchPage(query, window, (q) => q.orderBy(order.column, order.direction).orderBy('r.id'));
}

/** The department, region and names a resource needs for scope checks and presentation. */
export function findProvider(db: Kysely<DB>, departmentId: string) {
  return db
    .selectFrom('departments as d')
    .innerJoin('regions as g', 'g.id', 'd.region_id')
    .select([
      'd.id',
      'd.name',
      'd.credit_code as creditCode',
      'd.kind',
      'd.region_id as regionId',
      'g.name as regionName',
    ])
    .where('d.id', '=', departmentId)
    .executeTakeFirst();
}

/** A provider as presented with a resource. */
export type ProviderRecord = NonNullable<Awaited<ReturnType<typeof findProvider>>>;
