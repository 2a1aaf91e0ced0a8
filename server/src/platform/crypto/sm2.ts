import crypto from 'node:crypto';
import smCrypto from 'sm-crypto';

// SM2 signatures (GB/T 32918.2, GM/T 0009) with the SM3 digest.
//
// Node 20's OpenSSL 3.0 knows the SM2 curve, but node:crypto signs with it either as plain ECDSA
// (a key made by generateKeyPairSync('ec')) or as SM2 with an empty user id (a key read from PEM),
// and offers no way to pass the user id; exporting such a key as SEC1 even aborts the process. So:
// keys are handled as bytes here (PKCS#8 / SPKI built and read by hand, the public point from
// ECDH); signing is the SM2 equation below with the nonce and k·G from OpenSSL's ECDH (sm-crypto's
// own nonce comes from jsbn, which in Node seeds from Math.random — unusable for signing);
// verification, which needs no randomness, is sm-crypto's. Tests check both against the openssl
// command line, so the three implementations agree.

/** The default user id of GM/T 0009-2012 (ENTL 0x0080), used when a signer names none. */
export const SM2_DEFAULT_USER_ID = '1234567812345678';

const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');
const CURVE_A = 'FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC';
const CURVE_B = '28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93';
const GX = '32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7';
const GY = 'BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0';

/** DER of the OIDs id-ecPublicKey and sm2p256v1 as they sit in an AlgorithmIdentifier. */
const ALGORITHM_ID = Buffer.from('301306072a8648ce3d020106082a811ccf5501822d', 'hex');
const SM2_CURVE_OID = Buffer.from('06082a811ccf5501822d', 'hex');
/** `INTEGER 1, OCTET STRING (32)`: the start of an ECPrivateKey holding a 256-bit scalar. */
const EC_PRIVATE_KEY_START = Buffer.from('0201010420', 'hex');

/** An SM2 key pair as bytes: the 32-byte scalar and the 65-byte uncompressed point (04‖x‖y). */
export interface Sm2KeyPair {
  privateKey: Buffer;
  publicKey: Buffer;
}

function toBigInt(bytes: Buffer): bigint {
  return BigInt(`0x${bytes.toString('hex') || '0'}`);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const mod = (value: bigint) => ((value % N) + N) % N;

/** The public point of a private scalar (via OpenSSL's ECDH on the SM2 curve). */
export function sm2PublicKeyOf(privateKey: Buffer): Buffer {
  const d = toBigInt(privateKey);
  if (privateKey.length !== 32 || d < 1n || d >= N - 1n)
    throw new Error('not an SM2 private key (32-byte scalar in [1, n-2])');
  const ecdh = crypto.createECDH('SM2');
  ecdh.setPrivateKey(privateKey);
  return ecdh.getPublicKey();
}

/** A fresh SM2 key pair from OpenSSL's random generator. */
export function generateSm2KeyPair(): Sm2KeyPair {
  for (;;) {
    const ecdh = crypto.createECDH('SM2');
    ecdh.generateKeys();
    const privateKey = ecdh.getPrivateKey();
    // SM2 keys must lie in [1, n-2] (so that 1 + d is invertible); OpenSSL may hand out n-1.
    if (toBigInt(privateKey) < N - 1n)
      return {
        privateKey: Buffer.from(privateKey.toString('hex').padStart(64, '0'), 'hex'),
        publicKey: ecdh.getPublicKey(),
      };
  }
}

/** e = SM3(Z_A ‖ M) with Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A). */
function digest(message: Buffer, publicKey: Buffer, userId: string): bigint {
  const id = Buffer.from(userId, 'utf8');
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(id.length * 8);
  const z = crypto
    .createHash('sm3')
    .update(Buffer.concat([entl, id, Buffer.from(CURVE_A + CURVE_B + GX + GY, 'hex'), publicKey.subarray(1)]))
    .digest();
  return toBigInt(crypto.createHash('sm3').update(z).update(message).digest());
}

function derInteger(value: bigint): Buffer {
  let bytes = Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
  while (bytes.length > 1 && bytes[0] === 0 && bytes[1]! < 0x80) bytes = bytes.subarray(1);
  if (bytes[0]! >= 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}

/** Signs with SM2/SM3; the signature is DER `SEQUENCE { r, s }` as OpenSSL and GM/T 0009 write it. */
export function sm2Sign(message: Buffer, key: Sm2KeyPair, userId = SM2_DEFAULT_USER_ID): Buffer {
  const d = toBigInt(key.privateKey);
  const e = digest(message, key.publicKey, userId);
  const inverse = modPow(1n + d, N - 2n, N);
  for (;;) {
    const ecdh = crypto.createECDH('SM2');
    ecdh.generateKeys();
    const k = toBigInt(ecdh.getPrivateKey());
    const x1 = toBigInt(ecdh.getPublicKey().subarray(1, 33));
    const r = mod(e + x1);
    if (r === 0n || r + k === N) continue;
    const s = mod(inverse * (k - r * d));
    if (s === 0n) continue;
    const body = Buffer.concat([derInteger(r), derInteger(s)]);
    return Buffer.concat([Buffer.from([0x30, body.length]), body]);
  }
}

/** Checks an SM2/SM3 signature (DER) over a message; false for every malformed input. */
export function sm2Verify(
  message: Buffer,
  signature: Buffer,
  publicKey: Buffer,
  userId = SM2_DEFAULT_USER_ID,
): boolean {
  if (publicKey.length !== 65 || publicKey[0] !== 0x04 || signature.length < 8 || signature[0] !== 0x30)
    return false;
  try {
    return smCrypto.sm2.doVerifySignature(
      Array.from(message),
      signature.toString('hex'),
      publicKey.toString('hex'),
      {
        der: true,
        hash: true,
        userId,
      },
    );
  } catch {
    return false;
  }
}

/** PKCS#8 PEM of an SM2 key pair (what `openssl pkey` writes for an SM2 key). */
export function sm2PrivateKeyPem(key: Sm2KeyPair): string {
  const ecPrivateKey = Buffer.concat([
    Buffer.from('306b', 'hex'),
    EC_PRIVATE_KEY_START,
    key.privateKey,
    Buffer.from('a144034200', 'hex'),
    key.publicKey,
  ]);
  const der = Buffer.concat([
    Buffer.from('308187020100', 'hex'),
    ALGORITHM_ID,
    Buffer.from('046d', 'hex'),
    ecPrivateKey,
  ]);
  return pem('PRIVATE KEY', der);
}

/** SubjectPublicKeyInfo DER of an SM2 public point. */
export function sm2PublicKeyDer(publicKey: Buffer): Buffer {
  return Buffer.concat([Buffer.from('3059', 'hex'), ALGORITHM_ID, Buffer.from('034200', 'hex'), publicKey]);
}

/** SPKI PEM of an SM2 public point. */
export function sm2PublicKeyPem(publicKey: Buffer): string {
  return pem('PUBLIC KEY', sm2PublicKeyDer(publicKey));
}

/** The public point in an SM2 SPKI (PEM or DER); throws when it is not one. */
export function sm2PublicKeyFromSpki(spki: Buffer): Buffer {
  if (spki.length !== 91 || !spki.subarray(2, 23).equals(ALGORITHM_ID))
    throw new Error('not an SM2 public key');
  return spki.subarray(26);
}

/**
 * Reads the private scalar out of an SM2 key in DER (PKCS#8 or SEC1 `EC PRIVATE KEY`); null when
 * the DER names another curve. The public point is recomputed, not trusted from the file.
 */
export function sm2KeyFromDer(der: Buffer): Sm2KeyPair | null {
  if (der.indexOf(SM2_CURVE_OID) < 0) return null;
  const at = der.indexOf(EC_PRIVATE_KEY_START);
  if (at < 0 || at + EC_PRIVATE_KEY_START.length + 32 > der.length) return null;
  const privateKey = Buffer.from(
    der.subarray(at + EC_PRIVATE_KEY_START.length, at + EC_PRIVATE_KEY_START.length + 32),
  );
  return { privateKey, publicKey: sm2PublicKeyOf(privateKey) };
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
