import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../server/src/config.ts';
import { recordAudit } from '../../server/src/platform/audit/audit.ts';
import { verifyEnvelope } from '../../server/src/platform/crypto/envelope.ts';
import { developmentKeyFile, loadSigningKey, writeKeyFile } from '../../server/src/platform/crypto/signer.ts';
import {
  activateSigningKey,
  findSigningKey,
  listSigningKeys,
} from '../../server/src/platform/crypto/signing-keys.repository.ts';
import { generateSigningKey, signingAlgorithmOf } from '../../server/src/platform/crypto/signing.ts';
import { operatorContext } from '../../server/src/platform/policy/actor.ts';
import { CliError, EXIT, keysCommand, withDatabase } from '../context.ts';

/** `zhengshu verify <file>` and `zhengshu keys signing`: the platform's signatures at the command line. */
export function registerSigning(program: Command) {
  program
    .command('verify')
    .description(
      'check a signed envelope (zhengshu-signed/1) against the published signing keys; exit 0 valid, 1 not — 验签',
    )
    .argument('<file>', 'the envelope JSON file')
    .action(async (file: string) => {
      let envelope: unknown;
      try {
        envelope = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new CliError(`cannot read ${file} as JSON: ${(error as Error).message}`, EXIT.usage);
      }
      await withDatabase(async (database) => {
        const keyId = (envelope as { keyId?: unknown } | null)?.keyId;
        const key = typeof keyId === 'string' ? await findSigningKey(database.db, keyId) : undefined;
        const verdict = verifyEnvelope(envelope, (id) => (key?.keyId === id ? key : undefined));
        if (!verdict.valid)
          throw new CliError(`signature NOT valid (${verdict.problem}): ${verdict.detail}`, EXIT.failed);
        console.log(
          `signature valid: ${verdict.alg}, key ${verdict.keyId}${key?.retiredAt ? ' (retired)' : ''}, signed at ${verdict.signedAt}`,
        );
      });
    });

  const keys = keysCommand(program);
  keys
    .command('signing')
    .description(
      'show the signing key and the published keys; --generate writes a new key file and makes it current',
    )
    .option('--generate', 'generate a new key pair')
    .option(
      '--out <file>',
      'where to write the new private key (default: ZHENGSHU_SIGNING_KEY_FILE or the development key)',
    )
    .action(async (options: { generate?: boolean; out?: string }) => {
      const config = loadConfig();
      if (options.generate) {
        const alg = signingAlgorithmOf(config.cryptoSuite);
        const file = path.resolve(options.out ?? config.signingKeyFile ?? developmentKeyFile(config, alg));
        if (fs.existsSync(file))
          throw new CliError(
            `${file} exists; move it away first (its public key stays published, so old signatures keep verifying)`,
            EXIT.usage,
          );
        const { key, privateKeyPem } = generateSigningKey(alg);
        writeKeyFile(file, privateKeyPem);
        await withDatabase((database) =>
          database.db.transaction().execute(async (trx) => {
            await activateSigningKey(trx, key);
            await recordAudit(trx, operatorContext('keys-signing'), {
              action: 'security.signing_key.activate',
              targetType: 'signing_key',
              targetId: key.keyId,
              detail: { alg, generated: true },
            });
          }),
        );
        console.log(
          `new ${alg} signing key ${key.keyId} written to ${file} (mode 0600) and published as current`,
        );
        if (options.out && options.out !== config.signingKeyFile)
          console.log(`point ZHENGSHU_SIGNING_KEY_FILE at ${file} and restart the server to sign with it`);
        return;
      }
      let current: string;
      try {
        const { key, source } = loadSigningKey(config);
        current = key.keyId;
        console.log(
          `signing key: ${key.alg} ${key.keyId} from ${source.file}${source.development ? ' (development key)' : ''}`,
        );
      } catch (error) {
        throw new CliError((error as Error).message, EXIT.environment);
      }
      await withDatabase(async (database) => {
        const published = await listSigningKeys(database.db);
        console.log(`published keys (${published.length}):`);
        for (const key of published)
          console.log(
            `  ${key.keyId}  ${key.alg}  ${key.retiredAt ? `retired ${key.retiredAt.toISOString()}` : 'current'}` +
              `${key.keyId === current ? '  ← this key file' : ''}`,
          );
      });
    });
}
