-- Public participation on the open-data portal (REQUIREMENTS §5): ratings and comments on open
-- datasets, the showcase of products built on open data (应用展示, CQO §25(2), §30), and the
-- requests answered in the portal — open-catalog corrections (CQ19 §32), data error reports
-- (CQO §22) and opinions on the open service (CQ19 §37). Suggestions of data to open (CQO §14,
-- CQ17 §22) are the demand list's (catalog_demands, kind 'public').

-- One rating per public user and dataset; rating again changes it.
CREATE TABLE open_ratings (
  resource_id   uuid NOT NULL REFERENCES catalog_resources (id),
  user_id       uuid NOT NULL REFERENCES users (id),
  stars         smallint NOT NULL CHECK (stars BETWEEN 1 AND 5),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, user_id)
);

-- Comments, stored as typed (plain text; the server never renders them as HTML). The provider's
-- staff or the region's authority may hide one with a reason; the author may delete their own.
-- Neither removes the row: hidden and deleted comments stay for the record and are never listed
-- publicly. The provider and region are the dataset's when the comment was written.
CREATE TABLE open_comments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id    uuid NOT NULL REFERENCES catalog_resources (id),
  department_id  uuid NOT NULL REFERENCES departments (id),
  region_id      uuid NOT NULL REFERENCES regions (id),
  author_user_id uuid NOT NULL REFERENCES users (id),
  body           text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
  created_at     timestamptz NOT NULL DEFAULT now(),
  hidden_at      timestamptz,
  hidden_by      uuid REFERENCES users (id),
  hidden_reason  text,
  deleted_at     timestamptz,
  CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL)),
  CHECK ((hidden_at IS NULL) = (hidden_by IS NULL))
);
-- The public list: a dataset's visible comments, newest first.
CREATE INDEX open_comments_visible ON open_comments (resource_id, created_at DESC)
  WHERE hidden_at IS NULL AND deleted_at IS NULL;
-- The per-user limit and the repeat check read a user's recent comments.
CREATE INDEX open_comments_author ON open_comments (author_user_id, created_at);
CREATE INDEX open_comments_department ON open_comments (department_id, created_at);

-- Showcase entries (应用展示): what a public user built on open data, shown once the authority of
-- the portal's region approved it.
CREATE TABLE open_showcase (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  submitter_user_id  uuid NOT NULL REFERENCES users (id),
  region_id          uuid NOT NULL REFERENCES regions (id),   -- whose authority reviews
  name               text NOT NULL,
  description        text NOT NULL,
  url                text NOT NULL CHECK (url ~ '^https?://'),
  kind               text NOT NULL CHECK (kind IN ('app', 'website', 'paper', 'report', 'other')),
  citation           text NOT NULL,                          -- how the sources are cited (CQO §25(2))
  state              text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'approved', 'rejected')),
  review_reason      text,
  reviewed_by        uuid REFERENCES users (id),
  reviewed_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'rejected' OR review_reason IS NOT NULL),
  CHECK ((state = 'submitted') = (reviewed_at IS NULL))
);
CREATE INDEX open_showcase_submitter ON open_showcase (submitter_user_id, created_at);
CREATE INDEX open_showcase_region ON open_showcase (region_id, state, created_at);

-- The open datasets an entry uses, in the order given.
CREATE TABLE open_showcase_datasets (
  showcase_id  uuid NOT NULL REFERENCES open_showcase (id),
  resource_id  uuid NOT NULL REFERENCES catalog_resources (id),
  position     smallint NOT NULL,
  PRIMARY KEY (showcase_id, resource_id)
);
-- A dataset page's "showcased applications".
CREATE INDEX open_showcase_datasets_resource ON open_showcase_datasets (resource_id, showcase_id);

-- Requests answered in the portal, each with its case: an open-catalog correction (the provider,
-- profile deadline openCatalogCorrectionReply), a data error report (the provider, correctionReply)
-- or an opinion on the open service (the authority of the dataset's or the portal's region; no
-- deadline). `department_id` answers; `region_id` is the answering side's region.
CREATE TABLE open_participation_requests (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL CHECK (kind IN ('catalog_correction', 'data_error', 'opinion')),
  case_id            uuid NOT NULL UNIQUE REFERENCES cases (id),
  requester_user_id  uuid NOT NULL REFERENCES users (id),
  resource_id        uuid REFERENCES catalog_resources (id),
  department_id      uuid NOT NULL REFERENCES departments (id),
  region_id          uuid NOT NULL REFERENCES regions (id),
  topic              text,                                   -- catalog corrections: the part of the entry
  fields             text[] NOT NULL DEFAULT '{}',           -- data errors: the items thought wrong
  location           text,                                   -- data errors: which records, where
  statement          text NOT NULL,
  proposal           text,                                   -- catalog corrections: what it should say
  state              text NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'accepted', 'rejected')),
  answer             text,
  answered_by        uuid REFERENCES users (id),
  answered_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'opinion' OR resource_id IS NOT NULL),
  CHECK (kind <> 'catalog_correction' OR topic IS NOT NULL),
  CHECK ((state = 'submitted') = (answer IS NULL)),
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX open_participation_requests_requester ON open_participation_requests (requester_user_id, created_at);
CREATE INDEX open_participation_requests_department ON open_participation_requests (department_id, state, created_at);
CREATE INDEX open_participation_requests_region ON open_participation_requests (region_id, state, created_at);
