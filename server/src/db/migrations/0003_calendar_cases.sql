-- Working-day calendar schedules added as data, and the generic case engine (deadlines).

-- A year's State Council holiday schedule imported as data (`zhengshu calendar import`). An imported
-- year replaces what the chinese-days package carries for that year.
CREATE TABLE calendar_years (
  year         integer PRIMARY KEY CHECK (year BETWEEN 1949 AND 2200),
  source       text NOT NULL,              -- e.g. 国办发明电〔2030〕N号
  imported_at  timestamptz NOT NULL DEFAULT now(),
  imported_by  text                         -- user id, or the system process that imported it
);

-- The holidays and make-up working days (调休) of an imported year; every other day follows the week.
CREATE TABLE calendar_days (
  day         date PRIMARY KEY,
  year        integer NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  is_workday  boolean NOT NULL,
  name        text NOT NULL,
  CHECK (extract(year FROM day) = year)
);
CREATE INDEX calendar_days_year ON calendar_days (year);

-- A case: any request with a deadline (ARCHITECTURE principle 3). Workflow modules define the
-- types and states; the engine keeps the due date, extension, overdue flag and history.
CREATE TABLE cases (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type                    text NOT NULL,
  state                   text NOT NULL,
  department_id           uuid NOT NULL REFERENCES departments (id),   -- the responsible department
  region_id               uuid NOT NULL REFERENCES regions (id),
  subject                 text NOT NULL,
  rule                    text,                 -- the profile's deadline key, e.g. correctionReply
  received_on             date NOT NULL,
  due_on                  date,                 -- null: no fixed deadline in the active profile
  original_due_on         date,                 -- the due date before any extension
  extension_workdays      integer NOT NULL DEFAULT 0 CHECK (extension_workdays >= 0),
  extension_state         text CHECK (extension_state IN ('requested', 'approved', 'refused')),
  extension_requested_workdays integer CHECK (extension_requested_workdays > 0),
  extension_reason        text,
  extension_requested_by  text,
  extension_requested_at  timestamptz,
  extension_decided_by    text,
  extension_decided_at    timestamptz,
  extension_decision_reason text,
  closed_at               timestamptz,
  overdue                 boolean NOT NULL DEFAULT false,
  overdue_since           date,                 -- the first day past the due date
  payload                 jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by              text,                 -- actor id (user, application key) or system process
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  version                 integer NOT NULL DEFAULT 1,   -- optimistic concurrency
  CHECK (due_on IS NULL OR due_on >= received_on),
  CHECK (overdue = (overdue_since IS NOT NULL))
);
CREATE INDEX cases_department_state ON cases (department_id, state);
CREATE INDEX cases_region ON cases (region_id);
CREATE INDEX cases_type_state ON cases (type, state);
-- What the deadline sweep scans: open cases with a due date that are not yet marked overdue.
CREATE INDEX cases_open_due ON cases (due_on) WHERE closed_at IS NULL AND NOT overdue AND due_on IS NOT NULL;

-- The history of each case (who moved it from which state to which); the audit trail holds the same
-- acts, chained, while this table serves the case's own timeline cheaply.
CREATE TABLE case_transitions (
  id          bigserial PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  action      text NOT NULL,
  from_state  text,
  to_state    text NOT NULL,
  actor_type  text NOT NULL,
  actor_id    text,
  actor_name  text,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  detail      jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX case_transitions_case ON case_transitions (case_id, id);
