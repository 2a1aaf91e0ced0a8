import crypto from 'node:crypto';

/**
 * The algorithm suites an installation can choose (ZHENGSHU_CRYPTO_SUITE): `sm` uses the Chinese
 * commercial cryptography algorithms (SM4, SM3; GB/T 32907, GB/T 32905), `intl` the international
 * ones (AES-256-GCM, SHA-256).
 */
export type SuiteId = 'sm' | 'intl';

/** The data-key algorithms a key in the keyring can have; every sealed value names its key's. */
export type AlgorithmId = 'sm4-gcm' | 'sm4-cbc-hmac-sm3' | 'aes-256-gcm';

/** A suite resolved against what this Node's OpenSSL offers. */
export interface CryptoSuite {
  id: SuiteId;
  /** The algorithm new data keys get. */
  algorithm: AlgorithmId;
  /** The hash the suite signs and derives with (`sm3` or `sha256`, names node:crypto accepts). */
  hash: 'sm3' | 'sha256';
}

/** Every known algorithm, in a fixed order: the index is the algorithm byte of a sealed header. */
export const ALGORITHMS: readonly AlgorithmId[] = ['sm4-gcm', 'sm4-cbc-hmac-sm3', 'aes-256-gcm'];

/** Whether node:crypto can run SM4 in GCM mode (OpenSSL 3.0 builds commonly lack it). */
export function sm4GcmAvailable(): boolean {
  return crypto.getCiphers().includes('sm4-gcm');
}

/** Whether this process can run the algorithm at all (SM4 and SM3 need an OpenSSL that has them). */
export function algorithmAvailable(algorithm: AlgorithmId): boolean {
  const ciphers = crypto.getCiphers();
  if (algorithm === 'sm4-gcm') return ciphers.includes('sm4-gcm');
  if (algorithm === 'sm4-cbc-hmac-sm3')
    return ciphers.includes('sm4-cbc') && crypto.getHashes().includes('sm3');
  return ciphers.includes('aes-256-gcm');
}

/** Whether a string names a suite. */
export function isSuiteId(value: string): value is SuiteId {
  return value === 'sm' || value === 'intl';
}

/** Whether a string names a key algorithm. */
export function isAlgorithmId(value: string): value is AlgorithmId {
  return (ALGORITHMS as readonly string[]).includes(value);
}

/** The hash of a suite (SM3 for `sm`, SHA-256 for `intl`), without asking OpenSSL for its cipher. */
export function hashOfSuite(id: SuiteId): CryptoSuite['hash'] {
  return id === 'intl' ? 'sha256' : 'sm3';
}

/**
 * Resolves a suite: `sm` prefers SM4-GCM and falls back to SM4-CBC with HMAC-SM3
 * (encrypt-then-MAC) when OpenSSL has no SM4-GCM; `intl` is AES-256-GCM.
 */
export function resolveSuite(id: SuiteId): CryptoSuite {
  if (id === 'intl') return { id, algorithm: 'aes-256-gcm', hash: hashOfSuite(id) };
  const algorithm: AlgorithmId = sm4GcmAvailable() ? 'sm4-gcm' : 'sm4-cbc-hmac-sm3';
  if (!algorithmAvailable(algorithm)) {
    throw new Error(
      'ZHENGSHU_CRYPTO_SUITE=sm needs SM4 and SM3 in Node’s OpenSSL; this build has neither — use ZHENGSHU_CRYPTO_SUITE=intl',
    );
  }
  return { id, algorithm, hash: hashOfSuite(id) };
}
