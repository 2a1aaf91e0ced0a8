-- Objections to open data (异议, CQO §41) and suspensions of open datasets. Anyone who believes an
-- open dataset infringes trade secrets or privacy files an objection with evidence; the provider
-- verifies at once and may suspend the dataset immediately (downloads and APIs stop, the portal
-- says so); the outcome — withdraw, restore, or reprocess then reopen — is recorded and reported to
-- the objector and the authority. A risk found by the provider, the authority or the platform itself
-- suspends a dataset the same way, without an objection.

-- A suspension of one open dataset. Active while `lifted_at` is null; an outcome of 'withdrawn'
-- keeps it active for good (the dataset stays closed until its catalog entry is changed).
CREATE TABLE open_suspensions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id       uuid NOT NULL REFERENCES catalog_resources (id),
  department_id     uuid NOT NULL REFERENCES departments (id),   -- the provider
  region_id         uuid NOT NULL REFERENCES regions (id),
  source            text NOT NULL CHECK (source IN ('objection', 'provider', 'authority', 'platform')),
  reason            text NOT NULL,
  suspended_by      uuid REFERENCES users (id),
  suspended_at      timestamptz NOT NULL DEFAULT now(),
  outcome           text CHECK (outcome IN ('withdrawn', 'restored', 'reprocessed')),
  outcome_note      text,
  decided_by        uuid REFERENCES users (id),
  decided_at        timestamptz,
  lifted_at         timestamptz,
  CHECK (lifted_at IS NULL OR outcome IN ('restored', 'reprocessed')),
  CHECK ((outcome IS NULL) = (decided_at IS NULL))
);
CREATE UNIQUE INDEX open_suspensions_one_active ON open_suspensions (resource_id) WHERE lifted_at IS NULL;
CREATE INDEX open_suspensions_department ON open_suspensions (department_id, suspended_at);

CREATE TABLE open_objections (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id           uuid NOT NULL REFERENCES cases (id),
  resource_id       uuid NOT NULL REFERENCES catalog_resources (id),
  department_id     uuid NOT NULL REFERENCES departments (id),   -- the provider
  region_id         uuid NOT NULL REFERENCES regions (id),
  objector_user_id  uuid NOT NULL REFERENCES users (id),
  ground            text NOT NULL CHECK (ground IN ('privacy', 'trade_secret')),
  statement         text NOT NULL,
  state             text NOT NULL DEFAULT 'received'
                    CHECK (state IN ('received', 'suspended', 'withdrawn', 'restored', 'reprocessed')),
  suspension_id     uuid REFERENCES open_suspensions (id),
  outcome_note      text,
  decided_by        uuid REFERENCES users (id),
  decided_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (state IN ('received', 'suspended') OR outcome_note IS NOT NULL)
);
CREATE INDEX open_objections_objector ON open_objections (objector_user_id, created_at);
CREATE INDEX open_objections_department ON open_objections (department_id, state, created_at);
CREATE INDEX open_objections_suspension ON open_objections (suspension_id) WHERE suspension_id IS NOT NULL;

-- Evidence files, sealed with the keyring (they may hold the very personal data objected to),
-- bound to their objection; the SM3 digest of the plain file is kept for the record.
CREATE TABLE open_objection_evidence (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  objection_id      uuid NOT NULL REFERENCES open_objections (id),
  file_name         text NOT NULL,
  media_type        text NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  digest            text NOT NULL,
  content_sealed    bytea NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open_objection_evidence_objection ON open_objection_evidence (objection_id, created_at);
