-- Usage supervision of conditionally open data (CQO §37(3), §39): when a user breaches the data
-- usage agreement, the provider (or the authority of its region) suspends the user's access and
-- demands rectification by a date; the user reports what was rectified; the provider accepts (access
-- reopens) or terminates the agreement (access ends for good). The user sees why at every step.
CREATE TABLE open_agreement_breaches (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id      uuid NOT NULL REFERENCES open_agreements (id),
  case_id           uuid NOT NULL REFERENCES cases (id),
  department_id     uuid NOT NULL REFERENCES departments (id),   -- the provider
  region_id         uuid NOT NULL REFERENCES regions (id),
  found_by          uuid NOT NULL REFERENCES users (id),
  breach            text NOT NULL,     -- what the user did against the agreement (shown to the user)
  demand            text NOT NULL,     -- what must be rectified
  rectify_by        date NOT NULL,
  state             text NOT NULL DEFAULT 'open'
                    CHECK (state IN ('open', 'reported', 'rectified', 'terminated')),
  report            text,              -- the user's account of the rectification
  reported_at       timestamptz,
  decision_note     text,
  decided_by        uuid REFERENCES users (id),
  decided_at        timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((report IS NULL) = (reported_at IS NULL)),
  CHECK (state IN ('open', 'reported') OR decision_note IS NOT NULL)
);
CREATE INDEX open_agreement_breaches_agreement ON open_agreement_breaches (agreement_id, created_at);
CREATE INDEX open_agreement_breaches_department ON open_agreement_breaches (department_id, state, rectify_by);
