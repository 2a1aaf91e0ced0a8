-- The unified data catalog (数据目录, REQUIREMENTS §2): classification, resources with their
-- revisions and information items, department submissions and the authority's review, published
-- catalog versions, and the published view that search, the share/open catalogs, CKAN and DCAT read.

-- Classification (信息资源分类) of the national compilation guide: 类 / 项 / 目 / 细目. A node's
-- code is the whole prefix, e.g. 1 → 101 → 101001; it forms the 前段码 of resource codes.
CREATE TABLE catalog_classes (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code           text NOT NULL UNIQUE CHECK (code ~ '^[1-3][0-9]*$'),
  name           text NOT NULL,
  level          smallint NOT NULL CHECK (level BETWEEN 1 AND 4),   -- 1 类, 2 项, 3 目, 4 细目
  kind           text NOT NULL CHECK (kind IN ('base', 'theme', 'department')),
  parent_id      uuid REFERENCES catalog_classes (id),
  -- For the 项 of the base class: which base database it feeds (人口, 法人, 自然资源和空间地理, …).
  base_database  text CHECK (base_database IN ('population', 'legal_person', 'geo', 'credit', 'licence')),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((level = 1) = (parent_id IS NULL))
);
CREATE INDEX catalog_classes_parent ON catalog_classes (parent_id);

INSERT INTO catalog_classes (code, name, level, kind) VALUES
  ('1', '基础信息资源', 1, 'base'),
  ('2', '主题信息资源', 1, 'theme'),
  ('3', '部门信息资源', 1, 'department');
INSERT INTO catalog_classes (code, name, level, kind, parent_id, base_database)
SELECT v.code, v.name, 2, 'base', (SELECT id FROM catalog_classes WHERE code = '1'), v.base
FROM (VALUES
  ('101', '人口信息', 'population'),
  ('102', '法人单位信息', 'legal_person'),
  ('103', '自然资源和空间地理信息', 'geo'),
  ('104', '社会信用信息', 'credit'),
  ('105', '电子证照信息', 'licence')
) AS v (code, name, base);
INSERT INTO catalog_classes (code, name, level, kind, parent_id)
SELECT v.code, v.name, 2, 'theme', (SELECT id FROM catalog_classes WHERE code = '2')
FROM (VALUES
  ('201', '公共服务'), ('202', '健康保障'), ('203', '社会保障'), ('204', '食品药品安全'),
  ('205', '安全生产'), ('206', '价格监管'), ('207', '能源安全'), ('208', '信用体系'),
  ('209', '城乡建设'), ('210', '社区治理'), ('211', '生态环保'), ('212', '应急维稳')
) AS v (code, name);

-- A catalog resource (目录条目): its lasting identity. What it says lives in revisions; the
-- published revision is what the catalog shows, the draft revision what the department edits.
CREATE TABLE catalog_resources (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                   text NOT NULL UNIQUE,                 -- 信息资源代码, format set by the profile
  department_id          uuid NOT NULL REFERENCES departments (id),   -- 提供方
  region_id              uuid NOT NULL REFERENCES regions (id),
  status                 text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_revision_id  uuid,
  draft_revision_id      uuid,
  first_published_at     timestamptz,                         -- 发布日期
  data_updated_at        timestamptz,                         -- last data load (set by the pools)
  -- Set when a lower authority approved the resource into its supplementary catalog (SC §9).
  supplementary_region_id uuid REFERENCES regions (id),
  created_by             text,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalog_resources_department ON catalog_resources (department_id, status);

-- What a resource says at one point: every metadata element of the compilation guide plus the
-- extension elements the regulations ask for (legal basis, security level, usage requirements).
CREATE TABLE catalog_revisions (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id         uuid NOT NULL REFERENCES catalog_resources (id),
  number              integer NOT NULL CHECK (number > 0),
  state               text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved',
                                                    'published', 'superseded', 'discarded')),
  class_id            uuid NOT NULL REFERENCES catalog_classes (id),
  name                text NOT NULL,
  abstract            text NOT NULL,
  keywords            text[] NOT NULL DEFAULT '{}',
  format_type         text NOT NULL,      -- 信息资源格式 category (database, spreadsheet, …)
  formats             text[] NOT NULL DEFAULT '{}',   -- file formats (CSV, XLSX, JSON, …)
  share_type          text NOT NULL CHECK (share_type IN ('unconditional', 'conditional', 'none')),
  share_condition     text,
  share_methods       text[] NOT NULL DEFAULT '{}',
  share_basis         text,               -- legal basis of a conditional / not-shared type
  open_type           text NOT NULL CHECK (open_type IN ('unconditional', 'conditional', 'none')),
  open_condition      text,
  open_methods        text[] NOT NULL DEFAULT '{}',
  open_basis          text,
  security_level      text NOT NULL,
  usage_requirements  text,
  update_cycle        text NOT NULL,
  update_cycle_note   text,
  related_codes       text[] NOT NULL DEFAULT '{}',   -- 关联资源代码
  contact_name        text,
  contact_phone       text,
  contact_email       text,
  temporal_start      date,
  temporal_end        date,
  created_by          text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_by          text,
  updated_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (resource_id, number),
  CHECK (temporal_end IS NULL OR temporal_start IS NULL OR temporal_end >= temporal_start)
);
ALTER TABLE catalog_resources
  ADD FOREIGN KEY (published_revision_id) REFERENCES catalog_revisions (id),
  ADD FOREIGN KEY (draft_revision_id) REFERENCES catalog_revisions (id);

-- Information items (信息项) of a revision. field_name is the item's lasting key: the column of
-- the resource's table in its department's data pool.
CREATE TABLE catalog_items (
  revision_id   uuid NOT NULL REFERENCES catalog_revisions (id) ON DELETE CASCADE,
  position      integer NOT NULL CHECK (position >= 0),
  name          text NOT NULL,
  field_name    text NOT NULL CHECK (field_name ~ '^[a-z][a-z0-9_]{0,62}$'),
  data_type     text NOT NULL,
  length        integer CHECK (length > 0),
  scale         integer CHECK (scale >= 0),
  description   text,
  sensitivity   text NOT NULL CHECK (sensitivity IN ('general', 'personal', 'sensitive')),
  is_key        boolean NOT NULL DEFAULT false,
  required      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (revision_id, position),
  UNIQUE (revision_id, field_name)
);

-- A department's catalog list (目录清单) submitted for review. It travels up the region tree:
-- a district department's list reaches its district authority, which forwards it; the top
-- authority reviews each entry (CQ19 §12, CQO §14).
CREATE TABLE catalog_submissions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id     uuid NOT NULL REFERENCES departments (id),
  region_id         uuid NOT NULL REFERENCES regions (id),
  holder_region_id  uuid NOT NULL REFERENCES regions (id),   -- whose authority holds it now
  kind              text NOT NULL CHECK (kind IN ('compile', 'update')),
  update_case_id    uuid REFERENCES cases (id),               -- the update duty it answers
  state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'reviewed', 'withdrawn')),
  case_id           uuid REFERENCES cases (id),               -- the holder's current case
  note              text,
  submitted_by      text,
  submitted_by_name text,
  submitted_at      timestamptz NOT NULL DEFAULT now(),
  reviewed_at       timestamptz
);
CREATE INDEX catalog_submissions_holder ON catalog_submissions (holder_region_id, state);
CREATE INDEX catalog_submissions_department ON catalog_submissions (department_id, submitted_at);

-- One resource change in a submission, and the reviewer's decision on it.
CREATE TABLE catalog_submission_entries (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submission_id   uuid NOT NULL REFERENCES catalog_submissions (id),
  resource_id     uuid NOT NULL REFERENCES catalog_resources (id),
  revision_id     uuid REFERENCES catalog_revisions (id),    -- null for a removal
  change          text NOT NULL CHECK (change IN ('add', 'change', 'remove')),
  note            text,                                       -- the department's reason
  decision        text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'returned')),
  reason          text,                                       -- the reviewer's reason
  decided_by      text,
  decided_by_name text,
  decided_at      timestamptz,
  version_number  integer,                                    -- set when published
  -- Approved by a lower authority into its supplementary catalog, filed with the level above
  -- (SC §9 备案); the upper authority acknowledges the filing.
  supplementary   boolean NOT NULL DEFAULT false,
  acknowledged_at timestamptz,
  acknowledged_by text,
  acknowledged_by_name text,
  CHECK ((change = 'remove') = (revision_id IS NULL)),
  CHECK (decision <> 'returned' OR reason IS NOT NULL)
);
CREATE INDEX catalog_submission_entries_submission ON catalog_submission_entries (submission_id);
CREATE INDEX catalog_submission_entries_resource ON catalog_submission_entries (resource_id);
-- Approved changes waiting for the next catalog version.
CREATE INDEX catalog_submission_entries_unpublished ON catalog_submission_entries (decision)
  WHERE decision = 'approved' AND version_number IS NULL;

-- Published catalog versions: each publishes the approved changes since the one before.
CREATE TABLE catalog_versions (
  number             integer PRIMARY KEY CHECK (number > 0),
  published_at       timestamptz NOT NULL DEFAULT now(),
  published_by       text,
  published_by_name  text,
  note               text,
  added              integer NOT NULL DEFAULT 0,
  changed            integer NOT NULL DEFAULT 0,
  removed            integer NOT NULL DEFAULT 0
);

CREATE TABLE catalog_version_changes (
  version_number        integer NOT NULL REFERENCES catalog_versions (number),
  resource_id           uuid NOT NULL REFERENCES catalog_resources (id),
  change                text NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
  revision_id           uuid REFERENCES catalog_revisions (id),   -- null when removed
  previous_revision_id  uuid REFERENCES catalog_revisions (id),   -- null when added
  PRIMARY KEY (version_number, resource_id)
);
CREATE INDEX catalog_version_changes_resource ON catalog_version_changes (resource_id, version_number);

-- The published catalog, one row per published resource, denormalised for search, facets, the
-- share and open catalogs, CKAN and DCAT. Rewritten for a resource each time a version changes it.
CREATE TABLE catalog_entries (
  resource_id     uuid PRIMARY KEY REFERENCES catalog_resources (id),
  revision_id     uuid NOT NULL REFERENCES catalog_revisions (id),
  code            text NOT NULL UNIQUE,
  name            text NOT NULL,
  abstract        text NOT NULL,
  department_id   uuid NOT NULL REFERENCES departments (id),
  region_id       uuid NOT NULL REFERENCES regions (id),
  class_id        uuid NOT NULL REFERENCES catalog_classes (id),
  class_kind      text NOT NULL,
  class_code      text NOT NULL,
  share_type      text NOT NULL,
  open_type       text NOT NULL,
  format_type     text NOT NULL,
  formats         text[] NOT NULL,
  update_cycle    text NOT NULL,
  security_level  text NOT NULL,
  keywords        text[] NOT NULL,
  published_at    timestamptz NOT NULL,     -- first publication (发布日期)
  modified_at     timestamptz NOT NULL,     -- publication of this revision
  version_number  integer NOT NULL,
  quality_score   integer NOT NULL DEFAULT 0 CHECK (quality_score BETWEEN 0 AND 100),
  search_vector   tsvector NOT NULL
);
CREATE INDEX catalog_entries_search ON catalog_entries USING gin (search_vector);
CREATE INDEX catalog_entries_department ON catalog_entries (department_id);
CREATE INDEX catalog_entries_open ON catalog_entries (open_type, modified_at);
CREATE INDEX catalog_entries_share ON catalog_entries (share_type);
CREATE INDEX catalog_entries_class ON catalog_entries (class_code text_pattern_ops);
CREATE INDEX catalog_entries_modified ON catalog_entries (modified_at DESC, resource_id);
