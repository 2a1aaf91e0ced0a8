-- IT projects (政务信息化项目, CQ19 §48, SC §16, CQ18 §38). The data authority keeps the project list
-- (项目清单). A department registers its project with a pre-compiled resource catalog (预编目录清单):
-- the resources the project will produce, as plain rows, not catalog resources yet. The catalog is
-- a condition of approval; at acceptance (验收) the platform compares it with the real catalog.
CREATE TABLE catalog_projects (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code                 text NOT NULL UNIQUE,                          -- 项目编号
  name                 text NOT NULL,
  kind                 text NOT NULL CHECK (kind IN ('construction', 'operations')),   -- 建设 / 运维
  description          text,
  budget               numeric(16, 2) CHECK (budget >= 0),            -- yuan (元)
  department_id        uuid NOT NULL REFERENCES departments (id),     -- the owner (建设单位)
  region_id            uuid NOT NULL REFERENCES regions (id),         -- the owner's region
  state                text NOT NULL DEFAULT 'registered'
                       CHECK (state IN ('registered', 'approved', 'rejected', 'accepted')),
  -- The pre-compiled catalog: [{resourceId, name, classCode, items: [{name, dataType}], shareType,
  -- shareBasis, openType, openBasis, updateCycle, note}], each field null until the department fills it.
  planned_resources    jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(planned_resources) = 'array'),
  registered_by        text NOT NULL,
  registered_by_name   text NOT NULL,
  approved_at          timestamptz,
  approved_by          text,
  approved_by_name     text,
  rejected_at          timestamptz,
  rejected_by          text,
  rejected_by_name     text,
  reject_reason        text,
  accepted_at          timestamptz,
  accepted_by          text,
  accepted_by_name     text,
  -- Set when the authority accepted although promised resources were missing or not connected.
  acceptance_override  text,
  -- The acceptance report as it stood when the project was accepted.
  acceptance_report    jsonb,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'rejected') = (reject_reason IS NOT NULL)),
  CHECK ((state = 'accepted') = (accepted_at IS NOT NULL)),
  CHECK (state IN ('registered', 'rejected') OR approved_at IS NOT NULL)
);
CREATE INDEX catalog_projects_region ON catalog_projects (region_id, state, created_at);
CREATE INDEX catalog_projects_department ON catalog_projects (department_id, created_at);
