-- Public halves of the platform's signing keys (SM2 by default, Ed25519 under the intl suite).
-- The private key lives outside the database (ZHENGSHU_SIGNING_KEY_FILE). Every key that ever
-- signed stays here after a key change, so that documents signed before it keep verifying.
CREATE TABLE signing_keys (
  key_id text PRIMARY KEY,
  alg text NOT NULL CHECK (alg IN ('SM2-SM3', 'Ed25519')),
  public_key_pem text NOT NULL,
  first_used_at timestamptz NOT NULL DEFAULT now(),
  -- Set when another key became the current one; a retired key still verifies, it no longer signs.
  retired_at timestamptz
);
