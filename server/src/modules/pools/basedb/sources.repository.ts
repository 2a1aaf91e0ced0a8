// SQL of the base items' sources (一数一源) and of the published items the duplicate-collection
// report compares them with.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import type { BaseSourceTable } from './basedb.tables.ts';

/** A row of `base_sources`. */
export type BaseSourceRow = Selectable<BaseSourceTable>;

/** The sources, with their department's and resource's names, of one base database or all. */
export async function listSources(db: Kysely<DB>, base?: BaseDatabase) {
  let query = db
    .selectFrom('base_sources as s')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .innerJoin('catalog_resources as r', 'r.id', 's.resource_id')
    .leftJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .selectAll('s')
    .select(['d.name as department_name', 'r.code as resource_code', 'v.name as resource_name'])
    .orderBy('s.base_database')
    .orderBy('s.assigned_at');
  if (base) query = query.where('s.base_database', '=', base);
  return query.execute();
}

/** A source by id, optionally locked for a change. */
export async function findSource(db: Kysely<DB>, id: string, lock = false) {
  let query = db.selectFrom('base_sources').selectAll().where('id', '=', id);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The source of a base item, by the item's field or its name. */
export async function findSourceOfItem(
  db: Kysely<DB>,
  base: BaseDatabase,
  item: { fieldName: string; itemName: string },
) {
  return db
    .selectFrom('base_sources')
    .selectAll()
    .where('base_database', '=', base)
    .where((eb) => eb.or([eb('field_name', '=', item.fieldName), eb('item_name', '=', item.itemName)]))
    .executeTakeFirst();
}

/** Adds a source. */
export async function insertSource(
  trx: Kysely<DB>,
  row: Omit<BaseSourceRow, 'id' | 'assigned_at' | 'updated_at'>,
): Promise<BaseSourceRow> {
  return trx
    .insertInto('base_sources')
    .values({ ...row, assigned_at: new Date(), updated_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a source's department, resource, field or item name. */
export async function updateSource(
  trx: Kysely<DB>,
  id: string,
  changes: Pick<
    BaseSourceRow,
    'item_name' | 'department_id' | 'resource_id' | 'source_field' | 'assigned_by' | 'assigned_by_name'
  >,
): Promise<BaseSourceRow> {
  return trx
    .updateTable('base_sources')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Removes a source. */
export async function deleteSource(trx: Kysely<DB>, id: string) {
  await trx.deleteFrom('base_sources').where('id', '=', id).execute();
}

/** The items of the published revisions of resources, with their department and region. */
export async function publishedItems(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_resources as r')
    .innerJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .innerJoin('catalog_items as i', 'i.revision_id', 'v.id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id as resource_id',
      'r.code as resource_code',
      'v.name as resource_name',
      'r.department_id',
      'd.name as department_name',
      'd.region_id',
      'i.name as item_name',
      'i.field_name',
      'i.is_key',
    ])
    .where('r.status', '=', 'published')
    .orderBy('r.code')
    .orderBy('i.position')
    .execute();
}
