/** One measured figure, with the goal it is held against (if any). */
export interface Measurement {
  name: string;
  value: number;
  unit: string;
  /** For ratios and throughputs with a target: the goal and which way is better. */
  goal?: { min: number };
  note?: string;
}

/** Which engine a bench runs on: the server of DATABASE_URL, or embedded PGlite in memory. */
export function engineName(): string {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

/** Runs `work` with `concurrency` workers until `durationMs` has passed; returns completed calls per second. */
export async function throughput(
  concurrency: number,
  durationMs: number,
  work: (worker: number) => Promise<void>,
): Promise<{ perSecond: number; count: number }> {
  const started = performance.now();
  const deadline = started + durationMs;
  let count = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        await work(worker);
        count += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, count };
}
