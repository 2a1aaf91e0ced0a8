-- Emergency opening (CQO §27): during a declared public emergency the data authority opens data
-- fast under the minimum-scope rule; datasets opened under the emergency are marked; after its end
-- each one is deleted unless the government approves keeping it, and the deletion is audited.
CREATE TABLE open_emergencies (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id     uuid NOT NULL REFERENCES regions (id),
  name          text NOT NULL,
  scope         text NOT NULL,     -- the minimum scope: which data, for whom, for what response
  basis         text NOT NULL,     -- the declaration it rests on (e.g. the government's notice)
  starts_on     date NOT NULL,
  ends_on       date NOT NULL,
  ended_early_on date,             -- the authority ended it before ends_on
  declared_by   uuid NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on),
  CHECK (ended_early_on IS NULL OR ended_early_on BETWEEN starts_on AND ends_on)
);
CREATE INDEX open_emergencies_region ON open_emergencies (region_id, starts_on);

CREATE TABLE open_emergency_datasets (
  emergency_id  uuid NOT NULL REFERENCES open_emergencies (id),
  resource_id   uuid NOT NULL REFERENCES catalog_resources (id),
  department_id uuid NOT NULL REFERENCES departments (id),
  added_by      uuid NOT NULL REFERENCES users (id),
  added_at      timestamptz NOT NULL DEFAULT now(),
  disposition   text CHECK (disposition IN ('delete', 'retain')),
  approval      text,              -- the government's approval to keep the data (required to retain)
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz,
  deleted_rows  bigint,            -- rows removed from the pool on deletion
  PRIMARY KEY (emergency_id, resource_id),
  CHECK (disposition IS DISTINCT FROM 'retain' OR approval IS NOT NULL),
  CHECK ((disposition IS NULL) = (decided_at IS NULL))
);
CREATE INDEX open_emergency_datasets_resource ON open_emergency_datasets (resource_id);
