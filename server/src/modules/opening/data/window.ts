// The terms of a window read of open data (CKAN's datastore_search): equality filters and a sort,
// checked against the dataset's items and masking before anything is read. Pure functions; every
// problem is a 400 whose path names the parameter (`/filters/<field>`, `/sort`).
import { invalid, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { WindowOrder } from '../../security/masking/extract.repository.ts';
import type { GrantedItem } from '../../sharing/api/call-plan.ts';
import { conditionProblems, type RowCondition } from '../../sharing/grants/row-filter.ts';
import type { OpenPlan } from './open-plan.ts';
import './data.messages.ts';

/** A window read: equality filters, a sort, offset paging. */
export interface OpenWindowQuery {
  fields?: readonly string[];
  /** Field → the values it may equal: one value is equality, several are IN. */
  filters: Record<string, readonly (string | number | boolean)[]>;
  /** Sort keys in order (field null: the row order, which ends the keys); unmasked, unsealed items. */
  sort: readonly { field: string | null; desc: boolean }[];
  offset: number;
  /** Rows asked for; cut to the profile's maximum page size (0 reads only the total). */
  limit: number;
}

const masked = (item: GrantedItem) => item.rule.kind !== 'none';

/**
 * The row conditions of a window's filters and its sort columns. A filter or sort on a masked item
 * is refused (matching or ordering on hidden values would reveal them), as is a sort on a sealed
 * item (its stored order is the ciphertext's); values of the wrong type are refused as the records
 * API refuses them.
 */
export function windowTerms(
  plan: OpenPlan,
  query: Pick<OpenWindowQuery, 'filters' | 'sort'>,
): { conditions: RowCondition[]; order: WindowOrder[] } {
  const byField = new Map(plan.items.map((item) => [item.field, item]));
  const problems: FieldProblem[] = [];
  const refuse = (path: string, code: string, field: string) =>
    problems.push({ path, code, params: { field, name: plan.dataset.name } });
  const conditions: RowCondition[] = [];
  for (const [field, values] of Object.entries(query.filters)) {
    const path = `/filters/${field}`;
    const item = byField.get(field);
    if (!item) refuse(path, 'open.data.unknown_field', field);
    else if (masked(item)) refuse(path, 'open.data.filter_masked', field);
    else {
      const condition: RowCondition =
        values.length === 1 ? { field, op: 'eq', value: values[0]! } : { field, op: 'in', value: [...values] };
      const found = conditionProblems([condition], plan.table.columns, path);
      problems.push(...found.map((problem) => ({ ...problem, path })));
      if (found.length === 0) conditions.push(condition);
    }
  }
  const order: WindowOrder[] = [];
  for (const key of query.sort) {
    if (key.field === null) {
      // The row order breaks every tie, so nothing after it could change the order.
      order.push({ column: '_row', desc: key.desc });
      break;
    }
    const item = byField.get(key.field);
    if (!item) refuse('/sort', 'open.data.unknown_field', key.field);
    else if (masked(item)) refuse('/sort', 'open.data.sort_masked', key.field);
    else if (item.column.encrypted) refuse('/sort', 'open.data.sort_sealed', key.field);
    else order.push({ column: item.column.column, desc: key.desc });
  }
  if (problems.length > 0) throw invalid(problems[0]!.code, problems, problems[0]!.params ?? {});
  return { conditions, order };
}
