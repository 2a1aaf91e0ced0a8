// Writers of the download formats the sharing export does not have: one JSON array, and an XLSX
// workbook written by exceljs's streaming writer (rows leave as they are committed, so the
// workbook is never held whole). Text goes into XLSX as text, never as a formula, so a cell such
// as `=HYPERLINK(…)` cannot run when the file is opened.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { GrantedItem } from '../../sharing/api/call-plan.ts';
import type { ExportWriter } from '../../sharing/api/export-stream.ts';
import { jsonRecordWriter, type ExportColumn } from '../../sharing/api/serialize.ts';

/** One JSON array of objects (the columns' fields in column order), one object per line. */
export function jsonArrayWriter(columns: readonly ExportColumn[]): ExportWriter {
  const record = jsonRecordWriter(columns);
  let first = true;
  return {
    format: 'json',
    start: () => Buffer.from('[', 'utf8'),
    page(rows) {
      let out = '';
      for (const row of rows) {
        out += `${first ? '\n' : ',\n'}${record(row)}`;
        first = false;
      }
      return Buffer.from(out, 'utf8');
    },
    end: () => Buffer.from(first ? ']\n' : '\n]\n', 'utf8'),
  };
}

// Excel refuses sheet names over 31 characters or holding one of : \ / ? * [ ].
const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'data';

const NUMERIC = new Set(['I', 'N', 'Y', 'B']);
// Digits beyond this many cannot be held by a spreadsheet's number exactly: such values stay text.
const EXACT_DIGITS = 15;

/** A value as the cell should hold it: numbers of numeric items as numbers where exact, else text. */
function cellValue(value: unknown, dataType: string): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean') return value;
  const text = String(value);
  if (NUMERIC.has(dataType) && /^-?[0-9]+(\.[0-9]+)?$/.test(text) && text.replace(/\D/g, '').length <= EXACT_DIGITS)
    return Number(text);
  return text;
}

/**
 * An XLSX workbook with one sheet: a header row of the items' names, then the rows. What the zip
 * writer has produced is handed on after each page; the rest when the workbook is committed.
 */
export function xlsxWriter(items: readonly GrantedItem[], title: string): ExportWriter {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    out.once('end', resolve);
    out.once('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  workbook.creator = 'Zhengshu';
  const sheet = workbook.addWorksheet(sheetName(title));
  const take = () => {
    const bytes = Buffer.concat(chunks);
    chunks.length = 0;
    return bytes;
  };
  return {
    format: 'xlsx',
    start() {
      sheet.addRow(items.map((item) => item.name)).commit();
      return take();
    },
    async page(rows) {
      for (const row of rows) sheet.addRow(items.map((item) => cellValue(row[item.field], item.dataType))).commit();
      // Let the zip writer compress what was committed before handing it on.
      await new Promise((resolve) => setImmediate(resolve));
      return take();
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      await ended;
      return take();
    },
  };
}
