// Rate limits shared by every app instance without a query on the request path. Counters are
// fixed windows in PostgreSQL (`rate_limit_hits`); each instance counts hits in memory and adds
// them to the shared rows in one upsert per flush, learning the totals of every instance from
// the same statement. A request is refused when the last known total plus this instance's
// unflushed hits pass the limit, so several instances together overshoot by at most the hits
// they take within one flush interval.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { addHits, deleteWindowsBefore, hitsIn } from './rate-limits.repository.ts';
import './rate-limits.messages.ts';

/** One limit: who is counted (the bucket), how many hits a window allows, and the window. */
export interface Limit {
  bucket: string;
  max: number;
  windowSeconds: number;
}

/** The answer for one hit. */
export interface Verdict {
  allowed: boolean;
  /** Seconds until the window ends (what `Retry-After` says when refused). */
  retryAfterSeconds: number;
  /** True for the first refusal of this bucket in this window (audit it once, not per hit). */
  firstRefusal: boolean;
}

interface Entry {
  bucket: string;
  windowStart: number;
  windowEnd: number;
  /** Total of every instance as of the last flush (includes this instance's flushed hits). */
  known: number;
  /** This instance's hits not yet written. */
  pending: number;
  refused: boolean;
}

/** Options of a limiter. */
export interface RateLimiterOptions {
  /** How often local hits are written (ms); 0 means only when `flush()` is called. */
  flushMs?: number;
  /** Told of a failed flush; the hits stay pending and the next flush retries them. */
  onError?: (error: unknown) => void;
  /** Most buckets held in memory; past it the oldest window is dropped. */
  maxEntries?: number;
}

const SWEEP_EVERY_MS = 60_000;
/** Windows older than this are removed by the sweep (longer than every configured window). */
const KEEP_WINDOWS_MS = 24 * 3_600_000;

/** Start of the fixed window `now` falls in. */
export function windowOf(now: number, windowSeconds: number): { start: number; end: number } {
  const size = windowSeconds * 1000;
  const start = Math.floor(now / size) * size;
  return { start, end: start + size };
}

/** Counts hits per bucket in fixed windows shared through PostgreSQL (see the file comment). */
export class RateLimiter {
  private readonly entries = new Map<string, Entry>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private lastSweep = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: RateLimiterOptions = {},
  ) {}

  /** Starts the periodic flush (the timer does not keep the process alive). */
  start(): void {
    const every = this.options.flushMs ?? 1_000;
    if (every <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.flush(), every);
    this.timer.unref();
  }

  /** Stops the periodic flush and writes what is pending. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Counts one hit in memory and says whether it is within the limit. Refused hits are not counted. */
  hit(limit: Limit, now = Date.now()): Verdict {
    const window = windowOf(now, limit.windowSeconds);
    const key = `${limit.bucket}@${window.start}`;
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= (this.options.maxEntries ?? 100_000)) this.dropOldest();
      entry = {
        bucket: limit.bucket,
        windowStart: window.start,
        windowEnd: window.end,
        known: 0,
        pending: 0,
        refused: false,
      };
      this.entries.set(key, entry);
    }
    const retryAfterSeconds = Math.max(1, Math.ceil((window.end - now) / 1000));
    if (entry.known + entry.pending >= limit.max) {
      const firstRefusal = !entry.refused;
      entry.refused = true;
      return { allowed: false, retryAfterSeconds, firstRefusal };
    }
    entry.pending++;
    return { allowed: true, retryAfterSeconds, firstRefusal: false };
  }

  /** Writes every pending hit in one upsert and learns the shared totals; failures keep them pending. */
  flush(): Promise<void> {
    // One flush at a time: a second caller waits for the running one, then flushes what came since.
    const previous = this.flushing ?? Promise.resolve();
    const next = previous.then(() => this.flushOnce());
    this.flushing = next.finally(() => {
      if (this.flushing === next) this.flushing = undefined;
    });
    return next;
  }

  private async flushOnce(): Promise<void> {
    const now = Date.now();
    const sent = new Map<string, number>();
    const rows = [];
    for (const [key, entry] of this.entries) {
      if (entry.windowEnd <= now) {
        this.entries.delete(key);
        continue;
      }
      if (entry.pending === 0) continue;
      sent.set(key, entry.pending);
      rows.push({ bucket: entry.bucket, windowStart: new Date(entry.windowStart), hits: entry.pending });
    }
    try {
      const totals = await addHits(this.db, rows);
      for (const total of totals) {
        const key = `${total.bucket}@${total.windowStart.getTime()}`;
        const entry = this.entries.get(key);
        if (!entry) continue;
        entry.pending -= sent.get(key) ?? 0;
        entry.known = total.hits;
      }
      if (now - this.lastSweep > SWEEP_EVERY_MS) {
        this.lastSweep = now;
        await deleteWindowsBefore(this.db, new Date(now - KEEP_WINDOWS_MS));
      }
    } catch (error) {
      // Fail open: a database hiccup must not refuse requests; the hits are written next time.
      this.options.onError?.(error);
    }
  }

  /**
   * Exact counting for rare, costly requests (sign-in failures): adds hits at once and returns
   * each bucket's total in the current window.
   */
  async addNow(buckets: readonly string[], windowSeconds: number, now = Date.now()): Promise<void> {
    const start = new Date(windowOf(now, windowSeconds).start);
    await addHits(
      this.db,
      buckets.map((bucket) => ({ bucket, windowStart: start, hits: 1 })),
    );
  }

  /**
   * Exact check for rare, costly requests: the first of `limits` whose shared count has reached
   * its maximum in the current window, or undefined when all are below.
   */
  async exceeded(limits: readonly Limit[], now = Date.now()): Promise<Verdict | undefined> {
    for (const limit of limits) {
      if (limit.max <= 0) continue;
      const window = windowOf(now, limit.windowSeconds);
      const hits = await hitsIn(this.db, [limit.bucket], new Date(window.start));
      if ((hits.get(limit.bucket) ?? 0) >= limit.max) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil((window.end - now) / 1000)),
          firstRefusal: false,
        };
      }
    }
    return undefined;
  }

  private dropOldest(): void {
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
  }
}
