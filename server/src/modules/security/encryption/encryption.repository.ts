// SQL of column encryption: the register of encrypted columns and the batched rewrites of a pool
// table's column (sealing plaintext, re-sealing under a new key). Names come from pool-schema.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ident, qualified } from '../../pools/pool-schema.ts';
import type { PoolTableRow } from '../../pools/pool-tables.repository.ts';
import type { EncryptedColumnTable } from './encryption.tables.ts';

/** A row of the register. */
export type EncryptedColumnRow = Selectable<EncryptedColumnTable>;

/** The temporary column a conversion fills before it takes the plain column's place. */
const SEALED_TEMP = 'zs_sealed';

/** The key id in a sealed value's header (byte 4 is its length, the id starts at byte 5). */
const keyIdOf = (column: string) =>
  `convert_from(substring(${column} from 6 for get_byte(${column}, 4)), 'UTF8')`;

/** The catalog item behind a pool column: its sensitivity, from the table's revision. */
export async function findItem(db: Kysely<DB>, revisionId: string, field: string) {
  return db
    .selectFrom('catalog_items')
    .select(['name', 'sensitivity', 'data_type', 'is_key'])
    .where('revision_id', '=', revisionId)
    .where('field_name', '=', field)
    .executeTakeFirst();
}

/** The register, with each column's resource and department for the list. */
export async function listEncryptedColumns(db: Kysely<DB>) {
  return db
    .selectFrom('security_encrypted_columns as e')
    .innerJoin('catalog_resources as r', 'r.id', 'e.resource_id')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .selectAll('e')
    .select([
      'r.code as resource_code',
      'v.name as resource_name',
      'd.name as department_name',
      'd.region_id',
    ])
    .orderBy('r.code')
    .orderBy('e.field')
    .execute();
}

/** One register row, optionally locked. */
export async function findEncryptedColumn(db: Kysely<DB>, resourceId: string, field: string, lock = false) {
  let query = db
    .selectFrom('security_encrypted_columns')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .where('field', '=', field);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Registers a newly encrypted column. */
export async function insertEncryptedColumn(
  trx: Kysely<DB>,
  row: Pick<
    EncryptedColumnRow,
    'resource_id' | 'field' | 'department_id' | 'target_key_id' | 'enabled_by'
  > & {
    rows: number;
  },
) {
  const { rows, ...rest } = row;
  return trx
    .insertInto('security_encrypted_columns')
    .values({
      ...rest,
      state: 'encrypted',
      key_ids: [row.target_key_id],
      rows_total: rows,
      rows_done: rows,
      cursor_row: 0,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a register row. */
export async function updateEncryptedColumn(
  trx: Kysely<DB>,
  resourceId: string,
  field: string,
  changes: Partial<Omit<EncryptedColumnRow, 'resource_id' | 'field' | 'department_id'>>,
) {
  await trx
    .updateTable('security_encrypted_columns')
    .set({ ...changes, updated_at: new Date() })
    .where('resource_id', '=', resourceId)
    .where('field', '=', field)
    .execute();
}

/** Register rows whose values are not all under `activeKey` (rotating, or a key changed outside). */
export async function columnsToRotate(db: Kysely<DB>, activeKey: string) {
  return db
    .selectFrom('security_encrypted_columns')
    .selectAll()
    .where((eb) => eb.or([eb('state', '=', 'rotating'), eb('target_key_id', '<>', activeKey)]))
    .orderBy('enabled_at')
    .execute();
}

/** Adds the empty sealed column a conversion fills. */
export async function addSealedColumn(trx: Kysely<DB>, table: PoolTableRow) {
  await sql.raw(`ALTER TABLE ${qualified(table)} ADD COLUMN ${ident(SEALED_TEMP)} bytea`).execute(trx);
}

/** A batch of plaintext values (every version's rows) after `afterRow`, as text. */
export async function plainValues(
  trx: Kysely<DB>,
  table: PoolTableRow,
  column: string,
  afterRow: number,
  limit: number,
) {
  const result = await sql
    .raw<{ _row: number; value: string }>(
      `SELECT _row, ${ident(column)}::text AS value FROM ${qualified(table)} WHERE _row > ${Math.trunc(afterRow)} AND ${ident(column)} IS NOT NULL ORDER BY _row LIMIT ${Math.trunc(limit)}`,
    )
    .execute(trx);
  return result.rows.map((row) => ({ row: Number(row._row), value: row.value }));
}

/** Writes sealed values by row id (into the temporary column, or the sealed column itself). */
export async function writeSealed(
  trx: Kysely<DB>,
  table: PoolTableRow,
  column: string | null,
  values: readonly { row: number; sealed: Buffer }[],
) {
  if (values.length === 0) return;
  const target = ident(column ?? SEALED_TEMP);
  const list = values.map(({ row, sealed }) => sql`(${row}::bigint, ${sealed}::bytea)`);
  await sql`UPDATE ${sql.raw(qualified(table))} AS t SET ${sql.raw(target)} = v.sealed
    FROM (VALUES ${sql.join(list)}) AS v(row_id, sealed) WHERE t._row = v.row_id`.execute(trx);
}

/** Puts the filled sealed column in the plain column's place (same name, now bytea). */
export async function replaceWithSealed(trx: Kysely<DB>, table: PoolTableRow, column: string) {
  await sql.raw(`ALTER TABLE ${qualified(table)} DROP COLUMN ${ident(column)}`).execute(trx);
  await sql
    .raw(`ALTER TABLE ${qualified(table)} RENAME COLUMN ${ident(SEALED_TEMP)} TO ${ident(column)}`)
    .execute(trx);
}

/** A batch of sealed values after `afterRow` that are not under `keyId`. */
export async function valuesNotUnder(
  trx: Kysely<DB>,
  table: PoolTableRow,
  column: string,
  keyId: string,
  afterRow: number,
  limit: number,
) {
  const c = ident(column);
  const result = await sql<{ _row: number; value: Uint8Array }>`
    SELECT _row, ${sql.raw(c)} AS value FROM ${sql.raw(qualified(table))}
    WHERE _row > ${Math.trunc(afterRow)} AND ${sql.raw(c)} IS NOT NULL AND ${sql.raw(keyIdOf(c))} <> ${keyId}
    ORDER BY _row LIMIT ${Math.trunc(limit)} FOR UPDATE`.execute(trx);
  return result.rows.map((row) => ({ row: Number(row._row), value: row.value }));
}

/** How many values of the column are not under `keyId`. */
export async function countNotUnder(trx: Kysely<DB>, table: PoolTableRow, column: string, keyId: string) {
  const c = ident(column);
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM ${sql.raw(qualified(table))}
    WHERE ${sql.raw(c)} IS NOT NULL AND ${sql.raw(keyIdOf(c))} <> ${keyId}`.execute(trx);
  return Number(result.rows[0]?.n ?? 0);
}

/** The keys the column's values use now. */
export async function keyIdsInUse(trx: Kysely<DB>, table: PoolTableRow, column: string) {
  const c = ident(column);
  const result = await sql<{ key_id: string }>`
    SELECT DISTINCT ${sql.raw(keyIdOf(c))} AS key_id FROM ${sql.raw(qualified(table))}
    WHERE ${sql.raw(c)} IS NOT NULL ORDER BY 1`.execute(trx);
  return result.rows.map((row) => row.key_id);
}
