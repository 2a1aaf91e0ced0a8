// Checking one cell against its column and writing it as PostgreSQL COPY text. Every check a batch
// makes on a value is here: type, length and scale, required, dates that exist, check digits.
import { isValidCitizenId } from '../../platform/identifiers/citizen-id.ts';
import { isValidCreditCode } from '../../platform/identifiers/credit-code.ts';
import type { PoolColumn } from './pool-schema.ts';

/** A cell as a reader gives it: text from CSV and JSON, typed values from XLSX and JSON. */
export type RawValue = string | number | boolean | Date | null | undefined;

/** Why a value was refused: a message key of `pool.value.*` and its parameters. */
export interface ValueProblem {
  code: string;
  params?: Record<string, unknown>;
}

/** A checked value: its COPY text (`\N` for null), or the problem. */
export type Checked = { text: string } | { problem: ValueProblem };

const NULL = { text: '\\N' };
const problem = (code: string, params?: Record<string, unknown>): Checked => ({ problem: { code, params } });

const ESCAPED = /[\\\t\n\r]/;

/** Escapes text for COPY's text format. */
export function copyText(value: string): string {
  // Most values need no escape; testing first spares building a new string for each.
  if (!ESCAPED.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// Dates as government exports write them: 2024-03-01, 2024/3/1, 20240301, 2024年3月1日, 2024.03.01.
const DATE = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/;
const TIME = /^[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDigit = (code: number) => code >= 48 && code <= 57;
const ISO_DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** The common `YYYY-MM-DD…` shape, read without regular expressions (loads meet it millions of times). */
function parseIsoDate(text: string): { date: string; rest: string } | null {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  for (const at of ISO_DATE_DIGITS) if (!isDigit(text.charCodeAt(at))) return null;
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return null;
  if (month === 2 && day === 29 && !realDate(year, month, day)) return null;
  return { date: text.slice(0, 10), rest: text.slice(10) };
}

function parseDate(text: string): { date: string; rest: string } | null {
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const match = /^(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})(.*)$/.exec(text);
  if (!match) return null;
  const parts = DATE.exec(match[1]!);
  if (!parts) return null;
  const year = Number(parts[1]);
  const month = Number(parts[2] ?? parts[4]);
  const day = Number(parts[3] ?? parts[5]);
  if (!realDate(year, month, day)) return null;
  return { date: `${year}-${pad(month)}-${pad(day)}`, rest: match[2]! };
}

// The streaming XLSX reader skips styles (they cost time), so a date cell arrives as its Excel
// serial number: days since 1899-12-30, the fraction being the time of day.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

function fromExcelSerial(value: number): Date | null {
  if (!Number.isFinite(value) || value < 1 || value > MAX_EXCEL_SERIAL) return null;
  return new Date(EXCEL_EPOCH_MS + Math.round(value * 86_400_000));
}

function checkDate(value: Exclude<RawValue, null | undefined>): Checked {
  if (typeof value === 'number') {
    const date = fromExcelSerial(value);
    return date ? checkDate(date) : problem('pool.value.date');
  }
  if (value instanceof Date) {
    // exceljs gives a date cell as midnight UTC of the day shown.
    if (Number.isNaN(value.getTime())) return problem('pool.value.date');
    return { text: value.toISOString().slice(0, 10) };
  }
  const parsed = parseDate(String(value).trim());
  if (!parsed || parsed.rest !== '') return problem('pool.value.date');
  return { text: parsed.date };
}

const TIME_DIGITS = [11, 12, 14, 15, 17, 18];

// Module-level rather than a closure per call: tsx (esbuild's keepNames) names every closure it
// makes with a defineProperty call, which showed in load profiles.
const twoDigits = (text: string, at: number) =>
  (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;

/** `YYYY-MM-DD HH:MM:SS` with a real date and time, the shape most exports write, without a regex. */
function isPlainTimestamp(text: string): boolean {
  if (text.length !== 19 || text.charCodeAt(10) !== 32) return false;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false;
  for (const at of TIME_DIGITS) if (!isDigit(text.charCodeAt(at))) return false;
  if (twoDigits(text, 11) > 23 || twoDigits(text, 14) > 59 || twoDigits(text, 17) > 59) return false;
  return parseIsoDate(text.slice(0, 10)) !== null;
}

function checkTimestamp(value: Exclude<RawValue, null | undefined>): Checked {
  if (typeof value === 'number') {
    const date = fromExcelSerial(value);
    return date ? checkTimestamp(date) : problem('pool.value.timestamp');
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return problem('pool.value.timestamp');
    // exceljs reads a time of day as shown, in UTC; shown times are China time.
    const iso = value.toISOString();
    return { text: `${iso.slice(0, 10)} ${iso.slice(11, 19)}+08:00` };
  }
  const text = String(value).trim();
  if (isPlainTimestamp(text)) return { text: `${text}+08:00` };
  const parsed = parseDate(text);
  if (!parsed) return problem('pool.value.timestamp');
  if (parsed.rest === '') return { text: `${parsed.date} 00:00:00+08:00` };
  const time = TIME.exec(parsed.rest);
  if (!time) return problem('pool.value.timestamp');
  const [hour, minute, second] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return problem('pool.value.timestamp');
  const zone = time[5] ? (time[5] === 'Z' ? '+00:00' : time[5]) : '+08:00';
  return { text: `${parsed.date} ${pad(hour)}:${pad(minute)}:${pad(second)}${time[4] ?? ''}${zone}` };
}

const DECIMAL = /^[+-]?(\d+)(?:\.(\d+))?$/;
const FLOAT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT8_MAX = 9223372036854775807n;

function numberText(value: Exclude<RawValue, null | undefined>): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') {
    const text = value.trim();
    return text.includes(',') ? text.replace(/,/g, '') : text;
  }
  return null;
}

function checkDecimal(
  value: Exclude<RawValue, null | undefined>,
  precision: number | null,
  scale: number,
): Checked {
  let text = numberText(value);
  if (text !== null && /e/i.test(text) && typeof value === 'number') text = value.toFixed(scale);
  const match = text === null ? null : DECIMAL.exec(text);
  if (!match) return problem('pool.value.number');
  const whole = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > scale) return problem('pool.value.scale', { scale });
  if (precision !== null && whole.length > precision - scale && whole !== '0')
    return problem('pool.value.precision', { digits: precision - scale });
  return { text: text! };
}

function checkInteger(value: Exclude<RawValue, null | undefined>): Checked {
  const text = numberText(value);
  if (text === null || !/^[+-]?\d+$/.test(text)) return problem('pool.value.integer');
  const big = BigInt(text);
  if (big > INT8_MAX || big < -INT8_MAX - 1n) return problem('pool.value.integer');
  return { text: big.toString() };
}

function checkFloat(value: Exclude<RawValue, null | undefined>): Checked {
  const text = numberText(value);
  if (text === null || !FLOAT.test(text) || !Number.isFinite(Number(text)))
    return problem('pool.value.number');
  return { text };
}

const TRUE = new Set(['true', 't', '1', 'y', 'yes', '是', '真']);
const FALSE = new Set(['false', 'f', '0', 'n', 'no', '否', '假']);

function checkBoolean(value: Exclude<RawValue, null | undefined>): Checked {
  if (typeof value === 'boolean') return { text: value ? 't' : 'f' };
  const text = String(value).trim().toLowerCase();
  if (TRUE.has(text)) return { text: 't' };
  if (FALSE.has(text)) return { text: 'f' };
  return problem('pool.value.boolean');
}

function checkText(value: Exclude<RawValue, null | undefined>, column: PoolColumn): Checked {
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (text.includes('\u0000')) return problem('pool.value.nul');
  // UTF-16 units are never fewer than characters, so only a text longer in units is counted
  // (spreading every value into an array of characters allocated one per cell).
  if (column.dataType === 'C' && column.length !== null && text.length > column.length) {
    const length = [...text].length;
    if (length > column.length) return problem('pool.value.too_long', { max: column.length, length });
  }
  if (!column.check) return { text: copyText(text) };
  const upper = text.toUpperCase();
  if (column.check === 'citizen_id' && !isValidCitizenId(upper)) return problem('pool.value.citizen_id');
  if (column.check === 'credit_code' && !isValidCreditCode(upper)) return problem('pool.value.credit_code');
  return { text: copyText(upper) };
}

// A string starting with a visible ASCII character is not blank; only others need trimming.
const isEmpty = (value: RawValue): value is null | undefined | '' => {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  const first = value.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return value.trim() === '';
};

function notAllowed(column: PoolColumn): Checked {
  const values = column.allowedValues!;
  const shown = values.slice(0, 10).join('、') + (values.length > 10 ? '…' : '');
  return problem('pool.value.not_allowed', { values: shown });
}

/** Checks one value for its column; an empty cell is null, refused when the column is required. */
export function checkValue(column: PoolColumn, value: RawValue): Checked {
  if (isEmpty(value)) return column.required ? problem('pool.value.required') : NULL;
  if (column.allowedValues?.length) {
    const text = value instanceof Date ? '' : String(value).trim();
    if (!column.allowedValues.includes(text)) return notAllowed(column);
    value = text;
  }
  switch (column.dataType) {
    case 'N':
      return checkDecimal(value, column.length, column.scale ?? 0);
    case 'Y':
      return checkDecimal(value, 18, column.scale ?? 2);
    case 'I':
      return checkInteger(value);
    case 'F':
    case 'B':
      return checkFloat(value);
    case 'D':
      return checkDate(value);
    case 'T':
      return checkTimestamp(value);
    case 'L':
      return checkBoolean(value);
    default:
      return checkText(value, column);
  }
}

/** A value as a report shows it: text, cut to a readable length. */
export function shownValue(value: RawValue): string | null {
  if (value === null || value === undefined) return null;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
