-- Use monitoring of shared data (共享数据使用监测, CQ19 §50(4)(5)). The sharing API writes one audit
-- event per call (action share.data.<way>); a background sweep reads those events after the
-- sequencer has chained them, folds them into hourly rollups, remembers which API keys were seen
-- under each grant, and raises alerts for the provider and the authority. The request path only
-- writes its audit event; everything here is done afterwards.

-- Calls per hour, per way of calling, per subject. The subject is the grant the call ran under, or,
-- for a call refused without a grant (another application's key, a purpose outside every grant),
-- the resource called (when known) and the calling department and application.
CREATE TABLE share_usage_hourly (
  id                       bigserial PRIMARY KEY,
  hour                     timestamptz NOT NULL,   -- start of the hour (China hours start on UTC hours)
  way                      text NOT NULL CHECK (way IN ('lookup', 'query', 'export', 'changes', 'live')),
  grant_id                 uuid REFERENCES share_grants (id),
  resource_id              uuid REFERENCES catalog_resources (id),
  provider_department_id   uuid REFERENCES departments (id),
  provider_region_id       uuid REFERENCES regions (id),
  consumer_department_id   uuid NOT NULL REFERENCES departments (id),
  consumer_region_id       uuid NOT NULL REFERENCES regions (id),
  application              text NOT NULL,          -- the calling application (the API key's)
  calls                    integer NOT NULL DEFAULT 0,
  denied                   integer NOT NULL DEFAULT 0,  -- outcome denied (refused as outside a grant)
  failed                   integer NOT NULL DEFAULT 0,  -- outcome failure (e.g. a provider system down)
  records                  bigint NOT NULL DEFAULT 0,   -- records returned (detail.count)
  off_hours                integer NOT NULL DEFAULT 0,  -- calls (not denied) outside working hours
  key_ids                  text[] NOT NULL DEFAULT '{}', -- distinct API key ids that called in the hour
  updated_at               timestamptz NOT NULL DEFAULT now()
);
-- One row per subject, hour and way (the sweep upserts on it). A missing grant or resource is
-- written as the nil uuid in the index so that such calls fold into one row too.
CREATE UNIQUE INDEX share_usage_hourly_subject ON share_usage_hourly (
  consumer_department_id, application,
  COALESCE(grant_id, '00000000-0000-0000-0000-000000000000'::uuid),
  COALESCE(resource_id, '00000000-0000-0000-0000-000000000000'::uuid),
  hour, way);
CREATE INDEX share_usage_hourly_grant ON share_usage_hourly (grant_id, hour);
CREATE INDEX share_usage_hourly_provider ON share_usage_hourly (provider_department_id, hour);
CREATE INDEX share_usage_hourly_provider_region ON share_usage_hourly (provider_region_id, hour);
CREATE INDEX share_usage_hourly_consumer_region ON share_usage_hourly (consumer_region_id, hour);

-- The API keys seen calling under each grant (a key not seen before can raise an alert).
CREATE TABLE share_usage_keys (
  grant_id                 uuid NOT NULL REFERENCES share_grants (id),
  key_id                   text NOT NULL,          -- the audit event's actor_id (api_keys.id)
  key_prefix               text,                   -- api_keys.token_prefix, to tell keys apart
  application              text NOT NULL,
  first_seen               timestamptz NOT NULL,
  last_seen                timestamptz NOT NULL,
  calls                    bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (grant_id, key_id)
);

-- Alerts (使用异常告警): raised once per grant (or subject), kind and period, with the evidence.
CREATE TABLE share_alerts (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                     text NOT NULL
                           CHECK (kind IN ('bulk_lookup', 'usage_spike', 'off_hours', 'new_key', 'denied_calls')),
  dedupe_key               text NOT NULL UNIQUE,   -- kind | subject | period: a second raise is a no-op
  period                   text NOT NULL,          -- the hour (ISO), the China date, or the key id
  grant_id                 uuid REFERENCES share_grants (id),
  resource_id              uuid REFERENCES catalog_resources (id),
  provider_department_id   uuid REFERENCES departments (id),
  provider_region_id       uuid REFERENCES regions (id),
  consumer_department_id   uuid NOT NULL REFERENCES departments (id),
  consumer_region_id       uuid NOT NULL REFERENCES regions (id),
  region_id                uuid NOT NULL REFERENCES regions (id),  -- the authority that oversees it
  application              text NOT NULL,
  evidence                 jsonb NOT NULL,
  state                    text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'acknowledged')),
  acknowledged_by          text,
  acknowledged_by_name     text,
  acknowledged_at          timestamptz,
  acknowledgement_note     text,
  raised_at                timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'acknowledged') = (acknowledged_at IS NOT NULL)),
  CHECK (state = 'open' OR acknowledgement_note IS NOT NULL)
);
CREATE INDEX share_alerts_provider ON share_alerts (provider_department_id, raised_at DESC);
CREATE INDEX share_alerts_region ON share_alerts (region_id, raised_at DESC);
CREATE INDEX share_alerts_consumer_region ON share_alerts (consumer_region_id, raised_at DESC);
CREATE INDEX share_alerts_grant ON share_alerts (grant_id);

-- Where the sweep is: the last chain position (audit_events.seq) it has folded. The sequencer gives
-- seq in commit order, so an event whose transaction commits late still comes after the cursor.
CREATE TABLE share_monitor_cursor (
  id                       integer PRIMARY KEY CHECK (id = 1),
  last_seq                 bigint NOT NULL DEFAULT 0,
  events                   bigint NOT NULL DEFAULT 0,   -- events folded so far
  updated_at               timestamptz NOT NULL DEFAULT now()
);
INSERT INTO share_monitor_cursor (id, last_seq) VALUES (1, 0);

-- The sweep's read: chained data-call events after the cursor. Partial on seq IS NOT NULL, so the
-- request path's insert (seq still null) adds no index entry; the sequencer's update does.
CREATE INDEX audit_events_share_data ON audit_events (seq)
  WHERE seq IS NOT NULL AND action LIKE 'share.data.%';
