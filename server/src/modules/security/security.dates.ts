// Due dates of the periodic registers: a renewal is due a number of months (the profile's) after
// the last one, on the same day of the month or the month's last day (31 Jan + 1 month = 28/29 Feb).
import { dayNumber } from '../../platform/calendar/dates.ts';

/** The date `months` months after `date` ('YYYY-MM-DD'). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the next renewal is due, or null when there was none yet (due at once). */
export function nextDue(last: string | null, months: number): string | null {
  return last === null ? null : addMonths(last, months);
}

/** Whether a renewal is overdue today: never done, or its due date has passed. */
export function isOverdue(due: string | null, today: string): boolean {
  return due === null || due < today;
}

/** Whether a string is a real date not after today. */
export function isPastDate(date: string, today: string): boolean {
  return dayNumber(date) !== null && date <= today;
}

/** A Date or ISO text as ISO text (or null). */
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
