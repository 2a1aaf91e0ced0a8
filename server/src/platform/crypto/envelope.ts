import {
  isSigningAlgorithm,
  keyIdOfPem,
  verifySignature,
  type PublicSigningKey,
  type SigningAlgorithm,
  type SigningKey,
} from './signing.ts';

/** The format name every signed envelope carries (its version changes only with the signed bytes). */
export const ENVELOPE_FORMAT = 'zhengshu-signed/1';

/**
 * A signed record or document: the payload as JSON, and who signed it how and when. The signature
 * covers the canonical JSON of every field but `signature` (so neither the time nor the key id can
 * be changed afterwards), in base64.
 */
export interface SignedEnvelope<T = unknown> {
  format: typeof ENVELOPE_FORMAT;
  alg: SigningAlgorithm;
  keyId: string;
  /** ISO 8601 UTC time of signing. */
  signedAt: string;
  payload: T;
  signature: string;
}

/** Why an envelope does not verify. */
export type EnvelopeProblem =
  /** Not an envelope at all: a field is missing or of the wrong type. */
  | 'malformed'
  /** A format this version does not know. */
  | 'unsupported_format'
  /** An algorithm that is not SM2-SM3 or Ed25519. */
  | 'unknown_algorithm'
  /** No published key has this id. */
  | 'unknown_key'
  /** The key with this id is of another algorithm than the envelope names. */
  | 'algorithm_mismatch'
  /** The signature does not match the content: the data (or the time, or the key id) was changed. */
  | 'bad_signature';

/** The outcome of {@link verifyEnvelope}. */
export type EnvelopeVerdict =
  | { valid: true; alg: SigningAlgorithm; keyId: string; signedAt: string }
  | { valid: false; problem: EnvelopeProblem; detail: string };

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key]!);
    return sorted;
  }
  return value;
}

/**
 * The JSON value of a payload as it will be signed: what JSON.stringify makes of it (dates become
 * strings, undefined fields go), with object keys sorted at every level. Throws for values JSON
 * cannot carry (a bigint, a cycle, a non-finite number).
 */
export function canonicalValue(payload: unknown): Json {
  const text = JSON.stringify(payload, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('a signed payload cannot hold NaN or Infinity');
    return value;
  });
  if (text === undefined) throw new Error('the payload has no JSON value');
  return sortKeys(JSON.parse(text) as Json);
}

/** Canonical JSON text: sorted keys, no whitespace (the bytes a signature covers). */
export function canonicalJson(payload: unknown): string {
  return JSON.stringify(canonicalValue(payload));
}

function signedBytes(envelope: Omit<SignedEnvelope, 'signature'>): Buffer {
  const { format, alg, keyId, signedAt, payload } = envelope;
  return Buffer.from(canonicalJson({ format, alg, keyId, signedAt, payload }), 'utf8');
}

/** Signs a payload with a key: the envelope to hand out, store or attach beside a document. */
export function signWithKey<T>(key: SigningKey, payload: T, now: Date = new Date()): SignedEnvelope<T> {
  const unsigned = {
    format: ENVELOPE_FORMAT,
    alg: key.alg,
    keyId: key.keyId,
    signedAt: now.toISOString(),
    payload: canonicalValue(payload) as T,
  } as const;
  return { ...unsigned, signature: key.sign(signedBytes(unsigned)).toString('base64') };
}

const invalid = (problem: EnvelopeProblem, detail: string): EnvelopeVerdict => ({
  valid: false,
  problem,
  detail,
});

/**
 * Verifies an envelope against the published keys (`keyOf` finds one by id, including retired
 * keys, so old signatures keep verifying after a key change). Details are English sentences; the
 * API translates the problem code.
 */
export function verifyEnvelope(
  envelope: unknown,
  keyOf: (keyId: string) => PublicSigningKey | undefined,
): EnvelopeVerdict {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope))
    return invalid('malformed', 'an envelope is a JSON object');
  const e = envelope as Record<string, unknown>;
  for (const field of ['format', 'alg', 'keyId', 'signedAt', 'signature'] as const) {
    if (typeof e[field] !== 'string')
      return invalid('malformed', `the field "${field}" is missing or not a string`);
  }
  if (!('payload' in e)) return invalid('malformed', 'the field "payload" is missing');
  if (e.format !== ENVELOPE_FORMAT)
    return invalid('unsupported_format', `unknown format "${String(e.format)}"`);
  if (!isSigningAlgorithm(e.alg)) return invalid('unknown_algorithm', `unknown algorithm "${String(e.alg)}"`);
  const keyId = e.keyId as string;
  const key = keyOf(keyId);
  if (!key || keyIdOfPem(key.alg, key.publicKeyPem) !== keyId)
    return invalid('unknown_key', `no published signing key has the id ${keyId}`);
  if (key.alg !== e.alg)
    return invalid('algorithm_mismatch', `the key ${keyId} is an ${key.alg} key, the envelope says ${e.alg}`);
  const signature = Buffer.from(e.signature as string, 'base64');
  let bytes: Buffer;
  try {
    bytes = signedBytes({
      format: ENVELOPE_FORMAT,
      alg: e.alg,
      keyId,
      signedAt: e.signedAt as string,
      payload: e.payload,
    });
  } catch (error) {
    return invalid('malformed', (error as Error).message);
  }
  if (!verifySignature(key, bytes, signature))
    return invalid(
      'bad_signature',
      'the signature does not match the content: the data was changed after signing',
    );
  return { valid: true, alg: e.alg, keyId, signedAt: e.signedAt as string };
}
