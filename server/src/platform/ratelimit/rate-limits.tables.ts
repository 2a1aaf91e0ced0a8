import type { Timestamp } from '../db/schema.ts';

/** Row of `rate_limit_hits`: hits of one bucket in one fixed window. */
export interface RateLimitHitTable {
  bucket: string;
  window_start: Timestamp;
  hits: number;
}

/** Tables of the rate limits. */
export interface RateLimitTables {
  rate_limit_hits: RateLimitHitTable;
}
