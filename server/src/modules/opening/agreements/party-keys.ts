// Signing keys of the parties to agreements: a public user's own, and one per provider department
// (whoever of its staff signs, the department is the party). The platform makes a key on the
// owner's first signature, with the algorithm of the configured suite, and keeps the private half
// sealed with the keyring. The sealing AAD names the owner and the algorithm, so a sealed key
// copied onto another owner's row does not open: a database reader can neither sign nor swap keys.
import type { Kysely } from 'kysely';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { open, seal } from '../../../platform/crypto/seal.ts';
import {
  generateSigningKey,
  parseSigningKey,
  type SigningAlgorithm,
  type SigningKey,
} from '../../../platform/crypto/signing.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { findPartyKey, insertPartyKey, type PartyKeyRow } from './agreements.repository.ts';

/** Who holds a signing key. */
export interface KeyOwner {
  type: 'user' | 'department';
  id: string;
}

/** The AAD a party's private key is sealed under: its owner and algorithm. */
export function partyKeyAad(owner: KeyOwner, alg: SigningAlgorithm): Buffer {
  return Buffer.from(`party-signing-key:${owner.type}:${owner.id}:${alg}`, 'utf8');
}

/** Opens a stored key; throws when it was sealed for another owner or its public half was changed. */
export function openPartyKey(keyring: Keyring, row: PartyKeyRow): SigningKey {
  const alg = row.alg as SigningAlgorithm;
  // PGlite hands bytea back as a plain Uint8Array; the sealed format reads it as a Buffer.
  const sealed = Buffer.from(row.private_key_sealed);
  const pem = open(keyring, sealed, partyKeyAad({ type: row.owner_type, id: row.owner_id }, alg));
  const key = parseSigningKey(pem.toString('utf8'));
  if (key.alg !== alg || key.keyId !== row.key_id || key.publicKeyPem !== row.public_key_pem)
    throw new Error(
      `the stored signing key of ${row.owner_type} ${row.owner_id} does not match its public key`,
    );
  return key;
}

/**
 * The owner's signing key for `alg`, made and stored (sealed) on first use, in the caller's
 * transaction. Two first signatures at once keep one key: the loser of the insert reads the winner's.
 */
export async function partySigningKey(
  trx: Kysely<DB>,
  keyring: Keyring,
  owner: KeyOwner,
  alg: SigningAlgorithm,
): Promise<SigningKey> {
  const stored = await findPartyKey(trx, owner, alg);
  if (stored) return openPartyKey(keyring, stored);
  const { key, privateKeyPem } = generateSigningKey(alg);
  await insertPartyKey(trx, {
    owner_type: owner.type,
    owner_id: owner.id,
    alg,
    key_id: key.keyId,
    public_key_pem: key.publicKeyPem,
    private_key_sealed: seal(keyring, Buffer.from(privateKeyPem, 'utf8'), partyKeyAad(owner, alg)),
  });
  return openPartyKey(keyring, (await findPartyKey(trx, owner, alg))!);
}
