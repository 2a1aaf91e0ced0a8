import type { Command } from 'commander';
import { seedDemoIfEmpty } from '../../server/src/modules/seed/seed.service.ts';
import { loadProfile } from '../../server/src/platform/profiles/profiles.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';

/** `zhengshu seed --demo`: fills an empty database with the Chongqing demo deployment. */
export function registerSeed(program: Command) {
  program
    .command('seed')
    .description('fill an empty database with demo data (演示数据)')
    .requiredOption(
      '--demo',
      'the Chongqing demo: regions, authority, departments, a user of every role, a published catalog',
    )
    .action(async () => {
      await withDatabase(async (database, config) => {
        const credentials = await seedDemoIfEmpty(
          database,
          { admin: config.adminPassword, demo: config.demoPassword },
          loadProfile(config.profileId),
        );
        if (!credentials)
          throw new CliError('the database already has data; nothing was seeded', EXIT.failed);
        console.log(`admin / ${credentials.admin.password}`);
        for (const user of credentials.demoUsers)
          console.log(`${user.username} / ${credentials.demoPassword}`);
      });
    });
}
