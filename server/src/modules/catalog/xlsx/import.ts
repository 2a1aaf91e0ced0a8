// The .xlsx import of a department's catalog list: read every row, check every cell, and only
// when the whole file is right hand the rows to importDrafts, which saves them in one transaction.
// Nothing is saved from a file with a single bad cell, and the refusal names every bad cell.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { requireDepartmentScope } from '../../../platform/policy/policy.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findDepartment } from '../../org/departments.repository.ts';
import { listClasses } from '../catalog.repository.ts';
import { importDrafts } from '../catalog.service.ts';
import { buildImport, locateProblem, type RowOrigin } from './import-build.ts';
import { capped, cellPath, readWorkbook, type CellProblem } from './import-parse.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';
import { SHEETS } from './layout.ts';
import './xlsx.messages.ts';

/** What an import did. */
export interface ImportOutcome {
  created: number;
  updated: number;
  resources: { id: string; code: string; name: string }[];
}

const SHEET_ORDER: string[] = [SHEETS.resources, SHEETS.items];
const columnOrder = new Map<string, number>([
  ...RESOURCE_COLUMNS.map((c, i) => [`${SHEETS.resources}/${c.header}`, i] as const),
  ...ITEM_COLUMNS.map((c, i) => [`${SHEETS.items}/${c.header}`, i] as const),
]);

/** The 422 that lists every bad cell, in reading order: sheet, row, column. */
function invalidCells(problems: CellProblem[], extra: FieldProblem[] = []): AppError {
  const order = (p: CellProblem) => columnOrder.get(`${p.sheet}/${p.header ?? ''}`) ?? -1;
  const sorted = [...problems].sort(
    (a, b) =>
      SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row || order(a) - order(b),
  );
  const fields: FieldProblem[] = [
    ...sorted.map((p) => ({ path: cellPath(p), code: p.code, ...(p.params ? { params: p.params } : {}) })),
    ...extra,
  ];
  return new AppError(422, 'catalog.import.invalid', { count: fields.length }, capped(fields));
}

/** Maps the field problems of importDrafts (`/rows/<i>/…`) back to the cells they came from. */
function fromService(error: AppError, origins: RowOrigin[]): AppError {
  const located: CellProblem[] = [];
  const rest: FieldProblem[] = [];
  for (const field of error.fields) {
    const cell = locateProblem(field, origins, '/rows');
    if (cell) located.push(cell);
    else rest.push(field);
  }
  return invalidCells(located, rest);
}

/**
 * Imports a department's catalog list from an .xlsx file on disk: new resources for rows without
 * a known code, drafts for the department's existing ones. Throws 400 for a file that is not a
 * usable workbook and 422 naming every bad cell; saves nothing unless every row is right.
 */
export async function importCatalogList(
  db: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  departmentId: string,
  file: string,
): Promise<ImportOutcome> {
  const department = await findDepartment(db, departmentId);
  if (!department) throw notFound('what.department');
  // Scope first: a file for a department the actor may not compile for is not even read.
  requireDepartmentScope(context.actor!, department);
  const parsed = await readWorkbook(file);
  const built = buildImport(parsed, profile, await listClasses(db));
  if (built.problems.length > 0) throw invalidCells(built.problems);
  try {
    return await importDrafts(db, context, profile, { departmentId, rows: built.rows });
  } catch (error) {
    if (error instanceof AppError && error.fields.length > 0) throw fromService(error, built.origins);
    throw error;
  }
}
