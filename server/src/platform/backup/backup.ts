import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Keyring } from '../crypto/keyring.ts';
import { createSealStream } from '../crypto/seal.ts';
import type { Database } from '../db/database.ts';
import { auditChainHead, countRows, exportSnapshot, migrationLevel } from './backup.repository.ts';

// A backup file is self-describing:
//   ZSBACKUP1\n
//   <manifest JSON, one line>\n
//   <the dump, sealed with the keyring's active key (SM4 by default); the manifest is its AAD>
//   \nSM3 <64 hex digits>\n      (the SM3 of every byte before this trailer)
// The checksum lets restore refuse a damaged or cut-off file before touching the target; the
// sealed frames refuse altered or missing data, and binding the manifest as AAD means an edited
// manifest (say, changed row counts) cannot be opened either.

/** First line of every backup file. */
export const BACKUP_MAGIC = 'ZSBACKUP1\n';
/** Length of the trailer `\nSM3 <hex>\n`. */
export const TRAILER_BYTES = 70;

/** What a backup says about itself (readable without the key). */
export interface BackupManifest {
  format: 'zhengshu-backup/1';
  engine: 'postgres' | 'pglite';
  createdAt: string;
  /** The newest migration applied in the backed-up database. */
  migration: string | null;
  /** Rows per `schema.table`, public and every pool schema, as of the dump's snapshot. */
  rowCounts: Record<string, number>;
  auditChainHead: { seq: number; hash: string } | null;
  /** The data key that sealed the dump (the keyring must hold it to restore). */
  keyId: string;
  algorithm: string;
}

/** What {@link createBackup} wrote. */
export interface BackupResult {
  file: string;
  bytes: number;
  checksum: string;
  manifest: BackupManifest;
}

/** Streams a dump (pg_dump custom format, or PGlite's data directory tarball) into a backup file. */
export async function createBackup(
  database: Database,
  keyring: Keyring,
  file: string,
  pgUrl?: string,
): Promise<BackupResult> {
  const key = keyring.activeKey();
  const describe = async (db: Database['db']) => ({
    migration: await migrationLevel(db),
    rowCounts: await countRows(db),
    auditChainHead: await auditChainHead(db),
  });
  const write = async (facts: Awaited<ReturnType<typeof describe>>, dump: Readable) => {
    const manifest: BackupManifest = {
      format: 'zhengshu-backup/1',
      engine: database.engine,
      createdAt: new Date().toISOString(),
      ...facts,
      keyId: key.id,
      algorithm: key.algorithm,
    };
    const manifestLine = JSON.stringify(manifest);
    const hash = crypto.createHash('sm3');
    const temporary = `${file}.${process.pid}.partial`;
    const out = fs.createWriteStream(temporary, { mode: 0o600 });
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        done(null, chunk);
      },
    });
    const head = Buffer.from(`${BACKUP_MAGIC}${manifestLine}\n`);
    try {
      hash.update(head);
      out.write(head);
      await pipeline(dump, createSealStream(keyring, Buffer.from(manifestLine)), hashing, out, {
        end: false,
      });
      const checksum = hash.digest('hex');
      await new Promise<void>((resolve, reject) =>
        out.end(`\nSM3 ${checksum}\n`, (error?: Error | null) => (error ? reject(error) : resolve())),
      );
      // Only a complete file takes the name: a failed backup never looks like a good one.
      fs.renameSync(temporary, file);
      return { file, bytes: fs.statSync(file).size, checksum, manifest };
    } catch (error) {
      out.destroy();
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  };

  if (database.engine === 'pglite') {
    // PGlite is one session in this process (the data directory is locked to it): nothing else
    // writes while the counts are taken and the directory is dumped.
    const facts = await describe(database.db);
    const tarball = await database.pglite!.dumpDataDir('none');
    return write(facts, Readable.from(Buffer.from(await tarball.arrayBuffer())));
  }
  // PostgreSQL: counts and pg_dump read the same snapshot, so the manifest matches the dump even
  // while the platform keeps running.
  return database.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const snapshot = await exportSnapshot(trx);
      const facts = await describe(trx);
      const child = spawn(
        'pg_dump',
        ['--format=custom', `--snapshot=${snapshot}`, '--no-owner', '--no-privileges', `--dbname=${pgUrl}`],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const exited = waitForExit(child, 'pg_dump');
      const [result] = await Promise.all([write(facts, child.stdout), exited]);
      return result;
    });
}

/** Resolves when a child process ends well; rejects with its error output otherwise. */
export function waitForExit(child: ReturnType<typeof spawn>, name: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`${name} cannot be started: ${error.message}`)));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${name} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

/** A writable that gathers what it is given (PGlite loads its tarball from one Blob). */
export function collect(): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return {
    sink: new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    }),
    bytes: () => Buffer.concat(chunks),
  };
}
