// SQL of the pool tables: the register (`pool_tables`) and the tables' own DDL. Names in DDL come
// from pool-schema (credit codes, resource codes, field names checked by the catalog) and are quoted.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { ident, qualified, sqlType, type PendingChange, type PoolColumn } from './pool-schema.ts';
import type { PoolTableTable } from './pools.tables.ts';

/** A row of the register. */
export type PoolTableRow = Selectable<PoolTableTable>;

/** The register row of a resource's table, optionally locked for a load or a migration. */
export async function findPoolTable(db: Kysely<DB>, resourceId: string, lock = false) {
  let query = db.selectFrom('pool_tables').selectAll().where('resource_id', '=', resourceId);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The resource, its published revision's items and its provider, for making its table. */
export async function findPublishedResource(db: Kysely<DB>, resourceId: string) {
  const resource = await db
    .selectFrom('catalog_resources as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.id', 'r.code', 'r.department_id', 'r.published_revision_id', 'd.credit_code'])
    .where('r.id', '=', resourceId)
    .executeTakeFirst();
  if (!resource?.published_revision_id) return undefined;
  const items = await db
    .selectFrom('catalog_items')
    .select(['name', 'field_name', 'data_type', 'length', 'scale', 'is_key', 'required', 'allowed_values'])
    .where('revision_id', '=', resource.published_revision_id)
    .orderBy('position')
    .execute();
  return {
    ...resource,
    revisionId: resource.published_revision_id,
    items: items.map((item) => ({
      name: item.name,
      fieldName: item.field_name,
      dataType: item.data_type,
      length: item.length,
      scale: item.scale,
      isKey: item.is_key,
      required: item.required,
      allowedValues: item.allowed_values,
    })),
  };
}

const columnDdl = (column: PoolColumn) => `${ident(column.column)} ${sqlType(column)}`;
const keyIndexName = (table: { table_name: string }) => ident(`${table.table_name}_key`.slice(0, 63));

/**
 * Makes the pool schema and the resource's table: system columns `_row` (stable row id), `_from`
 * and `_to` (the versions a row belongs to: from `_from` up to, not including, `_to`), then a column
 * per item. The current rows (`_to IS NULL`) are unique on the key.
 */
export async function createPoolTable(
  trx: Kysely<DB>,
  table: { schema_name: string; table_name: string },
  columns: readonly PoolColumn[],
  keyFields: readonly string[],
) {
  await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${ident(table.schema_name)}`).execute(trx);
  const definitions = [
    '_row bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    '_from integer NOT NULL',
    '_to integer',
    ...columns.map(columnDdl),
  ];
  await sql.raw(`CREATE TABLE ${qualified(table)} (${definitions.join(', ')})`).execute(trx);
  await createKeyIndex(trx, table, keyFields);
}

/** (Re)makes the unique index of the current rows on the key, if there is a key. */
export async function createKeyIndex(
  trx: Kysely<DB>,
  table: { schema_name: string; table_name: string },
  keyFields: readonly string[],
) {
  await sql.raw(`DROP INDEX IF EXISTS ${ident(table.schema_name)}.${keyIndexName(table)}`).execute(trx);
  if (keyFields.length === 0) return;
  const keys = keyFields.map(ident).join(', ');
  await sql
    .raw(`CREATE UNIQUE INDEX ${keyIndexName(table)} ON ${qualified(table)} (${keys}) WHERE _to IS NULL`)
    .execute(trx);
}

/** Adds columns for new items. */
export async function addColumns(trx: Kysely<DB>, table: PoolTableRow, columns: readonly PoolColumn[]) {
  if (columns.length === 0) return;
  const adds = columns.map((column) => `ADD COLUMN ${columnDdl(column)}`).join(', ');
  await sql.raw(`ALTER TABLE ${qualified(table)} ${adds}`).execute(trx);
}

/** Renames a column (a retyped item's old column becomes a retired one). */
export async function renameColumn(trx: Kysely<DB>, table: PoolTableRow, from: string, to: string) {
  await sql.raw(`ALTER TABLE ${qualified(table)} RENAME COLUMN ${ident(from)} TO ${ident(to)}`).execute(trx);
}

/** Copies the current rows' values of `from` into `to`, cast to the new column's type. */
export async function castCurrentValues(trx: Kysely<DB>, table: PoolTableRow, from: string, to: PoolColumn) {
  await sql
    .raw(
      `UPDATE ${qualified(table)} SET ${ident(to.column)} = ${ident(from)}::${sqlType(to)} WHERE _to IS NULL`,
    )
    .execute(trx);
}

/** Adds a resource's row to the register. */
export async function insertPoolTable(
  trx: Kysely<DB>,
  row: Pick<
    PoolTableRow,
    'resource_id' | 'department_id' | 'schema_name' | 'table_name' | 'revision_id' | 'columns' | 'key_fields'
  >,
) {
  await trx
    .insertInto('pool_tables')
    .values({
      ...row,
      columns: JSON.stringify(row.columns) as unknown as PoolColumn[],
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
}

/** Updates the register row after a change of the table or its data. */
export async function updatePoolTable(
  trx: Kysely<DB>,
  resourceId: string,
  changes: Partial<{
    revision_id: string;
    columns: PoolColumn[];
    key_fields: string[];
    pending_changes: PendingChange[];
    current_version: number;
    row_count: number;
    loaded_at: Date;
  }>,
) {
  const values: Record<string, unknown> = { ...changes, updated_at: new Date() };
  if (changes.columns) values.columns = JSON.stringify(changes.columns);
  if (changes.pending_changes) values.pending_changes = JSON.stringify(changes.pending_changes);
  await trx.updateTable('pool_tables').set(values).where('resource_id', '=', resourceId).execute();
}

/** The register rows of some departments' tables, of the departments of some regions, or all. */
export async function listPoolTables(
  db: Kysely<DB>,
  scope: {
    departmentIds?: readonly string[];
    regionIds?: readonly string[];
    resourceIds?: readonly string[];
  },
) {
  let query = db
    .selectFrom('pool_tables as p')
    .innerJoin('catalog_resources as r', 'r.id', 'p.resource_id')
    .innerJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .select([
      'p.resource_id',
      'p.department_id',
      'p.schema_name',
      'p.table_name',
      'p.current_version',
      'p.row_count',
      'p.loaded_at',
      'p.pending_changes',
      'p.key_fields',
      'r.code',
      'v.name',
      'v.update_cycle',
      'd.name as department_name',
    ])
    .orderBy('r.code');
  for (const [column, ids] of [
    ['p.department_id', scope.departmentIds],
    ['d.region_id', scope.regionIds],
    ['p.resource_id', scope.resourceIds],
  ] as const) {
    if (!ids) continue;
    if (ids.length === 0) return [];
    query = query.where(column, 'in', ids);
  }
  return query.execute();
}
