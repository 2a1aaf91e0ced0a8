// What callers of the sharing API send besides the resource: the record key of a lookup (check
// digits first), PostgREST-like filters (`field=op.value`) turned into row conditions, opaque
// cursors, and the purpose header (UTF-8 or percent-encoded). Pure functions; problems are 400s
// (403 for an item outside the grant) naming the parameter.
import { AppError, invalid, type FieldProblem } from '../../../platform/errors/app-error.ts';
import { isValidCitizenId } from '../../../platform/identifiers/citizen-id.ts';
import { isValidCreditCode } from '../../../platform/identifiers/credit-code.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { PoolColumn } from '../../pools/pool-schema.ts';
import {
  conditionProblems,
  ROW_OPERATORS,
  type RowCondition,
  type RowOperator,
} from '../grants/row-filter.ts';
import type { GrantedItem } from './call-plan.ts';
import './api.messages.ts';

/** A parsed record key: the conditions that select it and its text as audited and echoed. */
export interface RecordKey {
  conditions: RowCondition[];
  values: Record<string, string>;
  text: string;
}

function checkDigits(column: PoolColumn, value: string): string | null {
  if (column.check === 'citizen_id' && !isValidCitizenId(value)) return 'share.api.bad_citizen_id';
  if (column.check === 'credit_code' && !isValidCreditCode(value)) return 'share.api.bad_credit_code';
  return null;
}

/**
 * The key of `/records/{key}`: the key item's value, or for a key of several items their values in
 * key order separated by commas. Citizen ID numbers and credit codes are checked (and upper-cased,
 * as they are stored) before anything is read; a value of the wrong type is a 400 too.
 */
export function parseRecordKey(
  code: string,
  keyColumns: readonly PoolColumn[],
  columns: readonly PoolColumn[],
  raw: string,
): RecordKey {
  if (keyColumns.length === 0) throw invalid('share.api.no_key', [], { code });
  const parts = keyColumns.length === 1 ? [raw] : raw.split(',');
  const fields = keyColumns.map((c) => c.field).join(', ');
  if (parts.length !== keyColumns.length)
    throw invalid(
      'share.api.key_parts',
      [
        {
          path: '/params/key',
          code: 'share.api.key_parts',
          params: { code, count: keyColumns.length, fields },
        },
      ],
      {
        code,
        count: keyColumns.length,
        fields,
      },
    );
  const values: Record<string, string> = {};
  const conditions: RowCondition[] = [];
  const problems: FieldProblem[] = [];
  keyColumns.forEach((column, index) => {
    let value = parts[index]!.trim();
    if (column.check) value = value.toUpperCase();
    if (column.encrypted) {
      problems.push({
        path: '/params/key',
        code: 'share.api.key_encrypted',
        params: { code, field: column.field },
      });
      return;
    }
    const digits = checkDigits(column, value);
    if (digits) {
      problems.push({ path: '/params/key', code: digits, params: { value } });
      return;
    }
    const condition: RowCondition = { field: column.field, op: 'eq', value };
    for (const problem of conditionProblems([condition], columns, '/params/key'))
      problems.push({ ...problem, path: '/params/key' });
    values[column.field] = value;
    conditions.push(condition);
  });
  if (problems.length > 0) throw invalid(problems[0]!.code, problems, problems[0]!.params ?? {});
  return { conditions, values, text: keyColumns.map((c) => values[c.field]).join(',') };
}

/** Operators a masked item may be filtered with: they reveal no more than a key lookup would. */
const MASKED_OPERATORS = new Set<RowOperator>(['eq', 'in', 'null', 'not_null']);
const OPERATORS = new Set<string>(ROW_OPERATORS);

/** Splits `a,b,"c,d"` (PostgREST's list, parentheses optional) into values. */
function listValues(text: string): string[] {
  const inner = text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
  const values: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < inner.length; i++) {
    const char = inner[i]!;
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values;
}

function parseCondition(field: string, text: string): RowCondition | null {
  if (text === 'null' || text === 'not_null' || text === 'null.' || text === 'not_null.')
    return { field, op: text.replace('.', '') as RowOperator };
  const dot = text.indexOf('.');
  if (dot <= 0) return null;
  const op = text.slice(0, dot);
  const value = text.slice(dot + 1);
  if (!OPERATORS.has(op) || op === 'null' || op === 'not_null') return null;
  if (op === 'in') return { field, op: 'in', value: listValues(value) };
  return { field, op: op as RowOperator, value };
}

/**
 * The filters of a query (`?sg=gte.170&sfzh=in.(a,b)&xm=not_null`): every parameter not in
 * `reserved`, repeated parameters all applying. A parameter naming an item outside the grant is a
 * 403; bad syntax, unknown items and values of the wrong type are a 400 naming the parameter.
 */
export function parseFilters(
  query: Record<string, unknown>,
  reserved: ReadonlySet<string>,
  granted: readonly GrantedItem[],
  columns: readonly PoolColumn[],
): RowCondition[] {
  const byField = new Map(granted.map((item) => [item.field, item]));
  const known = new Set(columns.filter((c) => !c.retired).map((c) => c.field));
  const conditions: RowCondition[] = [];
  const problems: FieldProblem[] = [];
  for (const [param, given] of Object.entries(query)) {
    if (reserved.has(param)) continue;
    const path = `/query/${param}`;
    if (!known.has(param)) {
      problems.push({ path, code: 'share.filter.unknown_field', params: { field: param } });
      continue;
    }
    const item = byField.get(param);
    if (!item) throw forbidden('share.api.field_outside_grant', { field: param });
    for (const text of [given].flat().map(String)) {
      const condition = parseCondition(param, text);
      if (!condition) {
        problems.push({ path, code: 'share.api.filter_syntax', params: { param } });
        continue;
      }
      if (item.rule.kind !== 'none' && !MASKED_OPERATORS.has(condition.op))
        throw forbidden('share.api.filter_masked', { field: param, op: condition.op });
      const found = conditionProblems([condition], columns, path);
      if (found.length > 0) problems.push(...found.map((p) => ({ ...p, path })));
      else conditions.push(condition);
    }
  }
  if (problems.length > 0) throw invalid('share.api.query_invalid', problems);
  return conditions;
}

/** A comma list of field names (`fields=a,b`), or undefined when not given. */
export function fieldList(fields: string | undefined): string[] | undefined {
  const list = fields
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

/** The page size of a query: the profile's default, at most its maximum (400 above it). */
export function pageLimit(limit: number | undefined, api: { defaultPageSize: number; maxPageSize: number }) {
  const value = limit ?? api.defaultPageSize;
  if (value > api.maxPageSize)
    throw invalid(
      'share.api.limit_too_large',
      [
        {
          path: '/query/limit',
          code: 'share.api.limit_too_large',
          params: { max: api.maxPageSize, limit: value },
        },
      ],
      { max: api.maxPageSize, limit: value },
    );
  return value;
}

/** Encodes a cursor: opaque to callers (base64url of a small JSON object). */
export function encodeCursor(value: Record<string, number | string | null>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor of `param`, checking every field is a non-negative integer (or, for the fields
 * in `texts`, a string); anything else is a 400 naming the parameter.
 */
export function decodeCursor<K extends string>(
  param: string,
  cursor: string,
  numbers: readonly K[],
  texts: readonly string[] = [],
): Record<K, number> & Record<string, unknown> {
  const refuse = () =>
    invalid(
      'share.api.cursor_invalid',
      [{ path: `/query/${param}`, code: 'share.api.cursor_invalid', params: { param } }],
      {
        param,
      },
    );
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refuse();
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw refuse();
  const record = value as Record<string, unknown>;
  for (const name of numbers) {
    const n = record[name];
    if (n !== null && (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)) throw refuse();
  }
  for (const name of texts) if (typeof record[name] !== 'string') throw refuse();
  return record as Record<K, number> & Record<string, unknown>;
}

const PERCENT = /%[0-9A-Fa-f]{2}/;

/**
 * The purpose header as text. Node reads header bytes as Latin-1, so a purpose sent as raw UTF-8
 * (curl -H 'X-Purpose: 企业登记核验') arrives as one character per byte and is decoded here; one
 * sent percent-encoded (what browsers' and undici's fetch must do) is decoded too.
 */
export function purposeHeader(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined) return undefined;
  if (PERCENT.test(text)) {
    try {
      return decodeURIComponent(text);
    } catch {
      throw new AppError(400, 'share.api.purpose_encoding');
    }
  }
  // Only code units below 256 mean the bytes came as Latin-1 (light-my-request passes strings as is).
  if (/[\u0080-\u00ff]/.test(text) && !/[\u0100-\uffff]/.test(text)) {
    const decoded = Buffer.from(text, 'latin1').toString('utf8');
    if (!decoded.includes('\ufffd')) return decoded;
  }
  return text;
}
