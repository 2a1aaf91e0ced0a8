-- Public users' own accounts (issue 7; CQ19 §33, CQO §23): self-registration with identity
-- authentication, and personal API keys for the open-data API.

-- A self-registered account keeps its identity number (citizen ID or credit code) in three forms,
-- none of them the plain number a database reader could list: a keyed digest for "one account per
-- identity" lookups (keyed with a data key held outside the database, so it cannot be brute-forced
-- from the database alone), a masked form for display, and the number sealed with the keyring
-- (bound to the user's row) for the rare act that needs it whole. Accounts made by an administrator
-- before this still carry the plain `identity_number` of 0001.
ALTER TABLE users
  ADD COLUMN identity_digest     text,
  ADD COLUMN identity_digest_key text,
  ADD COLUMN identity_masked     text,
  ADD COLUMN identity_sealed     bytea,
  ADD COLUMN identity_method     text CHECK (identity_method IN ('check-digit', 'http')),
  -- An organisation's contact person (the account's display name is the organisation's name).
  ADD COLUMN contact_name        text;
ALTER TABLE users ADD CONSTRAINT users_identity_forms_together CHECK (
  (identity_digest IS NULL) = (identity_sealed IS NULL)
  AND (identity_digest IS NULL) = (identity_masked IS NULL)
  AND (identity_digest IS NULL) = (identity_digest_key IS NULL));
ALTER TABLE users ADD CONSTRAINT users_identity_verified_how CHECK (
  (identity_method IS NULL) OR (identity_verified_at IS NOT NULL));
CREATE UNIQUE INDEX users_public_identity_digest ON users (person_type, identity_digest)
  WHERE identity_digest IS NOT NULL;

-- A public user still needs an identity, now in either form. The unnamed check of 0001 is found
-- by its text, as 0013 does, since its generated name is not part of the schema's contract.
DO $$
DECLARE
  found text;
BEGIN
  SELECT conname INTO found FROM pg_constraint
   WHERE conrelid = 'users'::regclass AND contype = 'c'
     AND pg_get_constraintdef(oid) LIKE '%public_user%identity_number IS NOT NULL%';
  EXECUTE format('ALTER TABLE users DROP CONSTRAINT %I', found);
END $$;
ALTER TABLE users ADD CONSTRAINT users_public_user_identity CHECK (
  role <> 'public_user'
  OR (person_type IS NOT NULL AND (identity_number IS NOT NULL OR identity_digest IS NOT NULL)));

-- Personal API keys: a key belongs to a department (its application) or to one public user,
-- never both. Department paths join departments and so never see personal keys.
ALTER TABLE api_keys ALTER COLUMN department_id DROP NOT NULL;
ALTER TABLE api_keys ADD COLUMN user_id uuid REFERENCES users (id);
ALTER TABLE api_keys ADD CONSTRAINT api_keys_one_owner CHECK (num_nonnulls(department_id, user_id) = 1);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at) WHERE user_id IS NOT NULL;
