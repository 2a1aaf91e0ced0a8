// From a file's header and rows to COPY lines: which file column feeds which pool column, and each
// row checked value by value. Problems are collected with row, column and value for the report.
import type { PoolColumn } from './pool-schema.ts';
import type { SourceRow } from './readers.ts';
import { checkValue, shownValue, type ValueProblem } from './values.ts';

/** One line of a batch's report. */
export interface RowProblem {
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  params: Record<string, unknown>;
}

const normalise = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/[*＊]+$/, '')
    .toLowerCase();

/**
 * Matches the header to the live columns, by field name or item name. Returns, per live column, the
 * file column it reads (-1: not in the file, so null), or the header's problems.
 */
export function matchHeader(header: readonly string[], columns: readonly PoolColumn[]) {
  const live = columns.filter((column) => !column.retired);
  const byName = new Map<string, number>();
  live.forEach((column, index) => {
    byName.set(normalise(column.field), index);
    byName.set(normalise(column.name), index);
  });
  const positions = new Array<number>(live.length).fill(-1);
  const problems: RowProblem[] = [];
  header.forEach((title, at) => {
    if (normalise(title) === '') return;
    const index = byName.get(normalise(title));
    if (index === undefined) {
      problems.push({
        row: 1,
        column: title,
        value: null,
        code: 'pool.ingest.unknown_column',
        params: { column: title },
      });
    } else if (positions[index] !== -1) {
      problems.push({
        row: 1,
        column: title,
        value: null,
        code: 'pool.ingest.repeated_column',
        params: { column: title },
      });
    } else {
      positions[index] = at;
    }
  });
  live.forEach((column, index) => {
    if (positions[index] === -1 && column.required)
      problems.push({
        row: 1,
        column: column.name,
        value: null,
        code: 'pool.ingest.missing_column',
        params: { column: column.name, field: column.field },
      });
  });
  return { live, positions, problems };
}

/** Checks rows and writes their COPY lines; keeps the first `cap` problems and counts them all. */
export class RowChecker {
  readonly problems: RowProblem[] = [];
  problemCount = 0;
  rows = 0;

  constructor(
    private readonly live: readonly PoolColumn[],
    private readonly positions: readonly number[],
    private readonly cap: number,
    /** Per live column, the sealer of an encrypted one (undefined: stored as checked). */
    private readonly sealers?: readonly (((copyText: string) => string) | undefined)[],
  ) {}

  private note(row: number, column: PoolColumn | null, value: unknown, problem: ValueProblem) {
    this.problemCount += 1;
    if (this.problems.length >= this.cap) return;
    this.problems.push({
      row,
      column: column?.name ?? null,
      value: shownValue(value as never),
      code: problem.code,
      params: { ...(problem.params ?? {}), ...(column ? { field: column.field } : {}) },
    });
  }

  /** Whether the report is full (the load stops reading then). */
  get full(): boolean {
    return this.problems.length >= this.cap;
  }

  /** The COPY line for a row (`prefix` first: the version, or the row number), or null when it has problems. */
  line(source: SourceRow, prefix: string): string | null {
    this.rows += 1;
    if ('problem' in source) {
      this.note(source.row, null, null, source.problem);
      return null;
    }
    let text = prefix;
    let ok = true;
    for (let index = 0; index < this.live.length; index++) {
      const column = this.live[index]!;
      const at = this.positions[index]!;
      const value = at < 0 ? null : source.cells[at];
      const checked = checkValue(column, value);
      if ('problem' in checked) {
        this.note(source.row, column, value, checked.problem);
        ok = false;
        continue;
      }
      const sealer = this.sealers?.[index];
      text += `\t${sealer ? sealer(checked.text) : checked.text}`;
    }
    return ok ? `${text}\n` : null;
  }
}
