// The portal's chart of an open dataset as pure functions: which information item may be charted
// (never one masked, encrypted, a key or an identifier), periods of a date item, and disclosure
// control of the grouped counts — groups below the profile's minimum cell size are suppressed, and
// more groups are suppressed until no suppressed count can be had by subtraction from the total.
import type { PoolColumn } from '../../pools/pool-schema.ts';

/** How an item is charted: bars of its values, or a line of counts per period. */
export type ChartKind = 'bar' | 'line';

/** An item that may be charted, and why. */
export interface ChartCandidate {
  column: PoolColumn;
  kind: ChartKind;
  /** enumeration: 取值范围 given; code: its name says it holds a code or a category; boolean; date. */
  basis: 'enumeration' | 'code' | 'date' | 'boolean';
}

/** Bars shown at most; the remaining groups are one "other" bar. */
export const TOP_GROUPS = 10;
/** Items tried at most before a dataset is said to have no chart (each try scans the table). */
export const MAX_TRIES = 3;
/** A date item's counts are by month when its values span at most this many months, else by year. */
export const MONTHS_BY_MONTH = 36;
/** Periods read at most (about 200 years by month); more means the item is no date worth charting. */
export const MAX_PERIODS = 2_400;

// Names of items that hold a code, a category or a place: 区县, 类型, 状态, 性别, 等级 …
const CODE_LIKE =
  /(区县|区划|行政区|辖区|所属区|所在区|地区|区域|街道|乡镇|类型|类别|种类|分类|状态|等级|级别|性别|民族|学历|行业|方式|性质|用途|品种|险种|星级)/;

const ORDER: ChartCandidate['basis'][] = ['enumeration', 'code', 'date', 'boolean'];

/**
 * The items that may be charted, best first. `ruleOf` gives the masking rule kind in force for a
 * field (undefined for a field that is not a published item): only 'none' may be grouped, since a
 * count per stored value would undo every other rule. Encrypted columns, keys (one row per value) and
 * identifiers (citizen IDs, credit codes) never are.
 */
export function chartCandidates(
  columns: readonly PoolColumn[],
  ruleOf: (field: string) => string | undefined,
): ChartCandidate[] {
  const candidates: ChartCandidate[] = [];
  for (const column of columns) {
    if (column.retired || column.encrypted || column.isKey || column.check !== null) continue;
    if (ruleOf(column.field) !== 'none') continue;
    if (column.dataType === 'C' && column.allowedValues?.length)
      candidates.push({ column, kind: 'bar', basis: 'enumeration' });
    else if (column.dataType === 'C' && CODE_LIKE.test(column.name))
      candidates.push({ column, kind: 'bar', basis: 'code' });
    else if (column.dataType === 'D' || column.dataType === 'T')
      candidates.push({ column, kind: 'line', basis: 'date' });
    else if (column.dataType === 'L') candidates.push({ column, kind: 'bar', basis: 'boolean' });
  }
  return candidates.sort((a, b) => ORDER.indexOf(a.basis) - ORDER.indexOf(b.basis));
}

/** A group of current rows: a stored value (text), a period, or null for rows without a value. */
export interface Group {
  key: string | null;
  count: number;
}

/** Every group of a grouping: how many rows, how many groups, how many of them below k. */
export interface GroupStats {
  total: number;
  groups: number;
  small: number;
}

/** What may be published of a grouping: the groups shown, and the rest as one sum. */
export interface Released {
  shown: Group[];
  rest: { count: number; groups: number };
}

/**
 * Disclosure control of grouped counts. `candidates` are the groups that may be shown, in the
 * order they would be (each holds at least k rows); `stats` counts every group. Groups below k are
 * never shown (primary suppression). What is not shown is derivable as one sum (total minus what
 * is shown), so while that rest holds a suppressed group and is a single group or under k rows,
 * the smallest shown group joins it (secondary suppression). Returns null when nothing is left.
 */
export function releaseGroups(candidates: readonly Group[], stats: GroupStats, k: number): Released | null {
  const shown = candidates.filter((group) => group.count >= k);
  for (;;) {
    const count = stats.total - shown.reduce((sum, group) => sum + group.count, 0);
    const groups = stats.groups - shown.length;
    const safe = groups === 0 || stats.small === 0 || (groups >= 2 && count >= k);
    if (safe) return shown.length > 0 ? { shown, rest: { count, groups } } : null;
    if (shown.length === 0) return null;
    let smallest = 0;
    shown.forEach((group, index) => {
      if (group.count <= shown[smallest]!.count) smallest = index;
    });
    shown.splice(smallest, 1);
  }
}

/** The statistics of a complete list of groups. */
export function statsOf(groups: readonly Group[], k: number): GroupStats {
  return {
    total: groups.reduce((sum, group) => sum + group.count, 0),
    groups: groups.length,
    small: groups.filter((group) => group.count < k).length,
  };
}

const monthIndex = (key: string) => Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;

/**
 * Counts per month (`YYYY-MM`, null for rows without a date) as the periods of the line: kept by
 * month when they span at most MONTHS_BY_MONTH months, else summed by year (`YYYY`).
 */
export function periodsOf(months: readonly Group[]): { bucket: 'month' | 'year'; groups: Group[] } {
  const dated = months.filter((group) => group.key !== null).map((group) => monthIndex(group.key!));
  const span = dated.length > 0 ? Math.max(...dated) - Math.min(...dated) + 1 : 0;
  if (span <= MONTHS_BY_MONTH) return { bucket: 'month', groups: [...months] };
  const years = new Map<string | null, number>();
  for (const group of months) {
    const key = group.key === null ? null : group.key.slice(0, 4);
    years.set(key, (years.get(key) ?? 0) + group.count);
  }
  return { bucket: 'year', groups: [...years].map(([key, count]) => ({ key, count })) };
}

/** A released line: the periods with at least k rows, in time order (rows without a date are the rest). */
export function releaseLine(periods: readonly Group[], k: number): Released | null {
  const candidates = periods
    .filter((group) => group.key !== null)
    .sort((a, b) => (a.key! < b.key! ? -1 : a.key! > b.key! ? 1 : 0));
  return releaseGroups(candidates, statsOf(periods, k), k);
}

/** Whether a released chart says something: at least two bars (the "other" bar counts) or points. */
export function informative(kind: ChartKind, released: Released): boolean {
  const other = kind === 'bar' && released.rest.groups > 0 ? 1 : 0;
  return released.shown.length + other >= 2;
}
