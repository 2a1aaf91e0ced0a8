-- Conditionally open data (有条件开放, CQO §24–25, CQ19 §33, CQ18 §24, SC §33): a public user's
-- application, the provider's answer within the profile's deadline (a case), the data usage
-- agreement (数据利用协议) generated on approval and signed by both sides in the platform, the
-- authority's review where the profile asks for it, and the user's usage feedback. Access opens
-- exactly per the agreement and only for its period (CQO §39: suspended for breach).

CREATE TABLE open_applications (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id                 uuid NOT NULL REFERENCES cases (id),
  resource_id             uuid NOT NULL REFERENCES catalog_resources (id),
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  provider_region_id      uuid NOT NULL REFERENCES regions (id),
  applicant_user_id       uuid NOT NULL REFERENCES users (id),
  purpose                 text NOT NULL,
  scenario                text NOT NULL,
  security_measures       text NOT NULL,
  fields                  text[] NOT NULL,   -- the information items asked for (field names)
  methods                 text[] NOT NULL,   -- 'download' and/or 'api'
  valid_from              date NOT NULL,
  valid_until             date NOT NULL,
  state                   text NOT NULL DEFAULT 'submitted'
                          CHECK (state IN ('submitted', 'approved', 'refused', 'withdrawn')),
  decided_fields          text[],            -- fewer items: approved in part
  decided_until           date,              -- a shorter period: approved in part
  decision_reason         text,              -- required for a refusal and for a partial approval
  decided_by              uuid REFERENCES users (id),
  decided_at              timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= valid_from),
  CHECK (cardinality(fields) > 0 AND cardinality(methods) > 0),
  CHECK (methods <@ ARRAY['download', 'api']::text[]),
  CHECK (state <> 'refused' OR decision_reason IS NOT NULL)
);
CREATE INDEX open_applications_applicant ON open_applications (applicant_user_id, created_at);
CREATE INDEX open_applications_provider ON open_applications (provider_department_id, state, created_at);
-- One waiting application per user and dataset: a second one waits for the first's answer.
CREATE UNIQUE INDEX open_applications_one_waiting ON open_applications (applicant_user_id, resource_id)
  WHERE state = 'submitted';

CREATE SEQUENCE open_agreement_numbers;

-- The agreement: its terms as data (what access follows) and as the document both sides sign
-- (what a court reads). The document's SM3 digest is what each signature covers, so a changed
-- document cannot carry an earlier signature.
CREATE TABLE open_agreements (
  id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number                  text NOT NULL UNIQUE,
  application_id          uuid NOT NULL UNIQUE REFERENCES open_applications (id),
  resource_id             uuid NOT NULL REFERENCES catalog_resources (id),
  provider_department_id  uuid NOT NULL REFERENCES departments (id),
  provider_region_id      uuid NOT NULL REFERENCES regions (id),
  applicant_user_id       uuid NOT NULL REFERENCES users (id),
  terms                   jsonb NOT NULL,
  document                text NOT NULL,     -- the signed text (HTML, zh-CN)
  digest                  text NOT NULL,     -- 'sm3:' + hex of the document's UTF-8 bytes
  fields                  text[] NOT NULL,   -- the agreed items (copied from terms for the access check)
  methods                 text[] NOT NULL,
  valid_from              date NOT NULL,
  valid_until             date NOT NULL,
  feedback_every_days     integer NOT NULL CHECK (feedback_every_days > 0),
  state                   text NOT NULL DEFAULT 'awaiting_signatures'
                          CHECK (state IN ('awaiting_signatures', 'awaiting_review', 'active', 'refused',
                                           'suspended', 'terminated')),
  review_required         boolean NOT NULL,
  reviewed_by             uuid REFERENCES users (id),
  reviewed_at             timestamptz,
  review_reason           text,
  -- Usage supervision (CQO §39): why access is suspended or ended, and since when.
  state_reason            text,
  state_changed_at        timestamptz,
  activated_at            timestamptz,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until >= valid_from),
  CHECK (state <> 'refused' OR review_reason IS NOT NULL)
);
CREATE INDEX open_agreements_applicant ON open_agreements (applicant_user_id, resource_id, state);
CREATE INDEX open_agreements_provider ON open_agreements (provider_department_id, state, created_at);

-- One signature per side. The signed payload is canonical JSON of the agreement id, number,
-- digest, side, signer and time (see agreements/signatures.ts); the public key is kept beside it so
-- the signed agreement can be verified without the platform.
CREATE TABLE open_agreement_signatures (
  agreement_id    uuid NOT NULL REFERENCES open_agreements (id),
  party           text NOT NULL CHECK (party IN ('applicant', 'provider')),
  signer_user_id  uuid NOT NULL REFERENCES users (id),
  signer_name     text NOT NULL,
  digest          text NOT NULL,
  alg             text NOT NULL,
  key_id          text NOT NULL,
  public_key_pem  text NOT NULL,
  signed_payload  text NOT NULL,
  signature       text NOT NULL,             -- base64
  signed_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (agreement_id, party)
);

-- Signing keys of the parties (a public user; a provider department), made by the platform on the
-- first signature and held sealed with the keyring, bound to the owner (the sealing AAD), so a
-- database reader cannot sign. The public half is published with every signature.
CREATE TABLE party_signing_keys (
  owner_type        text NOT NULL CHECK (owner_type IN ('user', 'department')),
  owner_id          uuid NOT NULL,
  alg               text NOT NULL,
  key_id            text NOT NULL,
  public_key_pem    text NOT NULL,
  private_key_sealed bytea NOT NULL,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner_type, owner_id, alg)
);

-- Usage feedback (数据利用反馈, CQO §25): the user reports how the data was used on the agreed
-- schedule; a schedule date passed without a report flags the agreement.
CREATE TABLE open_usage_feedback (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agreement_id    uuid NOT NULL REFERENCES open_agreements (id),
  submitted_by    uuid NOT NULL REFERENCES users (id),
  summary         text NOT NULL,
  outcomes        jsonb NOT NULL DEFAULT '[]'::jsonb,  -- papers, products, services citing the source
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX open_usage_feedback_agreement ON open_usage_feedback (agreement_id, created_at);
