import { Command, CommanderError } from 'commander';
import { CliError, EXIT } from './context.ts';

type Registrar = (program: Command) => void;

// Each command's code is loaded only when that command runs: `zhengshu ingest` then holds the
// pools' code and not the backup's, the seed's or PGlite's, which keeps a long load's process
// small (docs/pools.md, memory). Help and unknown commands load them all.
const migrate = () => import('./commands/migrate.ts').then((m) => [m.registerMigrate]);
const seed = () => import('./commands/seed.ts').then((m) => [m.registerSeed]);
const user = () => import('./commands/user.ts').then((m) => [m.registerUser]);
const calendar = () => import('./commands/calendar.ts').then((m) => [m.registerCalendar]);
const audit = () => import('./commands/audit.ts').then((m) => [m.registerAudit]);
const ingest = () => import('./commands/ingest.ts').then((m) => [m.registerIngest]);
const pools = () => import('./commands/ingest.ts').then((m) => [m.registerPools]);
const signing = () => import('./commands/signing.ts').then((m) => [m.registerSigning]);
const backup = () => import('./commands/backup.ts').then((m) => [m.registerBackup]);
const keys = () => import('./commands/keys.ts').then((m) => [m.registerKeys]);

/** Every command group in the order help lists them. */
const ALL: (() => Promise<Registrar[]>)[] = [
  migrate,
  seed,
  user,
  calendar,
  audit,
  ingest,
  pools,
  signing,
  backup,
  keys,
];

/** The groups a top-level command word needs (`keys` is shared by the signing and key commands). */
const BY_WORD: Record<string, (() => Promise<Registrar[]>)[]> = {
  migrate: [migrate],
  seed: [seed],
  user: [user],
  calendar: [calendar],
  audit: [audit],
  ingest: [ingest],
  pools: [pools],
  verify: [signing],
  backup: [backup],
  restore: [backup],
  keys: [signing, keys],
};

/**
 * Builds the `zhengshu` command: with `word`, only the subcommands that word names (so only their
 * code loads); without it, or for a word it does not know, all of them.
 */
export async function buildProgram(word?: string): Promise<Command> {
  const program = new Command('zhengshu')
    .description('Zhengshu (政数) government data platform — administration commands')
    .exitOverride()
    .showHelpAfterError();
  const groups = (word !== undefined && BY_WORD[word]) || ALL;
  for (const group of groups) for (const register of await group()) register(program);
  return program;
}

/** Runs the command line; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  try {
    await (await buildProgram(argv[0])).parseAsync(argv, { from: 'user' });
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
