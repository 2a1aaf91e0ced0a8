import { createRequire } from 'node:module';
import { AppError } from '../errors/app-error.ts';
import './calendar.messages.ts';
import { dateOf, dayNumber, weekday } from './dates.ts';

/** A holiday or make-up working day. */
export interface SpecialDay {
  date: string;
  workday: boolean;
  name: string;
}

/** A year's schedule imported as data (calendar_years + calendar_days). */
export interface ImportedYear {
  year: number;
  source: string;
  importedAt: Date | null;
  days: SpecialDay[];
}

/** Where a year's schedule comes from. */
export interface YearInfo {
  year: number;
  origin: 'package' | 'imported';
  source: string;
  importedAt: Date | null;
}

interface YearSchedule extends YearInfo {
  /** Day number → the special day; days not listed follow the week (Mon–Fri work). */
  days: Map<number, SpecialDay>;
}

interface PackageData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const PACKAGE_SOURCE = 'chinese-days (国务院办公厅节假日安排)';

// chinese-days answers for any date, treating a year it lacks as ordinary weeks. Its data file lists
// each published year's holidays, so the years that occur there are the years it really knows.
function packageYears(): Map<number, YearSchedule> {
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as PackageData;
  const years = new Map<number, YearSchedule>();
  const add = (date: string, label: string, workday: boolean) => {
    const day = dayNumber(date);
    if (day === null) return;
    const year = Number(date.slice(0, 4));
    let schedule = years.get(year);
    if (!schedule) {
      schedule = { year, origin: 'package', source: PACKAGE_SOURCE, importedAt: null, days: new Map() };
      years.set(year, schedule);
    }
    // Labels look like "National Day,国庆节,3": English, Chinese, length.
    const name = label.split(',')[1] ?? label;
    schedule.days.set(day, { date, workday, name: workday ? `${name}调休` : name });
  };
  for (const [date, label] of Object.entries(data.holidays)) add(date, label, false);
  for (const [date, label] of Object.entries(data.workdays)) add(date, label, true);
  return years;
}

let packageCache: Map<number, YearSchedule> | undefined;

/** Thrown (422) when a date falls in a year for which no schedule is known. */
export function yearUnknown(year: number): AppError {
  return new AppError(422, 'calendar.year_unknown', { year });
}

/**
 * The working-day calendar: the State Council schedules carried by chinese-days, overridden and
 * extended by years imported as data. Held in memory, so counting working days costs no query;
 * `replaceImported` refreshes it after an import (and the deadline sweep reloads it periodically so
 * that other app instances see an import too).
 */
export class WorkCalendar {
  private years = new Map<number, YearSchedule>();

  constructor(imported: ImportedYear[] = []) {
    this.replaceImported(imported);
  }

  /** Rebuilds the calendar from the package and the given imported years. */
  replaceImported(imported: ImportedYear[]): void {
    packageCache ??= packageYears();
    const years = new Map(packageCache);
    for (const year of imported) years.set(year.year, toSchedule(year));
    this.years = years;
  }

  /** Adds or replaces one imported year. */
  setImported(year: ImportedYear): void {
    const years = new Map(this.years);
    years.set(year.year, toSchedule(year));
    this.years = years;
  }

  /** Every year with a schedule, oldest first. */
  knownYears(): YearInfo[] {
    return [...this.years.values()]
      .sort((a, b) => a.year - b.year)
      .map(({ year, origin, source, importedAt }) => ({ year, origin, source, importedAt }));
  }

  /** Where a year's schedule comes from; throws 422 for a year without one. */
  yearInfo(year: number): YearInfo {
    const { days: _days, ...info } = this.schedule(year);
    return info;
  }

  /** The holidays and make-up working days of a year, in date order; throws 422 for an unknown year. */
  specialDays(year: number): SpecialDay[] {
    return [...this.schedule(year).days.entries()].sort((a, b) => a[0] - b[0]).map(([, day]) => day);
  }

  /** Whether a date is a working day; throws 422 when its year has no schedule. */
  isWorkday(date: string): boolean {
    const day = dayNumber(date);
    if (day === null) throw new Error(`not a date: ${date}`);
    return this.isWorkdayNumber(day);
  }

  /**
   * The Nth working day after `start`. The day of receipt is not counted: the period begins the next
   * day (民法典 §201). With n = 0 the answer is `start` itself.
   */
  addWorkdays(start: string, n: number): string {
    const first = dayNumber(start);
    if (first === null) throw new Error(`not a date: ${start}`);
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a working-day count: ${n}`);
    let day = first;
    let counted = 0;
    while (counted < n) {
      day += 1;
      if (this.isWorkdayNumber(day)) counted += 1;
    }
    return dateOf(day);
  }

  /**
   * Working days from `today` to a due date: 0 on the due day, 1 on the working day before; once
   * the due date has passed, minus the working days since (at least -1, so a weekend right after
   * it already reads as late). Null when a year of the span has no schedule or the span is longer
   * than `limitDays` (then the dates say enough).
   */
  workdaysLeft(dueOn: string, today: string, limitDays = 1_100): number | null {
    const due = dayNumber(dueOn);
    const now = dayNumber(today);
    if (due === null || now === null) throw new Error(`not a date: ${due === null ? dueOn : today}`);
    const [from, to] = due >= now ? [now, due] : [due, now];
    if (to - from > limitDays) return null;
    let count = 0;
    try {
      for (let day = from + 1; day <= to; day++) if (this.isWorkdayNumber(day)) count += 1;
    } catch (error) {
      if (error instanceof AppError) return null;
      throw error;
    }
    return due >= now ? count : -Math.max(count, 1);
  }

  private isWorkdayNumber(day: number): boolean {
    const year = new Date(day * 86_400_000).getUTCFullYear();
    const special = this.schedule(year).days.get(day);
    if (special) return special.workday;
    const dow = weekday(day);
    return dow !== 0 && dow !== 6;
  }

  private schedule(year: number): YearSchedule {
    const schedule = this.years.get(year);
    if (!schedule) throw yearUnknown(year);
    return schedule;
  }
}

function toSchedule(year: ImportedYear): YearSchedule {
  const days = new Map<number, SpecialDay>();
  for (const day of year.days) {
    const n = dayNumber(day.date);
    if (n !== null) days.set(n, day);
  }
  return { year: year.year, origin: 'imported', source: year.source, importedAt: year.importedAt, days };
}
