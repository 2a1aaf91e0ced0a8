// SQL of correction requests: the requests and their value-by-value changes, which current pool rows
// are disputed, and reading and rewriting one record of a pool table. Pool identifiers come from the
// register (pool-schema names) and are quoted; values are always parameters.
import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { ident, qualified, sqlType, type PoolColumn } from '../pool-schema.ts';
import type { PoolTableRow } from '../pool-tables.repository.ts';
import type {
  CorrectionState,
  PoolCorrectionChangeTable,
  PoolCorrectionTable,
} from './corrections.tables.ts';

/** A correction request as stored. */
export type CorrectionRow = Selectable<PoolCorrectionTable>;
/** A change an accepted request made. */
export type CorrectionChangeRow = Selectable<PoolCorrectionChangeTable>;

/** One current record of a pool table: its row id and every column's value as text. */
export interface PoolRecord {
  row: number;
  values: Record<string, string | null>;
}

/** The catalog facts a report is checked against: the resource's name, code, share and open types. */
export async function findResourceEntry(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['code', 'name', 'share_type', 'open_type', 'share_review_passed', 'open_review_passed'])
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
}

/** Opens the stored (sealed) value of an encrypted column as its text. */
export type SealedValueOpener = (column: PoolColumn, stored: unknown, row: unknown) => string | null;

/**
 * The current row with this key, values as text (`column::text`, as the key values are kept).
 * `key` gives each key column's value as checked text; it is cast to the column's type, so the
 * lookup uses the table's unique index.
 */
export async function findCurrentRecord(
  db: Kysely<DB>,
  table: PoolTableRow,
  key: readonly { column: PoolColumn; text: string }[],
  open: SealedValueOpener,
  lock = false,
): Promise<PoolRecord | undefined> {
  // An encrypted column is read as stored (bytea) and opened in Node by `open`.
  const shown = table.columns.map((c) =>
    sql.raw(c.encrypted ? ident(c.column) : `${ident(c.column)}::text AS ${ident(c.column)}`),
  );
  const match = key.map(
    ({ column, text }) =>
      sql`${sql.raw(ident(column.column))} = CAST(${text} AS ${sql.raw(sqlType(column))})`,
  );
  const result = await sql<Record<string, unknown> & { _row: number }>`
    SELECT _row, ${sql.join(shown)} FROM ${sql.raw(qualified(table))}
    WHERE _to IS NULL AND ${sql.join(match, sql` AND `)} LIMIT 1 ${sql.raw(lock ? 'FOR UPDATE' : '')}`.execute(
    db,
  );
  const found = result.rows[0];
  if (!found) return undefined;
  const { _row, ...stored } = found;
  const values: Record<string, string | null> = {};
  for (const column of table.columns) {
    const value = stored[column.column];
    values[column.column] = column.encrypted
      ? open(column, value, _row)
      : ((value as string | null | undefined) ?? null);
  }
  return { row: Number(_row), values };
}

/**
 * Replaces a current row by a corrected one in `version`: the old row is closed (`_to = version`)
 * and a copy with the changed columns opens (`_from = version`), so earlier versions still read the
 * old value. Returns the new row's id, or undefined when the old row is no longer current.
 */
export async function replaceRecord(
  trx: Kysely<DB>,
  table: PoolTableRow,
  oldRow: number,
  version: number,
  changes: ReadonlyMap<string, string | Buffer | null>,
): Promise<number | undefined> {
  const closed = await sql`
    UPDATE ${sql.raw(qualified(table))} SET _to = ${version} WHERE _row = ${oldRow} AND _to IS NULL`.execute(
    trx,
  );
  if (Number(closed.numAffectedRows ?? 0) !== 1) return undefined;
  const names = table.columns.map((c) => sql.raw(ident(c.column)));
  const values = table.columns.map((c) =>
    !changes.has(c.column)
      ? sql.raw(ident(c.column))
      : c.encrypted
        ? sql`CAST(${changes.get(c.column) ?? null} AS bytea)`
        : sql`CAST(${changes.get(c.column) ?? null} AS ${sql.raw(sqlType(c))})`,
  );
  const inserted = await sql<{ _row: number }>`
    INSERT INTO ${sql.raw(qualified(table))} (_from, ${sql.join(names)})
    SELECT ${version}, ${sql.join(values)} FROM ${sql.raw(qualified(table))} WHERE _row = ${oldRow}
    RETURNING _row`.execute(trx);
  return Number(inserted.rows[0]!._row);
}

/**
 * Values as PostgreSQL prints them once stored in their columns (`'170.5'` in numeric(5,2) is
 * `'170.50'`, a boolean `'t'` is `'true'`): how proposed and corrected values are kept and shown,
 * alike with the current ones.
 */
export async function storedTexts(
  db: Kysely<DB>,
  values: readonly { column: PoolColumn; text: string | null }[],
): Promise<(string | null)[]> {
  if (values.length === 0) return [];
  const casts = values.map(
    ({ column, text }, i) =>
      sql`CAST(CAST(${text} AS ${sql.raw(sqlType(column))}) AS text) AS ${sql.raw(ident(`v${i}`))}`,
  );
  const result = await sql<Record<string, string | null>>`SELECT ${sql.join(casts)}`.execute(db);
  return values.map((_, i) => result.rows[0]?.[`v${i}`] ?? null);
}

/** The row ids among `rowIds` (current rows of the table) that a pending request disputes. */
export async function disputedRows(
  db: Kysely<DB>,
  table: PoolTableRow,
  rowIds: readonly number[],
): Promise<Set<number>> {
  if (rowIds.length === 0 || table.key_fields.length === 0) return new Set();
  const keyColumns = table.key_fields.map((field) => {
    const column = table.columns.find((c) => c.field === field && !c.retired);
    return sql.raw(`t.${ident(column?.column ?? field)}::text`);
  });
  const result = await sql<{ _row: number }>`
    SELECT DISTINCT t._row FROM ${sql.raw(qualified(table))} t
    JOIN pool_corrections c ON c.resource_id = ${table.resource_id} AND c.state = 'pending'
      AND c.key_values = ARRAY[${sql.join(keyColumns)}]
    WHERE t._to IS NULL AND t._row IN (${sql.join(rowIds.map((id) => sql`${id}`))})`.execute(db);
  return new Set(result.rows.map((row) => Number(row._row)));
}

/**
 * Which of these record keys (each the key values as text, in the table's key order) a pending
 * request disputes: for readers of a pool that serve records by key.
 */
export async function disputedKeys(
  db: Kysely<DB>,
  resourceId: string,
  keys: readonly (readonly string[])[],
): Promise<string[][]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('pool_corrections')
    .select('key_values')
    .distinct()
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'pending')
    .where(
      'key_values',
      'in',
      keys.map((key) => sql<string[]>`CAST(${sql.val([...key])} AS text[])`),
    )
    .execute();
  return rows.map((row) => row.key_values);
}

/** Records a new request (its case exists already and gives the id). */
export async function insertCorrection(
  trx: Kysely<DB>,
  values: Omit<
    CorrectionRow,
    | 'state'
    | 'decision_reason'
    | 'decided_by'
    | 'decided_by_name'
    | 'decided_at'
    | 'applied_version'
    | 'created_at'
  >,
) {
  await trx
    .insertInto('pool_corrections')
    .values({
      ...values,
      record_key: JSON.stringify(values.record_key),
      items: JSON.stringify(values.items),
      created_at: new Date(),
    })
    .execute();
}

/** Sets the decision on a request. */
export async function updateCorrection(
  trx: Kysely<DB>,
  id: string,
  patch: Updateable<PoolCorrectionTable> & { state: CorrectionState },
) {
  await trx.updateTable('pool_corrections').set(patch).where('id', '=', id).execute();
}

/** Records the changes an accepted request made. */
export async function insertChanges(trx: Kysely<DB>, rows: Omit<CorrectionChangeRow, 'id' | 'changed_at'>[]) {
  if (rows.length > 0) await trx.insertInto('pool_correction_changes').values(rows).execute();
}

function listed(db: Kysely<DB>) {
  return db
    .selectFrom('pool_corrections as p')
    .innerJoin('cases as c', 'c.id', 'p.id')
    .innerJoin('departments as d', 'd.id', 'p.department_id')
    .innerJoin('catalog_resources as r', 'r.id', 'p.resource_id')
    .leftJoin('catalog_revisions as v', 'v.id', 'r.published_revision_id')
    .leftJoin('departments as rd', 'rd.id', 'p.reporter_department_id')
    .selectAll('p')
    .select([
      'c.received_on',
      'c.due_on',
      'c.original_due_on',
      'c.overdue',
      'c.overdue_since',
      'c.closed_at',
      'c.extension_workdays',
      'c.extension_state',
      'c.extension_requested_workdays',
      'c.extension_reason',
      'c.version as case_version',
      'd.name as department_name',
      'r.code as resource_code',
      'v.name as resource_name',
      'rd.name as reporter_department_name',
    ]);
}

/** A request with its case's deadline facts and the names it shows. */
export type ListedCorrection = NonNullable<Awaited<ReturnType<typeof findCorrection>>>;

/** One request with its case's deadline facts. */
export async function findCorrection(db: Kysely<DB>, id: string) {
  return listed(db).where('p.id', '=', id).executeTakeFirst();
}

/** Whose requests a list shows: a reporting department's, a public user's, or a provider's. */
export type CorrectionParty =
  | { kind: 'reporter_department'; departmentId: string }
  | { kind: 'reporter'; reporterId: string }
  | { kind: 'provider'; departmentId: string };

/** Filters of the lists. */
export interface CorrectionFilter {
  state?: CorrectionState;
  overdue?: boolean;
  resourceId?: string;
}

/** A page of requests of a party, newest first. */
export async function listCorrections(
  db: Kysely<DB>,
  party: CorrectionParty,
  filter: CorrectionFilter,
  window: { offset: number; limit: number },
) {
  let query = listed(db);
  if (party.kind === 'reporter_department')
    query = query.where('p.reporter_department_id', '=', party.departmentId);
  if (party.kind === 'reporter') query = query.where('p.reporter_id', '=', party.reporterId);
  if (party.kind === 'provider') query = query.where('p.department_id', '=', party.departmentId);
  if (filter.state) query = query.where('p.state', '=', filter.state);
  if (filter.overdue !== undefined) query = query.where('c.overdue', '=', filter.overdue);
  if (filter.resourceId) query = query.where('p.resource_id', '=', filter.resourceId);
  const [rows, count] = await Promise.all([
    query.orderBy('p.created_at', 'desc').orderBy('p.id').offset(window.offset).limit(window.limit).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Changes made by accepted requests: of one request, or of a table (optionally one record), oldest first. */
export async function listChanges(
  db: Kysely<DB>,
  filter: { correctionId: string } | { resourceId: string; keyValues?: readonly string[] },
  window: { offset: number; limit: number } = { offset: 0, limit: 500 },
) {
  let query = db.selectFrom('pool_correction_changes').selectAll();
  if ('correctionId' in filter) query = query.where('correction_id', '=', filter.correctionId);
  else {
    query = query.where('resource_id', '=', filter.resourceId);
    if (filter.keyValues)
      query = query.where(
        'key_values',
        '=',
        sql<string[]>`CAST(${sql.val([...filter.keyValues])} AS text[])`,
      );
  }
  const [rows, count] = await Promise.all([
    query.orderBy('id').offset(window.offset).limit(window.limit).execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
