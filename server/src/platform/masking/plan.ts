// A masking plan for a set of columns: which rules run in SQL (an expression in the select list) and
// which in Node (a step on each fetched row). Pseudonyms always run in Node (PostgreSQL has no SM3);
// a column marked `inNode` (e.g. stored encrypted, readable only after decryption in Node) too.
import { fitsType, type ItemType, type MaskRule } from './rules.ts';
import { maskExpression, quoteIdent } from './sql.ts';
import { valueMasker, type MaskContext, type ValueMasker } from './values.ts';

/** A column to extract and the rule that masks it. */
export interface MaskColumn {
  /** The item's field name: the key in the output row. */
  field: string;
  /** The physical column (differs from `field` for retired columns). */
  column: string;
  type: ItemType;
  rule: MaskRule;
  /** Mask this column in Node, after it is read (and decrypted) as stored. */
  inNode?: boolean;
}

/** How a plan masks: the select list for SQL, and the Node steps applied to each fetched row. */
export interface MaskPlan {
  /** `expression AS "field"` for each column, in order. */
  selectList: string[];
  /** Fields masked in Node, with their masker. Empty when everything runs in SQL. */
  nodeSteps: { field: string; mask: ValueMasker }[];
  /** Applies the Node steps to a row in place and returns it. */
  finish(row: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Where rules run. auto (the default): nulling in SQL (nothing is sent), every other rule in Node,
 * which measured faster than the same expressions inside PostgreSQL and PGlite
 * (docs/security-masking.md, Measured); sql or node force one side (the k-anonymity check groups
 * on the SQL expressions).
 */
export type Placement = 'auto' | 'sql' | 'node';

const AUTO_IN_SQL = new Set<MaskRule['kind']>(['none', 'null']);

/** Options of a plan: the grant key for pseudonyms; where the rules run. */
export interface PlanOptions extends MaskContext {
  placement?: Placement;
  /** The source of the columns, e.g. a table alias (`t`): expressions read `t."column"`. */
  qualifier?: string;
}

/** Raised when a rule does not fit its column's type; the caller turns it into a 400. */
export class RuleTypeMismatch extends Error {
  constructor(
    readonly field: string,
    readonly kind: string,
    readonly type: string,
  ) {
    super(`rule ${kind} does not fit ${field} (${type})`);
  }
}

/** Builds the plan; throws RuleTypeMismatch for a rule that does not fit its column. */
export function planMasking(columns: readonly MaskColumn[], options: PlanOptions = {}): MaskPlan {
  const selectList: string[] = [];
  const nodeSteps: MaskPlan['nodeSteps'] = [];
  for (const column of columns) {
    if (!fitsType(column.rule.kind, column.type))
      throw new RuleTypeMismatch(column.field, column.rule.kind, column.type);
    const source = (options.qualifier ? `${quoteIdent(options.qualifier)}.` : '') + quoteIdent(column.column);
    const placement = options.placement ?? 'auto';
    const inSql =
      !column.inNode && (placement === 'sql' || (placement === 'auto' && AUTO_IN_SQL.has(column.rule.kind)));
    const expression = inSql ? maskExpression(source, column.rule, column.type) : null;
    if (expression === null) {
      selectList.push(`${source} AS ${quoteIdent(column.field)}`);
      if (column.rule.kind !== 'none')
        nodeSteps.push({ field: column.field, mask: valueMasker(column.rule, column.type, options) });
    } else {
      selectList.push(`${expression} AS ${quoteIdent(column.field)}`);
    }
  }
  const finish =
    nodeSteps.length === 0
      ? (row: Record<string, unknown>) => row
      : (row: Record<string, unknown>) => {
          for (const step of nodeSteps) row[step.field] = step.mask(row[step.field]);
          return row;
        };
  return { selectList, nodeSteps, finish };
}

/** Masks one record in Node (e.g. a record the API returns alone); fields without a column are dropped. */
export function maskRow(
  row: Record<string, unknown>,
  columns: readonly MaskColumn[],
  context: MaskContext = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) {
    if (!fitsType(column.rule.kind, column.type))
      throw new RuleTypeMismatch(column.field, column.rule.kind, column.type);
    out[column.field] = valueMasker(column.rule, column.type, context)(row[column.field]);
  }
  return out;
}
