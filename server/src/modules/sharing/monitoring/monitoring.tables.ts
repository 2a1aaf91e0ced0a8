import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** How a sharing call reads: one record by key, a query, a bulk export, changes, or pass-through. */
export type ShareWay = 'lookup' | 'query' | 'export' | 'changes' | 'live';

/** What an alert is about (see docs/sharing-monitoring.md for each rule). */
export type ShareAlertKind = 'bulk_lookup' | 'usage_spike' | 'off_hours' | 'new_key' | 'denied_calls';

/** Row of `share_usage_hourly`: the calls of one subject (a grant, or a refused caller) in one hour and way. */
export interface ShareUsageHourlyTable {
  id: Generated<number>;
  hour: Timestamp;
  way: ShareWay;
  grant_id: string | null;
  resource_id: string | null;
  provider_department_id: string | null;
  provider_region_id: string | null;
  consumer_department_id: string;
  consumer_region_id: string;
  application: string;
  calls: Generated<number>;
  denied: Generated<number>;
  failed: Generated<number>;
  records: Generated<number>;
  off_hours: Generated<number>;
  key_ids: Generated<string[]>;
  updated_at: Timestamp;
}

/** Row of `share_usage_keys`: an API key seen calling under a grant. */
export interface ShareUsageKeyTable {
  grant_id: string;
  key_id: string;
  key_prefix: string | null;
  application: string;
  first_seen: Timestamp;
  last_seen: Timestamp;
  calls: Generated<number>;
}

/** Row of `share_alerts`: an anomaly in the use of shared data, for the provider and the authority. */
export interface ShareAlertTable {
  id: Generated<string>;
  kind: ShareAlertKind;
  dedupe_key: string;
  period: string;
  grant_id: string | null;
  resource_id: string | null;
  provider_department_id: string | null;
  provider_region_id: string | null;
  consumer_department_id: string;
  consumer_region_id: string;
  region_id: string;
  application: string;
  evidence: Json;
  state: Generated<'open' | 'acknowledged'>;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: NullableTimestamp;
  acknowledgement_note: string | null;
  raised_at: Timestamp;
}

/** Row of `share_monitor_cursor` (one row, id = 1): the last chain position the sweep folded. */
export interface ShareMonitorCursorTable {
  id: number;
  last_seq: number;
  events: number;
  updated_at: Timestamp;
}

/** The monitoring tables. */
export interface MonitoringTables {
  share_usage_hourly: ShareUsageHourlyTable;
  share_usage_keys: ShareUsageKeyTable;
  share_alerts: ShareAlertTable;
  share_monitor_cursor: ShareMonitorCursorTable;
}
