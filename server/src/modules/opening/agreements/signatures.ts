// Signatures of a data usage agreement and the signed package anyone can check without the
// platform. Each side signs the canonical JSON of { agreementId, number, digest, party,
// signerUserId, signerName, signedAt } — the document enters through its SM3 digest, so a changed
// document cannot carry an earlier signature. The exact signed text is stored and handed out
// (`signedPayload`), so a verifier checks those bytes and never re-serialises anything.
import { canonicalJson } from '../../../platform/crypto/envelope.ts';
import {
  isSigningAlgorithm,
  keyIdOfPem,
  verifySignature,
  type SigningAlgorithm,
  type SigningKey,
} from '../../../platform/crypto/signing.ts';
import type { AgreementParty } from '../conditional.tables.ts';
import { agreementDigest } from './agreement-document.ts';

/** The format name of a signed agreement package (changes only with what is signed). */
export const AGREEMENT_PACKAGE_FORMAT = 'zhengshu-agreement/1';

/** What one side's signature covers. */
export interface SignedPayload {
  agreementId: string;
  number: string;
  digest: string;
  party: AgreementParty;
  signerUserId: string;
  signerName: string;
  /** ISO 8601 UTC time of signing. */
  signedAt: string;
}

/** The exact text a side signs: canonical JSON (sorted keys, no whitespace), signed as UTF-8. */
export function signedPayloadText(payload: SignedPayload): string {
  return canonicalJson(payload);
}

/** One side's signature as the package carries it. */
export interface PackageSignature {
  party: AgreementParty;
  signerName: string;
  signedAt: string;
  alg: SigningAlgorithm;
  keyId: string;
  publicKeyPem: string;
  /** The signed text itself (see {@link signedPayloadText}). */
  signedPayload: string;
  /** Base64. */
  signature: string;
}

/** The signed agreement as handed out: the document, its digest and both sides' signatures. */
export interface AgreementPackage {
  format: typeof AGREEMENT_PACKAGE_FORMAT;
  number: string;
  document: string;
  digest: string;
  signatures: PackageSignature[];
}

/** Signs an agreement for one side with the side's key. */
export function signAgreement(key: SigningKey, payload: SignedPayload): PackageSignature {
  const signedPayload = signedPayloadText(payload);
  return {
    party: payload.party,
    signerName: payload.signerName,
    signedAt: payload.signedAt,
    alg: key.alg,
    keyId: key.keyId,
    publicKeyPem: key.publicKeyPem,
    signedPayload,
    signature: key.sign(Buffer.from(signedPayload, 'utf8')).toString('base64'),
  };
}

/** Why a signature of a package does not hold. */
export type SignatureProblem =
  /** A field is missing or of the wrong type, or the signed text is not the payload's JSON. */
  | 'malformed'
  /** Neither SM2-SM3 nor Ed25519. */
  | 'unknown_algorithm'
  /** The key id is not the fingerprint of the public key given. */
  | 'key_id_mismatch'
  /** The signed text names another agreement, digest or side than the package says. */
  | 'payload_mismatch'
  /** The signature does not match the signed text under the key. */
  | 'bad_signature';

/** The check of one signature. */
export interface SignatureVerdict {
  index: number;
  party: string | null;
  /** From the signed text when it parses (what was signed, not what the package claims beside it). */
  signerName: string | null;
  signedAt: string | null;
  alg: string | null;
  keyId: string | null;
  valid: boolean;
  problem: SignatureProblem | null;
}

/** The check of a package, without the platform's records. */
export interface PackageVerdict {
  /** The format is known and the fields have their types. */
  wellFormed: boolean;
  /** The SM3 of the document's UTF-8 bytes is the digest the package states. */
  digestMatches: boolean;
  signatures: SignatureVerdict[];
  /** Well formed, the digest matches and every signature holds (at most one per side). */
  valid: boolean;
  /** Valid, and signed by both sides. */
  complete: boolean;
}

const isText = (value: unknown): value is string => typeof value === 'string';

function parsePayload(text: string): SignedPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const p = value as Record<string, unknown>;
  const fields = ['agreementId', 'number', 'digest', 'party', 'signerUserId', 'signerName', 'signedAt'];
  if (!fields.every((field) => isText(p[field])) || Object.keys(p).length !== fields.length) return null;
  // Only the canonical form is accepted: the bytes signed are the bytes a verifier reads.
  if (canonicalJson(p) !== text) return null;
  return p as unknown as SignedPayload;
}

function verifyOne(
  raw: unknown,
  index: number,
  expected: { number: string; digest: string } | null,
): SignatureVerdict {
  const verdict = (problem: SignatureProblem | null, payload?: SignedPayload | null): SignatureVerdict => {
    const s = (raw ?? {}) as Record<string, unknown>;
    return {
      index,
      party: payload?.party ?? (isText(s.party) ? s.party : null),
      signerName: payload?.signerName ?? null,
      signedAt: payload?.signedAt ?? null,
      alg: isText(s.alg) ? s.alg : null,
      keyId: isText(s.keyId) ? s.keyId : null,
      valid: problem === null,
      problem,
    };
  };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return verdict('malformed');
  const s = raw as Record<string, unknown>;
  const fields = ['party', 'alg', 'keyId', 'publicKeyPem', 'signedPayload', 'signature'] as const;
  if (!fields.every((field) => isText(s[field]))) return verdict('malformed');
  const payload = parsePayload(s.signedPayload as string);
  if (!payload) return verdict('malformed');
  if (!isSigningAlgorithm(s.alg)) return verdict('unknown_algorithm', payload);
  const alg = s.alg;
  let keyId: string;
  try {
    keyId = keyIdOfPem(alg, s.publicKeyPem as string);
  } catch {
    return verdict('malformed', payload);
  }
  if (keyId !== s.keyId) return verdict('key_id_mismatch', payload);
  if (
    !expected ||
    payload.number !== expected.number ||
    payload.digest !== expected.digest ||
    payload.party !== s.party ||
    (isText(s.signerName) && s.signerName !== payload.signerName) ||
    (isText(s.signedAt) && s.signedAt !== payload.signedAt)
  )
    return verdict('payload_mismatch', payload);
  const ok = verifySignature(
    { alg, keyId, publicKeyPem: s.publicKeyPem as string },
    Buffer.from(s.signedPayload as string, 'utf8'),
    Buffer.from(s.signature as string, 'base64'),
  );
  return verdict(ok ? null : 'bad_signature', payload);
}

/**
 * Checks a package as received (JSON of whatever shape): the digest against the document, and each signature
 * against its own public key and the package's number and digest. It says nothing about whether
 * the keys are the parties' (the platform's records and its attestation answer that).
 */
export function verifyPackage(body: unknown): PackageVerdict {
  const p = (body ?? {}) as Record<string, unknown>;
  const wellFormed =
    p.format === AGREEMENT_PACKAGE_FORMAT &&
    isText(p.number) &&
    isText(p.document) &&
    isText(p.digest) &&
    Array.isArray(p.signatures);
  const digestMatches = isText(p.document) && isText(p.digest) && agreementDigest(p.document) === p.digest;
  const expected = isText(p.number) && isText(p.digest) ? { number: p.number, digest: p.digest } : null;
  const raw: unknown[] = Array.isArray(p.signatures) ? (p.signatures as unknown[]) : [];
  const signatures = raw.map((signature, index) => verifyOne(signature, index, wellFormed ? expected : null));
  const parties = signatures.map((s) => s.party);
  const valid =
    wellFormed &&
    digestMatches &&
    signatures.every((s) => s.valid) &&
    new Set(parties).size === parties.length;
  const complete = valid && parties.includes('applicant') && parties.includes('provider');
  return { wellFormed, digestMatches, signatures, valid, complete };
}
