-- Department data pools (部门政务数据资源池, CQ19 ch.3). Each published resource has a real table in its
-- department's pool schema, with a column per information item: the catalog is the schema. The
-- tables themselves are made by the platform (DDL at publish time); these are their registers.

-- One row per resource with a pool table. `columns` holds the table's columns in the form the
-- loader validates against: they follow the published items, except for changes that wait for an
-- explicit migration step (`pending_changes`: a type change, a removal, a new key).
CREATE TABLE pool_tables (
  resource_id      uuid PRIMARY KEY REFERENCES catalog_resources (id),
  department_id    uuid NOT NULL REFERENCES departments (id),
  schema_name      text NOT NULL CHECK (schema_name ~ '^pool_[a-z0-9]{18}$'),
  table_name       text NOT NULL CHECK (table_name ~ '^r_[a-z0-9_]{1,60}$'),
  revision_id      uuid NOT NULL REFERENCES catalog_revisions (id),
  columns          jsonb NOT NULL,
  key_fields       text[] NOT NULL DEFAULT '{}',
  pending_changes  jsonb NOT NULL DEFAULT '[]',
  current_version  integer NOT NULL DEFAULT 0,
  row_count        bigint NOT NULL DEFAULT 0,
  loaded_at        timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (schema_name, table_name)
);
CREATE INDEX pool_tables_department ON pool_tables (department_id);

-- Every load is one batch (文件导入 / 接口推送 / 定时拉取 / 回流 / 版本恢复). A loaded batch is a version
-- of the table's data; a failed one changed nothing and keeps its row-by-row report.
CREATE TABLE pool_batches (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id     uuid NOT NULL REFERENCES pool_tables (resource_id),
  department_id   uuid NOT NULL REFERENCES departments (id),
  version         integer,
  source          text NOT NULL CHECK (source IN ('file', 'api', 'pull', 'return', 'restore', 'correction')),
  mode            text NOT NULL CHECK (mode IN ('replace', 'upsert')),
  format          text CHECK (format IN ('csv', 'xlsx', 'jsonl', 'json')),
  file_name       text,
  file_bytes      bigint,
  encoding        text,
  restored_from   integer,
  state           text NOT NULL DEFAULT 'validating' CHECK (state IN ('validating', 'loading', 'loaded', 'failed')),
  failure         text,
  failure_params  jsonb,
  rows_read       bigint NOT NULL DEFAULT 0,
  rows_loaded     bigint NOT NULL DEFAULT 0,
  rows_replaced   bigint NOT NULL DEFAULT 0,
  error_count     integer NOT NULL DEFAULT 0,
  bytes_read      bigint NOT NULL DEFAULT 0,
  actor_type      text NOT NULL,
  actor_id        text,
  actor_name      text,
  started_at      timestamptz NOT NULL DEFAULT now(),
  heartbeat_at    timestamptz NOT NULL DEFAULT now(),
  finished_at     timestamptz,
  UNIQUE (resource_id, version),
  CHECK ((state = 'loaded') = (version IS NOT NULL))
);
CREATE INDEX pool_batches_resource ON pool_batches (resource_id, started_at DESC);
CREATE INDEX pool_batches_running ON pool_batches (heartbeat_at) WHERE state IN ('validating', 'loading');

-- The row-by-row report of a failed batch: row (as the file counts them), column, value, reason.
CREATE TABLE pool_batch_errors (
  batch_id     uuid NOT NULL REFERENCES pool_batches (id) ON DELETE CASCADE,
  seq          integer NOT NULL,
  row_number   bigint,
  column_name  text,
  value        text,
  code         text NOT NULL,
  params       jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (batch_id, seq)
);
