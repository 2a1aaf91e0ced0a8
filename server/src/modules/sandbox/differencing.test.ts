import { describe, expect, it } from 'vitest';
import { renderNotice } from './disclosure.ts';
import { checkDifferencing, contributorSet, smallDifference, type ReleasedCell } from './differencing.ts';

const KEY = 'project-secret-1';
const K = 10;
/** Identity numbers of persons from..to-1. */
const persons = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `50010219800101${String(from + i).padStart(4, '0')}`);
const set = (ids: string[]) => contributorSet(ids, KEY);
const earlierCell = (label: string, ids: string[]): ReleasedCell => ({
  id: `r1#${label}`,
  label,
  contributors: set(ids),
});

describe('differencing check', () => {
  const everyone = earlierCell('count where 区县=渝中', persons(0, 200));

  it('refuses "everyone except one" after "everyone", naming the earlier result, not the person', () => {
    const conflicts = checkDifferencing(
      [{ label: 'count where 区县=渝中 and 年龄<90', contributors: set(persons(1, 200)) }],
      [everyone],
      K,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ cell: 0, earlier: 'r1#count where 区县=渝中' });
    expect(renderNotice(conflicts[0]!.message, 'en')).toBe(
      'This result differs from the earlier released result “count where 区县=渝中” of the project by fewer than 10 persons; subtracting one from the other would isolate a small group, so it is not released',
    );
    expect(renderNotice(conflicts[0]!.message, 'zh-CN')).toContain('相差少于 10 人');
  });

  it('refuses a few persons added as well as removed, and a swap of a few at equal size', () => {
    expect(
      checkDifferencing([{ label: 'more', contributors: set(persons(0, 205)) }], [everyone], K),
    ).toHaveLength(1);
    const swapped = [...persons(3, 200), ...persons(500, 503)];
    expect(checkDifferencing([{ label: 'swap', contributors: set(swapped) }], [everyone], K)).toHaveLength(1);
  });

  it('lets through disjoint populations, large differences and the same population again', () => {
    const candidates = [
      { label: 'other district', contributors: set(persons(200, 400)) },
      { label: 'older people', contributors: set(persons(0, 150)) },
      { label: 'same again, another statistic', contributors: set(persons(0, 200)) },
      {
        label: 'five fewer, five more (10 = k)',
        contributors: set([...persons(5, 200), ...persons(900, 905)]),
      },
      { label: 'four fewer, four more', contributors: set([...persons(4, 200), ...persons(900, 904)]) },
    ];
    expect(checkDifferencing(candidates, [everyone], K).map((c) => c.cell)).toEqual([4]);
    expect(checkDifferencing(candidates.slice(0, 4), [everyone], K)).toEqual([]);
  });

  it('checks the cells of one batch against each other too', () => {
    const conflicts = checkDifferencing(
      [
        { label: 'all', contributors: set(persons(0, 50)) },
        { label: 'all but two', contributors: set(persons(2, 50)) },
      ],
      [],
      K,
    );
    expect(conflicts.map((c) => [c.cell, c.earlier])).toEqual([[1, '#0']]);
  });

  it('uses k: a difference of 12 is refused at k = 20 and let through at k = 10', () => {
    const cell = [{ label: 'minus 12', contributors: set(persons(12, 200)) }];
    expect(checkDifferencing(cell, [everyone], 20)).toHaveLength(1);
    expect(checkDifferencing(cell, [everyone], 10)).toEqual([]);
  });

  it('hashes under the project key: no id is stored in clear and two projects share no hash', () => {
    const ids = persons(0, 20);
    const a = contributorSet(ids, KEY);
    const b = contributorSet(ids, 'another-project');
    expect(a.size).toBe(20);
    expect([...a.hashes].some((hash) => ids.includes(hash))).toBe(false);
    expect([...a.hashes].filter((hash) => b.hashes.has(hash))).toEqual([]);
    expect(smallDifference(a, contributorSet(ids.slice(1), KEY), K)).toBe(1);
    expect(smallDifference(a, contributorSet(persons(0, 40), KEY), K)).toBeNull();
  });
});
