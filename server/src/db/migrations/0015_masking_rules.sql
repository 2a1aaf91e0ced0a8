-- Masking (脱敏) rules per information item of a resource, set by the providing department. The
-- item is named by its field name, the item's lasting key across catalog revisions. An item
-- without a row gets the profile's default for its sensitivity and security level.
CREATE TABLE masking_rules (
  resource_id      uuid NOT NULL REFERENCES catalog_resources (id),
  field_name       text NOT NULL CHECK (field_name ~ '^[a-z][a-z0-9_]{0,62}$'),
  rule             jsonb NOT NULL CHECK (jsonb_typeof(rule) = 'object' AND rule ? 'kind'),
  note             text,
  updated_by       text,
  updated_by_name  text,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, field_name)
);

-- The platform's secret for keyed SM3 pseudonyms, used when ZHENGSHU_MASKING_SECRET is not set:
-- 256 random bits from two version-4 UUIDs (gen_random_uuid is built in since PostgreSQL 13).
-- Pseudonyms are HMAC-SM3 under a key derived from it and the grant, so it never leaves the server.
CREATE TABLE masking_secret (
  id          boolean PRIMARY KEY DEFAULT true CHECK (id),
  secret      text NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  created_at  timestamptz NOT NULL DEFAULT now()
);
INSERT INTO masking_secret DEFAULT VALUES;
