// From information items to a pool table: names, column types and the changes a new catalog
// revision asks of an existing table. Pure functions; the DDL runs in pool-tables.repository.
import type { DataType } from '../catalog/catalog.vocabulary.ts';

/** What the loader checks beyond the type: the check digits of GB 11643 and GB 32100 (CQ19 §16). */
export type IdentifierCheck = 'citizen_id' | 'credit_code';

/** A column of a pool table, as the loader validates it. */
export interface PoolColumn {
  field: string;
  name: string;
  dataType: DataType;
  length: number | null;
  scale: number | null;
  isKey: boolean;
  required: boolean;
  check: IdentifierCheck | null;
  /** 取值范围: the values a load accepts; absent or empty: every value. */
  allowedValues?: string[];
  /** The physical column; differs from `field` only for a retired column kept for old versions. */
  column: string;
  /** A retired column is no longer loaded; it keeps the values of old versions readable. */
  retired?: boolean;
  /** Stored sealed (bytea) with the data keys (security/encryption, migration 0016). */
  encrypted?: boolean;
}

/** A change of the items that waits for an explicit, audited migration step. */
export interface PendingChange {
  kind: 'remove' | 'retype' | 'key';
  field: string;
  from?: Pick<PoolColumn, 'dataType' | 'length' | 'scale'>;
  to?: PoolColumn;
  keyFields?: string[];
}

/** An information item as the catalog holds it (the published revision's). */
export interface ItemDefinition {
  name: string;
  fieldName: string;
  dataType: string;
  length: number | null;
  scale: number | null;
  isKey: boolean;
  required: boolean;
  allowedValues?: string[];
}

/** Schema of a department's pool: from its unified social credit code, which never changes. */
export function poolSchemaName(creditCode: string): string {
  return `pool_${creditCode.toLowerCase()}`;
}

/** Table of a resource: from its code, e.g. `101001/000001` → `r_101001_000001`. */
export function poolTableName(resourceCode: string): string {
  return `r_${resourceCode.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`.slice(0, 62);
}

// The guide's item names for citizen ID numbers and credit codes, and the field names people use.
const CITIZEN_ID = {
  names: /(公民)?身份(证)?号(码)?|居民身份证/,
  fields: /(^|_)(id_number|citizen_id|id_card(_no)?|sfzh)$/,
};
const CREDIT_CODE = { names: /统一社会信用代码/, fields: /(^|_)(credit_code|uscc|tyshxydm)$/ };

/** Which check digits an item gets: by its name or field name (documented in docs/pools.md). */
export function identifierCheck(
  item: Pick<ItemDefinition, 'name' | 'fieldName' | 'dataType'>,
): IdentifierCheck | null {
  if (item.dataType !== 'C') return null;
  if (CITIZEN_ID.names.test(item.name) || CITIZEN_ID.fields.test(item.fieldName)) return 'citizen_id';
  if (CREDIT_CODE.names.test(item.name) || CREDIT_CODE.fields.test(item.fieldName)) return 'credit_code';
  return null;
}

/** The pool columns of a revision's storable items, in item order. */
export function columnsOf(items: readonly ItemDefinition[]): PoolColumn[] {
  return items
    .filter((item) => item.dataType !== 'G')
    .map((item) => ({
      field: item.fieldName,
      name: item.name,
      dataType: item.dataType as DataType,
      length: item.length,
      scale: item.scale,
      isKey: item.isKey,
      required: item.required || item.isKey,
      check: identifierCheck(item),
      ...(item.allowedValues?.length ? { allowedValues: item.allowedValues } : {}),
      column: item.fieldName,
    }));
}

/** The SQL type of a column. Currency keeps its scale (2 when none is given). */
export function sqlType(column: Pick<PoolColumn, 'dataType' | 'length' | 'scale'>): string {
  switch (column.dataType) {
    case 'C':
      return column.length ? `varchar(${column.length})` : 'text';
    case 'N':
      return column.length ? `numeric(${column.length}, ${column.scale ?? 0})` : 'numeric';
    case 'I':
      return 'bigint';
    case 'F':
      return 'real';
    case 'B':
      return 'double precision';
    case 'Y':
      return `numeric(18, ${column.scale ?? 2})`;
    case 'D':
      return 'date';
    case 'T':
      return 'timestamptz';
    case 'L':
      return 'boolean';
    default:
      return 'text';
  }
}

/** Quotes an identifier for SQL. The names we make are plain, but quoting costs nothing. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `schema.table`, quoted. */
export function qualified(table: { schema_name: string; table_name: string }): string {
  return `${ident(table.schema_name)}.${ident(table.table_name)}`;
}

const sameType = (a: Pick<PoolColumn, 'dataType' | 'length' | 'scale'>, b: typeof a) =>
  sqlType(a) === sqlType(b);

/** What a new revision changes: columns to add now, and changes that wait for a migration step. */
export function planChanges(
  current: readonly PoolColumn[],
  currentKeys: readonly string[],
  next: readonly PoolColumn[],
) {
  const live = new Map(current.filter((c) => !c.retired).map((c) => [c.field, c]));
  const add: PoolColumn[] = [];
  const pending: PendingChange[] = [];
  const relabel: PoolColumn[] = [];
  for (const column of next) {
    const existing = live.get(column.field);
    if (!existing) {
      add.push(column);
      continue;
    }
    live.delete(column.field);
    if (!sameType(existing, column)) {
      pending.push({ kind: 'retype', field: column.field, from: existing, to: column });
    } else {
      // A column encrypted at rest stays encrypted through catalog revisions.
      relabel.push({
        ...column,
        column: existing.column,
        ...(existing.encrypted ? { encrypted: true } : {}),
      });
    }
  }
  for (const gone of live.values()) pending.push({ kind: 'remove', field: gone.field, from: gone });
  const keys = next.filter((c) => c.isKey).map((c) => c.field);
  if (keys.join(',') !== currentKeys.join(','))
    pending.push({ kind: 'key', field: keys.join(','), keyFields: keys });
  return { add, pending, relabel };
}
