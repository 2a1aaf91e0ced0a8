import fs from 'node:fs/promises';
import type { Command } from 'commander';
import {
  importCalendarYear,
  loadCalendar,
  parseCalendarYear,
} from '../../server/src/platform/calendar/calendar.service.ts';
import { AppError } from '../../server/src/platform/errors/app-error.ts';
import { translate } from '../../server/src/platform/i18n/messages.ts';
import { systemContext } from '../../server/src/platform/policy/actor.ts';
import { CliError, EXIT, withDatabase } from '../context.ts';

function describeProblem(error: AppError): string {
  const lines = error.fields.map(
    (field) => `  ${field.path}: ${translate(field.code, 'en', field.params ?? {})}`,
  );
  return [translate(error.code, 'en', error.params), ...lines].join('\n');
}

/** `zhengshu calendar import <file>`: adds (or replaces) a year's State Council holiday schedule. */
export function registerCalendar(program: Command) {
  const calendar = program.command('calendar').description('working-day calendar (工作日历)');
  calendar
    .command('import')
    .description(
      "import a year's holiday schedule from a JSON file " +
        '{"year", "source", "holidays": [{"date","name"}], "workdays": [{"date","name"}]} ' +
        '(see docs/deadlines.md); all or nothing, audited',
    )
    .argument('<file>', 'the JSON file')
    .action(async (file: string) => {
      let value: unknown;
      try {
        value = JSON.parse(await fs.readFile(file, 'utf8'));
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`, EXIT.usage);
      }
      await withDatabase(async (database) => {
        try {
          const input = parseCalendarYear(value);
          const workCalendar = await loadCalendar(database.db);
          const result = await importCalendarYear(database.db, workCalendar, systemContext('cli'), input);
          console.log(
            `${result.replaced ? 'replaced' : 'imported'} ${result.year}: ` +
              `${result.holidays} holidays, ${result.workdays} make-up working days`,
          );
        } catch (error) {
          if (error instanceof AppError) throw new CliError(`${file}: ${describeProblem(error)}`, EXIT.usage);
          throw error;
        }
      });
    });
}
