-- Base and theme databases (基础数据库 / 主题数据库, CQ19 §16, §17, SC §12, §17). The base databases
-- are real tables in schema `base_db`, rebuilt from the department pools by a build (融合); theme
-- databases are views in schema `theme_db`. These are their registers.
CREATE SCHEMA IF NOT EXISTS base_db;
CREATE SCHEMA IF NOT EXISTS theme_db;

-- One data, one source (一数一源): every information item of a base database has exactly one
-- authoritative source, a column of a department's pool table.
CREATE TABLE base_sources (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  base_database    text NOT NULL CHECK (base_database IN ('population', 'legal_person', 'geo', 'credit', 'licence')),
  item_name        text NOT NULL CHECK (length(item_name) BETWEEN 1 AND 100),
  field_name       text NOT NULL CHECK (field_name ~ '^[a-z][a-z0-9_]{0,62}$'),
  department_id    uuid NOT NULL REFERENCES departments (id),
  resource_id      uuid NOT NULL REFERENCES pool_tables (resource_id),
  source_field     text NOT NULL,
  assigned_by      text,
  assigned_by_name text,
  assigned_at      timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (base_database, field_name),
  UNIQUE (base_database, item_name)
);
CREATE INDEX base_sources_resource ON base_sources (resource_id);

-- Every build of a base database: who, when, how many rows and conflicts; a failed build changed
-- nothing and keeps its reason.
CREATE TABLE base_builds (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  base_database    text NOT NULL,
  state            text NOT NULL CHECK (state IN ('built', 'failed')),
  row_count        bigint NOT NULL DEFAULT 0,
  conflict_count   bigint NOT NULL DEFAULT 0,
  sources          jsonb NOT NULL DEFAULT '[]',
  failure          text,
  failure_params   jsonb,
  actor_type       text NOT NULL,
  actor_id         text,
  actor_name       text,
  started_at       timestamptz NOT NULL,
  finished_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX base_builds_database ON base_builds (base_database, finished_at DESC);

-- Values that another department's pool holds for the same key and item, differing from the
-- source's: listed for the departments to settle, never written over the source's value. Only the
-- latest build's conflicts are kept (each build lists them afresh).
CREATE TABLE base_conflicts (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  build_id            uuid NOT NULL REFERENCES base_builds (id),
  base_database       text NOT NULL,
  key_value           text NOT NULL,
  field_name          text NOT NULL,
  item_name           text NOT NULL,
  source_value        text,
  other_value         text NOT NULL,
  other_department_id uuid NOT NULL REFERENCES departments (id),
  other_resource_id   uuid NOT NULL REFERENCES catalog_resources (id),
  other_field         text NOT NULL
);
CREATE INDEX base_conflicts_database ON base_conflicts (base_database, key_value);

-- Theme databases: a declared join over base databases and pool tables, made a view so that it
-- is always current. `declaration` holds the validated declaration the view was made from.
CREATE TABLE theme_databases (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code             text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
  name             text NOT NULL,
  description      text,
  declaration      jsonb NOT NULL,
  created_by       text,
  created_by_name  text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
