// Consistency rules: checks that compare values of a row with each other (and later with the base
// databases). A rule binds to a table's columns once, then judges pages of sampled rows, so a rule
// that looks rows up elsewhere (a base-database comparison) can fetch a whole page's keys at a time.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { PoolColumn } from '../pool-schema.ts';

/** A sampled current row: `_row` and the physical columns' values as the driver returns them. */
export type QualityRow = { _row: number } & Record<string, unknown>;

/** A problem found in a row: its message key (`pool.value.*` or `pool.quality.*`) and parameters. */
export interface Finding {
  row: number;
  column: string;
  value: unknown;
  code: string;
  params?: Record<string, unknown>;
}

/** What a bound rule reports for a page of rows. */
export interface RuleResult {
  /** Rows in which the rule could compare (both sides present and readable). */
  compared: number;
  findings: Finding[];
}

/** A rule bound to one table's columns. */
export interface BoundRule {
  code: string;
  /** The physical columns the rule compares, for the report. */
  columns: string[];
  check(rows: readonly QualityRow[]): Promise<RuleResult> | RuleResult;
}

/** The table a rule is bound to. */
export interface RuleTable {
  resourceId: string;
  columns: readonly PoolColumn[];
  keyFields: readonly string[];
}

/**
 * A consistency rule. `bind` answers whether the rule applies to a table and, if so, how to judge
 * its rows; `db` is there for rules that compare with other data (the base databases).
 */
export interface ConsistencyRule {
  code: string;
  bind(table: RuleTable, db: Kysely<DB>): BoundRule | null;
}

const live = (table: RuleTable) => table.columns.filter((column) => !column.retired);

/** The citizen-ID column a rule reads: the key if it is one, else the first ID column. */
function citizenIdColumn(table: RuleTable, keyOnly: boolean): PoolColumn | undefined {
  const ids = live(table).filter((column) => column.check === 'citizen_id');
  const key = ids.find((column) => table.keyFields.includes(column.field));
  return keyOnly ? key : (key ?? ids[0]);
}

const ID_SHAPE = /^[0-9]{17}[0-9Xx]$/;
const BIRTH_NAMES = /出生日期|出生年月日/;
const BIRTH_FIELDS = /(^|_)(csrq|birth_?date|birthday|date_of_birth|dob)$/i;
const GENDER_NAMES = /性别/;
const GENDER_FIELDS = /(^|_)(xb|gender|sex)$/i;

/** A date as `YYYYMMDD`, from the driver's `'YYYY-MM-DD'` string (or a Date); null if unreadable. */
function compactDate(value: unknown): string | null {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10).replaceAll('-', '');
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  return match ? `${match[1]}${match[2]}${match[3]}` : null;
}

/** Birth date in the ID number (digits 7–14) against a birth-date column of the same row. */
export const birthDateRule: ConsistencyRule = {
  code: 'birth_date',
  bind(table) {
    const id = citizenIdColumn(table, false);
    const birth = live(table).find(
      (column) =>
        (column.dataType === 'D' || column.dataType === 'C') &&
        (BIRTH_NAMES.test(column.name) || BIRTH_FIELDS.test(column.field)),
    );
    if (!id || !birth) return null;
    return {
      code: 'birth_date',
      columns: [id.column, birth.column],
      check(rows) {
        let compared = 0;
        const findings: Finding[] = [];
        for (const row of rows) {
          const number = row[id.column];
          const date = compactDate(row[birth.column]);
          if (typeof number !== 'string' || !ID_SHAPE.test(number) || date === null) continue;
          compared++;
          const expected = number.slice(6, 14);
          if (expected !== date) {
            const shown = `${expected.slice(0, 4)}-${expected.slice(4, 6)}-${expected.slice(6)}`;
            findings.push({
              row: row._row,
              column: birth.column,
              value: row[birth.column],
              code: 'pool.quality.birth_mismatch',
              params: { expected: shown },
            });
          }
        }
        return { compared, findings };
      },
    };
  },
};

// GB/T 2261.1: 1 male, 2 female (0 unknown, 9 not stated are not compared); and the usual words.
const MALE = new Set(['男', '1', 'm', 'male', '男性']);
const FEMALE = new Set(['女', '2', 'f', 'female', '女性']);

function genderOf(value: unknown): 'male' | 'female' | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim().toLowerCase();
  if (MALE.has(text)) return 'male';
  if (FEMALE.has(text)) return 'female';
  return null;
}

/** The gender digit of a keyed ID number (17th: odd male, even female) against a 性别 column. */
export const genderRule: ConsistencyRule = {
  code: 'gender',
  bind(table) {
    const id = citizenIdColumn(table, true);
    const gender = live(table).find(
      (column) => GENDER_NAMES.test(column.name) || GENDER_FIELDS.test(column.field),
    );
    if (!id || !gender) return null;
    return {
      code: 'gender',
      columns: [id.column, gender.column],
      check(rows) {
        let compared = 0;
        const findings: Finding[] = [];
        for (const row of rows) {
          const number = row[id.column];
          const stated = genderOf(row[gender.column]);
          if (typeof number !== 'string' || !ID_SHAPE.test(number) || stated === null) continue;
          compared++;
          const expected = Number(number[16]) % 2 === 1 ? 'male' : 'female';
          if (expected !== stated) {
            findings.push({
              row: row._row,
              column: gender.column,
              value: row[gender.column],
              code: `pool.quality.gender_mismatch.${expected}`,
            });
          }
        }
        return { compared, findings };
      },
    };
  },
};

/**
 * The consistency rules every table is judged by. A comparison with a base database is added here
 * as one more rule: it binds to tables keyed by ID number or credit code and looks up each page's
 * keys in the base database.
 */
export const CONSISTENCY_RULES: readonly ConsistencyRule[] = [birthDateRule, genderRule];
