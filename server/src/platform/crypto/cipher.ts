import crypto from 'node:crypto';
import type { AlgorithmId } from './suite.ts';

/** Why sealed data could not be opened; `code` lets callers answer without parsing messages. */
export type CryptoErrorCode = 'malformed' | 'unknown-key' | 'tampered' | 'truncated' | 'unavailable';

/** A sealed value or stream that cannot be opened, with a plain reason. */
export class CryptoError extends Error {
  constructor(
    readonly code: CryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CryptoError';
  }
}

/** One data key: the material never leaves the keyring except into a cipher. */
export interface DataKey {
  id: string;
  algorithm: AlgorithmId;
  /** 32 random bytes; the cipher and MAC keys are derived from it. */
  material: Buffer;
  /** ISO timestamp of when the key was made. */
  created: string;
}

interface PreparedKey {
  cipherKey: crypto.KeyObject;
  macKey: crypto.KeyObject | null;
}

/** Sizes a sealed part has per algorithm. */
export interface AlgorithmShape {
  nonceBytes: number;
  tagBytes: number;
}

/** Nonce and tag sizes of an algorithm (GCM: 96-bit nonce, 128-bit tag; CBC-HMAC: IV and full SM3 tag). */
export function shapeOf(algorithm: AlgorithmId): AlgorithmShape {
  return algorithm === 'sm4-cbc-hmac-sm3'
    ? { nonceBytes: 16, tagBytes: 32 }
    : { nonceBytes: 12, tagBytes: 16 };
}

// Derived keys are cached per key object: deriving on every value would dominate small seals.
const prepared = new WeakMap<DataKey, PreparedKey>();

function derive(material: Buffer, label: string, bytes: number): Buffer {
  return crypto.createHmac('sm3', material).update(`zhengshu/${label}`).digest().subarray(0, bytes);
}

function prepare(key: DataKey): PreparedKey {
  let ready = prepared.get(key);
  if (ready) return ready;
  if (key.algorithm === 'aes-256-gcm') {
    ready = { cipherKey: crypto.createSecretKey(key.material), macKey: null };
  } else {
    // SM4 keys are 128 bits; a separate MAC key keeps encrypt-then-MAC sound (no key reuse).
    ready = {
      cipherKey: crypto.createSecretKey(derive(key.material, 'sm4', 16)),
      macKey:
        key.algorithm === 'sm4-cbc-hmac-sm3' ? crypto.createSecretKey(derive(key.material, 'mac', 32)) : null,
    };
  }
  prepared.set(key, ready);
  return ready;
}

function gcmName(algorithm: AlgorithmId): crypto.CipherGCMTypes {
  // Node's type lists only the AES GCM names; an OpenSSL with SM4-GCM takes 'sm4-gcm' the same way.
  return (algorithm === 'aes-256-gcm' ? 'aes-256-gcm' : 'sm4-gcm') as crypto.CipherGCMTypes;
}

/**
 * Encrypts `plaintext` under `key`, authenticating `aad` too; returns nonce, ciphertext and tag.
 * `aad` must be self-delimiting (callers build it from a header with lengths).
 */
export function encryptParts(key: DataKey, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const { cipherKey, macKey } = prepare(key);
  const { nonceBytes } = shapeOf(key.algorithm);
  const nonce = crypto.randomBytes(nonceBytes);
  if (macKey) {
    const cipher = crypto.createCipheriv('sm4-cbc', cipherKey, nonce);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const tag = crypto.createHmac('sm3', macKey).update(aad).update(nonce).update(body).digest();
    return [nonce, body, tag];
  }
  const cipher = crypto.createCipheriv(gcmName(key.algorithm), cipherKey, nonce, { authTagLength: 16 });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [nonce, body, cipher.getAuthTag()];
}

const TAMPERED = 'sealed data was altered or does not belong here (authentication failed)';

/** Checks and decrypts what `encryptParts` made; throws a `CryptoError('tampered')` on every mismatch. */
export function decryptParts(key: DataKey, nonce: Buffer, body: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const { cipherKey, macKey } = prepare(key);
  if (macKey) {
    const expected = crypto.createHmac('sm3', macKey).update(aad).update(nonce).update(body).digest();
    // MAC first, in constant time: a forged ciphertext never reaches the CBC decryption (no padding oracle).
    if (tag.length !== expected.length || !crypto.timingSafeEqual(tag, expected))
      throw new CryptoError('tampered', TAMPERED);
    try {
      const decipher = crypto.createDecipheriv('sm4-cbc', cipherKey, nonce);
      return Buffer.concat([decipher.update(body), decipher.final()]);
    } catch {
      throw new CryptoError('tampered', TAMPERED);
    }
  }
  try {
    const decipher = crypto.createDecipheriv(gcmName(key.algorithm), cipherKey, nonce, { authTagLength: 16 });
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new CryptoError('tampered', TAMPERED);
  }
}
