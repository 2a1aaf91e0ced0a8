-- Security registers (CQ19 §43–44, CQO §34, §37(2)(4), SC §42, CQ18 §28): incidents with their
-- timeline and the report to the authorities, emergency plans (应急预案) and their drills (演练), and
-- periodic risk assessments (风险评估), a re-identification assessment optionally asking experts.
-- Every row belongs to a department (an authority is a department of kind 'authority'), which is
-- what the scope rules check. Intervals and report deadlines come from the profile, not from here:
-- overdue flags are computed when read, so a changed profile applies at once.

CREATE TABLE security_incidents (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id      uuid NOT NULL REFERENCES departments (id),
  title              text NOT NULL,
  severity           text NOT NULL,          -- a code of the profile's security.incidents.severities
  occurred_at        timestamptz,            -- when it happened, if known
  detected_at        timestamptz NOT NULL,
  scope              text NOT NULL,          -- systems, people, places affected
  record_estimate    bigint CHECK (record_estimate >= 0),
  state              text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'contained', 'closed')),
  contained_at       timestamptz,
  closed_at          timestamptz,
  closure_summary    text,
  reported_at        timestamptz,            -- the report to the competent authorities (按照规定报告)
  reported_to        text,
  report_reference   text,
  created_by         text NOT NULL,
  created_by_name    text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (occurred_at IS NULL OR occurred_at <= detected_at),
  CHECK ((state = 'open') OR contained_at IS NOT NULL),
  CHECK ((state = 'closed') = (closed_at IS NOT NULL)),
  CHECK ((reported_at IS NULL) = (reported_to IS NULL))
);
CREATE INDEX security_incidents_department ON security_incidents (department_id, detected_at DESC);

-- The catalog resources whose data the incident affected.
CREATE TABLE security_incident_resources (
  incident_id  uuid NOT NULL REFERENCES security_incidents (id),
  resource_id  uuid NOT NULL REFERENCES catalog_resources (id),
  PRIMARY KEY (incident_id, resource_id)
);

-- The incident's timeline: actions taken, and the state changes and report as entries too.
CREATE TABLE security_incident_actions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  incident_id  uuid NOT NULL REFERENCES security_incidents (id),
  kind         text NOT NULL CHECK (kind IN ('action', 'contained', 'closed', 'reported')),
  taken_at     timestamptz NOT NULL,
  description  text NOT NULL,
  actor_id     text NOT NULL,
  actor_name   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_incident_actions_incident ON security_incident_actions (incident_id, taken_at, id);

CREATE TABLE security_plans (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id    uuid NOT NULL REFERENCES departments (id),
  title            text NOT NULL,
  version          text NOT NULL,
  scope            text NOT NULL,
  body             text NOT NULL,          -- the plan's text, or where the signed file is kept
  approved_on      date NOT NULL,
  retired          boolean NOT NULL DEFAULT false,
  created_by       text NOT NULL,
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_plans_department ON security_plans (department_id, approved_on DESC);

CREATE TABLE security_drills (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id          uuid NOT NULL REFERENCES security_plans (id),
  department_id    uuid NOT NULL REFERENCES departments (id),   -- the plan's, for scope and overdue queries
  held_on          date NOT NULL,
  scenario         text NOT NULL,
  participants     text NOT NULL,
  result           text NOT NULL CHECK (result IN ('passed', 'partial', 'failed')),
  findings         text NOT NULL DEFAULT '',
  follow_ups       jsonb NOT NULL DEFAULT '[]',                 -- ["follow-up action", …]
  created_by       text NOT NULL,
  created_by_name  text NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_drills_department ON security_drills (department_id, held_on DESC);
CREATE INDEX security_drills_plan ON security_drills (plan_id, held_on DESC);

CREATE TABLE security_assessments (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  department_id      uuid NOT NULL REFERENCES departments (id),
  title              text NOT NULL,
  scopes             text[] NOT NULL CHECK (cardinality(scopes) > 0
                       AND scopes <@ ARRAY['aggregation', 'sharing', 'opening', 'application']::text[]),
  assessed_on        date NOT NULL,
  risk_level         text NOT NULL,        -- a code of the profile's security.riskAssessments.riskLevels
  findings           text NOT NULL,
  measures           text NOT NULL DEFAULT '',
  reidentification   boolean NOT NULL DEFAULT false,   -- CQO §37(4): aggregated data may identify people
  expert_question    text,                             -- what the experts are asked, once asked
  created_by         text NOT NULL,
  created_by_name    text NOT NULL,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_assessments_department ON security_assessments (department_id, assessed_on DESC);

-- The resources a re-identification assessment considers in combination.
CREATE TABLE security_assessment_resources (
  assessment_id  uuid NOT NULL REFERENCES security_assessments (id),
  resource_id    uuid NOT NULL REFERENCES catalog_resources (id),
  PRIMARY KEY (assessment_id, resource_id)
);

-- Experts (专家委员会, CQO §10) asked about an assessment, and their written opinions.
CREATE TABLE security_assessment_experts (
  assessment_id  uuid NOT NULL REFERENCES security_assessments (id),
  expert_id      uuid NOT NULL REFERENCES users (id),
  asked_by_name  text NOT NULL,
  asked_at       timestamptz NOT NULL DEFAULT now(),
  opinion        text,
  opinion_at     timestamptz,
  PRIMARY KEY (assessment_id, expert_id),
  CHECK ((opinion IS NULL) = (opinion_at IS NULL))
);
CREATE INDEX security_assessment_experts_expert ON security_assessment_experts (expert_id, asked_at DESC);
