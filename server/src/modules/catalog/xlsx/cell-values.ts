// Reading one cell of the catalog list as the value its column stands for. People type lists in
// Chinese, sometimes with half-width brackets or English names; dates arrive as text or as
// Excel's day numbers. Whatever cannot be read becomes a problem naming the value.
import type { ClassRef } from '../catalog.schemas.ts';
import type { CellData } from './import-parse.ts';
import type { ColumnKind, ListValue } from './layout.ts';

/** A cell's value, or the problem that stops it being read. */
export type CellResult = { value: unknown } | { problem: { code: string; params?: Record<string, unknown> } };

/** Separators of several values in one cell: ；; ，, 、 and line breaks. */
const SEPARATORS = /[；;，,、\r\n]+/;

const normalize = (text: string) =>
  text.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '').toLowerCase();

const text = (cell: CellData) => (cell === undefined ? undefined : String(cell).trim() || undefined);

function findInList(list: ListValue[], value: string): string | undefined {
  const wanted = normalize(value);
  return list.find((entry) => [entry.zh, entry.en, entry.code].some((name) => normalize(name) === wanted))
    ?.code;
}

const notInList = (value: string, list: ListValue[]): CellResult => ({
  problem: {
    code: 'catalog.import.not_in_list',
    params: { value, allowed: list.map((e) => e.zh).join('、') },
  },
});

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function readDate(cell: CellData): CellResult {
  if (typeof cell === 'number') {
    // Excel's day number (1900 date system); only whole days mean a date.
    if (cell < 1 || cell > 2_958_465) return { problem: { code: 'catalog.import.not_date' } };
    return { value: new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10) };
  }
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+00:00(?::00)?)?$/.exec(
    cell ?? '',
  );
  if (!match) return { problem: { code: 'catalog.import.not_date' } };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: { code: 'catalog.import.not_date' } };
  }
  return { value: date.toISOString().slice(0, 10) };
}

function readInteger(cell: CellData): CellResult {
  const number = typeof cell === 'number' ? cell : /^[+-]?\d+$/.test(cell ?? '') ? Number(cell) : NaN;
  return Number.isSafeInteger(number)
    ? { value: number }
    : { problem: { code: 'catalog.import.not_integer' } };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×']);

/**
 * Reads a cell of a column of this kind. Blank cells read as undefined (the schema decides whether
 * that is allowed); lists accept the Chinese name, the English name or the code.
 */
export function readValue(
  kind: ColumnKind,
  cell: CellData,
  list: ListValue[],
  classesByCode: Map<string, ClassRef>,
): CellResult {
  const value = text(cell);
  if (value === undefined) return { value: undefined };
  switch (kind) {
    case 'text':
      return { value };
    case 'class': {
      const code = /^\d+/.exec(value)?.[0];
      const cls = code === undefined ? undefined : classesByCode.get(code);
      return cls
        ? { value: cls.id }
        : { problem: { code: 'catalog.import.class_unknown', params: { value } } };
    }
    case 'list': {
      const code = findInList(list, value);
      return code === undefined ? notInList(value, list) : { value: code };
    }
    case 'multi': {
      const codes: string[] = [];
      for (const part of value
        .split(SEPARATORS)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const code = findInList(list, part);
        if (code === undefined) return notInList(part, list);
        codes.push(code);
      }
      return { value: codes };
    }
    case 'words':
      return {
        value: value
          .split(SEPARATORS)
          .map((p) => p.trim())
          .filter(Boolean),
      };
    case 'date':
      return readDate(cell);
    case 'integer':
      return readInteger(cell);
    case 'boolean': {
      const word = normalize(value);
      if (YES.has(word)) return { value: true };
      if (NO.has(word)) return { value: false };
      return { problem: { code: 'catalog.import.not_boolean' } };
    }
  }
}
