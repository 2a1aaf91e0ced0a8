// Theme databases (主题数据库, CQ19 §17): declared joins over base databases and pools, made real
// PostgreSQL views so that they are always current. A declaration is checked against the tables
// as they are (columns exist, join keys of one type family); what is wrong is named field by field.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { conflict, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { BaseDatabase } from '../../catalog/catalog.tables.ts';
import { qualified, sqlType } from '../pool-schema.ts';
import { findPoolTable } from '../pool-tables.repository.ts';
import { baseTable, typeFamily } from './base-keys.ts';
import type { ThemeDeclaration, ThemeTableRef } from './basedb.tables.ts';
import './basedb.messages.ts';
import { baseColumns, baseTableExists } from './build.repository.ts';
import { requireDataAuthority } from './sources.service.ts';
import {
  createThemeView,
  deleteTheme,
  dropThemeView,
  findTheme,
  findThemeByCode,
  insertTheme,
  listThemes,
  readThemeRows,
  type ViewTable,
} from './themes.repository.ts';

/** A theme database as declared in the console or the API. */
export interface ThemeInput {
  code: string;
  name: string;
  description?: string;
  driving: { base?: BaseDatabase; resourceId?: string };
  joins: { base?: BaseDatabase; resourceId?: string; field: string; on: string }[];
  columns: { table: number; field: string; as?: string }[];
}

/** A table resolved for checking: its SQL name, whether it is a pool, and its columns' types. */
interface Resolved extends ViewTable {
  columns: Map<string, string>;
}

/** Resolves a base database (built) or a resource's pool table; a problem at `path` when neither. */
async function resolve(
  db: Kysely<DB>,
  ref: { base?: BaseDatabase; resourceId?: string },
  path: string,
  problems: FieldProblem[],
): Promise<{ ref: ThemeTableRef; table: Resolved } | null> {
  if ((ref.base === undefined) === (ref.resourceId === undefined)) {
    problems.push({ path, code: 'basedb.theme.unknown_table' });
    return null;
  }
  if (ref.base !== undefined) {
    const base = ref.base;
    if (!(await baseTableExists(db, base))) {
      problems.push({ path: `${path}/base`, code: 'basedb.not_built', params: { base } });
      return null;
    }
    const columns = new Map((await baseColumns(db, base)).map((c) => [c.name, c.type]));
    return { ref: { base }, table: { name: qualified(baseTable(base)), pool: false, columns } };
  }
  const table = await findPoolTable(db, ref.resourceId!);
  if (!table) {
    problems.push({ path: `${path}/resourceId`, code: 'basedb.theme.unknown_table' });
    return null;
  }
  const columns = new Map(table.columns.filter((c) => !c.retired).map((c) => [c.column, sqlType(c)]));
  return { ref: { resourceId: table.resource_id }, table: { name: qualified(table), pool: true, columns } };
}

/** Checks a declaration against the tables; returns the resolved tables and the declaration to keep. */
async function check(db: Kysely<DB>, input: ThemeInput) {
  const problems: FieldProblem[] = [];
  const unknown = (path: string, field: string) =>
    problems.push({ path, code: 'basedb.theme.unknown_field', params: { field } });
  const driving = await resolve(db, input.driving, '/body/driving', problems);
  const joined: Awaited<ReturnType<typeof resolve>>[] = [];
  for (const [index, join] of input.joins.entries()) {
    const path = `/body/joins/${index}`;
    const resolved = await resolve(db, join, path, problems);
    joined.push(resolved);
    if (!resolved || !driving) continue;
    const left = driving.table.columns.get(join.on);
    const right = resolved.table.columns.get(join.field);
    if (left === undefined) unknown(`${path}/on`, join.on);
    if (right === undefined) unknown(`${path}/field`, join.field);
    if (left !== undefined && right !== undefined && typeFamily(left) !== typeFamily(right))
      problems.push({ path: `${path}/field`, code: 'basedb.theme.type_mismatch', params: { left, right } });
  }
  const tables = [driving, ...joined];
  const names = new Set<string>();
  for (const [index, column] of input.columns.entries()) {
    const path = `/body/columns/${index}`;
    if (column.table >= tables.length) {
      problems.push({
        path: `${path}/table`,
        code: 'basedb.theme.bad_table_index',
        params: { table: column.table },
      });
      continue;
    }
    const table = tables[column.table];
    if (table && !table.table.columns.has(column.field)) unknown(`${path}/field`, column.field);
    const name = column.as ?? column.field;
    if (names.has(name))
      problems.push({ path: `${path}/as`, code: 'basedb.theme.duplicate_column', params: { column: name } });
    names.add(name);
  }
  if (problems.length > 0 || !driving || joined.some((j) => j === null))
    throw invalid('basedb.theme.invalid', problems);
  const declaration: ThemeDeclaration = {
    driving: driving.ref,
    joins: input.joins.map((join, index) => ({ ...joined[index]!.ref, field: join.field, on: join.on })),
    columns: input.columns.map((c) => ({ table: c.table, field: c.field, ...(c.as ? { as: c.as } : {}) })),
  };
  return { declaration, tables: tables.map((t) => t!.table) };
}

/** Declares a theme database: checks it, makes its view and registers it, audited. */
export async function declareTheme(db: Kysely<DB>, context: RequestContext, input: ThemeInput) {
  const actor = context.actor!;
  await requireDataAuthority(db, actor);
  return db.transaction().execute(async (trx) => {
    if (await findThemeByCode(trx, input.code))
      throw conflict('basedb.theme.code_taken', { code: input.code });
    const { declaration, tables } = await check(trx, input);
    await createThemeView(trx, input.code, tables, declaration);
    const row = await insertTheme(trx, {
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      declaration,
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
    await recordAudit(trx, context, {
      action: 'pool.theme.create',
      targetType: 'theme_database',
      targetId: row.id,
      detail: { code: row.code, name: row.name, declaration },
    });
    return row;
  });
}

/** Drops a theme database and its view, audited. */
export async function dropTheme(db: Kysely<DB>, context: RequestContext, id: string) {
  await requireDataAuthority(db, context.actor!);
  await db.transaction().execute(async (trx) => {
    const row = await findTheme(trx, id);
    if (!row) throw notFound('what.theme_database');
    await dropThemeView(trx, row.code);
    await deleteTheme(trx, id);
    await recordAudit(trx, context, {
      action: 'pool.theme.drop',
      targetType: 'theme_database',
      targetId: id,
      detail: { code: row.code, name: row.name },
    });
  });
}

/** Every declared theme database. */
export async function themes(db: Kysely<DB>) {
  return listThemes(db);
}

/** A page of a theme database's rows, for the data authority; audited. */
export async function themeRows(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  query: { page?: number; pageSize?: number },
) {
  await requireDataAuthority(db, context.actor!);
  const theme = await findTheme(db, id);
  if (!theme) throw notFound('what.theme_database');
  const window = pageWindow(query);
  const page = await readThemeRows(db, theme.code, window);
  await recordAudit(db, context, {
    action: 'pool.theme.rows.read',
    targetType: 'theme_database',
    targetId: id,
    detail: { code: theme.code, offset: window.offset, rows: page.rows.length },
  });
  return { theme, ...page, window };
}
