import { CalendarYearInput, importCalendarYear } from '../../platform/calendar/calendar.service.ts';
import type { YearInfo } from '../../platform/calendar/calendar.ts';
import { dayNumber } from '../../platform/calendar/dates.ts';
import { invalid } from '../../platform/errors/app-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { DaysQuery, DueAnswer, DueQuery, ImportAnswer, YearDays, YearList } from './calendar.schemas.ts';

const tags = ['calendar'];

function presentYear(info: YearInfo) {
  return { ...info, importedAt: info.importedAt ? info.importedAt.toISOString() : null };
}

/** Working days: the due-date calculator, the schedules known, and importing a new year's schedule. */
export async function calendarRoutes(app: AppInstance) {
  const { calendar, database } = app.platform;

  app.get(
    '/calendar/due',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The Nth working day after a day of receipt (the day of receipt does not count)',
        querystring: DueQuery,
        response: { 200: DueAnswer },
      },
    },
    async (request) => {
      const { start, workdays } = request.query;
      if (dayNumber(start) === null)
        throw invalid('request.invalid', [{ path: '/querystring/start', code: 'calendar.invalid_date' }]);
      return { due: calendar.addWorkdays(start, workdays) };
    },
  );

  app.get(
    '/calendar/days',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Holidays and make-up working days (调休) of a year',
        querystring: DaysQuery,
        response: { 200: YearDays },
      },
    },
    async (request) => {
      const year = request.query.year;
      return { ...presentYear(calendar.yearInfo(year)), days: calendar.specialDays(year) };
    },
  );

  app.get(
    '/calendar/years',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'The years with a holiday schedule, and where each comes from',
        response: { 200: YearList },
      },
    },
    async () => ({ items: calendar.knownYears().map(presentYear) }),
  );

  app.post(
    '/calendar/years',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags,
        summary: "Import (or replace) a year's State Council holiday schedule",
        body: CalendarYearInput,
        response: { 201: ImportAnswer },
      },
    },
    async (request, reply) => {
      const result = await importCalendarYear(database.db, calendar, request.ctx, request.body, '/body');
      return reply.status(201).send(result);
    },
  );
}
