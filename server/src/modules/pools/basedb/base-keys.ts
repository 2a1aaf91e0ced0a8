// What each base database is keyed on, and how a pool table's rows are matched to that key. Pure
// functions; the SQL that uses them is in build.repository.
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import type { IdentifierCheck, PoolColumn } from '../pool-schema.ts';

/** The key of a base database: its column in the base table, its type, and what a source's key must be. */
export interface BaseKey {
  /** The key column of `base_db.<code>`. */
  column: string;
  /** Its SQL type. */
  sqlType: string;
  /** A source's key column must carry these check digits; null: whichever single key column it has. */
  check: IdentifierCheck | null;
}

/**
 * Persons by citizen ID number (GB 11643), legal persons by unified social credit code (GB 32100)
 * (CQ19 §16); the other base databases by the key their sources' items declare, kept as text so
 * that sources with differently typed keys still meet.
 */
export const BASE_KEYS: Record<BaseDatabase, BaseKey> = {
  population: { column: 'citizen_id', sqlType: 'varchar(18)', check: 'citizen_id' },
  legal_person: { column: 'credit_code', sqlType: 'varchar(18)', check: 'credit_code' },
  geo: { column: 'record_key', sqlType: 'text', check: null },
  credit: { column: 'record_key', sqlType: 'text', check: null },
  licence: { column: 'record_key', sqlType: 'text', check: null },
};

/** The base table of a base database. */
export function baseTable(code: BaseDatabase) {
  return { schema_name: 'base_db', table_name: code };
}

/**
 * The column of a pool table that holds a base database's key, for reading a source: the table's
 * only key column, with the base's check digits where the base asks for them. Null when there is
 * none, e.g. a resource keyed on a record number.
 */
export function sourceKeyColumn(
  base: BaseDatabase,
  table: { columns: readonly PoolColumn[]; key_fields: readonly string[] },
): PoolColumn | null {
  if (table.key_fields.length !== 1) return null;
  const column = table.columns.find((c) => c.field === table.key_fields[0] && !c.retired);
  if (!column) return null;
  const check = BASE_KEYS[base].check;
  return check === null || column.check === check ? column : null;
}

/**
 * The column of another department's pool table to compare with a base database by key: every live
 * column with the base's check digits (need not be the table's key: a marriage register holds ID
 * numbers), or for keys without check digits the table's only key column.
 */
export function holderKeyColumn(
  base: BaseDatabase,
  table: { columns: readonly PoolColumn[]; key_fields: readonly string[] },
): PoolColumn | null {
  const check = BASE_KEYS[base].check;
  if (check === null) return sourceKeyColumn(base, table);
  return table.columns.find((c) => c.check === check && !c.retired) ?? null;
}

/** Names an item is known by, normalised: case, spaces, punctuation and underscores do not count. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·.,，。、()（）[\]【】:：]+/g, '');
}

/** Families of SQL types whose values compare directly; others are compared as text. */
export function typeFamily(sqlType: string): string {
  if (/^(varchar|text|char|character)/.test(sqlType)) return 'text';
  if (/^(numeric|bigint|integer|smallint|real|double)/.test(sqlType)) return 'number';
  return sqlType;
}
