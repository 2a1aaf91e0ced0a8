// Serialisers of bulk exports: CSV (header of field names, formula injection neutralised) and JSON
// lines. The CSV is byte for byte what PostgreSQL's `COPY … (FORMAT csv, HEADER)` writes, so an
// export streamed by COPY (export.repository.ts) and one serialised here are the same file: lines
// end in LF, a cell is quoted when it holds a comma, quote, CR or LF, and an empty text is `""`
// while a null is empty (so the two stay apart). One page of rows at a time, to one Buffer, so a
// stream writes few large chunks.
import type { ItemType } from '../../../platform/masking/rules.ts';

/** A column of an export: its field name and item type (text items are checked for formulas). */
export interface ExportColumn {
  field: string;
  type: ItemType;
}

// A cell starting with one of these is taken for a formula by spreadsheet programs (OWASP CSV
// injection): = + - @ tab CR.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number is left as it is: "-5.00" in a numeric column is data, not a formula.
const PLAIN_NUMBER = /^[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A value as text: null empty, instants in ISO 8601 UTC, everything else as JSON would print it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * One CSV cell: neutralised (a leading apostrophe) when it could run as a formula, then quoted as
 * needed. `alone`: the row's only cell, where COPY also quotes `\.` (its end-of-data marker).
 */
export function csvCell(value: unknown, alone = false): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  if (text === '' || NEEDS_QUOTES.test(text) || (alone && text === '\\.'))
    return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The CSV header line: the field names. */
export function csvHeader(columns: readonly ExportColumn[]): string {
  return `${columns.map((c) => csvCell(c.field, columns.length === 1)).join(',')}\n`;
}

/** A page of rows as CSV lines (LF, as COPY writes them). */
export function csvLines(columns: readonly ExportColumn[], rows: readonly Record<string, unknown>[]): Buffer {
  let out = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) line += ',';
      line += csvCell(row[columns[i]!.field], columns.length === 1);
    }
    out += `${line}\n`;
  }
  return Buffer.from(out, 'utf8');
}

/**
 * Writes one row as a JSON object with the columns' fields in column order (null for a missing
 * value). The `"field":` parts are made once per export, so a row costs one JSON.stringify per
 * value instead of building and stringifying an object.
 */
export function jsonRecordWriter(columns: readonly ExportColumn[]): (row: Record<string, unknown>) => string {
  const prefixes = columns.map((column, i) => `${i === 0 ? '{' : ','}${JSON.stringify(column.field)}:`);
  const fields = columns.map((column) => column.field);
  return (row) => {
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      const value = row[fields[i]!];
      out += prefixes[i]! + (value === null || value === undefined ? 'null' : JSON.stringify(value));
    }
    return fields.length === 0 ? '{}' : `${out}}`;
  };
}

/** A page of rows as JSON lines: one object per line with the columns' fields, in column order. */
export function jsonLines(
  columns: readonly ExportColumn[],
  rows: readonly Record<string, unknown>[],
  record = jsonRecordWriter(columns),
): Buffer {
  let out = '';
  for (const row of rows) out += `${record(row)}\n`;
  return Buffer.from(out, 'utf8');
}

/**
 * Reads one element ahead of the consumer: while a page is serialised and written, the next is
 * already being fetched. At most one element waits, so memory stays bounded.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = iterator.next();
      yield current.value;
    }
  } finally {
    // Stopped early (the client went away): let the source release what it holds.
    await next.catch(() => undefined);
    await iterator.return?.();
  }
}
