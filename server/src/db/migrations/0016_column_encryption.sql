-- Columns of pool tables encrypted at rest (docs/security-encryption.md). The values themselves sit
-- in the pool table as sealed bytea; this register says which columns are sealed, with which keys,
-- and how far a key rotation has re-encrypted them. The keys are never in the database.
CREATE TABLE security_encrypted_columns (
  resource_id uuid NOT NULL REFERENCES catalog_resources (id),
  field text NOT NULL,
  department_id uuid NOT NULL REFERENCES departments (id),
  -- encrypted: every value is under `target_key_id`; rotating: the sweep is re-encrypting.
  state text NOT NULL CHECK (state IN ('encrypted', 'rotating')),
  -- The key every value is being brought under (the active key when the state last changed).
  target_key_id text NOT NULL,
  -- Keys that sealed values of this column still use (old keys stay in the keyring until unused).
  key_ids text[] NOT NULL,
  -- Rotation progress: rows to re-encrypt when it began, and rows done since.
  rows_total bigint NOT NULL DEFAULT 0,
  rows_done bigint NOT NULL DEFAULT 0,
  -- The last row the sweep re-encrypted (it walks `_row` upwards in small batches).
  cursor_row bigint NOT NULL DEFAULT 0,
  enabled_by uuid REFERENCES users (id),
  enabled_at timestamptz NOT NULL DEFAULT now(),
  rotated_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, field)
);
CREATE INDEX security_encrypted_columns_rotating ON security_encrypted_columns (state) WHERE state = 'rotating';
