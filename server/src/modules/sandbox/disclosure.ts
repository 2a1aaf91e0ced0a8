// Statistical disclosure control of tabular sandbox results (CQO §13(3)) as pure functions: a
// result computed inside the platform comes out only after this. Cells from fewer than k distinct
// contributors are suppressed (primary), further cells are suppressed so that no suppressed cell
// can be worked out by subtraction from a total of its line (complementary), counts are rounded
// where the profile says so, and results whose rows are single persons or companies are refused.
// The user sees what was suppressed and why — never a suppressed value nor a contributor count.
import type { Locale } from '../../platform/i18n/messages.ts';
import { translate } from '../../platform/i18n/messages.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { disclosureMessages as m } from './disclosure.messages.ts';

/** A value of a result cell. */
export type CellValue = string | number | null;

/** What a statistic column holds; only counts are rounded, every kind is suppressed alike. */
export type StatisticKind = 'count' | 'sum' | 'mean' | 'median' | 'quantile' | 'min' | 'max' | 'other';

/** A column of a result: a group key (optionally flagged as an identifier item) or a statistic. */
export type ResultColumn =
  | { name: string; role: 'key'; identifier?: boolean }
  | { name: string; role: 'statistic'; statistic: StatisticKind };

/** Who the contributors of a cell are: persons (the default) or companies. */
export type ContributorUnit = 'person' | 'company';

/** A result table as the executor hands it over, before disclosure control. */
export interface ResultTable {
  columns: readonly ResultColumn[];
  /** One array per row, in column order. */
  rows: readonly (readonly CellValue[])[];
  /** Per row, how many distinct persons or companies the row was computed from. */
  contributors: readonly number[];
  /**
   * Per row, the key columns the row is a total over (SQL `GROUPING(col) = 1`, as from ROLLUP or
   * CUBE); an empty list for an ordinary cell. Omitted: the table has no total rows.
   */
  totalOver?: readonly (readonly string[])[];
  unit?: ContributorUnit;
}

/** The numbers disclosure control works with (see disclosureSettings). */
export interface DisclosureSettings {
  /** k: a cell from fewer distinct contributors is suppressed. */
  minCellSize: number;
  /** Released counts are rounded to the nearest multiple of this; null: no rounding. */
  roundingBase: number | null;
  /**
   * Whether a total missing from the table is taken as known to the user (who can ask for it in
   * another query). True is the safe choice and the default of disclosureSettings.
   */
  marginsPublic: boolean;
}

/** A message key with its parameters, rendered in the user's language by renderNotice. */
export interface Notice {
  key: string;
  params: Record<string, string | number>;
}

/** Why a cell was suppressed. */
export type SuppressionReason = 'primary' | 'complementary';

/** A suppressed cell: where it is and why — never its value nor its contributor count. */
export interface SuppressedCell {
  /** Index of the row in the table. */
  row: number;
  /** The row's group-key values (a key the row totals over is null here and listed in totalOver). */
  keys: Record<string, CellValue>;
  totalOver: string[];
  reason: SuppressionReason;
  message: Notice;
}

/** Why a whole result is refused. */
export type RefusalReason = 'no_statistics' | 'identifier_key' | 'single_contributors';

/** The outcome: a released table with what was suppressed and a summary, or a refusal. */
export type DisclosureOutcome =
  | {
      released: true;
      columns: ResultColumn[];
      /** The rows with every statistic of a suppressed cell set to null, counts rounded if set. */
      rows: CellValue[][];
      suppressed: SuppressedCell[];
      summary: Notice[];
    }
  | { released: false; reason: RefusalReason; message: Notice };

/** A resource's own disclosure numbers (both optional); see disclosureSettings. */
export interface ResourceDisclosure {
  minCellSize?: number | null;
  roundingBase?: number | null;
}

/**
 * The settings for a result from the profile's `disclosure.sandbox` section and the resource's own
 * numbers: a resource may raise k above the profile's, never lower it; its rounding base, when
 * given, replaces the profile's. Totals missing from a table are taken as known (marginsPublic).
 */
export function disclosureSettings(profile: Profile, resource: ResourceDisclosure = {}): DisclosureSettings {
  const rules = profile.disclosure.sandbox;
  return {
    minCellSize: Math.max(rules.minCellSize, resource.minCellSize ?? 0),
    roundingBase: resource.roundingBase ?? rules.roundingBase,
    marginsPublic: true,
  };
}

/** Renders a notice (a suppression reason, a summary line, a refusal) in a locale. */
export function renderNotice(notice: Notice, locale: Locale): string {
  return translate(notice.key, locale, notice.params);
}

const unitKey = (unit: ContributorUnit) =>
  unit === 'company' ? m['sandbox.disclosure.unit.company'] : m['sandbox.disclosure.unit.person'];
const unitOneKey = (unit: ContributorUnit) =>
  unit === 'company' ? m['sandbox.disclosure.unit_one.company'] : m['sandbox.disclosure.unit_one.person'];

/** A line of a table: cells differing only in one key, and the total over that key if present. */
interface Line {
  dimension: string;
  members: number[];
  total: number | null;
}

// Checks the shape of what the executor hands over; a mismatch is a programming error.
function validate(table: ResultTable, settings: DisclosureSettings): void {
  const names = table.columns.map((column) => column.name);
  if (new Set(names).size !== names.length) throw new Error('disclosure: duplicate column names');
  if (table.contributors.length !== table.rows.length)
    throw new Error('disclosure: one contributor count per row is needed');
  if (table.totalOver && table.totalOver.length !== table.rows.length)
    throw new Error('disclosure: totalOver needs one entry per row');
  if (table.rows.some((row) => row.length !== table.columns.length))
    throw new Error('disclosure: every row needs one value per column');
  const keys = new Set(table.columns.filter((column) => column.role === 'key').map((column) => column.name));
  if (table.totalOver?.some((over) => over.some((name) => !keys.has(name))))
    throw new Error('disclosure: totalOver names a column that is not a group key');
  if (!Number.isInteger(settings.minCellSize) || settings.minCellSize < 2)
    throw new Error('disclosure: minCellSize must be an integer of at least 2');
  if (
    settings.roundingBase !== null &&
    (!Number.isInteger(settings.roundingBase) || settings.roundingBase < 2)
  )
    throw new Error('disclosure: roundingBase must be null or an integer of at least 2');
}

// The lines of the table along each key: rows agreeing on every other key (a total counting as
// its own value), split into the ordinary members and the row that is the total over this key.
function linesOf(table: ResultTable, keyIndexes: number[]): Line[] {
  const over = (row: number) => table.totalOver?.[row] ?? [];
  const lines: Line[] = [];
  for (const d of keyIndexes) {
    const dimension = table.columns[d]!.name;
    const byRest = new Map<string, Line>();
    table.rows.forEach((row, index) => {
      const rowOver = over(index);
      const signature = JSON.stringify(
        keyIndexes
          .filter((e) => e !== d)
          .map((e) => (rowOver.includes(table.columns[e]!.name) ? { total: true } : row[e])),
      );
      let line = byRest.get(signature);
      if (!line) {
        line = { dimension, members: [], total: null };
        byRest.set(signature, line);
      }
      if (!rowOver.includes(dimension)) line.members.push(index);
      else if (line.total === null) line.total = index;
      else throw new Error(`disclosure: two rows are the same total over ${dimension}`);
    });
    lines.push(...byRest.values());
  }
  return lines;
}

function refusal(table: ResultTable, unit: ContributorUnit): DisclosureOutcome | null {
  if (!table.columns.some((column) => column.role === 'statistic'))
    return refuse('no_statistics', m['sandbox.disclosure.refused.no_statistics'], {});
  const identifier = table.columns.find((column) => column.role === 'key' && column.identifier === true);
  if (identifier)
    return refuse('identifier_key', m['sandbox.disclosure.refused.identifier_key'], {
      column: identifier.name,
    });
  const cells = table.contributors.filter((_, row) => (table.totalOver?.[row] ?? []).length === 0);
  if (cells.length > 0 && cells.every((count) => count <= 1))
    return refuse('single_contributors', m['sandbox.disclosure.refused.single_contributors'], {
      unitOne: unitOneKey(unit),
    });
  return null;
}

function refuse(reason: RefusalReason, key: string, params: Notice['params']): DisclosureOutcome {
  return { released: false, reason, message: { key, params } };
}

/**
 * Complementary suppression, a simple iterative heuristic: every line is an equation
 * `total = sum of members`, its total known when released (or, missing from the table, when
 * margins are public). A line is exposed when exactly one of its entries is suppressed (that entry
 * is the total minus the rest), or when its total is known and its suppressed members together come
 * from fewer than k contributors (their sum would isolate a small group). The smallest released
 * entry of an exposed line is then suppressed too; this repeats over every line of every key until
 * nothing changes. Each cell it suppresses is entered in `suppressed` with the key of its line.
 */
function complementary(
  table: ResultTable,
  lines: Line[],
  suppressed: Map<number, string | null>,
  settings: DisclosureSettings,
): void {
  const size = (row: number) => table.contributors[row]!;
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.total === null && !settings.marginsPublic) continue;
      const hidden = line.members.filter((row) => suppressed.has(row));
      const totalHidden = line.total !== null && suppressed.has(line.total);
      const unknowns = hidden.length + (totalHidden ? 1 : 0);
      if (unknowns === 0) continue;
      const hiddenSize = hidden.reduce((sum, row) => sum + size(row), 0);
      const exposed = unknowns === 1 || (!totalHidden && hiddenSize < settings.minCellSize);
      if (!exposed) continue;
      const open = [...line.members, ...(line.total === null ? [] : [line.total])].filter(
        (row) => !suppressed.has(row),
      );
      if (open.length === 0) continue; // the line is one cell: its total has its contributors too
      const next = open.reduce((best, row) => (size(row) < size(best) ? row : best));
      suppressed.set(next, line.dimension);
      changed = true;
    }
  }
}

/**
 * Applies disclosure control to a result table. Refused outright: a result without statistics, one
 * grouped by an identifier item, or one whose every row comes from a single contributor. Otherwise
 * every statistic of a suppressed row becomes null; suppressed rows are listed with their reason
 * and the summary says how many and why. Counts of released rows are rounded when a base is set.
 */
export function applyDisclosureControl(table: ResultTable, settings: DisclosureSettings): DisclosureOutcome {
  validate(table, settings);
  const unit = table.unit ?? 'person';
  const refused = refusal(table, unit);
  if (refused) return refused;
  const k = settings.minCellSize;
  const keyIndexes = table.columns.flatMap((column, index) => (column.role === 'key' ? [index] : []));

  // null: primary; a dimension name: complementary, made by a line along that key.
  const suppressed = new Map<number, string | null>();
  table.contributors.forEach((count, row) => {
    if (count < k) suppressed.set(row, null);
  });
  if (suppressed.size > 0) complementary(table, linesOf(table, keyIndexes), suppressed, settings);

  const base = settings.roundingBase;
  const rows = table.rows.map((row, index) =>
    row.map((value, c) => {
      const column = table.columns[c]!;
      if (column.role === 'key') return value;
      if (suppressed.has(index)) return null;
      if (base !== null && column.statistic === 'count' && typeof value === 'number')
        return Math.round(value / base) * base;
      return value;
    }),
  );

  const cells: SuppressedCell[] = [...suppressed]
    .sort(([a], [b]) => a - b)
    .map(([row, dimension]) => {
      const over = [...(table.totalOver?.[row] ?? [])];
      const keys = Object.fromEntries(
        keyIndexes.map((c) => {
          const name = table.columns[c]!.name;
          return [name, over.includes(name) ? null : table.rows[row]![c]!];
        }),
      );
      const message: Notice =
        dimension === null
          ? { key: m['sandbox.disclosure.cell.primary'], params: { k, unit: unitKey(unit) } }
          : { key: m['sandbox.disclosure.cell.complementary'], params: { dimension } };
      return {
        row,
        keys,
        totalOver: over,
        reason: dimension === null ? 'primary' : 'complementary',
        message,
      };
    });

  const primary = cells.filter((cell) => cell.reason === 'primary').length;
  const further = cells.length - primary;
  const summary: Notice[] = [];
  if (primary > 0)
    summary.push({
      key: m['sandbox.disclosure.summary.primary'],
      params: { count: primary, k, unit: unitKey(unit) },
    });
  else summary.push({ key: m['sandbox.disclosure.summary.clean'], params: { k, unit: unitKey(unit) } });
  if (further > 0)
    summary.push({ key: m['sandbox.disclosure.summary.complementary'], params: { count: further } });
  if (
    base !== null &&
    table.columns.some((column) => column.role === 'statistic' && column.statistic === 'count')
  )
    summary.push({ key: m['sandbox.disclosure.summary.rounded'], params: { base } });

  return {
    released: true,
    columns: table.columns.map((column) => ({ ...column })),
    rows,
    suppressed: cells,
    summary,
  };
}
