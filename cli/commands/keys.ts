import type { Command } from 'commander';
import { keyringOf } from '../../server/src/modules/security/encryption/column-seal.ts';
import { rotateKeys, rotationStep } from '../../server/src/modules/security/encryption/encryption.service.ts';
import { KeyringError } from '../../server/src/platform/crypto/keyring.ts';
import { AppError } from '../../server/src/platform/errors/app-error.ts';
import { translate } from '../../server/src/platform/i18n/messages.ts';
import { operatorContext } from '../../server/src/platform/policy/actor.ts';
import { CliError, EXIT, keysCommand, withDatabase } from '../context.ts';

/**
 * `zhengshu keys rotate`: a new active data key in the key file, then (with --wait) the old values
 * re-encrypted here; without it the running server's sweep does that in the background.
 */
export function registerKeys(program: Command) {
  const keys = keysCommand(program);
  keys
    .command('rotate')
    .description('add a new active data key and re-encrypt encrypted columns (密钥轮换)')
    .option('--wait', 're-encrypt every encrypted column now instead of leaving it to the server')
    .action(async (options: { wait?: boolean }) => {
      await withDatabase(async (database) => {
        try {
          const keyring = keyringOf(database);
          const result = await rotateKeys(database.db, keyring, operatorContext('keys rotate'));
          console.log(`new active key ${result.keyId} (${result.algorithm}); was ${result.previous}`);
          console.log(`${result.columns} encrypted column(s) to re-encrypt`);
          if (!options.wait) return;
          let resealed = 0;
          for (;;) {
            const step = await rotationStep(database.db, keyring);
            resealed += step.resealed;
            if (step.ran && step.resealed === 0) break;
          }
          console.log(`re-encrypted ${resealed} value(s)`);
        } catch (error) {
          if (error instanceof KeyringError) throw new CliError(error.message, EXIT.environment);
          if (error instanceof AppError)
            throw new CliError(translate(error.code, 'zh-CN', error.params), EXIT.failed);
          throw error;
        }
      });
    });
}
