import type { NullableTimestamp, Timestamp } from '../db/schema.ts';

/** Row of `signing_keys`: the public half of a key the platform signs (or signed) with. */
export interface SigningKeyTable {
  key_id: string;
  alg: 'SM2-SM3' | 'Ed25519';
  public_key_pem: string;
  first_used_at: Timestamp;
  retired_at: NullableTimestamp;
}

/** Tables of the platform's signatures. */
export interface SigningTables {
  signing_keys: SigningKeyTable;
}
