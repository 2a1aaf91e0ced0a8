import { describe, expect, it } from 'vitest';
import type { PoolColumn } from '../../pools/pool-schema.ts';
import {
  chartCandidates,
  informative,
  periodsOf,
  releaseGroups,
  releaseLine,
  statsOf,
  type Group,
} from './chart.ts';

const K = 5;
const groups = (...counts: number[]): Group[] => counts.map((count, i) => ({ key: `g${i}`, count }));
/** What the database hands over: the groups of at least k, largest first, and every group's stats. */
const release = (all: Group[], top = 10) =>
  releaseGroups(
    all
      .filter((g) => g.count >= K)
      .sort((a, b) => b.count - a.count)
      .slice(0, top),
    statsOf(all, K),
    K,
  );
const shown = (all: Group[], top?: number) => release(all, top)?.shown.map((g) => g.count) ?? null;

describe('releaseGroups (disclosure control)', () => {
  it('shows every group when none is below k', () => {
    expect(release(groups(12, 10, 6))).toEqual({
      shown: groups(12, 10, 6),
      rest: { count: 0, groups: 0 },
    });
  });

  it('suppresses a small group and, when it would be the whole rest, the smallest shown one too', () => {
    expect(release(groups(12, 10, 6, 2))).toEqual({
      shown: groups(12, 10),
      rest: { count: 8, groups: 2 },
    });
  });

  it('keeps suppressing while the rest is under k, even of several small groups', () => {
    // 1 + 1 = 2 would say both are 1.
    expect(shown(groups(12, 10, 6, 1, 1))).toEqual([12, 10]);
    // 3 + 4 = 7: two groups and at least k, neither count derivable.
    expect(shown(groups(12, 10, 6, 3, 4))).toEqual([12, 10, 6]);
  });

  it('puts groups beyond the top into the rest, which needs no more suppression without small groups', () => {
    expect(release(groups(50, 40, 30, 20), 2)).toEqual({
      shown: groups(50, 40),
      rest: { count: 50, groups: 2 },
    });
  });

  it('releases nothing when suppression takes every group', () => {
    expect(release(groups(3, 2, 1))).toBeNull();
    // 是 100, 否 2: showing 是 would give 否 away.
    expect(release(groups(100, 2))).toBeNull();
  });
});

describe('periods of a date item', () => {
  const months = (from: number, n: number, count = 10) =>
    Array.from({ length: n }, (_, i) => {
      const m = from + i;
      return { key: `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`, count };
    });

  it('stays by month up to 36 months and sums by year beyond', () => {
    expect(periodsOf(months(2020 * 12, 36)).bucket).toBe('month');
    const years = periodsOf([...months(2020 * 12, 37), { key: null, count: 3 }]);
    expect(years.bucket).toBe('year');
    expect(years.groups).toEqual([
      { key: '2020', count: 120 },
      { key: '2021', count: 120 },
      { key: '2022', count: 120 },
      { key: '2023', count: 10 },
      { key: null, count: 3 },
    ]);
  });

  it('draws the line in time order; rows without a date and small periods are the rest', () => {
    const line = releaseLine(
      [
        { key: '2024-03', count: 9 },
        { key: null, count: 2 },
        { key: '2024-01', count: 20 },
        { key: '2024-02', count: 1 },
      ],
      K,
    );
    // The rest (no date 2, February 1) is two groups but 3 rows: March (the smallest) joins it.
    expect(line?.shown).toEqual([{ key: '2024-01', count: 20 }]);
    expect(informative('line', line!)).toBe(false);
  });
});

describe('chartCandidates', () => {
  const column = (field: string, over: Partial<PoolColumn>): PoolColumn => ({
    field,
    name: field,
    dataType: 'C',
    length: 20,
    scale: null,
    isKey: false,
    required: false,
    check: null,
    column: field,
    ...over,
  });

  it('takes enumerations, then codes and categories by name, then dates, then yes/no', () => {
    const columns = [
      column('flag', { dataType: 'L' }),
      column('day', { dataType: 'D' }),
      column('kind', { name: '机构类型' }),
      column('zone', { allowedValues: ['a', 'b'] }),
      column('name', { name: '名称' }),
      column('amount', { dataType: 'N' }),
    ];
    const found = chartCandidates(columns, () => 'none').map((c) => [c.column.field, c.basis]);
    expect(found).toEqual([
      ['zone', 'enumeration'],
      ['kind', 'code'],
      ['day', 'date'],
      ['flag', 'boolean'],
    ]);
  });

  it('leaves out keys, identifiers, encrypted, retired and masked items', () => {
    const columns = [
      column('key', { isKey: true, allowedValues: ['a'] }),
      column('sfzh', { check: 'citizen_id', name: '类型' }),
      column('sealed', { encrypted: true, allowedValues: ['a'] }),
      column('old', { retired: true, allowedValues: ['a'] }),
      column('masked', { allowedValues: ['a'] }),
      column('unknown', { allowedValues: ['a'] }),
    ];
    const rules: Record<string, string> = {
      key: 'none',
      sfzh: 'none',
      sealed: 'none',
      old: 'none',
      masked: 'partial',
    };
    expect(chartCandidates(columns, (field) => rules[field])).toEqual([]);
  });
});
