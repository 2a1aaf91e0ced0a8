import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chainBody, GENESIS_HASH, linkHash, SEQUENCER_LOCK_KEY, type ChainHashAlgorithm } from './chain.ts';

/** How many events one sequencer transaction chains by default. */
export const DEFAULT_SEQUENCER_BATCH = 1000;

/** Options of {@link runOnce}. */
export interface SequencerOptions {
  /** Events per transaction. */
  batchSize?: number;
  /**
   * The hash new links are made with and record: the configured suite's (`hashOfSuite`), SM3
   * unless named. Links already chained keep theirs, so changing it never breaks the chain.
   */
  hashAlgorithm?: ChainHashAlgorithm;
}

/**
 * Chains one batch of unsequenced events, in id order, after the current head. Returns how many
 * it chained, or -1 when another instance holds the sequencer lock.
 */
async function chainBatch(db: Kysely<DB>, batchSize: number, algorithm: ChainHashAlgorithm): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Exactly one instance chains at a time; the others skip instead of queueing behind it.
    const lock = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${SEQUENCER_LOCK_KEY}) AS locked`.execute(trx);
    if (!lock.rows[0]?.locked) return -1;

    // The oldest waiting event, then a bounded id window from it: without statistics (a fresh
    // backlog) the planner would otherwise read and sort every waiting event for every batch.
    const oldest = await trx
      .selectFrom('audit_events')
      .select((eb) => eb.fn.min('id').as('id'))
      .where('seq', 'is', null)
      .executeTakeFirst();
    if (oldest?.id === null || oldest?.id === undefined) return 0;
    const events = await trx
      .selectFrom('audit_events')
      .select(['id', chainBody().as('body')])
      .where('seq', 'is', null)
      .where('id', '>=', oldest.id)
      .where('id', '<', oldest.id + batchSize * 2)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (events.length === 0) return 0;

    const head = await trx
      .selectFrom('audit_chain_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirst();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const ids: number[] = [];
    const seqs: number[] = [];
    const prevHashes: string[] = [];
    const hashes: string[] = [];
    for (const event of events) {
      seq += 1;
      const hash = linkHash(prevHash, seq, event.body, algorithm);
      ids.push(event.id);
      seqs.push(seq);
      prevHashes.push(prevHash);
      hashes.push(hash);
      prevHash = hash;
    }

    // One statement per batch: four array parameters whatever the batch size.
    await sql`
      UPDATE audit_events AS e
         SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash, hash_algorithm = ${algorithm}
        FROM unnest(${ids}::bigint[], ${seqs}::bigint[], ${prevHashes}::text[], ${hashes}::text[])
             AS v(id, seq, prev_hash, hash)
       WHERE e.id = v.id
         -- The id range lets the planner fetch just this batch by primary key instead of scanning
         -- the whole table for the join (there are no statistics on a young table).
         AND e.id BETWEEN ${ids[0]!} AND ${ids[ids.length - 1]!}`.execute(trx);
    await trx
      .insertInto('audit_chain_head')
      .values({ id: 1, seq, hash: prevHash, updated_at: sql<Date>`now()` })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seq, hash: prevHash, updated_at: sql<Date>`now()` }))
      .execute();
    return events.length;
  });
}

/**
 * Chains every event that is waiting (in batches, one transaction each) and returns how many it
 * chained. Returns 0 at once when another instance is chaining.
 */
export async function runOnce(db: Kysely<DB>, options: SequencerOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_SEQUENCER_BATCH;
  const algorithm = options.hashAlgorithm ?? 'sm3';
  let total = 0;
  for (;;) {
    const chained = await chainBatch(db, batchSize, algorithm);
    // A window may hold fewer than a batch (events already chained in between): go on until none.
    if (chained <= 0) return total;
    total += chained;
  }
}

/** Options of {@link startSequencer}. */
export interface StartSequencerOptions extends SequencerOptions {
  /** Called when a run fails (e.g. the database is briefly unreachable); the loop carries on. */
  onError?: (error: unknown) => void;
}

/**
 * Runs the sequencer every `intervalMs` in the background (the app calls this at start-up; several
 * instances may, the advisory lock lets one work at a time). Returns a function that stops the loop
 * and resolves once a run in progress has finished.
 */
export function startSequencer(
  db: Kysely<DB>,
  intervalMs: number,
  options: StartSequencerOptions = {},
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const tick = () => {
    running = runOnce(db, options)
      .then(
        () => undefined,
        (error: unknown) => options.onError?.(error),
      )
      .finally(() => {
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    // Next run after this one ends, never overlapping; unref'd so it never keeps a process alive.
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
