-- Use monitoring: the rule on repeated refused calls sums, per calling department and hour, the calls
-- refused without a grant. 0023 had no index for that read (the unique index puts the application
-- before the hour), so it scanned all of a department's rollups for each refused caller in a batch.
CREATE INDEX share_usage_hourly_refused ON share_usage_hourly (consumer_department_id, hour)
  WHERE grant_id IS NULL;
