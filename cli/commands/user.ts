import type { Command } from 'commander';
import { findDepartmentIdByCreditCode } from '../../server/src/modules/org/departments.repository.ts';
import { findRegionIdByCode } from '../../server/src/modules/org/regions.repository.ts';
import { createUser } from '../../server/src/modules/org/users.service.ts';
import { AppError } from '../../server/src/platform/errors/app-error.ts';
import { translate } from '../../server/src/platform/i18n/messages.ts';
import { operatorContext } from '../../server/src/platform/policy/actor.ts';
import { ROLES, type UserRole } from '../../server/src/platform/policy/permissions.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';

interface CreateOptions {
  username: string;
  name: string;
  role: string;
  department?: string;
  region?: string;
  password?: string;
}

/** Explains a refused user creation the way the API would, in both languages. */
function describe(error: AppError): string {
  const fields = error.fields.map(
    (field) => `${field.path}: ${translate(field.code, 'zh-CN', field.params)}`,
  );
  return [
    translate(error.code, 'zh-CN', error.params),
    translate(error.code, 'en', error.params),
    ...fields,
  ].join('\n  ');
}

/** `zhengshu user create`: creates an account from the command line (e.g. the first admin of a deployment). */
export function registerUser(program: Command) {
  const user = program.command('user').description('manage user accounts (用户)');
  user
    .command('create')
    .description('create a user; prints a generated password unless --password is given')
    .requiredOption('--username <username>', 'sign-in name (letters, digits, . _ -)')
    .requiredOption('--name <displayName>', 'name shown in the console')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--department <creditCode>', 'unified social credit code of the department (department roles)')
    .option('--region <code>', 'GB/T 2260 code of the region (authority officers, auditors)')
    .option('--password <password>', 'initial password (otherwise generated)')
    .action(async (options: CreateOptions) => {
      if (!(ROLES as readonly string[]).includes(options.role)) {
        throw new CliError(`unknown role "${options.role}"; use one of ${ROLES.join(', ')}`);
      }
      await withDatabase(async (database) => {
        const db = database.db;
        const departmentId = options.department
          ? await findDepartmentIdByCreditCode(db, options.department)
          : undefined;
        if (options.department && !departmentId)
          throw new CliError(`no department with credit code ${options.department}`);
        const regionId = options.region ? await findRegionIdByCode(db, options.region) : undefined;
        if (options.region && !regionId) throw new CliError(`no region with code ${options.region}`);
        try {
          const result = await createUser(db, operatorContext('cli'), {
            username: options.username,
            displayName: options.name,
            role: options.role as UserRole,
            departmentId: departmentId ?? null,
            regionId: regionId ?? null,
            password: options.password,
          });
          console.log(`created ${result.user.username} (${result.user.role})`);
          if (result.initialPassword) console.log(`password: ${result.initialPassword}`);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(describe(error), EXIT.usage);
          throw error;
        }
      });
    });
}
