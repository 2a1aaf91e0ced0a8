// The cells of an XLSX sheet read straight from its XML with a SAX parser (saxes). exceljs builds a
// workbook model around every row (cell objects, styles, addresses) that an ingest throws away at
// once; reading the `<c>` elements directly loads the same values at more than twice the speed.
// Styles are not read: a date cell stays the number Excel stores (values.ts turns serials into
// dates for a date column), as it did through exceljs with styles ignored.
import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** A cell as the sheet holds it; formulas and error values are named so the loader can refuse them. */
export type XlsxCell = string | number | boolean | Date | null | { formula: true } | { error: string };

/** One row of a sheet: its number (1 for the first row of the sheet) and its cells by column (A = 0). */
export interface XlsxRow {
  number: number;
  cells: XlsxCell[];
}

/** Thrown for a part that is not well-formed XML or names a cell beyond the sheet's last column. */
export class XlsxPartError extends Error {}

/** Excel's last column (XFD): a cell reference past it is not a real sheet. */
const MAX_COLUMNS = 16_384;

/** The name without its namespace prefix: some writers (e.g. .NET ones) write `x:row`. */
const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** The column index (A = 0) of a cell reference such as `AB12`, or -1 when it has no letters. */
function columnOf(reference: string): number {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return at === 0 ? -1 : column - 1;
}

/** Feeds a part's bytes to the parser, decoding UTF-8 across chunk ends; malformed XML is an XlsxPartError. */
async function* feed(parser: SaxesParser, part: AsyncIterable<Buffer>): AsyncGenerator<void> {
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of part) {
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
  } catch (error) {
    if (error instanceof XlsxPartError) throw error;
    // saxes reports malformed XML by throwing from write(); the part's reader may fail likewise.
    throw new XlsxPartError(error instanceof Error ? error.message : String(error));
  }
  yield;
}

/** The shared strings of a workbook in order: the text of each `<si>`, phonetic guides left out. */
export async function readSharedStrings(part: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  const parser = new SaxesParser();
  let text: string | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'si') text = '';
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  const onText = (value: string) => {
    if (inText && text !== null) text += value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && text !== null) {
      strings.push(text);
      text = null;
    }
  });
  for await (const _chunk of feed(parser, part)) continue;
  return strings;
}

/** What a closed `<c>` holds, from its type attribute and the texts of its `<v>`, `<is>` and `<f>`. */
function cellValue(
  type: string,
  value: string | null,
  inline: string | null,
  formula: boolean,
  shared: readonly string[],
): XlsxCell {
  if (formula) return { formula: true };
  switch (type) {
    case 's':
      return value === null ? null : (shared[Number(value)] ?? null);
    case 'inlineStr':
      return inline;
    case 'str':
      return value;
    case 'b':
      return value === null ? null : value === '1' || value === 'true';
    case 'e':
      return { error: value ?? '' };
    case 'd': {
      if (value === null) return null;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    default: {
      if (value === null || value.trim() === '') return null;
      const number = Number(value);
      return Number.isNaN(number) ? value : number;
    }
  }
}

/**
 * The rows of a sheet part as they come, in bounded memory: each parsed chunk's finished rows are
 * handed on before the next chunk is read. Rows and cells without a reference follow the previous one.
 */
export async function* readSheetRows(
  part: AsyncIterable<Buffer>,
  shared: readonly string[],
): AsyncGenerator<XlsxRow> {
  const parser = new SaxesParser();
  const done: XlsxRow[] = [];
  let row: XlsxRow | null = null;
  let lastRow = 0;
  let column = -1;
  let type = 'n';
  let value: string | null = null;
  let inline: string | null = null;
  let formula = false;
  // Which text is being collected: a value, an inline string's text, or nothing.
  let into: 'v' | 't' | null = null;
  let phonetic = 0;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'c') {
      if (!row) return;
      const reference = tag.attributes.r;
      column = reference === undefined ? column + 1 : columnOf(reference);
      if (column < 0) column = row.cells.length;
      if (column >= MAX_COLUMNS) throw new XlsxPartError(`cell ${reference ?? ''} past the last column`);
      type = tag.attributes.t ?? 'n';
      value = null;
      inline = null;
      formula = false;
    } else if (name === 'v') {
      into = 'v';
      value = '';
    } else if (name === 'is') inline = '';
    else if (name === 't' && inline !== null && phonetic === 0) into = 't';
    else if (name === 'rPh') phonetic++;
    else if (name === 'f') formula = true;
    else if (name === 'row') {
      const number = Number(tag.attributes.r);
      lastRow = Number.isInteger(number) && number > 0 ? number : lastRow + 1;
      row = { number: lastRow, cells: [] };
      column = -1;
    }
  });
  const onText = (text: string) => {
    if (into === 'v') value += text;
    else if (into === 't') inline += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = local(tag.name);
    if (name === 'v' || name === 't') into = null;
    else if (name === 'rPh') phonetic--;
    else if (name === 'c' && row) {
      const cell = cellValue(type, value, inline, formula, shared);
      for (let gap = row.cells.length; gap < column; gap++) row.cells.push(null);
      row.cells[column] = cell;
    } else if (name === 'row' && row) {
      done.push(row);
      row = null;
    }
  });
  for await (const _ of feed(parser, part)) {
    if (done.length === 0) continue;
    yield* done;
    done.length = 0;
  }
}
