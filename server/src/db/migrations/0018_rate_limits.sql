-- Rate limits (issue 5, hardening): fixed-window counters shared by every app instance, so that
-- instances stay stateless. A bucket names who is counted (an IP, a user, an API key, a sign-in
-- name) and for what; each instance adds its hits in batches with one upsert per flush.
CREATE TABLE rate_limit_hits (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL CHECK (hits >= 0),
  PRIMARY KEY (bucket, window_start)
);
-- The sweep removes windows that have passed.
CREATE INDEX rate_limit_hits_window ON rate_limit_hits (window_start);
