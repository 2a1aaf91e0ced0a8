-- Sharing between departments (数据共享, CQ19 ch.4, SC ch.3, CQ18 ch.3). A department asks for a
-- resource (share_requests: unconditional ones are granted at once, conditional ones are cases the
-- provider answers and, where the profile says so, the authority opens); what may actually be read
-- is a grant (share_grants): resource, items, row conditions, masking per item, purpose, the
-- application that calls, start and end. Disputes (异议, CQ19 §27) are cases the authority
-- coordinates. Reads through the sharing API check a live grant on every call, so a revoked or
-- expired grant stops working at once on every instance.

CREATE TABLE share_requests (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                     text NOT NULL CHECK (kind IN ('unconditional', 'conditional')),
  case_id                  uuid REFERENCES cases (id),          -- conditional requests are cases
  resource_id              uuid NOT NULL REFERENCES catalog_resources (id),
  provider_department_id   uuid NOT NULL REFERENCES departments (id),
  provider_region_id       uuid NOT NULL REFERENCES regions (id),
  applicant_department_id  uuid NOT NULL REFERENCES departments (id),
  applicant_region_id      uuid NOT NULL REFERENCES regions (id),
  applicant_user_id        uuid REFERENCES users (id),
  application              text NOT NULL,     -- the applicant's system that will call (its API keys' name)
  purpose                  text NOT NULL,
  legal_basis              text,              -- required for conditional requests (checked in the service)
  fields                   text[] NOT NULL,   -- the information items asked for (field names)
  row_scope                jsonb NOT NULL DEFAULT '[]'::jsonb,  -- row conditions asked for (all must hold)
  valid_from               date NOT NULL,
  valid_until              date NOT NULL,
  state                    text NOT NULL DEFAULT 'submitted'
                           CHECK (state IN ('submitted', 'approved', 'partially_approved', 'awaiting_authority',
                                            'granted', 'refused', 'withdrawn')),
  decided_fields           text[],            -- what the provider approved (fewer items: approved in part)
  decided_row_scope        jsonb,             -- narrower rows: approved in part
  decided_until            date,
  decision_reason          text,              -- required for a refusal and for a partial approval
  decided_by               uuid REFERENCES users (id),
  decided_at               timestamptz,
  grant_id                 uuid,              -- the grant the request led to (set when granted)
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= valid_from),
  CHECK (state <> 'refused' OR decision_reason IS NOT NULL)
);
CREATE INDEX share_requests_applicant ON share_requests (applicant_department_id, created_at DESC);
CREATE INDEX share_requests_provider ON share_requests (provider_department_id, created_at DESC);
CREATE INDEX share_requests_case ON share_requests (case_id);

CREATE TABLE share_grants (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id               uuid REFERENCES share_requests (id),
  basis                    text NOT NULL CHECK (basis IN ('unconditional', 'conditional')),
  resource_id              uuid NOT NULL REFERENCES catalog_resources (id),
  resource_code            text NOT NULL,     -- the catalog code the API is called with
  provider_department_id   uuid NOT NULL REFERENCES departments (id),
  provider_region_id       uuid NOT NULL REFERENCES regions (id),
  consumer_department_id   uuid NOT NULL REFERENCES departments (id),
  consumer_region_id       uuid NOT NULL REFERENCES regions (id),
  application              text NOT NULL,     -- only API keys of this department and application may use it
  purpose                  text NOT NULL,     -- the default X-Purpose; a call stating another is outside the grant
  fields                   text[] NOT NULL,   -- the information items that may be read
  row_filter               jsonb NOT NULL DEFAULT '[]'::jsonb,  -- row conditions (all must hold)
  masking                  jsonb NOT NULL DEFAULT '{}'::jsonb,  -- field → masking rule, over the provider's rules
  starts_at                timestamptz NOT NULL DEFAULT now(),
  ends_at                  timestamptz NOT NULL,
  revoked_at               timestamptz,
  revoked_by               text,
  revoked_by_name          text,
  revoke_reason            text,
  created_by               text,
  created_by_name          text,
  created_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
-- The hot path: every sharing call looks up the live grants of (department, application, resource).
CREATE INDEX share_grants_caller ON share_grants (consumer_department_id, application, resource_code)
  WHERE revoked_at IS NULL;
CREATE INDEX share_grants_provider ON share_grants (provider_department_id, created_at DESC);
CREATE INDEX share_grants_consumer ON share_grants (consumer_department_id, created_at DESC);
CREATE INDEX share_grants_resource ON share_grants (resource_id);
ALTER TABLE share_requests ADD FOREIGN KEY (grant_id) REFERENCES share_grants (id);

CREATE TABLE share_disputes (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                  uuid NOT NULL REFERENCES cases (id),
  resource_id              uuid NOT NULL REFERENCES catalog_resources (id),
  request_id               uuid REFERENCES share_requests (id),  -- set when the dispute is about a refusal
  provider_department_id   uuid NOT NULL REFERENCES departments (id),
  applicant_department_id  uuid NOT NULL REFERENCES departments (id),
  region_id                uuid NOT NULL REFERENCES regions (id), -- the coordinating authority's region
  raised_by                uuid REFERENCES users (id),
  reason                   text NOT NULL,
  state                    text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved', 'withdrawn')),
  outcome                  text,
  resolution               text CHECK (resolution IN ('shared', 'not_shared', 'other')),
  resolved_by              uuid REFERENCES users (id),
  resolved_at              timestamptz,
  created_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'resolved' OR (outcome IS NOT NULL AND resolution IS NOT NULL))
);
CREATE INDEX share_disputes_region ON share_disputes (region_id, created_at DESC);
CREATE INDEX share_disputes_applicant ON share_disputes (applicant_department_id, created_at DESC);
