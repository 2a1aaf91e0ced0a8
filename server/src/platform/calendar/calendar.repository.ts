import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ImportedYear, SpecialDay } from './calendar.ts';

/** Every imported year with its special days. */
export async function listImportedYears(db: Kysely<DB>): Promise<ImportedYear[]> {
  const years = await db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
  if (years.length === 0) return [];
  const days = await db.selectFrom('calendar_days').selectAll().orderBy('day').execute();
  return years.map((year) => ({
    year: year.year,
    source: year.source,
    importedAt: year.imported_at,
    days: days
      .filter((day) => day.year === year.year)
      .map((day) => ({ date: day.day, workday: day.is_workday, name: day.name })),
  }));
}

/** Replaces a year's schedule (its row and all its days); returns whether the year existed before. */
export async function replaceYear(
  trx: Kysely<DB>,
  values: { year: number; source: string; importedBy: string | null; days: SpecialDay[] },
): Promise<{ replaced: boolean; importedAt: Date }> {
  const deleted = await trx.deleteFrom('calendar_days').where('year', '=', values.year).executeTakeFirst();
  const existing = await trx
    .selectFrom('calendar_years')
    .select('year')
    .where('year', '=', values.year)
    .executeTakeFirst();
  const row = await trx
    .insertInto('calendar_years')
    .values({ year: values.year, source: values.source, imported_by: values.importedBy })
    .onConflict((oc) =>
      oc.column('year').doUpdateSet({
        source: values.source,
        imported_by: values.importedBy,
        imported_at: new Date(),
      }),
    )
    .returning('imported_at')
    .executeTakeFirstOrThrow();
  if (values.days.length > 0) {
    await trx
      .insertInto('calendar_days')
      .values(
        values.days.map((day) => ({
          day: day.date,
          year: values.year,
          is_workday: day.workday,
          name: day.name,
        })),
      )
      .execute();
  }
  return {
    replaced: existing !== undefined || Number(deleted.numDeletedRows) > 0,
    importedAt: row.imported_at,
  };
}
