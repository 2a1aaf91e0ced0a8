import crypto from 'node:crypto';
import {
  generateSm2KeyPair,
  sm2KeyFromDer,
  sm2PrivateKeyPem,
  sm2PublicKeyDer,
  sm2PublicKeyFromSpki,
  sm2PublicKeyOf,
  sm2Sign,
  sm2Verify,
  type Sm2KeyPair,
} from './sm2.ts';

/** Signature algorithms: SM2 with SM3 (the default, suite `sm`) or Ed25519 (suite `intl`). */
export type SigningAlgorithm = 'SM2-SM3' | 'Ed25519';

/** Every algorithm a signature may name. */
export const SIGNING_ALGORITHMS: readonly SigningAlgorithm[] = ['SM2-SM3', 'Ed25519'];

/** The algorithm a suite signs with (`sm` → SM2-SM3, `intl` → Ed25519). */
export function signingAlgorithmOf(suite: 'sm' | 'intl'): SigningAlgorithm {
  return suite === 'intl' ? 'Ed25519' : 'SM2-SM3';
}

/** Whether a string names a signing algorithm. */
export function isSigningAlgorithm(value: unknown): value is SigningAlgorithm {
  return typeof value === 'string' && (SIGNING_ALGORITHMS as readonly string[]).includes(value);
}

/** A private signing key with its public half and its key id. */
export interface SigningKey {
  alg: SigningAlgorithm;
  /** The fingerprint of the public key (see {@link keyIdOf}). */
  keyId: string;
  /** SubjectPublicKeyInfo PEM, the form published for verifiers. */
  publicKeyPem: string;
  sign(data: Buffer): Buffer;
}

/**
 * The key id: the first 16 bytes of the SM3 (SM2) or SHA-256 (Ed25519) hash of the public key's
 * SubjectPublicKeyInfo DER, hex, prefixed with the hash name — a stable name for the key that a
 * verifier can recompute from the published key.
 */
export function keyIdOf(alg: SigningAlgorithm, spkiDer: Buffer): string {
  const hash = alg === 'SM2-SM3' ? 'sm3' : 'sha256';
  return `${hash}:${crypto.createHash(hash).update(spkiDer).digest('hex').slice(0, 32)}`;
}

function pemBody(pemText: string): Buffer {
  return Buffer.from(pemText.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function sm2SigningKey(pair: Sm2KeyPair): SigningKey {
  const spki = sm2PublicKeyDer(pair.publicKey);
  return {
    alg: 'SM2-SM3',
    keyId: keyIdOf('SM2-SM3', spki),
    publicKeyPem: pemOf('PUBLIC KEY', spki),
    sign: (data) => sm2Sign(data, pair),
  };
}

function ed25519SigningKey(privateKey: crypto.KeyObject): SigningKey {
  const spki = crypto.createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return {
    alg: 'Ed25519',
    keyId: keyIdOf('Ed25519', spki),
    publicKeyPem: pemOf('PUBLIC KEY', spki),
    sign: (data) => crypto.sign(null, data, privateKey),
  };
}

function pemOf(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** A new key pair for an algorithm, with the PKCS#8 PEM to store it in a key file. */
export function generateSigningKey(alg: SigningAlgorithm): { key: SigningKey; privateKeyPem: string } {
  if (alg === 'SM2-SM3') {
    const pair = generateSm2KeyPair();
    return { key: sm2SigningKey(pair), privateKeyPem: sm2PrivateKeyPem(pair) };
  }
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return {
    key: ed25519SigningKey(privateKey),
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  };
}

// PKCS#8 of an Ed25519 key is this prefix and the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Reads a signing key file: PEM (PKCS#8 `PRIVATE KEY` of SM2 or Ed25519, or SEC1 `EC PRIVATE KEY`
 * of SM2) or JSON `{ "alg": "SM2-SM3" | "Ed25519", "privateKey": "<hex>" }` (the 32-byte SM2 scalar
 * or Ed25519 seed, the form sm-crypto and many Chinese toolkits hand out). Throws a sentence naming
 * what is wrong; the caller adds the file name.
 */
export function parseSigningKey(text: string): SigningKey {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new Error('the key file is neither PEM nor valid JSON');
    }
    const { alg, privateKey } = (parsed ?? {}) as { alg?: unknown; privateKey?: unknown };
    if (!isSigningAlgorithm(alg)) throw new Error(`"alg" must be one of ${SIGNING_ALGORITHMS.join(', ')}`);
    if (typeof privateKey !== 'string' || !/^[0-9a-fA-F]{64}$/.test(privateKey))
      throw new Error('"privateKey" must be 64 hexadecimal digits (32 bytes)');
    const bytes = Buffer.from(privateKey, 'hex');
    if (alg === 'SM2-SM3') {
      return sm2SigningKey({ privateKey: bytes, publicKey: sm2PublicKeyOf(bytes) });
    }
    const key = crypto.createPrivateKey({
      key: Buffer.concat([ED25519_PKCS8_PREFIX, bytes]),
      format: 'der',
      type: 'pkcs8',
    });
    return ed25519SigningKey(key);
  }
  if (!/-----BEGIN (EC )?PRIVATE KEY-----/.test(trimmed))
    throw new Error('expected a PEM private key (BEGIN PRIVATE KEY or BEGIN EC PRIVATE KEY) or a JSON key');
  const der = pemBody(trimmed);
  const sm2 = sm2KeyFromDer(der);
  if (sm2) return sm2SigningKey(sm2);
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey({ key: trimmed, format: 'pem' });
  } catch (error) {
    throw new Error(`the PEM key cannot be read: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `the key is ${key.asymmetricKeyType ?? 'of an unknown type'}; signing keys are SM2 or Ed25519`,
    );
  return ed25519SigningKey(key);
}

/** A published public key as verifiers get it. */
export interface PublicSigningKey {
  alg: SigningAlgorithm;
  keyId: string;
  publicKeyPem: string;
}

/** Checks a signature with a published public key; false for every malformed input. */
export function verifySignature(key: PublicSigningKey, data: Buffer, signature: Buffer): boolean {
  try {
    const spki = pemBody(key.publicKeyPem);
    if (key.alg === 'SM2-SM3') return sm2Verify(data, signature, sm2PublicKeyFromSpki(spki));
    const publicKey = crypto.createPublicKey({ key: spki, format: 'der', type: 'spki' });
    if (publicKey.asymmetricKeyType !== 'ed25519') return false;
    return crypto.verify(null, data, publicKey, signature);
  } catch {
    return false;
  }
}

/** Recomputes a published key's id from its PEM (a verifier need not trust the id it was given). */
export function keyIdOfPem(alg: SigningAlgorithm, publicKeyPem: string): string {
  return keyIdOf(alg, pemBody(publicKeyPem));
}
