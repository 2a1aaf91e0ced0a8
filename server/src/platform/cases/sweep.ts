import type { Kysely } from 'kysely';
import { recordAuditMany } from '../audit/audit.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { reloadCalendar } from '../calendar/calendar.service.ts';
import { todayInChina } from '../calendar/dates.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../policy/actor.ts';
import { markOverdue, tryAdvisoryLock } from './cases.repository.ts';

// Advisory lock key of the deadline sweep ("zs-dead" as a number); any constant unique in the app.
const SWEEP_LOCK = 0x7a73_6465;

/** What one sweep did. */
export interface SweepResult {
  /** False when another instance was sweeping at the same moment (it does the work). */
  ran: boolean;
  /** Cases newly marked overdue. */
  marked: number;
}

/**
 * Marks open cases whose due date is before `today` as overdue, with one audit event per case, all in
 * one transaction. Safe with several app instances: an advisory lock lets one sweep at a time, and a
 * case already marked is never marked again.
 */
export async function sweepOverdue(db: Kysely<DB>, today: string = todayInChina()): Promise<SweepResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await tryAdvisoryLock(trx, SWEEP_LOCK))) return { ran: false, marked: 0 };
    const rows = await markOverdue(trx, today);
    await recordAuditMany(
      trx,
      systemContext('deadline-sweep'),
      rows.map((row) => ({
        action: 'case.overdue',
        targetType: 'case',
        targetId: row.id,
        departmentId: row.department_id,
        detail: { type: row.type, dueOn: row.due_on, overdueSince: row.overdue_since, today },
      })),
    );
    return { ran: true, marked: rows.length };
  });
}

/** A running deadline sweep; `stop` ends it and waits for a sweep in progress. */
export interface DeadlineSweep {
  stop(): Promise<void>;
}

/**
 * Starts the periodic deadline sweep (call once from `main.ts` after the app is built):
 * `startDeadlineSweep(app.platform, { log: app.log })`. Each run first reloads the calendar's
 * imported years (so an import on another instance is seen) and then marks overdue cases.
 */
export function startDeadlineSweep(
  platform: { database: Database; calendar: WorkCalendar },
  options: {
    intervalMs?: number;
    log?: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  } = {},
): DeadlineSweep {
  const intervalMs = options.intervalMs ?? 10 * 60_000;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = (async () => {
      try {
        await reloadCalendar(platform.database.db, platform.calendar);
        const result = await sweepOverdue(platform.database.db);
        if (result.marked > 0)
          options.log?.info({ marked: result.marked }, 'deadline sweep marked overdue cases');
      } catch (error) {
        options.log?.error({ err: error }, 'deadline sweep failed');
      }
    })();
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
