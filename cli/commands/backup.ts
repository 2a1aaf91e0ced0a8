import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import pg from 'pg';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { recordAudit } from '../../server/src/platform/audit/audit.ts';
import { describeAlgorithms } from '../../server/src/platform/audit/verify.ts';
import { createBackup } from '../../server/src/platform/backup/backup.ts';
import {
  BackupError,
  restoreBackup,
  type RestoreReport,
  type RestoreTarget,
} from '../../server/src/platform/backup/restore.ts';
import { Keyring, openKeyring } from '../../server/src/platform/crypto/keyring.ts';
import { operatorContext } from '../../server/src/platform/policy/actor.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';

// Exit codes: 0 restored and verified; 1 the file was refused (damaged, cut off, altered) or the
// restored database does not match its manifest; 2 usage, or a target that is not empty;
// 3 the environment (database unreachable, pg_dump/pg_restore failing, key missing).
function fail(error: unknown): never {
  if (error instanceof BackupError) {
    const code =
      error.kind === 'damaged' ? EXIT.failed : error.kind === 'not_empty' ? EXIT.usage : EXIT.environment;
    throw new CliError(error.message, code);
  }
  throw error;
}

function keyringFor(config: Config, keyFile: string | undefined): Keyring {
  try {
    return keyFile ? Keyring.fromFile(keyFile, config.cryptoSuite) : openKeyring(config);
  } catch (error) {
    throw new CliError(`cannot open the keyring: ${(error as Error).message}`, EXIT.environment);
  }
}

function printReport(report: RestoreReport): void {
  const m = report.manifest;
  console.log(`backup of ${m.engine} made ${m.createdAt}, migration ${m.migration ?? '(none)'}`);
  console.log(
    `rows: ${report.rows} in ${report.tables} table(s); ${report.mismatches.length ? 'MISMATCH' : 'all counts match the manifest'}`,
  );
  for (const line of report.mismatches) console.log(`  ${line}`);
  const algorithms = describeAlgorithms(report.chain.algorithms);
  console.log(
    `audit chain: ${report.chain.ok ? `intact, ${report.chain.checked} event(s)` : `BROKEN: ${report.chain.message}`}; ` +
      `head ${report.chain.headMatches ? 'matches' : 'DIFFERS from'} the manifest` +
      (algorithms ? `; hashes: ${algorithms}` : ''),
  );
}

async function backupTo(file: string): Promise<{ bytes: number; checksum: string; rows: number }> {
  return withDatabase(async (database, config) => {
    const keyring = keyringFor(config, undefined);
    const result = await createBackup(database, keyring, path.resolve(file), config.databaseUrl).catch(
      (error: Error) => {
        throw new CliError(`backup failed: ${error.message}`, EXIT.environment);
      },
    );
    const rows = Object.values(result.manifest.rowCounts).reduce((sum, n) => sum + n, 0);
    await recordAudit(database.db, operatorContext('backup'), {
      action: 'security.backup.create',
      targetType: 'backup',
      targetId: path.basename(file),
      detail: { bytes: result.bytes, checksum: result.checksum, rows, keyId: result.manifest.keyId },
    });
    return { bytes: result.bytes, checksum: result.checksum, rows };
  });
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** `zhengshu backup <file>`, `zhengshu restore <file>` and `zhengshu backup drill`. */
export function registerBackup(program: Command) {
  const backup = program
    .command('backup')
    .description('write an encrypted, self-describing backup (SM4, SM3 checksum, manifest) — 备份')
    .argument('[file]', 'the backup file to write')
    .action(async (file: string | undefined) => {
      if (!file) throw new CliError('name the backup file: zhengshu backup <file>', EXIT.usage);
      const result = await backupTo(file);
      console.log(
        `backup written: ${file} (${result.bytes} bytes, ${result.rows} rows, SM3 ${result.checksum})`,
      );
    });

  backup
    .command('drill')
    .description(
      'restore drill: backup → restore into a scratch database → verify → drop it; recorded in the audit trail',
    )
    .action(async () => {
      const config = loadConfig();
      const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-drill-'));
      const file = path.join(scratchDir, 'drill.zsbak');
      const started = performance.now();
      let scratchUrl: string | undefined;
      let report: RestoreReport | undefined;
      let problem: string | undefined;
      try {
        await backupTo(file);
        let target: RestoreTarget;
        if (config.databaseUrl) {
          const url = new URL(config.databaseUrl);
          const name = `zs_drill_${crypto.randomBytes(6).toString('hex')}`;
          await adminQuery(config.databaseUrl, `CREATE DATABASE ${name}`);
          url.pathname = `/${name}`;
          scratchUrl = url.toString();
          target = { engine: 'postgres', url: scratchUrl };
        } else {
          target = { engine: 'pglite', dataDir: path.join(scratchDir, 'data') };
        }
        report = await restoreBackup(file, keyringFor(config, undefined), target);
        printReport(report);
      } catch (error) {
        problem = (error as Error).message;
      } finally {
        if (scratchUrl && config.databaseUrl)
          await adminQuery(
            config.databaseUrl,
            `DROP DATABASE IF EXISTS ${new URL(scratchUrl).pathname.slice(1)} WITH (FORCE)`,
          );
        fs.rmSync(scratchDir, { recursive: true, force: true });
      }
      const seconds = (performance.now() - started) / 1000;
      const ok = report?.ok === true;
      await withDatabase((database) =>
        recordAudit(database.db, operatorContext('backup-drill'), {
          action: 'security.backup.drill',
          outcome: ok ? 'success' : 'failure',
          targetType: 'backup_drill',
          detail: {
            seconds: Number(seconds.toFixed(2)),
            rows: report?.rows ?? null,
            tables: report?.tables ?? null,
            mismatches: report?.mismatches ?? [],
            chainIntact: report?.chain.ok ?? null,
            problem: problem ?? null,
          },
        }),
      );
      if (!ok)
        throw new CliError(
          `restore drill FAILED: ${problem ?? 'the restored database does not match the backup'}`,
          EXIT.failed,
        );
      console.log(
        `restore drill passed in ${seconds.toFixed(1)} s; recorded in the audit trail (security.backup.drill)`,
      );
    });

  program
    .command('restore')
    .description(
      'restore a backup into an empty database (DATABASE_URL, or a new ZHENGSHU_DATA_DIR) and verify it — 恢复',
    )
    .argument('<file>', 'the backup file')
    .option('--key-file <file>', 'the keyring file holding the data key that sealed the backup')
    .action(async (file: string, options: { keyFile?: string }) => {
      const config = loadConfig();
      if (!config.databaseUrl && !options.keyFile && !config.keyFile && !config.dataKeys)
        throw new CliError(
          `a PGlite restore goes into a new data directory, which has no keyring yet: pass --key-file <the old data directory>/keys.json (or set ZHENGSHU_KEY_FILE)`,
          EXIT.usage,
        );
      const keyring = keyringFor(config, options.keyFile);
      const target: RestoreTarget = config.databaseUrl
        ? { engine: 'postgres', url: config.databaseUrl }
        : { engine: 'pglite', dataDir: config.dataDir };
      const report = await restoreBackup(path.resolve(file), keyring, target).catch(fail);
      printReport(report);
      if (!report.ok)
        throw new CliError('the restored database does not match the backup (see above)', EXIT.failed);
      await withDatabase((database) =>
        recordAudit(database.db, operatorContext('restore'), {
          action: 'security.backup.restore',
          targetType: 'backup',
          targetId: path.basename(file),
          detail: { rows: report.rows, tables: report.tables, createdAt: report.manifest.createdAt },
        }),
      );
      console.log('restore verified: counts and audit chain match the backup');
    });
}
