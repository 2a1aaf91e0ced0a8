-- Each link of the audit chain records the hash that made it (ZHENGSHU_CRYPTO_SUITE: `sm` → sm3,
-- `intl` → sha256), so that a chain still verifies after the installation switches suite: verify
-- recomputes every link with the algorithm the link names (docs/audit.md).
--
-- Every event chained so far was hashed with SM3, the only algorithm before this migration, so the
-- column is added with DEFAULT 'sm3' (PostgreSQL stores the default once; no row is rewritten) and
-- the default is then dropped: new events start with NULL and get their algorithm from the
-- sequencer together with seq, prev_hash and hash (an event still waiting now reads 'sm3' until the
-- sequencer sets the algorithm it chains it with). The check is NOT VALID since every existing row
-- holds 'sm3' by construction (no scan of the trail); it applies to every row written from here on.
ALTER TABLE audit_events ADD COLUMN hash_algorithm text DEFAULT 'sm3';
ALTER TABLE audit_events ALTER COLUMN hash_algorithm DROP DEFAULT;
ALTER TABLE audit_events
  ADD CONSTRAINT audit_events_hash_algorithm CHECK (hash_algorithm IN ('sm3', 'sha256')) NOT VALID;

-- The append-only guard (0002) with the algorithm among the chain fields: an event may receive its
-- chain position (seq, prev_hash, hash, hash_algorithm) once, all four together, and nothing else
-- may change.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unchained audit_events;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL AND NEW.hash_algorithm IS NOT NULL THEN
      unchained := NEW;
      unchained.seq := OLD.seq;
      unchained.prev_hash := OLD.prev_hash;
      unchained.hash := OLD.hash;
      unchained.hash_algorithm := OLD.hash_algorithm;
      IF unchained IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
