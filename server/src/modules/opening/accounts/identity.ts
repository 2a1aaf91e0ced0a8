// Identity numbers of public users: their checks (GB 11643 citizen IDs, GB 32100 credit codes),
// the masked form shown back, and the two protected forms stored (a keyed digest and a sealed value).
import crypto from 'node:crypto';
import type { DataKey } from '../../../platform/crypto/cipher.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { open, seal } from '../../../platform/crypto/seal.ts';
import { citizenIdCheckChar, isValidCitizenId } from '../../../platform/identifiers/citizen-id.ts';
import { creditCodeCheckChar } from '../../../platform/identifiers/credit-code.ts';
import { valueMasker } from '../../../platform/masking/values.ts';

/** The kinds of open-data account: a natural person (citizen ID) or an organisation (credit code). */
export type AccountKind = 'natural' | 'organisation';

/** How an identity was authenticated: by structure and check digit, or by the configured HTTP service. */
export type VerifyMethod = 'check-digit' | 'http';

/** The person type `users` records for an account kind (an organisation is recorded as a legal person). */
export const personTypeOf = (kind: AccountKind) => (kind === 'natural' ? 'natural' : 'legal');

/** The account kind of a stored person type. */
export const kindOf = (personType: string): AccountKind =>
  personType === 'natural' ? 'natural' : 'organisation';

/** The number as people write it, made canonical: no spaces, capital letters (x → X). */
export function normaliseNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** Why a citizen ID number is refused (a message key), or null when it is valid. */
export function citizenIdProblem(number: string): string | null {
  if (!/^[0-9]{17}[0-9X]$/.test(number)) return 'open.account.citizen_id_format';
  if (citizenIdCheckChar(number.slice(0, 17)) !== number[17]) return 'open.account.citizen_id_check';
  // Format and check character are right, so what is left is the birth date.
  if (!isValidCitizenId(number)) return 'open.account.citizen_id_birth';
  return null;
}

/** Why a unified social credit code is refused (a message key), or null when it is valid. */
export function creditCodeProblem(number: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(number)) return 'open.account.credit_code_format';
  if (creditCodeCheckChar(number.slice(0, 17)) !== number[17]) return 'open.account.credit_code_check';
  return null;
}

/** Why an identity number of a kind is refused, or null. */
export function identityProblem(kind: AccountKind, number: string): string | null {
  return kind === 'natural' ? citizenIdProblem(number) : creditCodeProblem(number);
}

// The masking library's rules: a citizen ID keeps its region code and last four (500103********1234);
// a credit code keeps the same six leading and four trailing characters (the code is public record,
// but an account page need not repeat it whole).
const maskCitizenId = valueMasker({ kind: 'citizen_id' }, 'C');
const maskCreditCode = valueMasker({ kind: 'partial', keepStart: 6, keepEnd: 4 }, 'C');
const maskMobileNumber = valueMasker({ kind: 'mobile' }, 'C');

/** The masked display form of an identity number. */
export function maskIdentity(kind: AccountKind, number: string): string {
  return String((kind === 'natural' ? maskCitizenId : maskCreditCode)(number));
}

/** The masked display form of a mobile number (138****1234). */
export function maskMobile(mobile: string): string {
  return String(maskMobileNumber(mobile));
}

// The digest key is derived from a data key, never the data key itself (no key reuse across uses).
const digestKeys = new WeakMap<DataKey, Buffer>();
function digestKeyOf(key: DataKey): Buffer {
  let derived = digestKeys.get(key);
  if (!derived) {
    derived = crypto.createHmac(hashOf(key), key.material).update('zhengshu/identity-digest/v1').digest();
    digestKeys.set(key, derived);
  }
  return derived;
}
const hashOf = (key: DataKey) => (key.algorithm === 'aes-256-gcm' ? 'sha256' : 'sm3');

/**
 * The keyed digest of an identity under one data key: HMAC (SM3, or SHA-256 for an `intl` key) of
 * kind and number. Keyed with a key held outside the database, so the few billion possible
 * citizen IDs cannot be tried against the column by someone who can only read the database.
 */
export function identityDigest(key: DataKey, kind: AccountKind, number: string): string {
  return crypto.createHmac(hashOf(key), digestKeyOf(key)).update(`${kind}:${number}`).digest('hex');
}

/**
 * The digests of an identity under every key of the keyring: a lookup must find accounts
 * registered before a rotation too (each row names the key its digest was made with).
 */
export function identityDigests(keyring: Keyring, kind: AccountKind, number: string): string[] {
  return keyring.list().map(({ id }) => identityDigest(keyring.keyById(id)!, kind, number));
}

/** The AAD of a user's sealed identity number: bound to the row, so it cannot be moved to another. */
export function identityAad(userId: string): Buffer {
  return Buffer.from(`zhengshu/users/${userId}/identity_number`, 'utf8');
}

/** The protected forms of a new account's identity number. */
export interface ProtectedIdentity {
  digest: string;
  digestKey: string;
  masked: string;
  sealed: Buffer;
}

/** Digest (under the active key), masked form and sealed value of an identity number for a user row. */
export function protectIdentity(
  keyring: Keyring,
  userId: string,
  kind: AccountKind,
  number: string,
): ProtectedIdentity {
  const key = keyring.activeKey();
  return {
    digest: identityDigest(key, kind, number),
    digestKey: key.id,
    masked: maskIdentity(kind, number),
    sealed: seal(keyring, Buffer.from(number, 'utf8'), identityAad(userId)),
  };
}

/** Opens a user's sealed identity number (for the rare act that needs it whole, e.g. an agreement). */
export function openIdentity(keyring: Keyring, userId: string, sealed: Uint8Array): string {
  const bytes = Buffer.isBuffer(sealed)
    ? sealed
    : Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  return open(keyring, bytes, identityAad(userId)).toString('utf8');
}
