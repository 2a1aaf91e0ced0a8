// Row conditions: the rows a grant covers ("only its district") and the filters of the query API.
// Conditions are data (field, operator, value), checked against the pool table's columns and
// compiled to SQL with every value a parameter cast to the column's type, so a condition can never
// carry SQL and a wrong value is a 400 with the condition's path, not a database error.
import { sql, type RawBuilder } from 'kysely';
import { Type, type Static } from 'typebox';
import type { FieldProblem } from '../../../platform/errors/app-error.ts';
import type { PoolColumn } from '../../pools/pool-schema.ts';

/** The operators of a row condition. */
export const ROW_OPERATORS = [
  'eq',
  'ne',
  'in',
  'prefix',
  'gt',
  'gte',
  'lt',
  'lte',
  'null',
  'not_null',
] as const;
/** A row condition's operator. */
export type RowOperator = (typeof ROW_OPERATORS)[number];

const Scalar = Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean()]);

/** One condition on a row: `field op value` (`in` takes a list; `null`/`not_null` no value). */
export const RowCondition = Type.Object(
  {
    field: Type.String({ minLength: 1, maxLength: 64 }),
    op: Type.Union([
      Type.Literal('eq'),
      Type.Literal('ne'),
      Type.Literal('in'),
      Type.Literal('prefix'),
      Type.Literal('gt'),
      Type.Literal('gte'),
      Type.Literal('lt'),
      Type.Literal('lte'),
      Type.Literal('null'),
      Type.Literal('not_null'),
    ]),
    value: Type.Optional(Type.Union([Scalar, Type.Array(Scalar, { minItems: 1, maxItems: 500 })])),
  },
  { additionalProperties: false },
);
/** One condition on a row. */
export type RowCondition = Static<typeof RowCondition>;

/** A list of conditions that must all hold. */
export const RowConditions = Type.Array(RowCondition, { maxItems: 20 });

type Scalar = string | number | boolean;

// The SQL type a parameter is cast to, by item data type (the column's base type, without length).
const CAST: Record<string, string> = {
  C: 'text',
  M: 'text',
  N: 'numeric',
  Y: 'numeric',
  I: 'bigint',
  F: 'real',
  B: 'double precision',
  D: 'date',
  T: 'timestamptz',
  L: 'boolean',
};
const ORDERED = new Set(['N', 'Y', 'I', 'F', 'B', 'D', 'T']);
const TEXT = new Set(['C', 'M']);
const COMPARE: Partial<Record<RowOperator, string>> = {
  eq: '=',
  ne: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
};

function valueProblem(column: PoolColumn, value: Scalar): string | null {
  const text = String(value);
  switch (column.dataType) {
    case 'N':
    case 'Y':
    case 'F':
    case 'B':
      return Number.isFinite(Number(text)) && text.trim() !== '' ? null : 'share.filter.not_a_number';
    case 'I':
      return /^-?[0-9]{1,18}$/.test(text) ? null : 'share.filter.not_an_integer';
    case 'D':
      return /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text) && !Number.isNaN(Date.parse(text))
        ? null
        : 'share.filter.not_a_date';
    case 'T':
      return Number.isNaN(Date.parse(text)) ? 'share.filter.not_a_time' : null;
    case 'L':
      return ['true', 'false'].includes(text) ? null : 'share.filter.not_a_boolean';
    default:
      return null;
  }
}

function operatorProblem(column: PoolColumn, condition: RowCondition): string | null {
  const { op, value } = condition;
  if (op === 'null' || op === 'not_null')
    return value === undefined ? null : 'share.filter.no_value_expected';
  if (value === undefined) return 'share.filter.value_required';
  if (op === 'in') return Array.isArray(value) ? null : 'share.filter.list_expected';
  if (Array.isArray(value)) return 'share.filter.single_value_expected';
  if (op === 'prefix') return TEXT.has(column.dataType) ? null : 'share.filter.prefix_on_text';
  if (op !== 'eq' && op !== 'ne' && !ORDERED.has(column.dataType)) return 'share.filter.not_ordered';
  return null;
}

/**
 * What is wrong with `conditions` over `columns` (unknown, retired or encrypted fields, an
 * operator the type has no use for, values of the wrong type), each with its path under `path`.
 */
export function conditionProblems(
  conditions: readonly RowCondition[],
  columns: readonly PoolColumn[],
  path: string,
): FieldProblem[] {
  const byField = new Map(columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const problems: FieldProblem[] = [];
  conditions.forEach((condition, index) => {
    const at = `${path}/${index}`;
    const column = byField.get(condition.field);
    if (!column) {
      problems.push({
        path: `${at}/field`,
        code: 'share.filter.unknown_field',
        params: { field: condition.field },
      });
      return;
    }
    // A sealed column holds ciphertext: a condition on it could only compare ciphertexts.
    if (column.encrypted) {
      problems.push({
        path: `${at}/field`,
        code: 'share.filter.encrypted_field',
        params: { field: column.field },
      });
      return;
    }
    const operator = operatorProblem(column, condition);
    if (operator) {
      problems.push({ path: `${at}/op`, code: operator, params: { field: column.field, op: condition.op } });
      return;
    }
    const values =
      condition.value === undefined
        ? []
        : Array.isArray(condition.value)
          ? condition.value
          : [condition.value];
    for (const value of values) {
      const problem = valueProblem(column, value);
      if (problem) {
        problems.push({
          path: `${at}/value`,
          code: problem,
          params: { field: column.field, value: String(value) },
        });
        return;
      }
    }
  });
  return problems;
}

function conditionSql(condition: RowCondition, column: PoolColumn, alias: string): RawBuilder<unknown> {
  const ref = sql.ref(`${alias}.${column.column}`);
  const cast = sql.raw(CAST[column.dataType] ?? 'text');
  const { op, value } = condition;
  if (op === 'null') return sql`${ref} IS NULL`;
  if (op === 'not_null') return sql`${ref} IS NOT NULL`;
  if (op === 'in') {
    const list = (value as Scalar[]).map(String);
    return sql`${ref} = ANY(CAST(${list} AS ${cast}[]))`;
  }
  if (op === 'prefix') return sql`starts_with(${ref}, ${String(value)})`;
  return sql`${ref} ${sql.raw(COMPARE[op]!)} CAST(${String(value)} AS ${cast})`;
}

/**
 * The SQL condition (over the table aliased `alias`) that all `conditions` hold, or undefined for
 * none. Call `conditionProblems` first: a condition on an unknown field throws here.
 */
export function conditionsSql(
  conditions: readonly RowCondition[],
  columns: readonly PoolColumn[],
  alias = 't',
): RawBuilder<unknown> | undefined {
  if (conditions.length === 0) return undefined;
  const byField = new Map(columns.filter((c) => !c.retired).map((c) => [c.field, c]));
  const parts = conditions.map((condition) => {
    const column = byField.get(condition.field);
    if (!column) throw new Error(`row condition on unknown field ${condition.field}`);
    return conditionSql(condition, column, alias);
  });
  return sql.join(parts, sql` AND `);
}

const conditionKey = (condition: RowCondition) =>
  JSON.stringify([condition.field, condition.op, condition.value ?? null]);

/**
 * Whether `narrower` covers at most the rows of `wider`: it keeps every condition of `wider` (and
 * may add its own). A partial approval may narrow the rows asked for, never widen them.
 */
export function keepsConditions(wider: readonly RowCondition[], narrower: readonly RowCondition[]): boolean {
  const kept = new Set(narrower.map(conditionKey));
  return wider.every((condition) => kept.has(conditionKey(condition)));
}
