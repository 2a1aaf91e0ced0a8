import type { Command } from 'commander';
import { loadConfig, type Config } from '../server/src/config.ts';
import { openDatabase, type Database } from '../server/src/platform/db/database.ts';
import { migrateToLatest } from '../server/src/platform/db/migrate.ts';
import { openKeyring } from '../server/src/platform/crypto/keyring.ts';
import { bindKeyring } from '../server/src/modules/security/encryption/column-seal.ts';

/** Exit codes of the `zhengshu` command. */
export const EXIT = {
  ok: 0,
  /** The check the command made failed (e.g. a broken audit chain). */
  failed: 1,
  /** Wrong usage or bad input. */
  usage: 2,
  /** The database or another part of the environment is not usable. */
  environment: 3,
} as const;

/** An error that ends the command with a message and an exit code, without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}

/**
 * Opens the configured database (DATABASE_URL or PGlite under ZHENGSHU_DATA_DIR), brings it to the
 * latest migration, runs `work` and closes it again.
 */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await migrateToLatest(database);
    // Opened when a command first needs a key (a load into an encrypted column, a rotation).
    bindKeyring(database, () => openKeyring(config));
  } catch (error) {
    throw new CliError(`cannot open the database: ${(error as Error).message}`, EXIT.environment);
  }
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** The `keys` command group (signing keys and data keys register their subcommands on it). */
export function keysCommand(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'keys') ??
    program.command('keys').description('key management (密钥管理): signing keys and data keys')
  );
}
