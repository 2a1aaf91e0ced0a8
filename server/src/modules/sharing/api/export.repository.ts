// SQL of bulk exports streamed straight from PostgreSQL: `COPY (SELECT …) TO STDOUT (FORMAT csv)`
// that writes the very bytes the paged export's serialiser writes (serialize.ts): instants in ISO
// 8601 UTC with milliseconds, booleans as true/false, text cells a spreadsheet would run as formulas
// prefixed with an apostrophe. COPY takes no parameters, so the grant's row conditions are inlined
// as quoted literals (they are always text, cast in SQL to the column's type).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { escapeLiteral } from 'pg';
import type { DB } from '../../../platform/db/schema.ts';
import type { MaskColumn } from '../../../platform/masking/plan.ts';
import type { ItemType } from '../../../platform/masking/rules.ts';
import { ident, qualified, type PoolColumn } from '../../pools/pool-schema.ts';
import type { PoolTableRow } from '../../pools/pool-tables.repository.ts';

// The serialiser's FORMULA_START (as character codes: = + - @ tab CR) and PLAIN_NUMBER, in SQL.
// ascii() reads the first character without making a string, which keeps the check cheap.
const FORMULA_FIRST = '(61, 43, 45, 64, 9, 13)';
const PLAIN_NUMBER = `'^[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$'`;

/** Text the serialiser checks for formulas: `'` before a cell that starts like one. */
const neutralised = (text: string) =>
  `CASE WHEN ascii(${text}) IN ${FORMULA_FIRST} AND ${text} !~ ${PLAIN_NUMBER} THEN '''' || ${text} ELSE ${text} END`;

/** One cell of the export as the serialiser would print it, from a column reference. */
function cellExpression(source: string, type: ItemType): string {
  switch (type) {
    case 'C':
    case 'M':
      return neutralised(source);
    case 'T':
      return `to_char(${source} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'L':
      return `CASE WHEN ${source} THEN 'true' WHEN NOT ${source} THEN 'false' END`;
    case 'N':
      // The one numeric text that is not a plain number and starts like a formula (unconstrained
      // numeric holds infinities): the serialiser neutralises it.
      return `CASE WHEN ${source} = '-Infinity' THEN '''-Infinity' ELSE ${source}::text END`;
    default:
      // Integers, amounts and dates print as Node receives them: the driver keeps dates and
      // numerics as PostgreSQL's text (ISO dates), and bigint prints the same as a number.
      return `${source}::text`;
  }
}

// Floating-point items are left to the serialiser: PostgreSQL and JavaScript choose the exponent
// form for different magnitudes (1e+15 vs 1000000000000000), so COPY would not write the same file.
const NOT_COPIED: readonly ItemType[] = ['F', 'B'];

/**
 * Whether every column can be exported by COPY: no rule but none or null (every other rule runs in
 * Node), and no floating-point item.
 */
export function copyableColumns(columns: readonly MaskColumn[]): boolean {
  return columns.every(
    (column) =>
      !column.inNode &&
      !NOT_COPIED.includes(column.type) &&
      (column.rule.kind === 'none' || column.rule.kind === 'null'),
  );
}

/** A compiled row filter with its parameters written into the text as literals. */
function inlined(db: Kysely<DB>, filter: RawBuilder<unknown>): string {
  const compiled = filter.compile(db);
  return compiled.sql.replace(/\$(\d+)/g, (_, n: string) => literal(compiled.parameters[Number(n) - 1]));
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]::text[]`;
  if (value === null || value === undefined) return 'NULL';
  return escapeLiteral(String(value));
}

/** The export as one COPY statement: the columns (see `copyableColumns`) of the grant's current rows. */
export function exportCopyStatement(
  db: Kysely<DB>,
  table: PoolTableRow,
  columns: readonly MaskColumn[],
  filter: RawBuilder<unknown> | undefined,
): string {
  // Identifiers checked at load (citizen ID, credit code) are letters and digits: no formula.
  const identifiers = new Set(table.columns.filter((c) => c.check).map((c) => c.column));
  const list = columns.map((column) => {
    const source = `t.${ident(column.column)}`;
    const cell =
      column.rule.kind === 'null'
        ? 'NULL'
        : identifiers.has(column.column)
          ? source
          : cellExpression(source, column.type);
    return `${cell} AS ${ident(column.field)}`;
  });
  const where = filter ? `AND (${inlined(db, filter)})` : '';
  return `COPY (SELECT ${list.join(', ')} FROM ${qualified(table)} AS t WHERE t._to IS NULL ${where}
    ORDER BY t._row) TO STDOUT (FORMAT csv, HEADER)`;
}

/** The first `limit` rows' key columns as stored (`_key0` …, `_row`), for the export's audit event. */
export async function firstExportKeys(
  db: Kysely<DB>,
  table: PoolTableRow,
  keyColumns: readonly PoolColumn[],
  filter: RawBuilder<unknown> | undefined,
  limit: number,
) {
  const keys = keyColumns.map(
    (column, i) => sql`${sql.ref(`t.${column.column}`)}::text AS ${sql.ref(`_key${i}`)}`,
  );
  const where = filter ? sql`AND (${filter})` : sql``;
  const result = await sql<Record<string, unknown>>`
    SELECT ${sql.join([sql`t._row`, ...keys])} FROM ${sql.raw(qualified(table))} AS t
    WHERE t._to IS NULL ${where} ORDER BY t._row LIMIT ${limit}`.execute(db);
  return result.rows;
}
