-- Scheduled pulls (定时拉取, CQ18 §18) and the return flow (回流, SC §22).
--
-- A pull is registered by the providing department for one of its resources: its provider's
-- PostgreSQL database (a SELECT whose column names are the field names) or an HTTP API (JSON). Each
-- run is one batch through the loader. The secret part (the database password, the header token) is
-- kept in its own column so that the URL and the rest can be shown; the API never returns it.
CREATE TABLE pool_pulls (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id       uuid NOT NULL REFERENCES pool_tables (resource_id),
  department_id     uuid NOT NULL REFERENCES departments (id),
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('postgres', 'http')),
  url               text NOT NULL,
  query             text,
  header_name       text,
  secret            text,
  mode              text NOT NULL CHECK (mode IN ('replace', 'upsert')),
  interval_minutes  integer NOT NULL CHECK (interval_minutes > 0),
  enabled           boolean NOT NULL DEFAULT true,
  next_run_at       timestamptz NOT NULL,
  -- Set while a run is under way (claimed by the sweep or "run now"); cleared when it ends.
  running_since     timestamptz,
  last_run_at       timestamptz,
  last_batch_id     uuid REFERENCES pool_batches (id),
  last_state        text CHECK (last_state IN ('loaded', 'failed')),
  last_failure      text,
  created_by        text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'postgres') = (query IS NOT NULL)),
  CHECK (kind = 'http' OR header_name IS NULL)
);
CREATE INDEX pool_pulls_resource ON pool_pulls (resource_id);
CREATE INDEX pool_pulls_due ON pool_pulls (next_run_at) WHERE enabled;

-- Where a pulled or returned batch came from: the provider's URL (without its password) for a
-- pull, the upper-level platform's name or URL for a return.
ALTER TABLE pool_batches ADD COLUMN origin text;
