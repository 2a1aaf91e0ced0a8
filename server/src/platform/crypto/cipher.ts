import crypto from 'node:crypto';
import { Sm3PrefixMac } from './sm3-mac.ts';
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

// Nonces come from the CSPRNG a few KiB at a time: one randomBytes call per value cost more than
// the cipher itself (≈ 11 µs a call, measured). Each slice is handed out once, never again.
const RANDOM_POOL_BYTES = 4096;
let randomPool = Buffer.alloc(0);
let randomAt = 0;

/** `bytes` fresh random bytes from the pool (a view; the caller only reads it). */
function freshRandom(bytes: number): Buffer {
  if (randomAt + bytes > randomPool.length) {
    randomPool = crypto.randomBytes(RANDOM_POOL_BYTES);
    randomAt = 0;
  }
  const out = randomPool.subarray(randomAt, randomAt + bytes);
  randomAt += bytes;
  return out;
}

/**
 * Encrypts `plaintext` under `key`, authenticating `aad` too; returns nonce, ciphertext and tag.
 * `aad` must be self-delimiting (callers build it from a header with lengths).
 */
export function encryptParts(key: DataKey, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const { cipherKey, macKey } = prepare(key);
  const { nonceBytes } = shapeOf(key.algorithm);
  const nonce = freshRandom(nonceBytes);
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

/** Encrypts one value of a series; returns nonce ‖ ciphertext (one buffer) and the tag. */
export type Encryptor = (plaintext: Buffer) => [nonceAndBody: Buffer, tag: Buffer];

const BLOCK = 16;

/**
 * Encrypts many values under one key and one AAD (a column of a load) in `encryptParts`' format,
 * so `decryptParts` opens each. For SM4-CBC + HMAC-SM3 one CBC cipher (no padding) and one MAC set-up
 * (`Sm3PrefixMac`) serve the whole series instead of one each per value, which OpenSSL 3 makes
 * costly (measured: ≈ 8 µs a cipher, 3–6 µs an HMAC, beside ≈ 2 µs for the work): each value is fed as R ‖ P ‖ pad
 * with R a fresh random block, so the block that comes out first, E(R ⊕ previous ciphertext block),
 * is an unpredictable IV (SP 800-38A, appendix C: an IV may be made by enciphering a nonce) and the
 * blocks after it are exactly P enciphered in CBC under that IV. R itself is never stored.
 */
export function createEncryptor(key: DataKey, aad: Buffer): Encryptor {
  const { cipherKey, macKey } = prepare(key);
  if (!macKey)
    return (plaintext) => {
      const [nonce, body, tag] = encryptParts(key, plaintext, aad);
      return [Buffer.concat([nonce, body]), tag];
    };
  // The tag is HMAC-SM3(aad ‖ IV ‖ body), as `encryptParts` makes it, from precomputed pad states.
  const mac = new Sm3PrefixMac(macKey.export(), aad);
  const chain = crypto.createCipheriv('sm4-cbc', cipherKey, Buffer.alloc(BLOCK));
  chain.setAutoPadding(false);
  return (plaintext) => {
    const pad = BLOCK - (plaintext.length % BLOCK);
    const input = Buffer.allocUnsafe(BLOCK + plaintext.length + pad);
    freshRandom(BLOCK).copy(input, 0);
    plaintext.copy(input, BLOCK);
    input.fill(pad, BLOCK + plaintext.length);
    const out = chain.update(input);
    // Whole blocks in, whole blocks out: a CBC encryptor without padding holds nothing back.
    if (out.length !== input.length) throw new Error('sm4-cbc returned a partial series');
    input.fill(0, BLOCK);
    return [out, mac.tag(out)];
  };
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

/** The parts of one sealed value, for opening many values of one key at once. */
export interface SealedParts {
  nonce: Buffer;
  body: Buffer;
  tag: Buffer;
  aad: Buffer;
}

/**
 * Checks and decrypts many values of one key (a page of a column): the result holds each value's
 * plaintext or its `CryptoError`, in order. For SM4-CBC + HMAC-SM3 every MAC is checked first, in
 * constant time; only the values that pass are deciphered, all with one CBC decipher over
 * IV ‖ body ‖ IV ‖ body …: a CBC block decrypts to D(C) XOR the block before it, so each value's
 * blocks come out right behind its own IV (the IV blocks' outputs are dropped), and one native
 * decipher replaces one per value. The padding is then checked by hand (PKCS#7, as `final` would).
 */
export function decryptManyParts(key: DataKey, items: SealedParts[]): Array<Buffer | CryptoError> {
  const { cipherKey, macKey } = prepare(key);
  if (!macKey)
    return items.map((item) => {
      try {
        return decryptParts(key, item.nonce, item.body, item.tag, item.aad);
      } catch (error) {
        if (error instanceof CryptoError) return error;
        throw error;
      }
    });
  const results: Array<Buffer | CryptoError> = new Array<Buffer | CryptoError>(items.length);
  const passed: number[] = [];
  const chunks: Buffer[] = [];
  for (let index = 0; index < items.length; index++) {
    const { nonce, body, tag, aad } = items[index]!;
    const expected = crypto.createHmac('sm3', macKey).update(aad).update(nonce).update(body).digest();
    if (
      tag.length !== expected.length ||
      !crypto.timingSafeEqual(tag, expected) ||
      nonce.length !== BLOCK ||
      body.length === 0 ||
      body.length % BLOCK !== 0
    ) {
      results[index] = new CryptoError('tampered', TAMPERED);
      continue;
    }
    passed.push(index);
    chunks.push(nonce, body);
  }
  if (passed.length === 0) return results;
  const decipher = crypto.createDecipheriv('sm4-cbc', cipherKey, Buffer.alloc(BLOCK));
  decipher.setAutoPadding(false);
  const plain = decipher.update(Buffer.concat(chunks));
  decipher.final();
  let offset = 0;
  for (const index of passed) {
    const length = items[index]!.body.length;
    const start = offset + BLOCK;
    offset = start + length;
    const pad = plain[offset - 1]!;
    let good = pad >= 1 && pad <= BLOCK;
    for (let at = offset - pad; good && at < offset; at++) good = plain[at] === pad;
    results[index] = good ? plain.subarray(start, offset - pad) : new CryptoError('tampered', TAMPERED);
  }
  return results;
}
