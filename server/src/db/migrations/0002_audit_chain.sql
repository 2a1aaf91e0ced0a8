-- The append-only guard of audit_events, made cheap enough for the sequencer's batch updates.
-- Same rule as before: an event may only receive its chain position (seq, prev_hash, hash) once,
-- and nothing else may change. Comparing the row with the chain fields put back is about five
-- times faster than comparing two to_jsonb() documents, and still covers columns added later.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unchained audit_events;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seq IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL THEN
      unchained := NEW;
      unchained.seq := OLD.seq;
      unchained.prev_hash := OLD.prev_hash;
      unchained.hash := OLD.hash;
      IF unchained IS NOT DISTINCT FROM OLD THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
