import { describe, expect, it } from 'vitest';
import { loadProfile, ProfileError, validateProfile } from '../../platform/profiles/profiles.ts';
import {
  applyDisclosureControl,
  disclosureSettings,
  renderNotice,
  type CellValue,
  type DisclosureOutcome,
  type DisclosureSettings,
  type ResultColumn,
  type ResultTable,
} from './disclosure.ts';

const settings = (over: Partial<DisclosureSettings> = {}): DisclosureSettings => ({
  minCellSize: 10,
  roundingBase: null,
  marginsPublic: true,
  ...over,
});
const byRegion: ResultColumn[] = [
  { name: '区县', role: 'key' },
  { name: '人数', role: 'statistic', statistic: 'count' },
  { name: '平均年龄', role: 'statistic', statistic: 'mean' },
];
/** A 1-D table of counts equal to the contributors (one record per person), means made up. */
const oneD = (counts: number[], names = ['渝中', '江北', '南岸', '沙坪坝', '九龙坡']): ResultTable => ({
  columns: byRegion,
  rows: counts.map((count, i) => [names[i]!, count, 40 + i + 0.5]),
  contributors: counts,
});
const released = (outcome: DisclosureOutcome) => {
  if (!outcome.released) throw new Error(`refused: ${outcome.reason}`);
  return outcome;
};
const hidden = (outcome: DisclosureOutcome) =>
  released(outcome).suppressed.map((cell) => [cell.row, cell.reason] as const);
const summary = (outcome: DisclosureOutcome, locale: 'zh-CN' | 'en' = 'en') =>
  released(outcome).summary.map((notice) => renderNotice(notice, locale));

describe('primary suppression', () => {
  it('nulls every statistic of a cell from fewer than k contributors and says why, without its value', () => {
    const table = oneD([25, 3, 40, 4, 30]);
    const outcome = applyDisclosureControl(table, settings({ marginsPublic: false }));
    const { rows, suppressed } = released(outcome);
    expect(rows).toEqual([
      ['渝中', 25, 40.5],
      ['江北', null, null],
      ['南岸', 40, 42.5],
      ['沙坪坝', null, null],
      ['九龙坡', 30, 44.5],
    ]);
    expect(suppressed.map((cell) => [cell.keys, cell.reason])).toEqual([
      [{ 区县: '江北' }, 'primary'],
      [{ 区县: '沙坪坝' }, 'primary'],
    ]);
    expect(renderNotice(suppressed[0]!.message, 'en')).toBe(
      'Fewer than 10 persons contributed to this cell, so it is not released',
    );
    expect(summary(outcome)).toEqual(['2 cells suppressed because fewer than 10 persons contributed']);
    expect(summary(outcome, 'zh-CN')).toEqual(['2 个单元格因数据来自少于 10 人而被隐藏']);
    // Neither the suppressed means nor the contributor counts appear anywhere in what is released.
    const text = JSON.stringify(outcome);
    expect(text).not.toContain('41.5');
    expect(text).not.toContain('43.5');
  });

  it('releases everything and says so when every cell has k contributors; companies are named as such', () => {
    const outcome = applyDisclosureControl({ ...oneD([10, 11]), unit: 'company' }, settings());
    expect(hidden(outcome)).toEqual([]);
    expect(summary(outcome)).toEqual(['Every cell comes from at least 10 companies; all are released']);
  });

  it('suppresses a cell whose count is large when its distinct contributors are few', () => {
    const table: ResultTable = { ...oneD([120, 300, 250]), contributors: [2, 90, 80] };
    expect(hidden(applyDisclosureControl(table, settings({ marginsPublic: false })))).toEqual([
      [0, 'primary'],
    ]);
  });
});

describe('complementary suppression', () => {
  const withTotal = (counts: number[]): ResultTable => {
    const total = counts.reduce((a, b) => a + b, 0);
    const base = oneD(counts);
    return {
      ...base,
      rows: [...base.rows, [null, total, 41]],
      contributors: [...counts, total],
      totalOver: [...counts.map(() => []), ['区县']],
    };
  };

  it('1-D with a total: one suppressed cell takes the next smallest with it, the total stays', () => {
    const outcome = applyDisclosureControl(withTotal([50, 30, 4, 45]), settings());
    expect(hidden(outcome)).toEqual([
      [1, 'complementary'],
      [2, 'primary'],
    ]);
    const { rows, suppressed } = released(outcome);
    expect(rows.map((row) => row[1])).toEqual([50, null, null, 45, 129]);
    expect(renderNotice(suppressed[0]!.message, 'en')).toBe(
      'Also hidden so that hidden cells cannot be worked out from the totals over 区县',
    );
    expect(summary(outcome)).toEqual([
      '1 cells suppressed because fewer than 10 persons contributed',
      '1 further cells suppressed so that hidden values cannot be worked out from totals',
    ]);
  });

  it('1-D: two suppressed cells that together are still under k take a third', () => {
    expect(hidden(applyDisclosureControl(withTotal([50, 6, 3, 20]), settings()))).toEqual([
      [1, 'primary'],
      [2, 'primary'],
      [3, 'complementary'],
    ]);
  });

  it('1-D without a total row treats the total as known, unless margins are declared unknown', () => {
    expect(hidden(applyDisclosureControl(oneD([50, 30, 4]), settings()))).toEqual([
      [1, 'complementary'],
      [2, 'primary'],
    ]);
    expect(hidden(applyDisclosureControl(oneD([50, 30, 4]), settings({ marginsPublic: false })))).toEqual([
      [2, 'primary'],
    ]);
  });

  const crossColumns: ResultColumn[] = [
    { name: '区县', role: 'key' },
    { name: '性别', role: 'key' },
    { name: '人数', role: 'statistic', statistic: 'count' },
  ];
  /** A cross-tabulation from a map of cells, `*` marking a total (as CUBE gives it). */
  const cross = (cells: Record<string, number>): ResultTable => {
    const entries = Object.entries(cells).map(([at, count]) => [at.split('|'), count] as const);
    return {
      columns: crossColumns,
      rows: entries.map(([[a, b], count]) => [a === '*' ? null : a!, b === '*' ? null : b!, count]),
      contributors: entries.map(([, count]) => count),
      totalOver: entries.map(([[a, b]]) => [...(a === '*' ? ['区县'] : []), ...(b === '*' ? ['性别'] : [])]),
    };
  };
  /** Every line (cells differing in one key, with the total over it) has 0 or ≥ 2 hidden entries. */
  const noLineExposed = (table: ResultTable, outcome: DisclosureOutcome) => {
    const nulls = new Set(released(outcome).rows.flatMap((row, i) => (row[2] === null ? [i] : [])));
    // A total's key is null here, so rows sharing the other key (value or total) form one line.
    const keyOf = (row: readonly CellValue[], free: number) =>
      JSON.stringify(row.slice(0, 2).map((v, c) => (c === free ? '-' : v)));
    for (const free of [0, 1]) {
      const lines = new Map<string, number[]>();
      table.rows.forEach((row, i) =>
        lines.set(keyOf(row, free), [...(lines.get(keyOf(row, free)) ?? []), i]),
      );
      for (const members of lines.values()) expect(members.filter((i) => nulls.has(i)).length).not.toBe(1);
    }
  };

  it('2-D with totals (CUBE): a small cell hides its row and column partners, the margins stay', () => {
    const table = cross({
      '东|男': 30,
      '东|女': 4,
      '东|*': 34,
      '西|男': 25,
      '西|女': 20,
      '西|*': 45,
      '*|男': 55,
      '*|女': 24,
      '*|*': 79,
    });
    const outcome = applyDisclosureControl(table, settings());
    expect(hidden(outcome)).toEqual([
      [0, 'complementary'],
      [1, 'primary'],
      [3, 'complementary'],
      [4, 'complementary'],
    ]);
    expect(released(outcome).rows.map((row) => row[2])).toEqual([null, null, 34, null, null, 45, 55, 24, 79]);
    expect(released(outcome).suppressed[0]!.keys).toEqual({ 区县: '东', 性别: '男' });
    noLineExposed(table, outcome);
  });

  it('2-D: a suppressed total is not worked out from the cells it adds up', () => {
    // Every cell is large; only the total of 西 is small (its people are counted in few cells).
    const table: ResultTable = {
      ...cross({ '东|男': 30, '东|女': 40, '东|*': 70, '西|男': 30, '西|女': 30, '西|*': 60 }),
      contributors: [30, 40, 70, 30, 30, 8],
    };
    const outcome = applyDisclosureControl(table, settings());
    expect(hidden(outcome)).toEqual([
      [0, 'complementary'],
      [2, 'complementary'],
      [3, 'complementary'],
      [5, 'primary'],
    ]);
    expect(released(outcome).rows[5]![2]).toBeNull();
    noLineExposed(table, outcome);
  });

  it('2-D without totals: the heuristic iterates until no row or column has a single hidden cell', () => {
    const table = cross({
      'a|x': 40,
      'a|y': 30,
      'a|z': 3,
      'b|x': 50,
      'b|y': 12,
      'b|z': 60,
      'c|x': 45,
      'c|y': 35,
      'c|z': 55,
    });
    const outcome = applyDisclosureControl(table, settings());
    const cells = released(outcome).suppressed;
    expect(cells.filter((cell) => cell.reason === 'primary').map((cell) => cell.keys)).toEqual([
      { 区县: 'a', 性别: 'z' },
    ]);
    expect(cells.length).toBeGreaterThanOrEqual(4);
    noLineExposed(table, outcome);
  });
});

describe('refusal', () => {
  it('refuses a table whose every group is one person, whatever k', () => {
    const table: ResultTable = {
      columns: [
        { name: '姓名', role: 'key' },
        { name: '收入', role: 'statistic', statistic: 'sum' },
      ],
      rows: [
        ['张三', 5000],
        ['李四', 7000],
      ],
      contributors: [1, 1],
    };
    const outcome = applyDisclosureControl(table, settings({ minCellSize: 2 }));
    expect(outcome).toMatchObject({ released: false, reason: 'single_contributors' });
    if (outcome.released) return;
    expect(renderNotice(outcome.message, 'zh-CN')).toBe(
      '结果的每一行都只来自一个人，相当于逐条记录，不予公开',
    );
    expect(JSON.stringify(outcome)).not.toContain('5000');
    expect(renderNotice(outcome.message, 'en')).toContain('a single person');
  });

  it('refuses a table grouped by an identifier item even when its counts are large', () => {
    const table: ResultTable = {
      columns: [{ name: '统一社会信用代码', role: 'key', identifier: true }, byRegion[1]!],
      rows: [['91500000MA5U000000', 120]],
      contributors: [120],
      unit: 'company',
    };
    const outcome = applyDisclosureControl(table, settings());
    expect(outcome).toMatchObject({ released: false, reason: 'identifier_key' });
    if (!outcome.released)
      expect(renderNotice(outcome.message, 'en')).toContain('identifier 统一社会信用代码');
  });

  it('refuses a listing of group values without statistics', () => {
    const table: ResultTable = { columns: [byRegion[0]!], rows: [['渝中']], contributors: [50] };
    expect(applyDisclosureControl(table, settings())).toMatchObject({
      released: false,
      reason: 'no_statistics',
    });
  });

  it('rejects a table the executor built wrongly', () => {
    expect(() => applyDisclosureControl({ ...oneD([20, 30]), contributors: [20] }, settings())).toThrow(
      /per row/,
    );
    expect(() => applyDisclosureControl(oneD([20]), settings({ minCellSize: 1 }))).toThrow(/minCellSize/);
  });
});

describe('rounding', () => {
  it('rounds released counts to the base, leaves means and suppressed cells alone, and says so', () => {
    const outcome = applyDisclosureControl(oneD([23, 12, 3, 18]), settings({ roundingBase: 5 }));
    expect(released(outcome).rows.map((row) => [row[1], row[2]])).toEqual([
      [25, 40.5],
      [null, null],
      [null, null],
      [20, 43.5],
    ]);
    expect(summary(outcome)).toContain('Counts are rounded to multiples of 5');
  });

  it('leaves counts exact when no base is set', () => {
    expect(released(applyDisclosureControl(oneD([23, 12]), settings())).rows.map((row) => row[1])).toEqual([
      23, 12,
    ]);
  });
});

describe('settings from the profile', () => {
  it('reads k and the rounding base from disclosure.sandbox; a resource may raise k but not lower it', () => {
    for (const id of ['cq19', 'cq18', 'sc']) {
      const profile = loadProfile(id);
      expect(disclosureSettings(profile)).toEqual({
        minCellSize: profile.disclosure.sandbox.minCellSize,
        roundingBase: profile.disclosure.sandbox.roundingBase,
        marginsPublic: true,
      });
      expect(profile.disclosure.sandbox.minCellSize).toBeGreaterThanOrEqual(10);
    }
    const cq19 = loadProfile('cq19');
    expect(disclosureSettings(cq19, { minCellSize: 20 }).minCellSize).toBe(20);
    expect(disclosureSettings(cq19, { minCellSize: 3 }).minCellSize).toBe(10);
    expect(disclosureSettings(cq19, { roundingBase: 5 }).roundingBase).toBe(5);
    const custom = structuredClone(cq19);
    custom.disclosure.sandbox.minCellSize = 15;
    const outcome = applyDisclosureControl(oneD([12, 40, 30]), disclosureSettings(custom));
    expect(summary(outcome)[0]).toBe('1 cells suppressed because fewer than 15 persons contributed');
  });

  it('a profile without the sandbox section does not load, naming the field', () => {
    const broken = structuredClone(loadProfile('cq19')) as { disclosure: Record<string, unknown> };
    delete broken.disclosure.sandbox;
    expect(() => validateProfile('cq19', broken)).toThrow(ProfileError);
    expect(() => validateProfile('cq19', broken)).toThrow(/\/disclosure\/sandbox is required/);
  });
});
