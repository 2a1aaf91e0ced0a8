// Reading a data file row by row, in bounded memory: CSV (UTF-8 with or without BOM, GBK/GB18030,
// UTF-16; detected or chosen), XLSX (first sheet's XML, through the catalog import's zip checks) and
// JSON lines. Readers yield cells; checking them against the columns is the loader's job.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { AppError } from '../../platform/errors/app-error.ts';
import { openFirstSheet } from '../catalog/xlsx/workbook-file.ts';
import type { BatchFormat } from './pools.tables.ts';
import type { RawValue, ValueProblem } from './values.ts';
import { readSharedStrings, readSheetRows, type XlsxRow } from './xlsx-rows.ts';

/** Text encodings a file may be in. */
export const ENCODINGS = ['utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be'] as const;
/** A text encoding. */
export type Encoding = (typeof ENCODINGS)[number];

/** One row of a file: its number as a spreadsheet would show it (the header is row 1), and its cells. */
export type SourceRow = { row: number; cells: RawValue[] } | { row: number; problem: ValueProblem };

/** A file opened for reading. */
export interface RowSource {
  /** Column headers (CSV, XLSX) or, for JSON lines, the fields asked for. */
  header: string[];
  encoding: Encoding | null;
  rows: AsyncIterable<SourceRow>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  close(): void;
}

/** Unpacked size an XLSX's sheet and shared strings may have by default (a zip bomb stops at it). */
export const XLSX_UNPACKED_LIMIT = 4 * 1024 * 1024 * 1024;

const unreadable = (code: string, params: Record<string, unknown> = {}) => new AppError(400, code, params);

/** Reads the first bytes and decides: a BOM says it; otherwise valid UTF-8 is UTF-8, else GB18030. */
export async function detectEncoding(file: string): Promise<{ encoding: Encoding; bom: number }> {
  const handle = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    ({ bytesRead: length } = await handle.read(head, 0, head.length, 0));
  } finally {
    await handle.close();
  }
  const bytes = head.subarray(0, length);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  try {
    // stream: true leaves a character cut at the end of the sample for later instead of failing.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'gb18030', bom: 0 };
  }
}

function bomLength(encoding: Encoding, head: Buffer): number {
  if (encoding === 'utf-8' && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 3;
  if (encoding === 'utf-16le' && head[0] === 0xff && head[1] === 0xfe) return 2;
  if (encoding === 'utf-16be' && head[0] === 0xfe && head[1] === 0xff) return 2;
  return 0;
}

/** Decodes a byte stream to text; bytes that are not the encoding fail with their offset. */
function decoder(encoding: Encoding, counted: () => number) {
  const text = new TextDecoder(encoding === 'gbk' ? 'gbk' : encoding, { fatal: true });
  const fail = () => unreadable('pool.ingest.encoding', { encoding, offset: counted() });
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        done(null, text.decode(chunk, { stream: true }));
      } catch {
        done(fail());
      }
    },
    flush(done) {
      try {
        const rest = text.decode();
        done(null, rest || undefined);
      } catch {
        done(fail());
      }
    },
  });
}

async function openText(file: string, chosen: Encoding | undefined) {
  const detected = chosen ? null : await detectEncoding(file);
  const encoding = chosen ?? detected!.encoding;
  const head = Buffer.alloc(3);
  const handle = await fs.promises.open(file, 'r');
  try {
    await handle.read(head, 0, 3, 0);
  } finally {
    await handle.close();
  }
  let bytes = 0;
  const input = fs.createReadStream(file, { start: bomLength(encoding, head), highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (bytes += chunk.length));
  const text = input.pipe(decoder(encoding, () => bytes));
  input.on('error', (error) => text.destroy(error));
  return { encoding, text, input, bytesRead: () => bytes };
}

function guessDelimiter(firstLine: string): string {
  const counts = [',', '\t', ';', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** The first bytes of a file (encoding and delimiter are judged on them). */
async function headOf(file: string, size = 64 * 1024): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(size);
    const { bytesRead } = await handle.read(head, 0, size, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Passes UTF-8 bytes on unchanged, failing at the first byte sequence that is not UTF-8 (a
 * character cut between two chunks is carried over). Checking bytes in C++ (`isUtf8`) and decoding
 * whole chunks with `toString` is much faster than a streaming TextDecoder.
 */
function utf8Guard(counted: () => number) {
  let carry: Buffer = Buffer.alloc(0);
  const fail = () => unreadable('pool.ingest.encoding', { encoding: 'utf-8', offset: counted() });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      // Find where the last, possibly unfinished, character starts (at most 3 bytes back).
      let cut = bytes.length;
      for (let back = 1; back <= Math.min(3, bytes.length); back++) {
        const byte = bytes[bytes.length - back]!;
        if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
        const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
        if (need > back) cut = bytes.length - back;
        break;
      }
      const whole = bytes.subarray(0, cut);
      carry = Buffer.from(bytes.subarray(cut));
      if (!isUtf8(whole)) return done(fail());
      done(null, whole);
    },
    flush(done) {
      if (carry.length && !isUtf8(carry)) return done(fail());
      done(null, carry.length ? carry : undefined);
    },
  });
}

// A row still open at the end of a chunk is carried to the next; past this many characters it is an
// unclosed quote (or no CSV at all), and reading stops instead of holding the rest of the file.
const LONGEST_ROW = 16 * 1024 * 1024;

type Newline = '\r\n' | '\n' | '\r';

/** The line break of a file, judged on its first bytes as a spreadsheet program would write it. */
function guessNewline(head: string): Newline {
  if (head.includes('\r\n')) return '\r\n';
  return head.includes('\r') && !head.includes('\n') ? '\r' : '\n';
}

/**
 * Splits decoded text into records with papaparse's core parser, chunk by chunk: each chunk is
 * parsed up to its last complete record and the rest is carried over. Papaparse takes plain runs
 * without quotes on a split fast path, which is what makes CSV loads several times faster than
 * a general streaming parser; its own stream mode drops the quote errors, hence the chunk loop.
 */
async function* csvRecords(
  text: AsyncIterable<string | Buffer>,
  delimiter: string,
  newline: Newline,
  counted: () => number,
): AsyncGenerator<string[][]> {
  const parser = new Papa.Parser({ delimiter, newline });
  let carry = '';
  let records = 0;
  const parse = (input: string, last: boolean) => {
    const result = parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const problem = result.errors[0];
    if (problem)
      throw unreadable('pool.ingest.csv_syntax', { row: records + problem.row! + 1, reason: problem.code });
    records += result.data.length;
    carry = last ? '' : input.slice(result.meta.cursor);
    if (carry.length > LONGEST_ROW)
      throw unreadable('pool.ingest.csv_syntax', {
        row: records + 1,
        reason: 'MissingQuotes',
        offset: counted(),
      });
    return result.data;
  };
  for await (const chunk of text) {
    const rows = parse(carry + (typeof chunk === 'string' ? chunk : chunk.toString('utf8')), false);
    if (rows.length) yield rows;
  }
  const rest = parse(carry, true);
  if (rest.length) yield rest;
}

/** Opens a CSV file; `delimiter` is guessed from the header line when not given. */
export async function openCsv(
  file: string,
  options: { encoding?: Encoding; delimiter?: string } = {},
): Promise<RowSource> {
  const encoding = options.encoding ?? (await detectEncoding(file)).encoding;
  const head = await headOf(file);
  const skip = bomLength(encoding, head);
  const headText = new TextDecoder(encoding).decode(head.subarray(skip));
  const firstLine = headText.split('\n')[0] ?? '';
  let bytes = 0;
  const input = fs.createReadStream(file, { start: skip, highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => (bytes += chunk.length));
  // UTF-8 stays bytes cut at character boundaries (checked in C++) until the parser's toString.
  const text = input.pipe(encoding === 'utf-8' ? utf8Guard(() => bytes) : decoder(encoding, () => bytes));
  input.on('error', (error) => text.destroy(error));
  const delimiter = options.delimiter ?? guessDelimiter(firstLine);
  const batches = csvRecords(text, delimiter, guessNewline(headText), () => bytes);
  const failed = (error: unknown): never => {
    if (error instanceof AppError) throw error;
    throw unreadable('pool.ingest.unreadable');
  };
  // The header is the first record; the records of its chunk are read after it.
  let pending: string[][] = [];
  try {
    while (!pending.length) {
      const next = await batches.next();
      if (next.done) break;
      pending = next.value;
    }
  } catch (error) {
    failed(error);
  }
  const header = pending.shift();
  if (!header) throw unreadable('pool.ingest.empty_file');
  const width = header.length;
  let record = 1;
  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (let batch: string[][] | undefined = pending; batch;) {
        for (const cells of batch) {
          record += 1;
          if (cells.length === width) yield { row: record, cells };
          else if (cells.length === 1 && cells[0] === '') continue;
          else
            yield {
              row: record,
              problem: { code: 'pool.ingest.ragged', params: { expected: width, found: cells.length } },
            };
        }
        const next = await batches.next();
        batch = next.done ? undefined : next.value;
      }
    } catch (error) {
      failed(error);
    }
  }
  return {
    header,
    encoding,
    rows: rows(),
    bytesRead: () => bytes,
    close: () => {
      input.destroy();
      void batches.return(undefined);
    },
  };
}

/** Opens JSON lines: one object per line, keys are field names (or item names). */
export async function openJsonLines(
  file: string,
  fields: string[],
  options: { encoding?: Encoding } = {},
): Promise<RowSource> {
  const opened = await openText(file, options.encoding ?? 'utf-8');
  const position = new Map(fields.map((field, index) => [field, index]));
  async function* lines(): AsyncGenerator<string> {
    let carry = '';
    for await (const chunk of opened.text as AsyncIterable<string>) {
      const parts = (carry + chunk).split('\n');
      carry = parts.pop()!;
      yield* parts;
    }
    if (carry) yield carry;
  }
  async function* rows(): AsyncGenerator<SourceRow> {
    let row = 0;
    for await (const line of lines()) {
      row += 1;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        yield { row, problem: { code: 'pool.ingest.json_syntax' } };
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        yield { row, problem: { code: 'pool.ingest.json_object' } };
        continue;
      }
      const cells: RawValue[] = new Array(fields.length).fill(null);
      const unknown = Object.keys(value).find((key) => !position.has(key));
      if (unknown !== undefined) {
        yield { row, problem: { code: 'pool.ingest.unknown_field', params: { field: unknown } } };
        continue;
      }
      for (const [key, cell] of Object.entries(value)) {
        cells[position.get(key)!] =
          typeof cell === 'object' && cell !== null ? JSON.stringify(cell) : (cell as RawValue);
      }
      yield { row, cells };
    }
  }
  return {
    header: fields,
    encoding: opened.encoding,
    rows: rows(),
    bytesRead: opened.bytesRead,
    close: () => opened.input.destroy(),
  };
}

/**
 * Opens an XLSX file's first sheet and reads its XML directly (xlsx-rows.ts). Formula cells and
 * error values are refused where they are; a sheet that is not well-formed stops the load.
 */
export async function openXlsx(file: string, unpackedLimit = XLSX_UNPACKED_LIMIT): Promise<RowSource> {
  const book = await openFirstSheet(file, unpackedLimit);
  const size = (await fs.promises.stat(file)).size;
  let unpackedBytes = 0;
  const counted = (part: AsyncIterable<Buffer>) =>
    (async function* () {
      for await (const chunk of part) {
        unpackedBytes += chunk.length;
        yield chunk;
      }
    })();
  const fail = (error: unknown): never => {
    book.close();
    if (error instanceof AppError) throw error;
    throw unreadable('pool.ingest.unreadable');
  };
  if (!book.sheet) return fail(unreadable('pool.ingest.empty_file'));
  let rowIterator: AsyncIterator<XlsxRow>;
  let headerRow: XlsxRow | undefined;
  try {
    const shared = book.sharedStrings ? await readSharedStrings(counted(book.sharedStrings)) : [];
    rowIterator = readSheetRows(counted(book.sheet), shared)[Symbol.asyncIterator]();
    const first = await rowIterator.next();
    headerRow = first.done ? undefined : first.value;
  } catch (error) {
    return fail(error);
  }
  if (!headerRow || headerRow.number !== 1) return fail(unreadable('pool.ingest.empty_file'));
  const header = headerRow.cells.map((cell) =>
    cell === null || typeof cell === 'object' ? '' : String(cell).trim(),
  );
  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (let next = await rowIterator.next(); !next.done; next = await rowIterator.next()) {
        yield rowOf(next.value, header);
      }
    } catch (error) {
      fail(error);
    }
  }
  return {
    header,
    encoding: null,
    rows: rows(),
    // The zip is read in order, so the unpacked share tracks the file well enough for a progress bar.
    bytesRead: () => Math.min(size, unpackedBytes),
    close: () => book.close(),
  };
}

/** A sheet row as the loader takes it: cells under the header, or the first problem found in it. */
function rowOf(row: XlsxRow, header: readonly string[]): SourceRow {
  const { cells } = row;
  if (cells.length > header.length && cells.slice(header.length).some((cell) => cell !== null)) {
    return {
      row: row.number,
      problem: { code: 'pool.ingest.ragged', params: { expected: header.length, found: cells.length } },
    };
  }
  const values: RawValue[] = new Array(header.length).fill(null);
  for (let index = 0; index < header.length; index++) {
    const cell = cells[index] ?? null;
    if (cell !== null && typeof cell === 'object' && 'formula' in cell)
      return { row: row.number, problem: { code: 'pool.ingest.formula', params: { column: header[index] } } };
    if (cell !== null && typeof cell === 'object' && 'error' in cell)
      return {
        row: row.number,
        problem: { code: 'pool.ingest.cell_error', params: { column: header[index], value: cell.error } },
      };
    values[index] = cell;
  }
  return { row: row.number, cells: values };
}

/** Opens a file of a format. */
export function openSource(
  format: BatchFormat,
  file: string,
  fields: string[],
  options: { encoding?: Encoding; delimiter?: string; xlsxUnpackedLimit?: number },
): Promise<RowSource> {
  if (format === 'xlsx') return openXlsx(file, options.xlsxUnpackedLimit);
  if (format === 'jsonl' || format === 'json') return openJsonLines(file, fields, options);
  return openCsv(file, options);
}

/**
 * A JSON value as a row: an object keyed by field name gives its cells in `position`'s order;
 * anything else, or an unknown key, gives the row's problem. (Pulled API rows use it.)
 */
export function objectRow(value: unknown, row: number, position: ReadonlyMap<string, number>): SourceRow {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { row, problem: { code: 'pool.ingest.json_object' } };
  const unknown = Object.keys(value).find((key) => !position.has(key));
  if (unknown !== undefined)
    return { row, problem: { code: 'pool.ingest.unknown_field', params: { field: unknown } } };
  const cells: RawValue[] = new Array(position.size).fill(null);
  for (const [key, cell] of Object.entries(value))
    cells[position.get(key)!] =
      typeof cell === 'object' && cell !== null ? JSON.stringify(cell) : (cell as RawValue);
  return { row, cells };
}
