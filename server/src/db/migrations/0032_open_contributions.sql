-- Multi-source opening (多源开放, CQO §31): enterprises and other organisations publish their own
-- data through the portal. An organisation account submits a dataset (metadata and a CSV file);
-- the data authority reviews it before it appears; once approved, identity-authenticated users
-- download it like other open data, counted and audited.
CREATE TABLE open_contributions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  publisher_user_id uuid NOT NULL REFERENCES users (id),
  region_id         uuid NOT NULL REFERENCES regions (id),   -- whose authority reviews it
  name              text NOT NULL,
  description       text NOT NULL,
  keywords          text[] NOT NULL DEFAULT '{}',
  licence           text NOT NULL,
  update_cycle      text NOT NULL,
  source_note       text NOT NULL,     -- where the data comes from and how it was made
  columns           text[] NOT NULL,
  row_count         integer NOT NULL CHECK (row_count > 0),
  size_bytes        integer NOT NULL CHECK (size_bytes > 0),
  digest            text NOT NULL,     -- SM3 of the stored CSV
  content           bytea NOT NULL,    -- the CSV as stored: UTF-8, LF, formulas neutralised
  state             text NOT NULL DEFAULT 'submitted'
                    CHECK (state IN ('submitted', 'approved', 'rejected', 'withdrawn')),
  review_reason     text,
  reviewed_by       uuid REFERENCES users (id),
  reviewed_at       timestamptz,
  downloads         integer NOT NULL DEFAULT 0,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'rejected' OR review_reason IS NOT NULL)
);
CREATE INDEX open_contributions_public ON open_contributions (state, reviewed_at);
CREATE INDEX open_contributions_publisher ON open_contributions (publisher_user_id, created_at);
