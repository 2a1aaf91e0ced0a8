-- Real-time pass-through (CQ18 §18: departments open their systems' interfaces to the sharing
-- platform): a provider registers its own system for a resource, and the sharing API's
-- /share/resources/{code}/live/{key} calls it on behalf of a grant holder. The data stays at the
-- provider; the platform authorises the call, keeps only the granted items of the answer, masks
-- and audits them. The authentication header's value (a token the provider's system expects) is
-- kept sealed with the data keys (bound to the resource id), never in clear in the database.
CREATE TABLE share_provider_systems (
  resource_id        uuid PRIMARY KEY REFERENCES catalog_resources (id),
  department_id      uuid NOT NULL REFERENCES departments (id),   -- the provider that registered it
  url_template       text NOT NULL
                     CHECK (position('{key}' IN url_template) > 0
                            AND (url_template LIKE 'http://%' OR url_template LIKE 'https://%')),
  auth_header_name   text CHECK (auth_header_name ~ '^[A-Za-z0-9-]{1,64}$'),
  auth_header_value  bytea,            -- sealed (platform/crypto/seal), AAD = 'share-provider-system:' || resource_id
  updated_by         text,
  updated_by_name    text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK ((auth_header_name IS NULL) = (auth_header_value IS NULL))
);
