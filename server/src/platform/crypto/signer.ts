import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config.ts';
import { recordAudit } from '../audit/audit.ts';
import type { Database } from '../db/database.ts';
import { systemContext } from '../policy/actor.ts';
import { signWithKey, verifyEnvelope, type EnvelopeVerdict, type SignedEnvelope } from './envelope.ts';
import {
  activateSigningKey,
  findSigningKey,
  listSigningKeys,
  type StoredSigningKey,
} from './signing-keys.repository.ts';
import {
  generateSigningKey,
  parseSigningKey,
  signingAlgorithmOf,
  type SigningAlgorithm,
  type SigningKey,
} from './signing.ts';

/** Where the signing key came from. */
export interface SigningKeySource {
  file: string;
  /** True for the development key the platform made itself (no ZHENGSHU_SIGNING_KEY_FILE). */
  development: boolean;
  /** True when this start wrote the development key. */
  generated: boolean;
}

/** The platform's signer: signs what it hands out, verifies against every key it ever published. */
export interface Signer {
  key: SigningKey;
  source: SigningKeySource;
  /** Signs a record or document; other modules call this (e.g. for a shared data set's receipt). */
  signDocument<T>(payload: T): SignedEnvelope<T>;
  /** Verifies an envelope against the published keys (current and retired). */
  verify(envelope: unknown): Promise<SignerVerdict>;
  /** Every published key, current first. */
  publishedKeys(): Promise<StoredSigningKey[]>;
}

/** A verdict, and for a valid one whether its key is still the current one. */
export type SignerVerdict =
  | (Extract<EnvelopeVerdict, { valid: true }> & { keyStatus: 'current' | 'retired' })
  | Extract<EnvelopeVerdict, { valid: false }>;

/** The development key's file when no key file is configured: beside the data directory, never in it
 * (a PGlite backup dumps the data directory, and a private key must not travel in a backup). */
export function developmentKeyFile(config: Pick<Config, 'dataDir'>, alg: SigningAlgorithm): string {
  return path.join(`${config.dataDir}-keys`, alg === 'SM2-SM3' ? 'signing-sm2.pem' : 'signing-ed25519.pem');
}

/** Writes a new private key file (0600, in a 0700 directory); refuses to overwrite one. */
export function writeKeyFile(file: string, privateKeyPem: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, privateKeyPem, { mode: 0o600, flag: 'wx' });
}

/**
 * Reads the signing key: from ZHENGSHU_SIGNING_KEY_FILE when set (a missing or malformed file, or
 * one of the other suite's algorithm, throws a sentence that stops the start), otherwise the
 * development key beside the data directory, made on first use.
 */
export function loadSigningKey(config: Pick<Config, 'dataDir' | 'signingKeyFile' | 'cryptoSuite'>): {
  key: SigningKey;
  source: SigningKeySource;
} {
  const alg = signingAlgorithmOf(config.cryptoSuite);
  const configured = config.signingKeyFile;
  const file = configured ?? developmentKeyFile(config, alg);
  let generated = false;
  if (!configured && !fs.existsSync(file)) {
    writeKeyFile(file, generateSigningKey(alg).privateKeyPem);
    generated = true;
  }
  const name = configured ? `ZHENGSHU_SIGNING_KEY_FILE=${file}` : `the development signing key ${file}`;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(
      `${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  let key: SigningKey;
  try {
    key = parseSigningKey(text);
  } catch (error) {
    throw new Error(`${name} is not a usable signing key: ${(error as Error).message}`);
  }
  if (key.alg !== alg)
    throw new Error(
      `${name} holds an ${key.alg} key, but ZHENGSHU_CRYPTO_SUITE=${config.cryptoSuite} signs with ${alg}`,
    );
  return { key, source: { file, development: !configured, generated } };
}

/** Loads the key, publishes its public half (retiring the previous current key) and returns the signer. */
export async function openSigner(database: Database, config: Config): Promise<Signer> {
  const { key, source } = loadSigningKey(config);
  await database.db.transaction().execute(async (trx) => {
    if (await activateSigningKey(trx, key))
      await recordAudit(trx, systemContext('signing'), {
        action: 'security.signing_key.activate',
        targetType: 'signing_key',
        targetId: key.keyId,
        detail: { alg: key.alg, development: source.development },
      });
  });
  return {
    key,
    source,
    signDocument: (payload) => signWithKey(key, payload),
    async verify(envelope) {
      const keyId = (envelope as { keyId?: unknown } | null)?.keyId;
      const stored = typeof keyId === 'string' ? await findSigningKey(database.db, keyId) : undefined;
      const verdict = verifyEnvelope(envelope, (id) => (stored && stored.keyId === id ? stored : undefined));
      if (!verdict.valid) return verdict;
      return { ...verdict, keyStatus: stored?.retiredAt ? 'retired' : 'current' };
    },
    publishedKeys: () => listSigningKeys(database.db),
  };
}
