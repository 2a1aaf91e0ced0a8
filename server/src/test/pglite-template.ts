import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openPglite } from '../platform/db/database.ts';
import { MIGRATIONS_DIR, migrateToLatest } from '../platform/db/migrate.ts';

// Creating a PGlite database (initdb) and migrating it costs seconds per test file; loading the
// data directory of one migrated once per run costs a fraction. The template lives in the
// temporary directory, named by what it was made from, so runs of other worktrees keep their own.
const PREFIX = 'zhengshu-test-template-';
// Templates (and half-written files of a killed run) untouched this long belong to no live run.
const STALE_MS = 24 * 60 * 60 * 1000;

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * A name for what a template is made from: every migration file (name and text) and the PGlite
 * release, so a changed migration or engine never reuses a template made before it.
 */
export function templateKey(): string {
  const hash = crypto.createHash('sha256').update(pgliteVersion());
  for (const name of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    if (!name.endsWith('.sql')) continue;
    hash.update(`\0${name}\0`).update(fs.readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

function templateFile(): string {
  return path.join(os.tmpdir(), `${PREFIX}${templateKey()}.tar`);
}

function removeStaleTemplates(keep: string): void {
  const dir = path.dirname(keep);
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!name.startsWith(PREFIX) || file === keep) continue;
    try {
      if (Date.now() - fs.statSync(file).mtimeMs > STALE_MS) fs.rmSync(file, { force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/**
 * Makes sure the migrated PGlite template of the current migrations exists (the test run's global
 * setup calls this once); returns its file. Written under a temporary name and renamed, so a
 * concurrent run reads a whole template or none.
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = templateFile();
  removeStaleTemplates(file);
  if (fs.existsSync(file)) {
    const now = new Date();
    fs.utimesSync(file, now, now);
    return file;
  }
  const database = await openPglite(undefined);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await migrateToLatest(database);
    // Written-out data files make the loaded copies start without replaying the WAL.
    await sql`CHECKPOINT`.execute(database.db);
    const tarball = await database.pglite!.dumpDataDir('none');
    fs.writeFileSync(temporary, new Uint8Array(await tarball.arrayBuffer()));
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
    await database.close();
  }
  return file;
}

/**
 * The file's bytes as the Blob `loadDataDir` takes. Node's own Blob copies 43 MB twice on the way
 * in and out (a second per test file on a busy machine); PGlite only asks for `arrayBuffer()`, so
 * this hands over the bytes read. Should PGlite read a Blob any other way, it finds no data
 * directory and every test fails at once.
 */
class FileBytes extends Blob {
  readonly #data: Buffer;
  constructor(data: Buffer) {
    super([]);
    this.#data = data;
  }
  override get size(): number {
    return this.#data.byteLength;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    const { buffer, byteOffset, byteLength } = this.#data;
    // A large file is read into an ArrayBuffer of its own; slice only if Node pooled it.
    if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength)
      return Promise.resolve(buffer);
    return Promise.resolve(new Uint8Array(this.#data).buffer);
  }
}

/** The migrated template of the current migrations as a tarball for `loadDataDir`, if one was made. */
export function readPgliteTemplate(): Blob | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(templateFile());
  } catch {
    return undefined;
  }
  return new FileBytes(bytes);
}
