import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { recordAudit } from '../audit/audit.ts';
import type { DB } from '../db/schema.ts';
import { invalid, type FieldProblem } from '../errors/app-error.ts';
import type { RequestContext } from '../policy/actor.ts';
import { listImportedYears, replaceYear } from './calendar.repository.ts';
import { WorkCalendar, type SpecialDay } from './calendar.ts';
import { dayNumber, weekday } from './dates.ts';

const DatedName = Type.Object(
  {
    date: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    name: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
);

/** A year's holiday schedule as published by the State Council (the import file and request body). */
export const CalendarYearInput = Type.Object(
  {
    year: Type.Integer({ minimum: 1949, maximum: 2200 }),
    source: Type.String({ minLength: 1, maxLength: 200 }),
    holidays: Type.Array(DatedName, { maxItems: 366 }),
    workdays: Type.Array(DatedName, { maxItems: 366 }),
  },
  { additionalProperties: false },
);
/** A year's holiday schedule. */
export type CalendarYearInput = Static<typeof CalendarYearInput>;

/** Loads the calendar: the package's schedules plus every year imported into the database. */
export async function loadCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  return new WorkCalendar(await listImportedYears(db));
}

/** Re-reads the imported years, so that an import made by another app instance is seen. */
export async function reloadCalendar(db: Kysely<DB>, calendar: WorkCalendar): Promise<void> {
  calendar.replaceImported(await listImportedYears(db));
}

/**
 * Checks what the schema cannot: real dates, inside the year, each date once, no date both a
 * holiday and a make-up working day, make-up working days on weekends. Paths are relative to the body.
 */
export function calendarYearProblems(input: CalendarYearInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, 'holidays' | 'workdays'>();
  for (const list of ['holidays', 'workdays'] as const) {
    input[list].forEach((entry, index) => {
      const path = `/${list}/${index}/date`;
      const day = dayNumber(entry.date);
      if (day === null) return problems.push({ path, code: 'calendar.invalid_date' });
      if (Number(entry.date.slice(0, 4)) !== input.year)
        return problems.push({ path, code: 'calendar.date_outside_year', params: { year: input.year } });
      const earlier = seen.get(entry.date);
      if (earlier === list)
        return problems.push({ path, code: 'calendar.date_duplicate', params: { date: entry.date } });
      if (earlier)
        return problems.push({ path, code: 'calendar.date_in_both', params: { date: entry.date } });
      seen.set(entry.date, list);
      const dow = weekday(day);
      if (list === 'workdays' && dow !== 0 && dow !== 6)
        problems.push({ path, code: 'calendar.workday_not_weekend', params: { date: entry.date } });
      return undefined;
    });
  }
  return problems;
}

/** Parses an untrusted value (e.g. a file) as a schedule; throws 400 with field problems. */
export function parseCalendarYear(value: unknown): CalendarYearInput {
  if (!Value.Check(CalendarYearInput, value)) {
    const fields = [...Value.Errors(CalendarYearInput, value)].map((error) => ({
      path: error.instancePath || '/',
      code: 'calendar.schema_problem',
      params: { message: error.message },
    }));
    throw invalid('calendar.import_invalid', fields);
  }
  return value;
}

/**
 * Imports (or replaces) a year's schedule in one transaction with its audit event, then updates the
 * in-memory calendar. Nothing is written when any entry is wrong.
 */
export async function importCalendarYear(
  db: Kysely<DB>,
  calendar: WorkCalendar,
  context: RequestContext,
  input: CalendarYearInput,
  pathPrefix = '',
): Promise<{ year: number; holidays: number; workdays: number; replaced: boolean }> {
  const problems = calendarYearProblems(input);
  if (problems.length > 0) {
    throw invalid(
      'calendar.import_invalid',
      problems.map((p) => ({ ...p, path: `${pathPrefix}${p.path}` })),
    );
  }
  const days: SpecialDay[] = [
    ...input.holidays.map((h) => ({ date: h.date, workday: false, name: h.name })),
    ...input.workdays.map((w) => ({ date: w.date, workday: true, name: w.name })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const result = await db.transaction().execute(async (trx) => {
    const written = await replaceYear(trx, {
      year: input.year,
      source: input.source,
      importedBy: context.actor?.id ?? context.system ?? null,
      days,
    });
    await recordAudit(trx, context, {
      action: 'calendar.year.import',
      targetType: 'calendar_year',
      targetId: String(input.year),
      departmentId: null,
      detail: {
        source: input.source,
        holidays: input.holidays.length,
        workdays: input.workdays.length,
        replaced: written.replaced,
      },
    });
    return written;
  });
  calendar.setImported({ year: input.year, source: input.source, importedAt: result.importedAt, days });
  return {
    year: input.year,
    holidays: input.holidays.length,
    workdays: input.workdays.length,
    replaced: result.replaced,
  };
}
