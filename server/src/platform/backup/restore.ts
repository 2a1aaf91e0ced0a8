import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { verifyChain, type VerifyResult } from '../audit/verify.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { createOpenStream } from '../crypto/seal.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { LOCK_FILE } from '../db/data-dir-lock.ts';
import { auditChainHead, countRows, userTableCount } from './backup.repository.ts';
import { BACKUP_MAGIC, TRAILER_BYTES, collect, waitForExit, type BackupManifest } from './backup.ts';

/** Why a backup or a target is refused; the CLI maps these to exit codes. */
export class BackupError extends Error {
  constructor(
    readonly kind: 'damaged' | 'not_empty' | 'environment',
    message: string,
  ) {
    super(message);
  }
}

/** A backup file whose checksum holds, with its manifest and where the sealed dump lies. */
export interface CheckedBackup {
  manifest: BackupManifest;
  manifestLine: string;
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Reads the header and recomputes the SM3 checksum of the whole file: a truncated, extended or
 * altered file is refused here, before the target database is touched.
 */
export async function checkBackupFile(file: string): Promise<CheckedBackup> {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new BackupError(
      'environment',
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const damaged = (why: string) => new BackupError('damaged', `${file} is not an intact backup: ${why}`);
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  let trailer: Buffer;
  try {
    head = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
    fs.readSync(fd, head, 0, head.length, 0);
    trailer = Buffer.alloc(Math.min(size, TRAILER_BYTES));
    fs.readSync(fd, trailer, 0, trailer.length, Math.max(0, size - TRAILER_BYTES));
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC)))
    throw damaged('it is not a Zhengshu backup file');
  const lineEnd = head.indexOf(0x0a, BACKUP_MAGIC.length);
  if (lineEnd < 0) throw damaged('the manifest is cut off');
  const manifestLine = head.subarray(BACKUP_MAGIC.length, lineEnd).toString('utf8');
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(manifestLine) as BackupManifest;
  } catch {
    throw damaged('the manifest is not valid JSON');
  }
  if (manifest.format !== 'zhengshu-backup/1')
    throw damaged(`unknown backup format "${String(manifest.format)}"`);
  const match = /^\nSM3 ([0-9a-f]{64})\n$/.exec(trailer.toString('latin1'));
  if (!match) throw damaged('the checksum trailer is missing (the file was cut off)');
  const bodyEnd = size - TRAILER_BYTES;
  const hash = crypto.createHash('sm3');
  if (bodyEnd > 0) await pipeline(fs.createReadStream(file, { end: bodyEnd - 1 }), hash);
  if (hash.digest('hex') !== match[1])
    throw damaged('the SM3 checksum does not match (the file was altered or damaged)');
  return { manifest, manifestLine, bodyStart: lineEnd + 1, bodyEnd };
}

/** Where to restore: a PostgreSQL database (must be empty) or a new PGlite data directory. */
export type RestoreTarget = { engine: 'postgres'; url: string } | { engine: 'pglite'; dataDir: string };

/** What a restore found when it compared the restored database with the manifest. */
export interface RestoreReport {
  manifest: BackupManifest;
  tables: number;
  rows: number;
  /** Tables whose count differs (or that are missing / extra), as `table: expected → found`. */
  mismatches: string[];
  /** The chain's check; `algorithms` counts the checked links per hash (see `verifyChain`). */
  chain: {
    ok: boolean;
    checked: number;
    message?: string;
    headMatches: boolean;
    algorithms: VerifyResult['algorithms'];
  };
  ok: boolean;
}

async function refuseNonEmpty(target: RestoreTarget): Promise<void> {
  if (target.engine === 'pglite') {
    if (fs.existsSync(target.dataDir) && fs.readdirSync(target.dataDir).length > 0)
      throw new BackupError(
        'not_empty',
        `the target data directory ${target.dataDir} is not empty; restore into a new directory`,
      );
    return;
  }
  let database: Database | undefined;
  try {
    database = await openDatabase({ databaseUrl: target.url });
    const tables = await userTableCount(database.db);
    if (tables > 0)
      throw new BackupError(
        'not_empty',
        `the target database is not empty (${tables} table(s)); restore into a new, empty database (createdb …)`,
      );
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('environment', `cannot reach the target database: ${(error as Error).message}`);
  } finally {
    await database?.close();
  }
}

/**
 * Restores a checked backup into an empty target, then verifies it: row counts against the
 * manifest and the audit chain end to end (and its head against the manifest's).
 */
export async function restoreBackup(
  file: string,
  keyring: Keyring,
  target: RestoreTarget,
): Promise<RestoreReport> {
  const checked = await checkBackupFile(file);
  const { manifest } = checked;
  if (manifest.engine !== target.engine)
    throw new BackupError(
      'environment',
      `the backup is of a ${manifest.engine} database; it restores into ${manifest.engine} only`,
    );
  if (!keyring.keyById(manifest.keyId))
    throw new BackupError(
      'environment',
      `the keyring does not hold the data key ${manifest.keyId} that sealed this backup`,
    );
  await refuseNonEmpty(target);
  const body = () => fs.createReadStream(file, { start: checked.bodyStart, end: checked.bodyEnd - 1 });
  const opener = () => createOpenStream(keyring, Buffer.from(checked.manifestLine));
  const damaged = (error: unknown) =>
    new BackupError(
      'damaged',
      `${file} cannot be opened: ${(error as Error).message} (altered, or sealed with another key)`,
    );

  let database: Database;
  if (target.engine === 'pglite') {
    const tarball = collect();
    try {
      await pipeline(body(), opener(), tarball.sink);
    } catch (error) {
      throw damaged(error);
    }
    fs.mkdirSync(target.dataDir, { recursive: true });
    const loaded = await PGlite.create(target.dataDir, {
      loadDataDir: new Blob([new Uint8Array(tarball.bytes())]),
    });
    await loaded.close();
    // The tarball carries the source's lock file; the new directory is this process's alone.
    fs.rmSync(path.join(target.dataDir, LOCK_FILE), { force: true });
    database = await openDatabase({ dataDir: target.dataDir });
  } else {
    // Open first into a temporary file: pg_restore must not get half a dump if a frame fails.
    const plain = `${file}.${process.pid}.restore`;
    try {
      await pipeline(body(), opener(), fs.createWriteStream(plain, { mode: 0o600 }));
    } catch (error) {
      fs.rmSync(plain, { force: true });
      throw damaged(error);
    }
    try {
      const child = spawn(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${target.url}`,
          plain,
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      await waitForExit(child, 'pg_restore');
    } catch (error) {
      throw new BackupError('environment', (error as Error).message);
    } finally {
      fs.rmSync(plain, { force: true });
    }
    database = await openDatabase({ databaseUrl: target.url });
  }
  try {
    return await verifyRestored(database, manifest);
  } finally {
    await database.close();
  }
}

/** Compares a restored database with its manifest and walks its audit chain. */
export async function verifyRestored(database: Database, manifest: BackupManifest): Promise<RestoreReport> {
  const found = await countRows(database.db);
  const mismatches: string[] = [];
  for (const table of new Set([...Object.keys(manifest.rowCounts), ...Object.keys(found)])) {
    const expected = manifest.rowCounts[table];
    const actual = found[table];
    if (expected !== actual) mismatches.push(`${table}: ${expected ?? 'absent'} → ${actual ?? 'absent'}`);
  }
  const result = await verifyChain(database.db);
  const head = await auditChainHead(database.db);
  const headMatches = JSON.stringify(head) === JSON.stringify(manifest.auditChainHead);
  const chain = {
    ok: result.ok,
    checked: result.checked,
    message: result.firstBroken?.message,
    headMatches,
    algorithms: result.algorithms,
  };
  return {
    manifest,
    tables: Object.keys(found).length,
    rows: Object.values(found).reduce((sum, n) => sum + n, 0),
    mismatches,
    chain,
    ok: mismatches.length === 0 && result.ok && headMatches,
  };
}
