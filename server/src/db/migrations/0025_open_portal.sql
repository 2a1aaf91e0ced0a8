-- Use of open data (开放数据使用情况) for the public portal: downloads and API calls of each open
-- resource per China day, counted by the open-data download and API routes inside their own
-- transactions (countOpenUse in modules/opening/portal/usage.repository.ts), and a running total per
-- resource so that the portal's home page and dataset cards read one row per resource instead of
-- summing every day there ever was. Both rows are upserted together.
CREATE TABLE open_usage_daily (
  resource_id  uuid NOT NULL REFERENCES catalog_resources (id),
  day          date NOT NULL,                  -- the day in China Standard Time
  downloads    bigint NOT NULL DEFAULT 0,
  api_calls    bigint NOT NULL DEFAULT 0,
  rows         bigint NOT NULL DEFAULT 0,      -- rows delivered by those downloads and calls
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (resource_id, day),
  CHECK (downloads >= 0 AND api_calls >= 0 AND rows >= 0)
);
-- "Most used in the last 30 days" reads a range of days.
CREATE INDEX open_usage_daily_day ON open_usage_daily (day, resource_id);

CREATE TABLE open_usage_totals (
  resource_id  uuid PRIMARY KEY REFERENCES catalog_resources (id),
  downloads    bigint NOT NULL DEFAULT 0,
  api_calls    bigint NOT NULL DEFAULT 0,
  rows         bigint NOT NULL DEFAULT 0,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (downloads >= 0 AND api_calls >= 0 AND rows >= 0)
);

-- The portal's newest datasets and the open catalog's sort=newest: by first publication.
CREATE INDEX catalog_entries_open_newest ON catalog_entries (published_at DESC, resource_id)
  WHERE open_review_passed;
