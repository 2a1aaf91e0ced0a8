-- Correction requests (疑义/错误校核, CQ19 §19, CQ18 §20, CQO §22). A user of a pool's data (another
-- department, its application, or the public) reports a suspected error on one record; the provider
-- answers within the profile's deadline. Each request is a case of the case engine (`pools.correction`),
-- and shares its id: the case holds the deadline, extensions and the step history; this row holds
-- what was reported and decided.
CREATE TABLE pool_corrections (
  id                      uuid PRIMARY KEY REFERENCES cases (id),
  resource_id             uuid NOT NULL REFERENCES pool_tables (resource_id),
  department_id           uuid NOT NULL REFERENCES departments (id),  -- the provider, who answers
  record_key              jsonb NOT NULL,    -- the record's key as {field: value}
  -- The key's values as PostgreSQL prints them (`column::text`), in the table's key order: how a
  -- pending request marks the current row with that key as disputed, whatever version it is in.
  key_values              text[] NOT NULL,
  reported_row            bigint NOT NULL,   -- `_row` of the current row when reported
  reported_version        integer NOT NULL,
  items                   jsonb NOT NULL,    -- [{field, current, proposed}] (values as text or null)
  reason                  text NOT NULL,
  state                   text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected')),
  reporter_type           text NOT NULL CHECK (reporter_type IN ('user', 'application')),
  reporter_id             text NOT NULL,
  reporter_name           text NOT NULL,
  reporter_role           text NOT NULL,
  reporter_department_id  uuid REFERENCES departments (id),        -- null for the public
  decision_reason         text,
  decided_by              text,
  decided_by_name         text,
  decided_at              timestamptz,
  applied_version         integer,           -- the table version an accepted request made
  created_at              timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'pending') = (decided_at IS NULL)),
  CHECK (state <> 'rejected' OR decision_reason IS NOT NULL),
  CHECK (state <> 'accepted' OR applied_version IS NOT NULL)
);
CREATE INDEX pool_corrections_disputed ON pool_corrections (resource_id, key_values) WHERE state = 'pending';
CREATE INDEX pool_corrections_provider ON pool_corrections (department_id, created_at DESC);
CREATE INDEX pool_corrections_reporter_department ON pool_corrections (reporter_department_id, created_at DESC);
CREATE INDEX pool_corrections_reporter ON pool_corrections (reporter_id, created_at DESC);

-- What accepted requests changed, value by value: the record's correction history (old value, new
-- value, case, who, when). The rows themselves stay in the pool table as versions.
CREATE TABLE pool_correction_changes (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  correction_id  uuid NOT NULL REFERENCES pool_corrections (id),
  resource_id    uuid NOT NULL REFERENCES pool_tables (resource_id),
  key_values     text[] NOT NULL,
  field          text NOT NULL,
  old_value      text,
  new_value      text,
  version        integer NOT NULL,        -- the version the new value belongs to from
  old_row        bigint NOT NULL,
  new_row        bigint NOT NULL,
  actor_type     text NOT NULL,
  actor_id       text,
  actor_name     text,
  changed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pool_correction_changes_record ON pool_correction_changes (resource_id, key_values, id);
CREATE INDEX pool_correction_changes_correction ON pool_correction_changes (correction_id, id);
