-- Demand lists (需求清单, CQ19 §12) and public suggestions of data to open (CQO §14). Each demand is
-- answered by the top data authority (a case with the profile's demandReply deadline): matched to
-- published resources, routed to the department that should provide it (a second case, for that
-- department), or rejected with a reason. Responsibility lists and update requests need no table:
-- the first are derived from catalog_entries, the second are cases (catalog.update_request).
CREATE TABLE catalog_demands (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                    text NOT NULL CHECK (kind IN ('department', 'public')),
  title                   text NOT NULL,
  description             text NOT NULL,
  wanted_items            text,                       -- the items wanted, as the requester writes them
  purpose                 text NOT NULL,              -- purpose, or the use scenario of a suggestion
  basis                   text,                       -- the duty or legal basis for needing the data
  requester_department_id uuid REFERENCES departments (id),   -- null for a public suggestion
  requested_by            text NOT NULL,              -- user id
  requested_by_name       text NOT NULL,
  region_id               uuid NOT NULL REFERENCES regions (id),   -- the requester's region (scope)
  suggested_provider_id   uuid REFERENCES departments (id),        -- who the requester thinks holds it
  authority_id            uuid NOT NULL REFERENCES departments (id),   -- who answers
  case_id                 uuid NOT NULL UNIQUE REFERENCES cases (id),
  state                   text NOT NULL DEFAULT 'open'
                          CHECK (state IN ('open', 'matched', 'routed', 'rejected', 'accepted', 'declined')),
  provider_id             uuid REFERENCES departments (id),       -- set when routed
  provider_case_id        uuid UNIQUE REFERENCES cases (id),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'department') = (requester_department_id IS NOT NULL)),
  CHECK (kind = 'public' OR basis IS NOT NULL),
  CHECK ((provider_id IS NULL) = (provider_case_id IS NULL))
);
CREATE INDEX catalog_demands_authority ON catalog_demands (authority_id, state);
CREATE INDEX catalog_demands_requester ON catalog_demands (requester_department_id, created_at);
CREATE INDEX catalog_demands_provider ON catalog_demands (provider_id, state);
CREATE INDEX catalog_demands_requested_by ON catalog_demands (requested_by, created_at);
CREATE INDEX catalog_demands_region ON catalog_demands (region_id, created_at);

-- Published resources found by search over a demand's title and description when it was filed.
CREATE TABLE catalog_demand_candidates (
  demand_id    uuid NOT NULL REFERENCES catalog_demands (id),
  resource_id  uuid NOT NULL REFERENCES catalog_resources (id),
  rank         smallint NOT NULL CHECK (rank > 0),
  score        real NOT NULL,
  PRIMARY KEY (demand_id, resource_id)
);

-- Every answer to a demand, in order: the authority's match / route / reject, the provider's
-- accept / decline, and the provider's later link to the resource it added.
CREATE TABLE catalog_demand_answers (
  id                bigserial PRIMARY KEY,                        -- the order of the answers
  demand_id         uuid NOT NULL REFERENCES catalog_demands (id),
  step              text NOT NULL CHECK (step IN ('match', 'route', 'reject', 'accept', 'decline', 'link')),
  department_id     uuid NOT NULL REFERENCES departments (id),   -- the answering department
  answered_by       text NOT NULL,
  answered_by_name  text NOT NULL,
  answered_at       timestamptz NOT NULL DEFAULT now(),
  reason            text,
  note              text,
  provider_id       uuid REFERENCES departments (id),             -- a route's target
  resource_ids      uuid[] NOT NULL DEFAULT '{}',                 -- matched or linked resources
  CHECK (step NOT IN ('reject', 'decline') OR reason IS NOT NULL),
  CHECK ((step = 'route') = (provider_id IS NOT NULL)),
  CHECK (step NOT IN ('match', 'link') OR cardinality(resource_ids) > 0)
);
CREATE INDEX catalog_demand_answers_demand ON catalog_demand_answers (demand_id, id);
