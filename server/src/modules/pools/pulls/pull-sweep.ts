// The scheduler of pulls: a periodic sweep claims the pulls that are due and runs each as a batch.
// Claiming is one short transaction under an advisory lock (one instance sweeps at a time) that
// moves each claimed pull's next run on, so a due time is run once even with several instances;
// the runs themselves happen after it, so no lock is held during a long load.
import type { Database } from '../../../platform/db/database.ts';
import { systemContext } from '../../../platform/policy/actor.ts';
import { tryAdvisoryLock } from '../../../platform/cases/cases.repository.ts';
import { claimDuePulls } from './pulls.repository.ts';
import { runPull, staleBefore } from './pulls.service.ts';

// Advisory lock key of the pull sweep ("zspl" as a number), unique among the platform's locks.
const PULL_LOCK = 0x7a73_706c;

/** Logging the sweep needs. */
export interface SweepLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What one sweep did: each due pull it ran and the state of its batch. */
export interface PullSweepResult {
  /** False when another instance was claiming at the same moment (it runs the due pulls). */
  ran: boolean;
  runs: { pullId: string; batchId: string | null; state: 'loaded' | 'failed' }[];
}

/**
 * Runs the pulls due at `now`, one after another. A failing provider gives a failed batch and the
 * pull is tried again at its next interval; an error of the platform is logged, never thrown.
 */
export async function sweepPulls(
  database: Database,
  now: Date = new Date(),
  log?: SweepLog,
): Promise<PullSweepResult> {
  const claimed = await database.db.transaction().execute(async (trx) => {
    if (!(await tryAdvisoryLock(trx, PULL_LOCK))) return null;
    return claimDuePulls(trx, now, staleBefore(now));
  });
  if (!claimed) return { ran: false, runs: [] };
  const runs: PullSweepResult['runs'] = [];
  const context = systemContext('pool-pull');
  for (const pull of claimed) {
    try {
      const batch = await runPull(database, context, pull, 'schedule');
      runs.push({
        pullId: pull.id,
        batchId: batch.id,
        state: batch.state === 'loaded' ? 'loaded' : 'failed',
      });
    } catch (error) {
      log?.error({ err: error, pullId: pull.id }, 'pool pull failed');
      runs.push({ pullId: pull.id, batchId: null, state: 'failed' });
    }
  }
  return { ran: true, runs };
}

/** A running pull scheduler; `stop` ends it and waits for the sweep in progress. */
export interface PullScheduler {
  stop(): Promise<void>;
}

/**
 * Starts the scheduler (once, from `main.ts`): a sweep every `intervalMs` (a minute by default).
 * A sweep still running when the next is due is not doubled: the tick is skipped.
 */
export function startPullScheduler(
  platform: { database: Database },
  options: { intervalMs?: number; log?: SweepLog } = {},
): PullScheduler {
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || current) return;
    current = sweepPulls(platform.database, new Date(), options.log)
      .then((result) => {
        if (result.runs.length > 0) options.log?.info({ runs: result.runs }, 'pool pulls ran');
      })
      .catch((error: unknown) => options.log?.error({ err: error }, 'pool pull sweep failed'))
      .finally(() => (current = null));
  };
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
