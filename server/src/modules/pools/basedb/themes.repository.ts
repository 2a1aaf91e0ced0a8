// SQL of the theme databases: the register and the views in schema `theme_db`. The view's text
// is built from checked names only (pool register, base tables, validated codes and aliases).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ident } from '../pool-schema.ts';
import type { ThemeDeclaration } from './basedb.tables.ts';

/** A table of a theme view, resolved: its quoted name and whether only its current rows count. */
export interface ViewTable {
  name: string;
  pool: boolean;
}

const viewName = (code: string) => `theme_db.${ident(code)}`;

/** Makes the view of a theme database: the driving table left-joined to each table on its key. */
export async function createThemeView(
  trx: Kysely<DB>,
  code: string,
  tables: readonly ViewTable[],
  declaration: ThemeDeclaration,
) {
  const columns = declaration.columns.map(
    (column) => `t${column.table}.${ident(column.field)} AS ${ident(column.as ?? column.field)}`,
  );
  const joins = declaration.joins.map((join, index) => {
    const alias = `t${index + 1}`;
    const current = tables[index + 1]!.pool ? `${alias}._to IS NULL AND ` : '';
    return `LEFT JOIN ${tables[index + 1]!.name} ${alias} ON ${current}${alias}.${ident(join.field)} = t0.${ident(join.on)}`;
  });
  const where = tables[0]!.pool ? ' WHERE t0._to IS NULL' : '';
  await sql
    .raw(
      `CREATE VIEW ${viewName(code)} AS SELECT ${columns.join(', ')} FROM ${tables[0]!.name} t0 ${joins.join(' ')}${where}`,
    )
    .execute(trx);
}

/** Drops a theme database's view. */
export async function dropThemeView(trx: Kysely<DB>, code: string) {
  await sql.raw(`DROP VIEW IF EXISTS ${viewName(code)}`).execute(trx);
}

/** A page of a theme view's rows, in the order of its columns, and their total. */
export async function readThemeRows(db: Kysely<DB>, code: string, window: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    sql<
      Record<string, unknown>
    >`SELECT * FROM ${sql.raw(viewName(code))} ORDER BY 1 LIMIT ${window.limit} OFFSET ${window.offset}`.execute(
      db,
    ),
    sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.raw(viewName(code))}`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

/** Registers a theme database. */
export async function insertTheme(
  trx: Kysely<DB>,
  row: {
    code: string;
    name: string;
    description: string | null;
    declaration: ThemeDeclaration;
    created_by: string;
    created_by_name: string;
  },
) {
  return trx
    .insertInto('theme_databases')
    .values({ ...row, declaration: JSON.stringify(row.declaration), created_at: new Date() })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A theme database by id. */
export async function findTheme(db: Kysely<DB>, id: string) {
  return db.selectFrom('theme_databases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A theme database by code. */
export async function findThemeByCode(db: Kysely<DB>, code: string) {
  return db.selectFrom('theme_databases').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Every theme database, by code. */
export async function listThemes(db: Kysely<DB>) {
  return db.selectFrom('theme_databases').selectAll().orderBy('code').execute();
}

/** Removes a theme database from the register. */
export async function deleteTheme(trx: Kysely<DB>, id: string) {
  await trx.deleteFrom('theme_databases').where('id', '=', id).execute();
}
