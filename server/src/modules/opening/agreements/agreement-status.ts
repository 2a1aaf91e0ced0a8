// What an agreement's stored state means on a given day in China, and its usage-feedback schedule
// (CQO §25: the user reports use on the agreed schedule). Both are computed, never stored: an
// agreement ends by the calendar, not by a sweep, and a report filed changes the schedule at once.
// The SQL twin of the overdue rule is in agreements.repository.ts (`feedbackOverdueSql`).
import { addDays } from '../../../platform/calendar/dates.ts';
import type { OpenAgreementState } from '../conditional.tables.ts';

/** The status an agreement is presented with: its state, with `active` split by the period. */
export type AgreementStatus =
  | 'awaiting_signatures'
  | 'awaiting_review'
  | 'refused'
  | 'not_started'
  | 'active'
  | 'ended'
  | 'suspended'
  | 'terminated';

/** The columns the status is computed from. */
export interface StatusColumns {
  state: OpenAgreementState;
  valid_from: string;
  valid_until: string;
}

/**
 * The status on `today` (a China date): an `active` agreement before its first day is
 * `not_started`, after its last day `ended`; both days belong to the period.
 */
export function agreementStatus(row: StatusColumns, today: string): AgreementStatus {
  if (row.state !== 'active') return row.state;
  if (today < row.valid_from) return 'not_started';
  if (today > row.valid_until) return 'ended';
  return 'active';
}

/** The columns the feedback schedule is computed from. */
export interface ScheduleColumns extends StatusColumns {
  feedback_every_days: number;
}

/** Where the usage feedback of an agreement stands. */
export interface FeedbackSchedule {
  everyDays: number;
  /** China day of the latest report, or null before the first. */
  lastFeedbackOn: string | null;
  /** When the next report is due; null once the final report (on or after the last day) is in. */
  nextDueOn: string | null;
  /** True when the due day has passed without a report. */
  overdue: boolean;
  /** Whether a report filed on or after the period's last day (the final report) is in. */
  finalReportIn: boolean;
}

/** Whether an agreement in this state owes feedback: access was opened and not ended for good. */
export const owesFeedback = (state: OpenAgreementState) => state === 'active' || state === 'suspended';

/**
 * The schedule on `today`, given the China days of the reports filed (in whatever order), or null for an
 * agreement that owes none (never opened, refused, terminated). The next report is due
 * `feedback_every_days` after the latest one (or after the first day), but never later than the
 * last day of the period; it is overdue once that day has passed. A report on or after the last day
 * is the final one and ends the schedule.
 */
export function feedbackSchedule(
  row: ScheduleColumns,
  feedbackDays: readonly string[],
  today: string,
): FeedbackSchedule | null {
  if (!owesFeedback(row.state)) return null;
  const last = feedbackDays.reduce<string | null>(
    (latest, day) => (!latest || day > latest ? day : latest),
    null,
  );
  const finalReportIn = last !== null && last >= row.valid_until;
  if (finalReportIn)
    return {
      everyDays: row.feedback_every_days,
      lastFeedbackOn: last,
      nextDueOn: null,
      overdue: false,
      finalReportIn,
    };
  const base = last !== null && last > row.valid_from ? last : row.valid_from;
  const due = addDays(base, row.feedback_every_days);
  const nextDueOn = due < row.valid_until ? due : row.valid_until;
  return {
    everyDays: row.feedback_every_days,
    lastFeedbackOn: last,
    nextDueOn,
    overdue: nextDueOn < today,
    finalReportIn,
  };
}
