// COPY FROM in a transaction, on both engines; COPY TO STDOUT as a stream (PostgreSQL only). Kysely has no COPY, and the same transaction must
// also hold the batch's other statements and its audit event, so the session hands out both: a
// Kysely handle bound to the transaction and a function that streams rows into a COPY.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { DB } from './schema.ts';

/**
 * Streams COPY text as UTF-8 bytes into `COPY <target> FROM …`; `target` is `table (cols)`. Each
 * chunk holds whole rows (ending in `\n`): PGlite gives a slice of chunks to one COPY statement.
 */
export type CopyIn = (target: string, text: AsyncIterable<Uint8Array<ArrayBuffer>>) => Promise<void>;

/** One transaction that may COPY. */
export interface CopySession {
  trx: Kysely<DB>;
  copyIn: CopyIn;
}

/** Runs `work` in one transaction with COPY; commits when it returns, rolls back when it throws. */
export type WithCopy = <T>(work: (session: CopySession) => Promise<T>) => Promise<T>;

// PGlite reads COPY input from a Blob held in memory, so a large load goes in slices of this size,
// one COPY statement each, inside the same transaction.
const PGLITE_SLICE_BYTES = 4 * 1024 * 1024;

/** COPY for PGlite: the caller's Kysely transaction holds PGlite's one session. */
export function pgliteCopy(db: Kysely<DB>, pglite: PGlite): WithCopy {
  return (work) =>
    db.transaction().execute((trx) => {
      const copyIn: CopyIn = async (target, text) => {
        const statement = `COPY ${target} FROM '/dev/blob'`;
        let slice: Uint8Array<ArrayBuffer>[] = [];
        let size = 0;
        const flush = async () => {
          if (size === 0) return;
          const blob = new Blob(slice);
          slice = [];
          size = 0;
          await pglite.query(statement, [], { blob });
        };
        for await (const chunk of text) {
          slice.push(chunk);
          size += chunk.byteLength;
          if (size >= PGLITE_SLICE_BYTES) await flush();
        }
        await flush();
      };
      return work({ trx, copyIn });
    });
}

/** COPY for a PostgreSQL server: one client from the pool for the whole transaction. */
export function postgresCopy(pool: pg.Pool): WithCopy {
  return async (work) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    // Kysely over this one client, so its statements and the COPY share the transaction.
    const single = {
      connect: async () => ({ query: client.query.bind(client), release: () => undefined }),
      end: async () => undefined,
    } as unknown as pg.Pool;
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: single }) });
    try {
      return await db.transaction().execute((trx) => {
        const copyIn: CopyIn = async (target, text) => {
          const stream = client.query(copyFrom(`COPY ${target} FROM STDIN`));
          await pipeline(Readable.from(text, { objectMode: false }), stream);
        };
        return work({ trx, copyIn });
      });
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      await db.destroy();
      // A client whose COPY failed half-way is not handed out again.
      client.release(broken && !('code' in broken) ? broken : undefined);
    }
  };
}

/** A running `COPY … TO STDOUT`: its bytes, pulled as fast as the reader drains them. */
export interface CopyOut {
  stream: Readable;
  /** Rows PostgreSQL reported sent; final once the stream has ended. */
  rowCount(): number;
}

/**
 * Starts `COPY (…) TO STDOUT …` on a client of its own. The client is held until the stream ends;
 * a stream destroyed before its end (a reader gone) closes that connection, which is how the
 * server learns to stop: a COPY cannot be cancelled on a connection that stays in the pool.
 */
export async function copyOut(pool: pg.Pool, statement: string): Promise<CopyOut> {
  const client = await pool.connect();
  const stream = client.query(copyTo(statement));
  let released = false;
  const release = (error?: Error) => {
    if (released) return;
    released = true;
    client.release(error);
  };
  stream.once('end', () => release());
  stream.once('error', (error: Error) => release(error));
  stream.once('close', () =>
    release(stream.readableEnded ? undefined : new Error('COPY stream closed early')),
  );
  return { stream, rowCount: () => stream.rowCount };
}
