// The masked extraction other modules call (sharing, opening): current rows of a pool table masked
// by the items' rules, in pages. SQL masks what it can inside PostgreSQL; pseudonyms (and columns
// marked `inNode`, such as columns stored encrypted) are masked here on each page.
import type { Kysely, RawBuilder } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { maskRow, planMasking, type MaskColumn, type Placement } from '../../../platform/masking/plan.ts';
import type { MaskContext } from '../../../platform/masking/values.ts';
import {
  countCurrentRows,
  selectMaskedPage,
  selectMaskedWindow,
  type SourceTable,
  type WindowOrder,
} from './extract.repository.ts';

/** Options of a masked extraction. */
export interface MaskedSelectOptions extends MaskContext {
  /** An SQL condition over the table (alias `t`) that narrows the rows, e.g. the grant's row scope. */
  rowFilter?: RawBuilder<unknown>;
  /** Rows per page (default 5,000). */
  pageSize?: number;
  /** Stop after this many rows. */
  limit?: number;
  /** Where the rules run (default auto: see Placement). */
  placement?: Placement;
}

/**
 * Streams the masked current rows of `table`, page by page, in row order. Each row carries `_row`
 * (the stable row id) and one value per column, keyed by field name. The caller audits the access.
 */
export async function* maskedSelect(
  db: Kysely<DB>,
  table: SourceTable,
  columns: readonly MaskColumn[],
  options: MaskedSelectOptions = {},
): AsyncGenerator<Record<string, unknown>[]> {
  const plan = planMasking(columns, { ...options, qualifier: 't' });
  const pageSize = options.pageSize ?? 5000;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  let afterRow = 0;
  while (remaining > 0) {
    const limit = Math.min(pageSize, remaining);
    const rows = await selectMaskedPage(db, table, plan.selectList, {
      afterRow,
      limit,
      filter: options.rowFilter,
    });
    if (rows.length === 0) return;
    if (plan.nodeSteps.length > 0) for (const row of rows) plan.finish(row);
    yield rows;
    afterRow = Number(rows[rows.length - 1]!._row);
    remaining -= rows.length;
    if (rows.length < limit) return;
  }
}

/** Reads every page of a masked extraction into one array (previews, small extracts). */
export async function maskedRows(
  db: Kysely<DB>,
  table: SourceTable,
  columns: readonly MaskColumn[],
  options: MaskedSelectOptions = {},
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const page of maskedSelect(db, table, columns, options)) out.push(...page);
  return out;
}

/** Options of a window of masked rows (offset paging, sorted on stored columns). */
export interface MaskedWindowOptions extends MaskContext {
  rowFilter?: RawBuilder<unknown>;
  /** Sort keys before the row order; only columns whose shown value is the stored one. */
  order?: readonly WindowOrder[];
  offset: number;
  limit: number;
  placement?: Placement;
}

/**
 * One window of the masked current rows of `table` (`offset`, `limit`, sorted by `order` then
 * row order), each row with `_row`. The caller audits the access.
 */
export async function maskedWindow(
  db: Kysely<DB>,
  table: SourceTable,
  columns: readonly MaskColumn[],
  options: MaskedWindowOptions,
): Promise<Record<string, unknown>[]> {
  const plan = planMasking(columns, { ...options, qualifier: 't' });
  const rows = await selectMaskedWindow(db, table, plan.selectList, {
    order: options.order ?? [],
    offset: options.offset,
    limit: options.limit,
    filter: options.rowFilter,
  });
  if (plan.nodeSteps.length > 0) for (const row of rows) plan.finish(row);
  return rows;
}

/** How many current rows of `table` match `rowFilter` (the total of a filtered read). */
export function countMatchingRows(db: Kysely<DB>, table: SourceTable, rowFilter?: RawBuilder<unknown>) {
  return countCurrentRows(db, table, rowFilter);
}

export { maskRow };
