// Helpers for tests of the commands. The CLI opens the database named by the environment, as an
// operator's shell would: PGlite in a temporary data directory, or a fresh database on the server
// of DATABASE_URL; these set that up, run a command and capture what it printed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { vi } from 'vitest';
import { openDatabase, type Database } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { run } from './zhengshu.ts';

/** What a command printed: its exit code, console.log and console.error lines, and raw stdout. */
export interface CliResult {
  code: number;
  out: string;
  err: string;
  written: string;
}

/** Runs the command line with its output captured. */
export async function cli(args: string[]): Promise<CliResult> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    const code = await run(args);
    return {
      code,
      out: log.mock.calls.map((call) => call.join(' ')).join('\n'),
      err: error.mock.calls.map((call) => call.join(' ')).join('\n'),
      written: write.mock.calls.map((call) => String(call[0])).join(''),
    };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

/** A database of the test run's engine for the commands, named through the environment. */
export interface CliDatabase {
  /** A temporary directory of the test's own (PGlite's data lives in it). */
  dir: string;
  /** Opens the database as the commands do (close it before the next command on PGlite). */
  open(): Promise<Database>;
  /** Restores the environment and removes the directory and the database. */
  dispose(): Promise<void>;
}

/** Points DATABASE_URL or ZHENGSHU_DATA_DIR at a fresh database for the commands. */
export async function prepareCliDatabase(prefix: string): Promise<CliDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, ZHENGSHU_DATA_DIR: process.env.ZHENGSHU_DATA_DIR };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zs-${prefix}-`));
  let dbName: string | undefined;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  if (serverUrl) {
    dbName = `zs_test_${prefix.replace(/\W/g, '_')}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.ZHENGSHU_DATA_DIR = path.join(dir, 'data');
  }
  return {
    dir,
    async open() {
      const database = await openDatabase({
        databaseUrl: process.env.DATABASE_URL,
        dataDir: process.env.ZHENGSHU_DATA_DIR,
      });
      await migrateToLatest(database);
      return database;
    },
    async dispose() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      fs.rmSync(dir, { recursive: true, force: true });
      if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}
