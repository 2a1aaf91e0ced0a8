import crypto from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { CryptoSuite } from '../crypto/suite.ts';

/**
 * The hash chain over the audit trail.
 *
 *   hash(n) = H( prev_hash | seq | body ), hex, lower case
 *
 * where `H` is the hash the event records in `hash_algorithm` (SM3 or SHA-256: the hash of the
 * crypto suite the installation ran when the sequencer chained it), `prev_hash` is hash(n-1) (64 zeros for seq 1), `seq` is the event's place in the chain in
 * decimal, `|` is a literal separator and `body` is every other column of the event, in a fixed
 * order, written as PostgreSQL writes a row value (`ROW(…)::text`): `(f1,f2,…)`, NULL as nothing,
 * a field quoted with `"` when it is empty or holds `"`, `\`, `(`, `)`, `,` or white space, and
 * `"`/`\` inside quotes doubled. That form is unambiguous, documented, and about four times cheaper
 * for the database to produce than any escaping done field by field in SQL.
 *
 * The body is built by the database itself (see {@link CHAIN_BODY_SQL}) so that the sequencer and
 * verify see exactly the same text on both engines: the time is hashed as whole microseconds since
 * the Unix epoch (a JS Date would drop the microseconds PostgreSQL keeps), the detail as the
 * canonical text form of jsonb (keys sorted, fixed spacing), uuids in their canonical lower case.
 *
 * The algorithm's name is not part of the hashed text, so the form is the same for every algorithm
 * and every SM3 link made before links recorded their algorithm keeps its hash. It is bound all the
 * same: verify recomputes each link with the algorithm the link names, and a relabelled link (SM3
 * made, SHA-256 named, or the reverse) would need the other function to give the very same 256-bit
 * value for the same text, which is a preimage of that function. Only algorithms listed in
 * {@link CHAIN_HASH_ALGORITHMS} are accepted, so a link cannot name a weaker one.
 */

/** The hashes a link can be made with, as `audit_events.hash_algorithm` names them. */
export type ChainHashAlgorithm = CryptoSuite['hash'];

/** Every hash a link may name; verify refuses a link naming another (or none). */
export const CHAIN_HASH_ALGORITHMS: readonly ChainHashAlgorithm[] = ['sm3', 'sha256'];

/** Whether a stored `hash_algorithm` names a hash the chain accepts. */
export function isChainHashAlgorithm(value: string): value is ChainHashAlgorithm {
  return (CHAIN_HASH_ALGORITHMS as readonly string[]).includes(value);
}

/** prev_hash of the first event in the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The columns of an event that go into its hash, in order, as SQL expressions. Never change this
 * list or its order: every existing hash depends on it. A column added to `audit_events` later is
 * not covered unless a new chain format is introduced; `hash_algorithm` (migration 0033) is left
 * out on purpose, see the top of this file.
 */
const BODY_COLUMNS = [
  'id',
  // extract() returns numeric since PG 14, so the microseconds are exact, not a rounded float.
  '(extract(epoch FROM occurred_at) * 1000000)::bigint',
  'actor_type',
  'actor_id',
  'actor_name',
  'actor_role',
  'department_id',
  'region_id',
  'action',
  'outcome',
  'target_type',
  'target_id',
  'purpose',
  'request_id',
  'ip',
  'detail::text',
] as const;

/** The SQL expression for an event's chain body (without seq and prev_hash). */
export const CHAIN_BODY_SQL = `ROW(${BODY_COLUMNS.join(', ')})::text`;

/** The chain body as a Kysely raw expression, for select lists. */
export function chainBody(): RawBuilder<string> {
  return sql<string>`${sql.raw(CHAIN_BODY_SQL)}`;
}

// Node ≥ 20.12 has the one-shot crypto.hash, about twice as fast as createHash for short inputs.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** A chain hash (SM3 or SHA-256) of a UTF-8 string, hex. */
export function hashHex(algorithm: ChainHashAlgorithm, data: string): string {
  if (oneShot) return oneShot(algorithm, data, 'hex');
  return crypto.createHash(algorithm).update(data, 'utf8').digest('hex');
}

/**
 * The hash of an event at `seq` following `prevHash`, given its body from {@link CHAIN_BODY_SQL},
 * made with `algorithm` (SM3 unless named).
 */
export function linkHash(
  prevHash: string,
  seq: number,
  body: string,
  algorithm: ChainHashAlgorithm = 'sm3',
): string {
  return hashHex(algorithm, `${prevHash}|${seq}|${body}`);
}

/** Advisory-lock key held by the one sequencer at work ("zhau" in ASCII). */
export const SEQUENCER_LOCK_KEY = 0x7a686175;
