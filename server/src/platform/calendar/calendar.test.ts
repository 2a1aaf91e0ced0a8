import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { WorkCalendar } from './calendar.ts';
import { calendarYearProblems } from './calendar.service.ts';
import { todayInChina } from './dates.ts';

const calendar = new WorkCalendar();

function codeOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error('expected an AppError');
}

describe('working days from the State Council schedules', () => {
  it('treats the 2026 make-up days (调休) as working days and holidays as rest days', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(calendar.isWorkday(date), date).toBe(true);
    for (const date of ['2026-01-01', '2026-02-17', '2026-10-01', '2026-10-07', '2026-10-11'])
      expect(calendar.isWorkday(date), date).toBe(false);
    expect(calendar.isWorkday('2026-10-09')).toBe(true);
  });

  it('does not count the day of receipt (民法典 §201)', () => {
    expect(calendar.addWorkdays('2026-03-02', 1)).toBe('2026-03-03');
    expect(calendar.addWorkdays('2026-03-06', 1)).toBe('2026-03-09'); // Friday → Monday
    expect(calendar.addWorkdays('2026-03-02', 0)).toBe('2026-03-02');
  });

  it('counts across 国庆 and the make-up Saturday after it', () => {
    expect(calendar.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(calendar.addWorkdays('2026-09-28', 5)).toBe('2026-10-10');
    expect(calendar.addWorkdays('2026-09-28', 10)).toBe('2026-10-16');
  });

  it('counts across 春节 with its make-up Saturdays', () => {
    expect(calendar.addWorkdays('2026-02-12', 3)).toBe('2026-02-24');
    expect(calendar.addWorkdays('2026-02-10', 10)).toBe('2026-03-02');
  });

  it('refuses a year no schedule covers instead of guessing', () => {
    expect(calendar.knownYears().at(-1)?.year).toBe(2026);
    expect(codeOf(() => calendar.isWorkday('2031-03-03'))).toBe('calendar.year_unknown');
    // A period that runs into an unknown year is refused too.
    expect(codeOf(() => calendar.addWorkdays('2026-12-28', 10))).toBe('calendar.year_unknown');
  });

  it('uses an imported year, which also overrides the package', () => {
    const extended = new WorkCalendar([
      {
        year: 2031,
        source: 'test',
        importedAt: null,
        days: [
          { date: '2031-01-01', workday: false, name: '元旦' },
          { date: '2031-01-04', workday: true, name: '调休' },
        ],
      },
      { year: 2026, source: 'override', importedAt: null, days: [] },
    ]);
    expect(extended.addWorkdays('2030-12-31', 1)).toBe('2031-01-02');
    expect(extended.isWorkday('2031-01-04')).toBe(true);
    // The override drops the package's 2026 holidays: 国庆 becomes ordinary weeks.
    expect(extended.isWorkday('2026-10-01')).toBe(true);
    expect(extended.yearInfo(2026).origin).toBe('imported');
  });

  it('knows today in China whatever the server time zone', () => {
    expect(todayInChina(new Date('2026-03-01T17:00:00Z'))).toBe('2026-03-02');
    expect(todayInChina(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
});

describe('working days left to a due date', () => {
  const calendar = new WorkCalendar();
  it('counts working days to the due date, and the working days late after it', () => {
    // 2025-03-17 is a Monday: the Friday before has 1 working day left, the Tuesday after is 1 late.
    expect(calendar.workdaysLeft('2025-03-17', '2025-03-17')).toBe(0);
    expect(calendar.workdaysLeft('2025-03-17', '2025-03-14')).toBe(1);
    expect(calendar.workdaysLeft('2025-03-17', '2025-03-03')).toBe(10);
    expect(calendar.workdaysLeft('2025-03-17', '2025-03-18')).toBe(-1);
    expect(calendar.workdaysLeft('2025-03-17', '2025-03-24')).toBe(-5);
    // A weekend right after the due date is already late.
    expect(calendar.workdaysLeft('2025-03-14', '2025-03-15')).toBe(-1);
  });
  it('skips holidays and counts make-up working days (国庆 2025)', () => {
    // 2025-09-30 (Tue) to 2025-10-13 (Mon): 10-01..10-08 are holidays, 10-11 (Sat) is a make-up day.
    expect(calendar.workdaysLeft('2025-10-13', '2025-09-30')).toBe(4);
  });
  it('gives no count for a span too long, or a year without a schedule', () => {
    expect(calendar.workdaysLeft('2025-03-17', '2028-06-01')).toBeNull();
    expect(calendar.workdaysLeft('1990-01-02', '1990-01-01')).toBeNull();
  });
});

describe('schedule validation', () => {
  it('finds dates outside the year, impossible dates, duplicates, conflicts and weekday make-up days', () => {
    const problems = calendarYearProblems({
      year: 2031,
      source: 'x',
      holidays: [
        { date: '2031-01-01', name: '元旦' },
        { date: '2030-12-31', name: '跨年' },
        { date: '2031-02-30', name: '不存在' },
        { date: '2031-01-01', name: '重复' },
      ],
      workdays: [
        { date: '2031-01-01', name: '冲突' },
        { date: '2031-01-06', name: '周一' },
      ],
    });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      '/holidays/1/date calendar.date_outside_year',
      '/holidays/2/date calendar.invalid_date',
      '/holidays/3/date calendar.date_duplicate',
      '/workdays/0/date calendar.date_in_both',
      '/workdays/1/date calendar.workday_not_weekend',
    ]);
  });
});
