// Reads the cells of an uploaded catalog list with exceljs's streaming reader: one row at a time,
// so memory follows the number of resources, not the size of the XML. Structural faults (missing
// sheets or headers, merged ranges, formulas, too many rows) refuse the whole file with every
// place named; cell-level faults are collected for the import to report with the rest.
import ExcelJS, { type CellValue } from 'exceljs';
import { AppError, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';
import { columnLetter, SHEETS, type Column } from './layout.ts';
import { openWorkbookFile, type WorkbookFile } from './workbook-file.ts';
import './xlsx.messages.ts';

/** Row caps: a department's list is hundreds of resources; these stop runaway files early. */
export const MAX_RESOURCE_ROWS = 20_000;
/** Row cap of the items sheet. */
export const MAX_ITEM_ROWS = 200_000;
/** At most this many places are listed in one refusal; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 500;

/** A cell value as the import uses it: text, or a number kept as typed (dates, lengths). */
export type CellData = string | number | undefined;

/** A non-blank data row: its number as Excel shows it, and its cells by 1-based column. */
export interface DataRow {
  row: number;
  cells: CellData[];
}

/** A data sheet: where each known header is, and its non-blank rows. */
export interface SheetData {
  name: string;
  columns: Map<string, number>;
  rows: DataRow[];
}

/** A problem at one cell, before it becomes a field problem. */
export interface CellProblem {
  sheet: string;
  row: number;
  /** Column header; undefined for a problem of the whole row. */
  header?: string;
  code: string;
  params?: Record<string, unknown>;
}

/** What the reader hands to the import. */
export interface ParsedWorkbook {
  resources: SheetData;
  items: SheetData;
  problems: CellProblem[];
}

/** The path of a cell in problem+json: `/资源目录/5/共享依据` (sheet, Excel row, column header). */
export function cellPath(problem: { sheet: string; row: number; header?: string }): string {
  return `/${problem.sheet}/${problem.row}${problem.header ? `/${problem.header}` : ''}`;
}

/** Caps a list of field problems, adding one entry that counts the rest. */
export function capped(fields: FieldProblem[]): FieldProblem[] {
  if (fields.length <= MAX_LISTED_PROBLEMS) return fields;
  return [
    ...fields.slice(0, MAX_LISTED_PROBLEMS),
    { path: '/', code: 'catalog.import.more_errors', params: { count: fields.length - MAX_LISTED_PROBLEMS } },
  ];
}

const normalizeHeader = (text: string) => text.replace(/\s+/g, '').replace(/[*＊]+$/, '');

type Read = { kind: 'value'; value: CellData } | { kind: 'formula' } | { kind: 'error'; value: string };

function isoDate(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function readCell(value: CellValue): Read {
  if (value === null || value === undefined) return { kind: 'value', value: undefined };
  if (typeof value === 'string') return { kind: 'value', value: value.trim() || undefined };
  if (typeof value === 'number') return { kind: 'value', value: Number.isFinite(value) ? value : undefined };
  if (typeof value === 'boolean') return { kind: 'value', value: value ? '是' : '否' };
  if (value instanceof Date) return { kind: 'value', value: isoDate(value) };
  if ('formula' in value || 'sharedFormula' in value) return { kind: 'formula' };
  if ('error' in value) return { kind: 'error', value: value.error };
  if ('richText' in value) return readCell(value.richText.map((part) => part.text).join(''));
  if ('text' in value) return readCell(value.text);
  return { kind: 'value', value: undefined };
}

/** The part of exceljs's streaming worksheet reader this module uses (its typings omit the name). */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name: string;
}

interface SheetState {
  data: SheetData;
  layout: readonly Column[];
  limit: number;
  /** Column number → header, once row 1 is read. */
  headers: Map<number, string>;
}

function readHeader(state: SheetState, values: CellValue[], structural: FieldProblem[]) {
  const known = new Set(state.layout.map((column) => column.header));
  values.forEach((value, index) => {
    const read = readCell(value);
    if (read.kind !== 'value' || read.value === undefined) return;
    const header = normalizeHeader(String(read.value));
    if (!known.has(header)) return;
    if (state.data.columns.has(header)) {
      structural.push({
        path: `/${state.data.name}/1/${header}`,
        code: 'catalog.import.header_repeated',
        params: { header },
      });
    } else {
      state.data.columns.set(header, index);
      state.headers.set(index, header);
    }
  });
}

/** Reads one data row into `state`; formulas and error values are recorded where they are. */
function readRow(state: SheetState, row: ExcelJS.Row, found: Found) {
  const cells: CellData[] = [];
  let blank = true;
  (row.values as CellValue[]).forEach((value, index) => {
    const read = readCell(value);
    const header = state.headers.get(index);
    const at = { sheet: state.data.name, row: row.number, header };
    if (read.kind === 'formula') {
      const cell = `${columnLetter(index)}${row.number}`;
      found.formulas.push({ path: cellPath(at), code: 'catalog.import.formula_cell', params: { cell } });
    } else if (!header) {
      return;
    } else if (read.kind === 'error') {
      found.problems.push({ ...at, code: 'catalog.import.cell_error', params: { value: read.value } });
      blank = false;
    } else if (read.value !== undefined) {
      cells[index] = read.value;
      blank = false;
    }
  });
  if (blank) return;
  if (state.data.rows.length >= state.limit) {
    throw new AppError(400, 'catalog.import.too_many_rows', { sheet: state.data.name, limit: state.limit });
  }
  state.data.rows.push({ row: row.number, cells });
}

interface Found {
  structural: FieldProblem[];
  formulas: FieldProblem[];
  problems: CellProblem[];
}

/** Streams the data sheets through exceljs's reader, one row at a time. */
async function readSheets(book: WorkbookFile, states: Map<string, SheetState>, found: Found) {
  const input = book.stream();
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'ignore',
      hyperlinks: 'ignore',
      worksheets: 'emit',
    });
    for await (const worksheet of reader as unknown as AsyncIterable<SheetReader>) {
      const state = states.get(worksheet.name);
      for await (const row of worksheet) {
        if (!state) continue;
        if (row.number === 1) readHeader(state, row.values as CellValue[], found.structural);
        else readRow(state, row, found);
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(400, 'catalog.import.unreadable');
  } finally {
    input.destroy();
  }
}

/**
 * Reads the two data sheets of an uploaded workbook. Throws 400 for a file that is not a
 * readable .xlsx, lacks a sheet or header, has merged ranges or formulas, or has too many rows;
 * returns the rows and the cell problems found while reading (error values such as #N/A).
 */
export async function readWorkbook(file: string): Promise<ParsedWorkbook> {
  const dataSheets = [SHEETS.resources, SHEETS.items];
  const book = await openWorkbookFile(file, dataSheets);
  const states = new Map<string, SheetState>([
    [SHEETS.resources, sheetState(SHEETS.resources, RESOURCE_COLUMNS, MAX_RESOURCE_ROWS)],
    [SHEETS.items, sheetState(SHEETS.items, ITEM_COLUMNS, MAX_ITEM_ROWS)],
  ]);
  const found: Found = { structural: [], formulas: [], problems: [] };
  try {
    for (const sheet of dataSheets) {
      if (!book.sheetNames.includes(sheet))
        throw new AppError(400, 'catalog.import.sheet_missing', { sheet });
    }
    await readSheets(book, states, found);
  } finally {
    book.close();
  }

  const merged = [...book.merges].flatMap(([sheet, ranges]) =>
    ranges.map((range) => ({
      path: `/${sheet}/${/\d+/.exec(range)?.[0] ?? ''}`,
      code: 'catalog.import.merged_range',
      params: { range },
    })),
  );
  if (merged.length > 0)
    throw new AppError(400, 'catalog.import.merged', { count: merged.length }, capped(merged));
  for (const state of states.values()) {
    for (const column of state.layout.filter((c) => !c.optional && !state.data.columns.has(c.header))) {
      found.structural.push({
        path: `/${state.data.name}/1/${column.header}`,
        code: 'catalog.import.header_missing',
        params: { header: column.header },
      });
    }
  }
  if (found.structural.length > 0)
    throw new AppError(400, 'catalog.import.headers_wrong', {}, found.structural);
  if (found.formulas.length > 0) {
    throw new AppError(
      400,
      'catalog.import.formulas',
      { count: found.formulas.length },
      capped(found.formulas),
    );
  }
  const resources = states.get(SHEETS.resources)!.data;
  if (resources.rows.length === 0) throw new AppError(400, 'catalog.import.empty');
  return { resources, items: states.get(SHEETS.items)!.data, problems: found.problems };
}

function sheetState(name: string, layout: readonly Column[], limit: number): SheetState {
  return { data: { name, columns: new Map(), rows: [] }, layout, limit, headers: new Map() };
}
