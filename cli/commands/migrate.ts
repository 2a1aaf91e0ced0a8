import type { Command } from 'commander';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/platform/db/database.ts';
import { migrateToLatest } from '../../server/src/platform/db/migrate.ts';
import { CliError, EXIT } from '../context.ts';

/** `zhengshu migrate`: applies pending database migrations. */
export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (数据库迁移)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const applied = await migrateToLatest(database);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      } catch (error) {
        throw new CliError((error as Error).message, EXIT.environment);
      } finally {
        await database.close();
      }
    });
}
