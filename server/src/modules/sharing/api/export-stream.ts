// The streaming core of bulk exports, shared by the sharing API's export and the open-data portal's
// downloads: the rows a read source covers (a grant's, an open dataset's), masked, pulled only as
// fast as the client reads (the reply stream's backpressure), so memory stays constant however slow
// the client. Two ways write the same bytes: on PostgreSQL a CSV whose items all leave the database
// as stored (or nulled) is one `COPY … TO STDOUT` streamed through (a consistent snapshot, at COPY's
// speed); everything else goes in masked pages from maskedSelect, one page fetched ahead while the
// previous one is written. The caller learns at the end how many rows went out and the first keys.
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { copyOut } from '../../../platform/db/copy.ts';
import type { Database } from '../../../platform/db/database.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { maskedSelect } from '../../security/masking/extract.ts';
import { conditionsSql } from '../grants/row-filter.ts';
import { keyTexts, withKeyColumns } from './api.service.ts';
import { AUDITED_KEYS } from './call-audit.ts';
import type { ReadPlan, ReadSource } from './call-plan.ts';
import { copyableColumns, exportCopyStatement, firstExportKeys } from './export.repository.ts';
import {
  csvHeader,
  csvLines,
  jsonLines,
  jsonRecordWriter,
  readAhead,
  type ExportColumn,
} from './serialize.ts';

/** Rows per page of an export: large enough to keep round trips rare, small enough to bound memory. */
export const EXPORT_PAGE_ROWS = 2000;

/**
 * COPY streams at once, at most: each holds a pooled connection for as long as its client reads,
 * so slow clients must not take the whole pool; the exports beyond go in pages, which hold a
 * connection only while a page is read.
 */
export const MAX_COPY_EXPORTS = 4;
let copyExports = 0;

/**
 * How rows become bytes, made fresh for each export (a writer may keep state between pages). CSV
 * is the one format COPY can write for it.
 */
export interface ExportWriter {
  format: string;
  start(): Buffer | Promise<Buffer>;
  page(rows: readonly Record<string, unknown>[]): Buffer | Promise<Buffer>;
  end(): Buffer | Promise<Buffer>;
}

/** The CSV writer (COPY's dialect, formulas neutralised): a header line, then the rows. */
export function csvWriter(columns: readonly ExportColumn[]): ExportWriter {
  return {
    format: 'csv',
    start: () => Buffer.from(csvHeader(columns), 'utf8'),
    page: (rows) => csvLines(columns, rows),
    end: () => Buffer.alloc(0),
  };
}

/** The JSON-lines writer: one object per line. */
export function jsonLinesWriter(columns: readonly ExportColumn[]): ExportWriter {
  const record = jsonRecordWriter(columns);
  return {
    format: 'jsonl',
    start: () => Buffer.alloc(0),
    page: (rows) => jsonLines(columns, rows, record),
    end: () => Buffer.alloc(0),
  };
}

/** The columns of an export: the read plan's items with their types. */
export const exportColumns = (read: ReadPlan): ExportColumn[] =>
  read.items.map((item) => ({ field: item.field, type: item.dataType }));

/** How an export went out. */
export type ExportWay = 'copy' | 'pages';

/** What the caller learns once an export has ended (ran to its end, failed, or was broken off). */
export interface ExportEnd {
  complete: boolean;
  way: ExportWay;
  count: number;
  keys: string[];
}

/** A started export: the body to send and the way it goes. */
export interface StartedExport {
  body: Readable;
  way: ExportWay;
}

/**
 * Starts an export. The first bytes are read before this returns, so a failing read is still an
 * error the caller can answer with a problem; later failures end the stream early. `onEnd` runs
 * once, after what the export holds (a page reader, a COPY connection) is released.
 */
export async function streamExport(
  database: Pick<Database, 'db' | 'pool'>,
  source: ReadSource,
  read: ReadPlan,
  writer: ExportWriter,
  onEnd: (end: ExportEnd) => Promise<unknown>,
): Promise<StartedExport> {
  const byCopy =
    writer.format === 'csv' &&
    database.pool !== undefined &&
    copyExports < MAX_COPY_EXPORTS &&
    !read.items.some((item) => item.column.encrypted) &&
    copyableColumns(read.columns);
  const way: ExportWay = byCopy ? 'copy' : 'pages';
  const progress = { count: 0, keys: [] as string[] };
  let finished: Promise<void> | undefined;
  let release: () => Promise<unknown> = async () => undefined;
  const finish = (complete: boolean) =>
    (finished ??= release()
      .catch(() => undefined)
      .then(() => onEnd({ complete, way, ...progress }))
      .then(
        () => undefined,
        () => undefined,
      ));
  const made = byCopy
    ? await copyBody(database as Required<typeof database>, source, read, progress, finish)
    : await pagedBody(database.db, source, read, writer, progress, finish);
  release = made.release;
  const body = Readable.from(made.body, { objectMode: false, highWaterMark: 64 * 1024 });
  body.once('close', () => void finish(false));
  return { body, way };
}

type Progress = { count: number; keys: string[] };
type Finish = (complete: boolean) => Promise<void>;

/** A body and how to let go of what it holds. */
interface Body {
  body: AsyncGenerator<Buffer>;
  release: () => Promise<unknown>;
}

/** The export in masked pages, written by the writer; the first page is read before this returns. */
async function pagedBody(
  db: Kysely<DB>,
  source: ReadSource,
  read: ReadPlan,
  writer: ExportWriter,
  progress: Progress,
  finish: Finish,
): Promise<Body> {
  const pages = readAhead(
    maskedSelect(db, source.table, withKeyColumns(source, read), {
      rowFilter: conditionsSql(source.rowFilter, source.table.columns),
      pageSize: EXPORT_PAGE_ROWS,
      pseudonymKey: source.pseudonymKey,
    }),
  );
  const first = await pages.next();
  const release = () => pages.return(undefined);
  async function* body() {
    let complete = false;
    try {
      yield await writer.start();
      let page = first;
      while (!page.done) {
        read.finishSealed(page.value);
        if (progress.keys.length < AUDITED_KEYS)
          progress.keys.push(...keyTexts(source, page.value.slice(0, AUDITED_KEYS - progress.keys.length)));
        progress.count += page.value.length;
        const bytes = await writer.page(page.value);
        if (bytes.length > 0) yield bytes;
        page = await pages.next();
      }
      const last = await writer.end();
      if (last.length > 0) yield last;
      complete = true;
    } finally {
      await finish(complete);
    }
  }
  return { body: body(), release };
}

/** The export as one COPY streamed through; its first bytes are read before this returns. */
async function copyBody(
  database: Required<Pick<Database, 'db' | 'pool'>>,
  source: ReadSource,
  read: ReadPlan,
  progress: Progress,
  finish: Finish,
): Promise<Body> {
  const filter = conditionsSql(source.rowFilter, source.table.columns);
  const keyed = await firstExportKeys(database.db, source.table, source.keyColumns, filter, AUDITED_KEYS);
  progress.keys.push(...keyTexts(source, keyed));
  copyExports += 1;
  let counted = false;
  const uncount = () => {
    if (!counted) copyExports -= 1;
    counted = true;
  };
  try {
    const copy = await copyOut(
      database.pool,
      exportCopyStatement(database.db, source.table, read.columns, filter),
    );
    const chunks = copy.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await chunks.next();
    const release = async () => {
      uncount();
      await chunks.return?.();
    };
    async function* body() {
      let complete = false;
      try {
        let chunk = first;
        while (!chunk.done) {
          yield chunk.value;
          chunk = await chunks.next();
        }
        complete = true;
      } finally {
        // COPY counts data rows only; the header is not one.
        progress.count = copy.rowCount();
        await finish(complete);
      }
    }
    return { body: body(), release };
  } catch (error) {
    uncount();
    throw error;
  }
}
