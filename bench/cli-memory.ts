// The peak memory of `zhengshu ingest` loading a large file: the command an operator runs for a
// file of gigabytes. The kernel's high-water mark of the CLI process (VmHWM in /proc, Linux) is
// sampled while it runs, so everything the process holds counts: Node, tsx, the code, the load.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from '../server/src/platform/db/database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What one CLI load measured. */
export interface CliLoadFigures {
  ms: number;
  peakMb: number;
}

/** The CLI's environment for the database the bench prepared: its own PostgreSQL database or PGlite directory. */
async function cliEnvironment(database: Database, dataDir: string | null): Promise<NodeJS.ProcessEnv> {
  if (dataDir) {
    const { DATABASE_URL: _unset, ...rest } = process.env;
    return { ...rest, ZHENGSHU_DATA_DIR: dataDir };
  }
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${rows[0]!.name}`;
  return { ...process.env, DATABASE_URL: url.toString() };
}

function highWaterMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // gone, or not Linux
  }
}

/**
 * Runs `zhengshu ingest <resourceId> <file>` as an operator would (PGlite: the database must be
 * closed in this process first, `dataDir` its directory) and samples its high-water mark.
 */
export async function cliLoadMemory(
  database: Database,
  dataDir: string | null,
  resourceId: string,
  file: string,
): Promise<CliLoadFigures> {
  if (os.platform() !== 'linux') throw new Error('the CLI memory bench reads /proc: Linux only');
  const env = await cliEnvironment(database, dataDir);
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'cli/zhengshu.ts'), 'ingest', resourceId, file, '--lang', 'en'],
    { env, cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let peakMb = 0;
  let errors = '';
  const timer = setInterval(() => (peakMb = Math.max(peakMb, highWaterMb(child.pid!))), 20);
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exit) => resolve(exit));
  });
  clearInterval(timer);
  if (code !== 0) throw new Error(`zhengshu ingest exited with ${code}: ${errors}`);
  return { ms: performance.now() - started, peakMb };
}
