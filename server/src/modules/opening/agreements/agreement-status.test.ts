import { describe, expect, it } from 'vitest';
import { agreementStatus, feedbackSchedule, type ScheduleColumns } from './agreement-status.ts';

// The presented status and the feedback schedule are computed from the stored state, the period and
// the reports' days; these are the rules the lists, the detail and the access check all follow.

const period = { valid_from: '2026-03-01', valid_until: '2026-08-31' };
const active: ScheduleColumns = { state: 'active', ...period, feedback_every_days: 90 };

describe('agreementStatus', () => {
  it('splits an active agreement by its period, both days included', () => {
    expect(agreementStatus(active, '2026-02-28')).toBe('not_started');
    expect(agreementStatus(active, '2026-03-01')).toBe('active');
    expect(agreementStatus(active, '2026-08-31')).toBe('active');
    expect(agreementStatus(active, '2026-09-01')).toBe('ended');
  });

  it('shows every other state as it is, whatever the day', () => {
    for (const state of [
      'awaiting_signatures',
      'awaiting_review',
      'refused',
      'suspended',
      'terminated',
    ] as const)
      expect(agreementStatus({ ...active, state }, '2026-09-30')).toBe(state);
  });
});

describe('feedbackSchedule', () => {
  it('is due the interval after the first day before the first report, overdue the day after', () => {
    expect(feedbackSchedule(active, [], '2026-05-30')).toEqual({
      everyDays: 90,
      lastFeedbackOn: null,
      nextDueOn: '2026-05-30',
      overdue: false,
      finalReportIn: false,
    });
    expect(feedbackSchedule(active, [], '2026-05-31')).toMatchObject({
      nextDueOn: '2026-05-30',
      overdue: true,
    });
  });

  it('counts from the latest report, in whatever order given', () => {
    const schedule = feedbackSchedule(active, ['2026-04-10', '2026-05-20', '2026-03-15'], '2026-06-01');
    expect(schedule).toMatchObject({ lastFeedbackOn: '2026-05-20', nextDueOn: '2026-08-18', overdue: false });
  });

  it('is never due after the last day, and the final report on or after it ends the schedule', () => {
    const late = feedbackSchedule(active, ['2026-07-01'], '2026-09-05');
    expect(late).toMatchObject({ nextDueOn: '2026-08-31', overdue: true, finalReportIn: false });
    const final = feedbackSchedule(active, ['2026-07-01', '2026-08-31'], '2026-12-01');
    expect(final).toMatchObject({
      nextDueOn: null,
      overdue: false,
      finalReportIn: true,
      lastFeedbackOn: '2026-08-31',
    });
  });

  it('runs on while access is suspended, and not at all before access opened or after termination', () => {
    expect(feedbackSchedule({ ...active, state: 'suspended' }, [], '2026-06-01')).toMatchObject({
      overdue: true,
    });
    for (const state of ['awaiting_signatures', 'awaiting_review', 'refused', 'terminated'] as const)
      expect(feedbackSchedule({ ...active, state }, [], '2026-06-01')).toBeNull();
  });

  it('a period shorter than the interval is due on its last day', () => {
    const short = { ...active, valid_until: '2026-03-20' };
    expect(feedbackSchedule(short, [], '2026-03-10')).toMatchObject({
      nextDueOn: '2026-03-20',
      overdue: false,
    });
  });
});
