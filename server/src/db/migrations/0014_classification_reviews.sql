-- Classification and grading (分类分级, SC §30, §40) and the secrecy review (保密审查, CQ19 §41,
-- CQ18 §30). Categories, levels and sub-levels are codes of the active profile; the catalog stores
-- them on revisions and items so they are versioned with the catalog like every other element.

-- A resource's data category and optional sub-level (its level is catalog_revisions.security_level).
ALTER TABLE catalog_revisions ADD COLUMN category text;
ALTER TABLE catalog_revisions ADD COLUMN security_sublevel text;

-- An item's category, and its level: null inherits the resource's level; a level set may only be
-- the resource's or higher (checked by the catalog rules against the profile's order of levels).
ALTER TABLE catalog_items ADD COLUMN category text;
ALTER TABLE catalog_items ADD COLUMN security_level text;

-- The published view carries the classification, and whether the current share / open attributes
-- have a passed secrecy review. The share and open catalogs (search, CKAN, DCAT) read only rows
-- whose flag is set, so a resource published before its review is in neither. Existing rows start
-- unreviewed: nothing was reviewed before this migration.
ALTER TABLE catalog_entries ADD COLUMN category text;
ALTER TABLE catalog_entries ADD COLUMN security_sublevel text;
ALTER TABLE catalog_entries ADD COLUMN share_review_passed boolean NOT NULL DEFAULT false;
ALTER TABLE catalog_entries ADD COLUMN open_review_passed boolean NOT NULL DEFAULT false;
DROP INDEX catalog_entries_open;
CREATE INDEX catalog_entries_open ON catalog_entries (open_type, modified_at) WHERE open_review_passed;
CREATE INDEX catalog_entries_share_reviewed ON catalog_entries (share_type) WHERE share_review_passed;

-- One secrecy review of a resource's share and open attributes as published in a revision. The
-- fingerprints name exactly what was reviewed; a later revision with the same fingerprints needs
-- no new review. Decided reviews are kept for the resource's history.
CREATE TABLE security_reviews (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resource_id        uuid NOT NULL REFERENCES catalog_resources (id),
  revision_id        uuid NOT NULL REFERENCES catalog_revisions (id),
  department_id      uuid NOT NULL REFERENCES departments (id),
  region_id          uuid NOT NULL REFERENCES regions (id),
  case_id            uuid REFERENCES cases (id),
  state              text NOT NULL DEFAULT 'pending'
                       CHECK (state IN ('pending', 'passed', 'not_passed', 'superseded')),
  share_fingerprint  text NOT NULL,
  open_fingerprint   text NOT NULL,
  -- The reviewed attributes as shown to the reviewer (share/open types, conditions, methods, levels).
  attributes         jsonb NOT NULL,
  -- What changed since the last passed review (field names), empty for a first review.
  changed            text[] NOT NULL DEFAULT '{}',
  reasons            text,
  decided_by         text,
  decided_by_name    text,
  decided_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (state <> 'not_passed' OR reasons IS NOT NULL),
  CHECK ((state IN ('passed', 'not_passed')) = (decided_at IS NOT NULL))
);
-- At most one review waits per resource.
CREATE UNIQUE INDEX security_reviews_pending ON security_reviews (resource_id) WHERE state = 'pending';
CREATE INDEX security_reviews_resource ON security_reviews (resource_id, created_at DESC);
CREATE INDEX security_reviews_department ON security_reviews (department_id, state, created_at DESC);
