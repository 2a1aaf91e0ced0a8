import type { Timestamp } from '../db/schema.ts';

/** Row of `calendar_years`: a year's holiday schedule imported as data. */
export interface CalendarYearTable {
  year: number;
  source: string;
  imported_at: Timestamp;
  imported_by: string | null;
}

/** Row of `calendar_days`: a holiday or make-up working day of an imported year. */
export interface CalendarDayTable {
  day: string;
  year: number;
  is_workday: boolean;
  name: string;
}

/** Tables of the working-day calendar. */
export interface CalendarTables {
  calendar_years: CalendarYearTable;
  calendar_days: CalendarDayTable;
}
