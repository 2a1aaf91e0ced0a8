import { Type } from 'typebox';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', examples: ['2026-09-28'] });

/** Query of the due-date calculator. */
export const DueQuery = Type.Object(
  {
    start: DateString,
    workdays: Type.Integer({ minimum: 0, maximum: 250 }),
  },
  { additionalProperties: false },
);

/** Answer of the due-date calculator. */
export const DueAnswer = Type.Object({ due: DateString });

/** Query of a year's special days. */
export const DaysQuery = Type.Object(
  { year: Type.Integer({ minimum: 1949, maximum: 2200 }) },
  { additionalProperties: false },
);

const YearInfo = Type.Object({
  year: Type.Integer(),
  origin: Type.Union([Type.Literal('package'), Type.Literal('imported')]),
  source: Type.String(),
  importedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** A year's holidays and make-up working days. */
export const YearDays = Type.Object({
  ...YearInfo.properties,
  days: Type.Array(Type.Object({ date: DateString, workday: Type.Boolean(), name: Type.String() })),
});

/** The years the calendar knows. */
export const YearList = Type.Object({ items: Type.Array(YearInfo) });

/** Answer of an import. */
export const ImportAnswer = Type.Object({
  year: Type.Integer(),
  holidays: Type.Integer(),
  workdays: Type.Integer(),
  replaced: Type.Boolean(),
});
