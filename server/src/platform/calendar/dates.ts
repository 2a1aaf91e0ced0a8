/** Calendar dates as 'YYYY-MM-DD' strings, computed in UTC so that no time zone shifts a day. */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a real calendar date, or null for anything else (e.g. 2026-02-30). */
export function dayNumber(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  const back = new Date(time);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return time / DAY_MS;
}

/** The date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a string is a real calendar date in 'YYYY-MM-DD' form. */
export function isDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (day + 4) % 7;
}

/** The date n calendar days after `date`. */
export function addDays(date: string, n: number): string {
  const day = dayNumber(date);
  if (day === null) throw new Error(`not a date: ${date}`);
  return dateOf(day + n);
}

// Government deadlines run on Beijing time (UTC+8, no daylight saving).
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
