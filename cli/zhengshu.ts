import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerCalendar } from './commands/calendar.ts';
import { registerIngest, registerPools } from './commands/ingest.ts';
import { registerKeys } from './commands/keys.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerSeed } from './commands/seed.ts';
import { registerSigning } from './commands/signing.ts';
import { registerUser } from './commands/user.ts';
import { CliError, EXIT } from './context.ts';

/** Builds the `zhengshu` command with all its subcommands (tests call this directly). */
export function buildProgram(): Command {
  const program = new Command('zhengshu')
    .description('Zhengshu (政数) government data platform — administration commands')
    .exitOverride()
    .showHelpAfterError();
  registerMigrate(program);
  registerSeed(program);
  registerUser(program);
  // commands: add one line per command below
  registerCalendar(program);
  registerAudit(program);
  registerIngest(program);
  registerPools(program);
  registerSigning(program);
  registerBackup(program);
  registerKeys(program);
  return program;
}

/** Runs the command line; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliError) {
      console.error(`zhengshu: ${error.message}`);
      return error.exitCode;
    }
    console.error(`zhengshu: ${(error as Error).message}`);
    return EXIT.failed;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await run(process.argv.slice(2));
}
