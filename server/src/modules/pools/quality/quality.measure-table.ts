// Measuring one pool table: completeness and uniqueness from SQL aggregates over all current rows,
// validity and consistency by re-checking a bounded sample page by page, timeliness from the load
// time. Memory stays bounded: a page of rows and at most MAX_FINDINGS problems at a time.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import type { PoolColumn } from '../pool-schema.ts';
import { checkValue, type RawValue } from '../values.ts';
import { CONSISTENCY_RULES, type BoundRule, type Finding, type QualityRow } from './quality.consistency.ts';
import {
  MAX_FINDINGS,
  QUALITY_PAGE_ROWS,
  QUALITY_SAMPLE_ROWS,
  REQUIRED_COLUMN_WEIGHT,
  qualityScore,
  share,
  timelinessOf,
  type Timeliness,
} from './quality.measures.ts';
import {
  columnCounts,
  distinctCount,
  duplicateGroups,
  sampleRows,
  type QualityTableRow,
} from './quality.repository.ts';

/** Per column: how often it has a value, and how its sampled values fared against its checks. */
export interface ColumnQuality {
  column: PoolColumn;
  present: number;
  completeness: number | null;
  examined: number;
  invalid: number;
  validity: number | null;
}

/** What a rule found over the sample. */
export interface RuleQuality {
  code: string;
  columns: string[];
  compared: number;
  inconsistent: number;
}

/** All measures of one table. */
export interface TableQuality {
  table: QualityTableRow;
  rows: number;
  score: number;
  completeness: number | null;
  requiredCompleteness: number | null;
  weightedCompleteness: number | null;
  validity: number | null;
  uniqueness: number | null;
  consistency: number | null;
  timeliness: Timeliness;
  columns: ColumnQuality[];
  examinedRows: number;
  sampled: boolean;
  keyed: boolean;
  distinct: number;
  duplicates: { rows: number[]; count: number }[];
  rules: RuleQuality[];
  /** Problems by message key and column, over the sample (and missing required values). */
  problems: { code: string; column: string; count: number }[];
  findings: Finding[];
}

// A cell as checkValue takes it: the driver gives text, numbers, booleans and Dates already.
const raw = (value: unknown): RawValue =>
  value === null ||
  value === undefined ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean' ||
  value instanceof Date
    ? value
    : String(value);

function completenessOf(columns: readonly ColumnQuality[], rows: number) {
  if (rows === 0) return { all: 0, required: null, weighted: 0 };
  const sum = (list: readonly ColumnQuality[], weight: (c: ColumnQuality) => number) =>
    list.reduce((acc, c) => acc + weight(c) * c.present, 0) /
    (rows * list.reduce((acc, c) => acc + weight(c), 0));
  const required = columns.filter((c) => c.column.required);
  return {
    all: columns.length > 0 ? sum(columns, () => 1) : null,
    required: required.length > 0 ? sum(required, () => 1) : null,
    weighted:
      columns.length > 0 ? sum(columns, (c) => (c.column.required ? REQUIRED_COLUMN_WEIGHT : 1)) : null,
  };
}

/** Re-checks the sample: each value with checkValue, each page with the bound consistency rules. */
async function recheck(
  db: Kysely<DB>,
  table: QualityTableRow,
  columns: ColumnQuality[],
  rules: BoundRule[],
  stride: number,
) {
  const results = rules.map(() => ({ compared: 0, inconsistent: 0 }));
  const findings: Finding[] = [];
  const keep = (finding: Finding) => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
  };
  const problems = new Map<string, { code: string; column: string; count: number }>();
  const tally = (code: string, column: string) => {
    const key = `${code}\u0000${column}`;
    const entry = problems.get(key) ?? { code, column, count: 0 };
    entry.count++;
    problems.set(key, entry);
  };
  let examinedRows = 0;
  let after = 0;
  while (examinedRows < QUALITY_SAMPLE_ROWS) {
    const limit = Math.min(QUALITY_PAGE_ROWS, QUALITY_SAMPLE_ROWS - examinedRows);
    const page: QualityRow[] = await sampleRows(
      db,
      table,
      columns.map((c) => c.column.column),
      { after, limit, stride },
    );
    if (page.length === 0) break;
    for (const row of page) {
      for (const entry of columns) {
        const value = row[entry.column.column];
        if (value === null || value === undefined) {
          // Missing values are completeness's measure; a missing required one is still a problem.
          if (entry.column.required) {
            tally('pool.value.required', entry.column.column);
            keep({ row: row._row, column: entry.column.column, value: null, code: 'pool.value.required' });
          }
          continue;
        }
        entry.examined++;
        const checked = checkValue(entry.column, raw(value));
        if ('problem' in checked) {
          entry.invalid++;
          tally(checked.problem.code, entry.column.column);
          keep({ row: row._row, column: entry.column.column, value, ...checked.problem });
        }
      }
    }
    for (const [index, rule] of rules.entries()) {
      const result = await rule.check(page);
      results[index]!.compared += result.compared;
      results[index]!.inconsistent += result.findings.length;
      for (const finding of result.findings) {
        tally(finding.code, finding.column);
        keep(finding);
      }
    }
    examinedRows += page.length;
    after = page[page.length - 1]!._row;
    if (page.length < limit) break;
  }
  return { results, findings, problems: [...problems.values()], examinedRows };
}

/** Measures a table now. Findings (row ids and values) are kept for the detail view. */
export async function measureTable(db: Kysely<DB>, table: QualityTableRow, now: Date): Promise<TableQuality> {
  const live = table.columns.filter((column) => !column.retired);
  const counts = await columnCounts(db, table, live);
  const rows = counts.rows;
  const columns: ColumnQuality[] = live.map((column, index) => ({
    column,
    present: counts.present[index]!,
    completeness: share(counts.present[index]!, rows),
    examined: 0,
    invalid: 0,
    validity: null,
  }));
  // Encrypted columns count for completeness, but their values were checked before sealing and are
  // not opened here: no validity recheck and no consistency rule reads them.
  const ruleTable = {
    resourceId: table.resource_id,
    columns: table.columns.filter((column) => !column.encrypted),
    keyFields: table.key_fields,
  };
  const rules = CONSISTENCY_RULES.map((rule) => rule.bind(ruleTable, db)).filter(
    (rule): rule is BoundRule => rule !== null,
  );
  const stride = Math.max(1, Math.ceil(rows / QUALITY_SAMPLE_ROWS));
  const checked =
    rows > 0
      ? await recheck(
          db,
          table,
          columns.filter((entry) => !entry.column.encrypted),
          rules,
          stride,
        )
      : {
          results: rules.map(() => ({ compared: 0, inconsistent: 0 })),
          findings: [],
          problems: [],
          examinedRows: 0,
        };
  for (const entry of columns) entry.validity = share(entry.examined - entry.invalid, entry.examined);

  const keyed = table.key_fields.length > 0;
  const keyColumns = keyed
    ? table.key_fields.map((field) => live.find((c) => c.field === field)?.column ?? field)
    : live.map((c) => c.column);
  const distinct = rows > 0 ? await distinctCount(db, table, keyColumns) : 0;
  const duplicates = distinct < rows ? await duplicateGroups(db, table, keyColumns, 5) : [];

  const examined = columns.reduce((sum, c) => sum + c.examined, 0);
  const invalid = columns.reduce((sum, c) => sum + c.invalid, 0);
  const compared = checked.results.reduce((sum, r) => sum + r.compared, 0);
  const inconsistent = checked.results.reduce((sum, r) => sum + r.inconsistent, 0);
  const completeness = completenessOf(columns, rows);
  const validity = share(examined - invalid, examined);
  const uniqueness = share(distinct, rows);
  const consistency = share(compared - inconsistent, compared);
  const timeliness = timelinessOf(
    {
      updateCycle: table.update_cycle,
      dataUpdatedAt: table.data_updated_at,
      publishedAt: table.first_published_at,
    },
    now,
  );
  const score = qualityScore({
    completeness: completeness.weighted,
    validity,
    uniqueness,
    consistency,
    timeliness: timeliness.share,
  });
  return {
    table,
    rows,
    score,
    completeness: completeness.all,
    requiredCompleteness: completeness.required,
    weightedCompleteness: completeness.weighted,
    validity,
    uniqueness,
    consistency,
    timeliness,
    columns,
    examinedRows: checked.examinedRows,
    sampled: stride > 1,
    keyed,
    distinct,
    duplicates,
    rules: rules.map((rule, index) => ({
      code: rule.code,
      columns: rule.columns,
      compared: checked.results[index]!.compared,
      inconsistent: checked.results[index]!.inconsistent,
    })),
    problems: checked.problems.sort((a, b) => b.count - a.count),
    findings: checked.findings,
  };
}

/** The rows with the most problems (then the lowest row id), each with its problems. */
export function worstRows(findings: readonly Finding[], limit: number) {
  const byRow = new Map<number, Finding[]>();
  for (const finding of findings) {
    const list = byRow.get(finding.row) ?? [];
    list.push(finding);
    byRow.set(finding.row, list);
  }
  return [...byRow.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
    .slice(0, limit)
    .map(([row, problems]) => ({ row, problems }));
}
