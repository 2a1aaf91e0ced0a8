import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import {
  CHAIN_BODY_SQL,
  GENESIS_HASH,
  isChainHashAlgorithm,
  linkHash,
  type ChainHashAlgorithm,
} from './chain.ts';

/** Why the chain is broken at an event. */
export type BrokenReason =
  /** One or more events before this one are missing (deleted), or seq was rewritten. */
  | 'seq_gap'
  /** The event does not point at the hash of the event before it (reordered or replaced). */
  | 'prev_hash'
  /**
   * The event's content no longer matches its hash (a field or the recorded algorithm was edited),
   * or the event names no hash the chain accepts.
   */
  | 'hash'
  /** The chain head disagrees with the last event (events cut off the end, or the head edited). */
  | 'head';

/** The first place where the chain does not hold. */
export interface BrokenLink {
  seq: number;
  /** The event's id; null when the event at this place is missing. */
  id: number | null;
  reason: BrokenReason;
  /** A sentence for people (English; the CLI prints it). */
  message: string;
}

/** What {@link verifyChain} found. */
export interface VerifyResult {
  ok: boolean;
  /** Events checked, from seq 1 up to the head (or up to the break). */
  checked: number;
  /** Seq of the chain head when the check began (0 when nothing is chained yet). */
  headSeq: number;
  /** Events not yet chained by the sequencer: expected, not an error. */
  unsequenced: number;
  /**
   * How many of the checked events each hash made, in the order the chain first uses them
   * (`{ sm3: 1200, sha256: 300 }` after a switch from the `sm` to the `intl` suite).
   */
  algorithms: Partial<Record<ChainHashAlgorithm, number>>;
  firstBroken?: BrokenLink;
}

/** The hashes of the checked links for people, e.g. `1200 sm3, 300 sha256`; empty before the first. */
export function describeAlgorithms(algorithms: VerifyResult['algorithms']): string {
  return Object.entries(algorithms)
    .map(([algorithm, count]) => `${count} ${algorithm}`)
    .join(', ');
}

/** Options of {@link verifyChain}. */
export interface VerifyOptions {
  /** Events fetched per query. */
  batchSize?: number;
  /** Queries kept in flight ahead of the hashing. */
  prefetch?: number;
}

interface ChainRow {
  seq: number;
  prevHash: string;
  hash: string;
  /** As stored; `-` when missing. */
  algorithm: string;
  body: string;
}

// One text column per event, `seq prev_hash hash hash_algorithm body`: PGlite hands over one wide
// column about twice as fast as six narrow ones, and it costs PostgreSQL nothing. A missing hash or
// algorithm reads as `-`; a field edited to hold spaces misaligns the split and so fails the checks.
const LINE_SQL =
  `concat_ws(' ', seq, coalesce(prev_hash, '-'), coalesce(hash, '-'), coalesce(hash_algorithm, '-'), ` +
  `${CHAIN_BODY_SQL})`;

function parseLine(line: string): ChainRow {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  const c = line.indexOf(' ', b + 1);
  const d = line.indexOf(' ', c + 1);
  return {
    seq: Number(line.slice(0, a)),
    prevHash: line.slice(a + 1, b),
    hash: line.slice(b + 1, c),
    algorithm: line.slice(c + 1, d),
    body: line.slice(d + 1),
  };
}

/** The event id, from the body's first field (only needed to name a broken event). */
function idOf(body: string): number {
  return Number(body.slice(1, body.indexOf(',')));
}

// A bounded seq range, not "after X, LIMIT n": the planner then reads just that slice of the seq
// index even without statistics, where an open range can make it sort the whole rest of the chain.
async function fetchRange(db: Kysely<DB>, afterSeq: number, upToSeq: number): Promise<ChainRow[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(sql<string>`${sql.raw(LINE_SQL)}`.as('line'))
    .where('seq', '>', afterSeq)
    .where('seq', '<=', upToSeq)
    .orderBy('seq')
    .execute();
  return rows.map((row) => parseLine(row.line));
}

/**
 * Walks the chain from seq 1 to the head in seq order and recomputes every hash with the algorithm
 * its event records: detects edited fields, an edited algorithm, deleted events, reordering and a
 * cut-off tail. Events the sequencer adds while this runs
 * are left for the next check: the walk stops at the head it saw when it began.
 */
export async function verifyChain(db: Kysely<DB>, options: VerifyOptions = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 10_000;
  const prefetch = Math.max(1, options.prefetch ?? 2);
  // One statement, so head, "anything beyond it" and the backlog come from one snapshot.
  const start = await sql<{
    head_seq: number | null;
    head_hash: string | null;
    beyond_seq: number | null;
    beyond_id: number | null;
    unsequenced: number;
  }>`
    SELECT h.seq AS head_seq, h.hash AS head_hash, b.seq AS beyond_seq, b.id AS beyond_id,
           (SELECT count(*) FROM audit_events WHERE seq IS NULL)::bigint AS unsequenced
      FROM (SELECT 1) AS one
      LEFT JOIN audit_chain_head h ON h.id = 1
      LEFT JOIN LATERAL (
        SELECT e.seq, e.id FROM audit_events e
         WHERE e.seq > coalesce(h.seq, 0) ORDER BY e.seq LIMIT 1
      ) b ON true`.execute(db);
  const first = start.rows[0]!;
  const headSeq = first.head_seq ?? 0;
  const algorithms: Partial<Record<ChainHashAlgorithm, number>> = {};
  const base = { headSeq, unsequenced: Number(first.unsequenced), algorithms };
  const broken = (checked: number, link: BrokenLink): VerifyResult => ({
    ...base,
    ok: false,
    checked,
    firstBroken: link,
  });

  if (first.beyond_seq !== null) {
    return broken(0, {
      seq: first.beyond_seq,
      id: first.beyond_id,
      reason: 'head',
      message:
        first.head_seq === null
          ? 'events are chained but the chain head is missing'
          : `event is chained beyond the chain head (head seq ${headSeq})`,
    });
  }

  let checked = 0;
  let prevHash = GENESIS_HASH;
  let lastBody: string | null = null;
  // Keep the next ranges in flight while hashing this one, so that the database (other connections
  // of the pool, on PostgreSQL) and the hashing overlap. Ranges are fixed slices of seq, so a gap
  // (deleted events) shows up as a row whose seq is not the next one.
  const inFlight: Promise<ChainRow[]>[] = [];
  let nextStart = 0;
  const fill = () => {
    while (inFlight.length < prefetch && nextStart < headSeq) {
      const fetch = fetchRange(db, nextStart, Math.min(nextStart + batchSize, headSeq));
      // Marked handled now; the error still surfaces when this range's turn comes.
      fetch.catch(() => undefined);
      inFlight.push(fetch);
      nextStart += batchSize;
    }
  };
  const settle = () => Promise.allSettled(inFlight);
  fill();
  while (inFlight.length > 0) {
    const rows = await inFlight.shift()!;
    fill();
    for (const row of rows) {
      const expected = checked + 1;
      if (row.seq !== expected) {
        await settle();
        return broken(checked, {
          seq: row.seq,
          id: idOf(row.body),
          reason: 'seq_gap',
          message: `expected seq ${expected}; ${row.seq - expected} event(s) before this one are missing`,
        });
      }
      if (row.prevHash !== prevHash) {
        await settle();
        return broken(checked, {
          seq: row.seq,
          id: idOf(row.body),
          reason: 'prev_hash',
          message: 'does not link to the event before it (reordered, replaced or inserted)',
        });
      }
      const algorithm = row.algorithm;
      if (!isChainHashAlgorithm(algorithm)) {
        await settle();
        return broken(checked, {
          seq: row.seq,
          id: idOf(row.body),
          reason: 'hash',
          message: `names no hash the chain accepts (${JSON.stringify(algorithm.slice(0, 20))}; the algorithm was changed)`,
        });
      }
      const hash = linkHash(prevHash, row.seq, row.body, algorithm);
      if (hash !== row.hash) {
        await settle();
        return broken(checked, {
          seq: row.seq,
          id: idOf(row.body),
          reason: 'hash',
          message: `content does not match its ${algorithm} hash (a field or the algorithm was changed)`,
        });
      }
      algorithms[algorithm] = (algorithms[algorithm] ?? 0) + 1;
      prevHash = hash;
      lastBody = row.body;
      checked = expected;
    }
  }

  if (checked !== headSeq) {
    return broken(checked, {
      seq: checked + 1,
      id: null,
      reason: 'head',
      message: `the chain ends at seq ${checked} but its head says ${headSeq}: events were cut off the end`,
    });
  }
  if (headSeq > 0 && first.head_hash !== prevHash) {
    return broken(checked, {
      seq: headSeq,
      id: lastBody === null ? null : idOf(lastBody),
      reason: 'head',
      message: 'the chain head hash does not match the last event',
    });
  }
  return { ...base, ok: true, checked };
}
