// Rows from a provider's PostgreSQL database: the registered SELECT runs in a READ ONLY
// transaction with a statement timeout, through a cursor fetched a slice at a time, so memory stays
// bounded whatever the table's size. Values arrive as PostgreSQL's text (as a CSV would carry them)
// and are checked by the loader like every file's.
import pg from 'pg';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RowSource, SourceRow } from '../readers.ts';
import type { RawValue } from '../values.ts';
import { withPassword } from './pull-settings.ts';

/** Limits of a database pull. */
export interface PostgresLimits {
  /** How long connecting may take. */
  connectMs: number;
  /** statement_timeout of each statement on the provider (DECLARE, every FETCH). */
  statementMs: number;
  /** Rows fetched per slice. */
  fetchRows: number;
}

/** Defaults: 10 s to connect, 60 s per statement, 2,000 rows a slice. */
export const POSTGRES_LIMITS: PostgresLimits = { connectMs: 10_000, statementMs: 60_000, fetchRows: 2_000 };

const TIMESTAMPTZ_OID = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID);

// Every value as the server's text, except a time with a zone, which becomes an ISO instant (the
// server writes "+08" that the loader's timestamp rule does not read).
const textTypes = {
  getTypeParser: (oid: number) =>
    oid === TIMESTAMPTZ_OID
      ? (value: string) => (parseTimestamptz(value) as Date).toISOString()
      : (value: string) => value,
} as unknown as pg.CustomTypesConfig;

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);
const failure = (code: string, error: unknown) => new AppError(502, code, { reason: reason(error) });

/**
 * Opens the provider's rows: connects, starts the read-only transaction and reads the first slice
 * (which gives the column names, the header). Fails with `pool.pull.connect_failed` or
 * `pool.pull.query_failed`, which the loader turns into a failed batch.
 */
export async function openPostgresSource(
  settings: { url: string; password: string | null; query: string },
  limits: PostgresLimits = POSTGRES_LIMITS,
): Promise<RowSource> {
  const client = new pg.Client({
    connectionString: withPassword(settings.url, settings.password),
    // A function, so that neither PGPASSWORD nor a .pgpass file of this server is ever used.
    password: () => settings.password ?? '',
    connectionTimeoutMillis: limits.connectMs,
    application_name: 'zhengshu-pull',
    types: textTypes,
  });
  // A provider that drops the connection must not take the process down; the read fails instead.
  client.on('error', () => undefined);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    void client.end().catch(() => undefined);
  };
  try {
    await client.connect();
  } catch (error) {
    end();
    throw failure('pool.pull.connect_failed', error);
  }
  const fetchSlice = () =>
    client.query<RawValue[]>({ text: `FETCH ${limits.fetchRows} FROM zs_pull`, rowMode: 'array' });
  let first: pg.QueryArrayResult<RawValue[]>;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.floor(limits.statementMs)}`);
    // The extended protocol runs exactly one statement, a guard beside the SELECT rule.
    // (`queryMode` is pg's own option, missing from its type declarations.)
    await client.query({
      text: `DECLARE zs_pull NO SCROLL CURSOR FOR ${settings.query}`,
      queryMode: 'extended',
    } as pg.QueryConfig);
    first = await fetchSlice();
  } catch (error) {
    end();
    throw failure('pool.pull.query_failed', error);
  }
  const header = first.fields.map((field) => field.name);
  async function* rows(): AsyncGenerator<SourceRow> {
    let slice = first;
    let row = 0;
    try {
      while (slice.rows.length > 0) {
        for (const cells of slice.rows) yield { row: ++row, cells };
        if (slice.rows.length < limits.fetchRows) break;
        try {
          slice = await fetchSlice();
        } catch (error) {
          throw failure('pool.pull.read_failed', error);
        }
      }
      await client.query('COMMIT').catch(() => undefined);
    } finally {
      end();
    }
  }
  return { header, encoding: null, rows: rows(), bytesRead: () => 0, close: end };
}
