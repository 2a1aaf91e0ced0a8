import fs from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  countBatchErrors,
  listBatchErrors,
  type BatchRow,
} from '../../server/src/modules/pools/batches.repository.ts';
import type { BatchProgress } from '../../server/src/modules/pools/ingest.ts';
import { presentBatchError, presentReportCsv } from '../../server/src/modules/pools/pools.presenter.ts';
import { listTables, loadFile, visibleBatch } from '../../server/src/modules/pools/pools.service.ts';
import type { BatchFormat, BatchMode } from '../../server/src/modules/pools/pools.tables.ts';
import { ENCODINGS, type Encoding } from '../../server/src/modules/pools/readers.ts';
import type { Database } from '../../server/src/platform/db/database.ts';
import { AppError } from '../../server/src/platform/errors/app-error.ts';
import { translate, type Locale } from '../../server/src/platform/i18n/messages.ts';
import { operatorContext, type Actor } from '../../server/src/platform/policy/actor.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';
import './ingest.messages.ts';

/** Problems printed after a refusal; the rest are in the report. */
const SHOWN_PROBLEMS = 10;
/** Without a terminal (cron, CI, a pipe), a progress line at most this often. */
const LINE_INTERVAL_MS = 5_000;

interface IngestOptions {
  format?: string;
  mode: string;
  encoding?: string;
  delimiter?: string;
  lang: string;
}

const FORMATS = ['csv', 'xlsx', 'jsonl'] as const;
const MODES = ['replace', 'upsert'] as const;

function localeOf(lang: string): Locale {
  if (lang === 'zh-CN' || lang === 'zh') return 'zh-CN';
  if (lang === 'en') return 'en';
  throw new CliError(`unknown --lang "${lang}"; use zh-CN or en`);
}

/** The format the option names, or the one the file's extension says. */
export function formatOf(file: string, option: string | undefined): BatchFormat {
  if (option !== undefined) {
    if (!(FORMATS as readonly string[]).includes(option))
      throw new CliError(`unknown --format "${option}"; use ${FORMATS.join(', ')}`);
    return option as BatchFormat;
  }
  const extension = path.extname(file).slice(1).toLowerCase();
  if (extension === 'csv' || extension === 'txt') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'jsonl' || extension === 'ndjson') return 'jsonl';
  throw new CliError(`cannot tell the format of ${file} from its extension; give --format csv|xlsx|jsonl`);
}

function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Finds a pool table by its resource's code (e.g. 101001/000001) or id. */
async function resolveResource(database: Database, actor: Actor, key: string) {
  const tables = await listTables(database.db, actor);
  const table = tables.find((row) => row.code === key || row.resource_id === key);
  if (!table) throw new CliError(`no pool table for resource ${key} (see zhengshu pools list)`);
  return table;
}

/**
 * Shows a batch's progress: a bar on a terminal, otherwise a line now and then so that a log of a
 * long load says how far it got without filling up.
 */
function progressView(locale: Locale, stream: NodeJS.WriteStream) {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: ' {bar} {percentage}% | {read}/{size} | {rows} | {problems}',
        hideCursor: true,
        clearOnComplete: false,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(progress: BatchProgress) {
        const total = progress.bytesTotal ?? 0;
        const payload = {
          read: sizeText(progress.bytesRead),
          size: sizeText(total),
          rows: locale === 'en' ? `${progress.rowsRead} rows` : `${progress.rowsRead} 行`,
          problems: locale === 'en' ? `${progress.problems} problems` : `${progress.problems} 处问题`,
        };
        if (!started) {
          bar.start(Math.max(total, 1), 0, payload);
          started = true;
        }
        bar.update(Math.min(progress.bytesRead, Math.max(total, 1)), payload);
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = Date.now();
  return {
    update(progress: BatchProgress) {
      if (Date.now() - last < LINE_INTERVAL_MS) return;
      last = Date.now();
      const total = progress.bytesTotal ?? 0;
      console.error(
        translate('cli.ingest.progress', locale, {
          read: sizeText(progress.bytesRead),
          total: sizeText(total),
          percent: total > 0 ? Math.floor((100 * progress.bytesRead) / total) : 0,
          rows: progress.rowsRead,
          problems: progress.problems,
        }),
      );
    },
    stop: () => undefined,
  };
}

/** The refusal of a failed batch: its reason, the first problems and where the whole report is. */
async function describeRefusal(database: Database, batch: BatchRow, locale: Locale): Promise<string> {
  const errors = await listBatchErrors(database.db, batch.id, { limit: SHOWN_PROBLEMS, offset: 0 });
  const total = await countBatchErrors(database.db, batch.id);
  const lines = [
    translate('cli.ingest.refused', locale, { batchId: batch.id }) +
      translate(batch.failure ?? 'pool.ingest.rows_refused', locale, batch.failure_params ?? {}),
    ...errors.map((row) => {
      const shown = presentBatchError(row, locale);
      return (
        '  ' +
        translate('cli.ingest.problem', locale, {
          row: shown.row ?? '-',
          column: shown.column ?? '-',
          value: shown.value || translate('cli.ingest.no_value', locale),
          reason: shown.message,
        })
      );
    }),
  ];
  if (total > errors.length)
    lines.push('  ' + translate('cli.ingest.more', locale, { count: total - errors.length }));
  if (total > 0) lines.push(translate('cli.ingest.report_hint', locale, { batchId: batch.id }));
  return lines.join('\n');
}

async function ingest(resource: string, file: string, options: IngestOptions) {
  const locale = localeOf(options.lang);
  const format = formatOf(file, options.format);
  if (!(MODES as readonly string[]).includes(options.mode))
    throw new CliError(`unknown --mode "${options.mode}"; use replace or upsert`);
  if (options.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(options.encoding))
    throw new CliError(`unknown --encoding "${options.encoding}"; use ${ENCODINGS.join(', ')}`);
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new CliError(`no file ${file}`);
  const context = operatorContext('ingest');
  await withDatabase(async (database) => {
    const table = await resolveResource(database, context.actor!, resource);
    const view = progressView(locale, process.stderr);
    const started = performance.now();
    let batch: BatchRow;
    try {
      batch = await loadFile(database, context, {
        resourceId: table.resource_id,
        file,
        fileName: path.basename(file),
        format,
        mode: options.mode as BatchMode,
        encoding: options.encoding as Encoding | undefined,
        delimiter: options.delimiter,
        onStart: (row) =>
          console.error(
            translate('cli.ingest.started', locale, {
              batchId: row.id,
              file: path.basename(file),
              size: sizeText(stat.size),
            }),
          ),
        onProgress: (progress) => view.update(progress),
      });
    } catch (error) {
      view.stop();
      if (error instanceof AppError) throw new CliError(translate(error.code, locale, error.params));
      throw error;
    }
    view.stop();
    if (batch.state !== 'loaded')
      throw new CliError(await describeRefusal(database, batch, locale), EXIT.failed);
    console.log(
      translate('cli.ingest.loaded', locale, {
        version: batch.version,
        loaded: Number(batch.rows_loaded),
        replaced: Number(batch.rows_replaced),
        batchId: batch.id,
        seconds: ((performance.now() - started) / 1000).toFixed(1),
      }),
    );
  });
}

async function report(batchId: string, options: { output?: string; lang: string }) {
  const locale = localeOf(options.lang);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(batchId))
    throw new CliError(`${batchId} is not a batch id`);
  const context = operatorContext('ingest-report');
  await withDatabase(async (database) => {
    let batch: BatchRow;
    try {
      ({ batch } = await visibleBatch(database.db, context.actor!, batchId));
    } catch (error) {
      if (error instanceof AppError) throw new CliError(translate(error.code, locale, error.params));
      throw error;
    }
    if (batch.state !== 'failed')
      throw new CliError(translate('cli.ingest.not_failed', locale, { batchId, state: batch.state }));
    const rows = await listBatchErrors(database.db, batch.id, { limit: 100_000, offset: 0 });
    const csv = presentReportCsv(rows, locale);
    if (!options.output) {
      process.stdout.write(csv);
      return;
    }
    // With a BOM, as the console's download: Excel and WPS then read it as UTF-8.
    await fs.writeFile(options.output, '\ufeff' + csv);
    console.log(translate('cli.ingest.report_written', locale, { count: rows.length, file: options.output }));
  });
}

/** `zhengshu ingest <resource> <file>` and `zhengshu ingest report <batchId>`: loading a pool from a file. */
export function registerIngest(program: Command) {
  const command = program
    .command('ingest')
    .description('load a data file into a resource pool as one batch, all rows or none (数据导入)')
    .argument('<resource>', 'resource code (e.g. 101001/000001) or resource id')
    .argument('<file>', 'CSV, XLSX or JSON-lines file')
    .option('--format <format>', 'csv, xlsx or jsonl (default: from the extension)')
    .option('--mode <mode>', 'replace (the file is the whole table) or upsert (by the key)', 'replace')
    .option('--encoding <encoding>', `${ENCODINGS.join(', ')} (default: detected)`)
    .option('--delimiter <char>', 'CSV delimiter (default: guessed from the header line)')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(ingest);
  command
    .command('report')
    .description("print a failed batch's row-by-row report as CSV, or write it to a file")
    .argument('<batchId>', 'the batch id the refusal named')
    .option('--output <file>', 'write the CSV (with a BOM, for Excel and WPS) instead of printing it')
    // --lang is the parent's option (commander gives it to `ingest`, wherever it is written).
    .action((batchId: string, _options: unknown, self: Command) =>
      report(batchId, self.optsWithGlobals<{ output?: string; lang: string }>()),
    );
}

/** `zhengshu pools list`: every pool table with its version, rows and last load. */
export function registerPools(program: Command) {
  const pools = program.command('pools').description('department data pools (资源池)');
  pools
    .command('list')
    .description('list the pool tables: resource code, name, department, table, version, rows, last load')
    .option('--lang <lang>', 'zh-CN or en', 'zh-CN')
    .action(async (options: { lang: string }) => {
      const locale = localeOf(options.lang);
      await withDatabase(async (database) => {
        const tables = await listTables(database.db, operatorContext('pools-list').actor!);
        if (tables.length === 0) {
          console.log(translate('cli.pools.none', locale));
          return;
        }
        console.log(translate('cli.pools.header', locale));
        for (const row of tables) {
          const pending = row.pending_changes.length > 0 ? ` ${translate('cli.pools.pending', locale)}` : '';
          const loaded = row.loaded_at ? new Date(row.loaded_at).toISOString() : '-';
          console.log(
            [
              row.code,
              row.name,
              row.department_name,
              `${row.schema_name}.${row.table_name}`,
              row.current_version,
              Number(row.row_count),
              loaded + pending,
            ].join('\t'),
          );
        }
      });
    });
}
