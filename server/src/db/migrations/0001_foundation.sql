-- Foundation: the people and places of a deployment, sign-in, machine keys and the audit trail.
-- Forward-only once landed: later changes go in new files.

CREATE TABLE regions (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{6}$'),      -- GB/T 2260 division code
  name        text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'city', 'district')),
  parent_id   uuid REFERENCES regions (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS DISTINCT FROM id)
);
CREATE INDEX regions_parent ON regions (parent_id);

CREATE TABLE departments (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  short_name   text,
  credit_code  text NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),  -- GB 32100
  region_id    uuid NOT NULL REFERENCES regions (id),
  parent_id    uuid REFERENCES departments (id),
  -- authority: the region's data authority; department: a government department;
  -- enterprise: a public-service enterprise taking part like a department (CQ19 §56, CQO §47)
  kind         text NOT NULL CHECK (kind IN ('authority', 'department', 'enterprise')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (region_id, name),
  CHECK (parent_id IS DISTINCT FROM id)
);
CREATE UNIQUE INDEX departments_one_authority_per_region ON departments (region_id) WHERE kind = 'authority';
CREATE INDEX departments_parent ON departments (parent_id);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  display_name         text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('platform_admin', 'authority_officer', 'department_officer',
                                                     'department_head', 'auditor', 'expert', 'public_user')),
  region_id            uuid REFERENCES regions (id),
  department_id        uuid REFERENCES departments (id),
  password_hash        text,
  locale               text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  disabled             boolean NOT NULL DEFAULT false,
  failed_logins        integer NOT NULL DEFAULT 0,
  locked_until         timestamptz,
  password_changed_at  timestamptz,
  last_login_at        timestamptz,
  -- Public users (数据利用主体): natural persons by citizen ID (GB 11643), legal persons and other
  -- organisations by unified social credit code (GB 32100).
  person_type          text CHECK (person_type IN ('natural', 'legal', 'other')),
  identity_number      text,
  identity_verified_at timestamptz,
  email                text,
  phone                text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('department_officer', 'department_head', 'authority_officer') OR department_id IS NOT NULL),
  CHECK (role NOT IN ('authority_officer', 'auditor') OR region_id IS NOT NULL),
  CHECK (role <> 'public_user' OR (person_type IS NOT NULL AND identity_number IS NOT NULL))
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE UNIQUE INDEX users_public_identity ON users (person_type, identity_number) WHERE identity_number IS NOT NULL;
CREATE INDEX users_department ON users (department_id);

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- SHA-256 of the cookie token; the token itself is never stored
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE api_keys (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id  uuid NOT NULL REFERENCES departments (id),
  application    text NOT NULL,              -- the department's system that uses the key
  token_prefix   text NOT NULL,              -- first characters, shown so people can tell keys apart
  token_hash     text NOT NULL UNIQUE,       -- SHA-256 of the key; the key is shown once and never stored
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz,
  revoked_at     timestamptz,
  revoked_by     uuid REFERENCES users (id),
  last_used_at   timestamptz
);
CREATE INDEX api_keys_department ON api_keys (department_id);

-- The audit trail (CQO §19 "可记录、可审计、可追溯"). Rows are appended in the transaction of the act
-- they record; the sequencer later gives each a place (seq) in an SM3 hash chain.
CREATE TABLE audit_events (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_type     text NOT NULL CHECK (actor_type IN ('user', 'application', 'system', 'anonymous')),
  actor_id       text,
  actor_name     text,
  actor_role     text,
  department_id  uuid,
  region_id      uuid,
  action         text NOT NULL,
  outcome        text NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'denied', 'failure')),
  target_type    text,
  target_id      text,
  purpose        text,
  request_id     text,
  ip             text,
  detail         jsonb NOT NULL DEFAULT '{}'::jsonb,
  seq            bigint UNIQUE,
  prev_hash      text,
  hash           text
);
CREATE INDEX audit_events_unsequenced ON audit_events (id) WHERE seq IS NULL;
CREATE INDEX audit_events_time ON audit_events (occurred_at);
CREATE INDEX audit_events_actor ON audit_events (actor_id, occurred_at);
CREATE INDEX audit_events_department ON audit_events (department_id, occurred_at);
CREATE INDEX audit_events_action ON audit_events (action, occurred_at);
CREATE INDEX audit_events_target ON audit_events (target_type, target_id);

-- The newest link of the chain, so that cutting events off the end is detected too.
CREATE TABLE audit_chain_head (
  id          integer PRIMARY KEY CHECK (id = 1),
  seq         bigint NOT NULL,
  hash        text NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Append-only: an event may only receive its chain position once; nothing may be changed or removed.
CREATE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND (to_jsonb(NEW) - 'seq' - 'prev_hash' - 'hash') = (to_jsonb(OLD) - 'seq' - 'prev_hash' - 'hash') THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_guard();
