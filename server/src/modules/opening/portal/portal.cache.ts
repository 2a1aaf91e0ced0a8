// A small in-process cache for what the portal's public pages derive from a whole pool table (the
// data-quality measures, a chart's grouped counts): keyed by the table's version, so a new load is
// seen at once, and held for a bounded time, since timeliness moves with the clock. Computations
// scan tables, so only a few run at once: a crawler walking every dataset page must not take every
// connection of the pool.

/** Values computed at most once per key and time to live; the oldest entries go beyond `max`. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly ttlMs: number,
    private readonly max: number,
    private readonly concurrency = 2,
  ) {}

  /**
   * The value of `key`, computed by `make` when missing or expired. Callers asking while it is
   * being computed share the one computation; a failed computation is not kept.
   */
  get(key: string, make: () => Promise<V>, now = Date.now()): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const entry = { at: now, value: this.limited(make) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry.value;
  }

  // A finished computation hands its slot to the next waiting one, so at most `concurrency` run.
  private async limited(make: () => Promise<V>): Promise<V> {
    if (this.running < this.concurrency) this.running++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await make();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
