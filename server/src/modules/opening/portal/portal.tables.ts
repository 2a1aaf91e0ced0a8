import type { Timestamp } from '../../../platform/db/schema.ts';

/** Row of `open_usage_daily` (migration 0025): one open resource's use on one China day. */
export interface OpenUsageDailyTable {
  resource_id: string;
  /** `YYYY-MM-DD`, China Standard Time. */
  day: string;
  downloads: number;
  api_calls: number;
  /** Rows delivered by the day's downloads and API calls. */
  rows: number;
  updated_at: Timestamp;
}

/** Row of `open_usage_totals`: an open resource's use of all time (kept beside the daily rows). */
export interface OpenUsageTotalsTable {
  resource_id: string;
  downloads: number;
  api_calls: number;
  rows: number;
  updated_at: Timestamp;
}

/** The open-data portal's tables. */
export interface OpenPortalTables {
  open_usage_daily: OpenUsageDailyTable;
  open_usage_totals: OpenUsageTotalsTable;
}
