import fs from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteCopy, postgresCopy, type WithCopy } from './copy.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

/** Which PostgreSQL engine a database handle talks to. */
export type Engine = 'pglite' | 'postgres';

/** A connected database: the Kysely handle plus what it runs on. Passed explicitly, never global. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** A transaction that can also COPY rows in (bulk loads into the data pools). */
  withCopy: WithCopy;
  /** The PGlite instance itself (PGlite only): backups dump its data directory. */
  pglite?: PGlite;
  /**
   * The pg pool (PostgreSQL only), for the few hot statements run as named prepared statements:
   * Kysely sends every query unnamed, so PostgreSQL plans it again each time (the sharing API's
   * key lookup spends more time planning than running, see docs/sharing-api.md).
   */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// Both engines return the same JS types: bigint counts as numbers, dates as 'YYYY-MM-DD' strings
// (a JS Date would shift a calendar date by the server's time zone).
const INT8_OID = 20;
const DATE_OID = 1082;
pg.types.setTypeParser(INT8_OID, (value) => Number(value));
pg.types.setTypeParser(DATE_OID, (value) => value);

const pgliteParsers = {
  [INT8_OID]: (value: string) => Number(value),
  [DATE_OID]: (value: string) => value,
};

/**
 * Opens embedded PGlite; `dataDir` undefined means in memory (tests). `loadDataDir` starts a new
 * database from a data directory tarball (`dumpDataDir`) instead of an empty one.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  let release = () => undefined as void;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    // Loaded only when used: PGlite's WebAssembly build adds ~35 MB to a process on PostgreSQL.
    const { PGlite } = await import('@electric-sql/pglite');
    const pglite = await PGlite.create(dataDir ?? 'memory://', {
      parsers: pgliteParsers,
      loadDataDir: options.loadDataDir,
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      engine: 'pglite',
      withCopy: pgliteCopy(db, pglite),
      pglite,
      close: async () => {
        await db.destroy();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens a pool to a real PostgreSQL server. */
export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', withCopy: postgresCopy(pool), pool, close: () => db.destroy() };
}

/** Opens the database the configuration names: `DATABASE_URL` when set, otherwise PGlite in `dataDir`. */
export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}
