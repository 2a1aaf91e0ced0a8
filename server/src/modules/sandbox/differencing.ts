// The differencing check of sandbox results (issue 8): a released cell combined with an earlier
// released cell of the same project must not isolate a small group. Each released cell keeps the
// set of its contributors as keyed hashes; a new cell whose contributors differ from those of an
// earlier cell (or of another cell released with it) by at least one and fewer than k is refused,
// since subtracting one count from the other would describe those few persons or companies.
import { createHmac } from 'node:crypto';
import type { ContributorUnit, Notice } from './disclosure.ts';
import { disclosureMessages as m } from './disclosure.messages.ts';

/** The contributors of a cell as hex HMAC-SHA-256 prefixes (64 bits) under the project's key. */
export interface ContributorSet {
  size: number;
  hashes: ReadonlySet<string>;
}

/** A cell the project has released, as the check keeps it. */
export interface ReleasedCell {
  /** The result and cell it was released in, e.g. `r_123#4`. */
  id: string;
  /** What the user asked for, normalised, shown in a refusal (e.g. `count by 区县 where 年龄>60`). */
  label: string;
  contributors: ContributorSet;
}

/** A cell to be released, with the label a later refusal will name. */
export interface CandidateCell {
  label: string;
  contributors: ContributorSet;
}

/** A candidate cell that would isolate a small group together with an earlier released cell. */
export interface DifferencingConflict {
  /** Index of the candidate cell. */
  cell: number;
  /** The id of the earlier released cell, or `#n` for the n-th candidate of the same batch. */
  earlier: string;
  message: Notice;
}

/**
 * Hashes contributor ids (identity numbers, credit codes …) under the project's secret key. Keyed,
 * so that stored sets cannot be matched against a dictionary of identity numbers nor across
 * projects; 64 bits, so that a collision among ten million ids has a chance of about 3 in a million.
 */
export function contributorSet(ids: Iterable<string>, projectKey: string | Buffer): ContributorSet {
  const hashes = new Set<string>();
  for (const id of ids) hashes.add(createHmac('sha256', projectKey).update(id).digest('hex').slice(0, 16));
  return { size: hashes.size, hashes };
}

/**
 * The size of the symmetric difference of two sets, or null when it is surely at least k: sizes
 * differing by k or more need no look at the members (|A △ B| ≥ ||A| − |B||).
 */
export function smallDifference(a: ContributorSet, b: ContributorSet, k: number): number | null {
  if (Math.abs(a.size - b.size) >= k) return null;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const hash of small.hashes) if (large.hashes.has(hash)) common += 1;
  const difference = a.size + b.size - 2 * common;
  return difference < k ? difference : null;
}

/**
 * Checks the cells about to be released against the project's earlier released cells and against
 * each other. A pair is a conflict when its contributors differ by at least 1 and fewer than k:
 * "everyone except one" next to "everyone" is refused; the same population again (difference 0),
 * disjoint populations and large differences pass. Returns one conflict per refused candidate
 * (the first pair found); an empty list lets the whole batch through.
 */
export function checkDifferencing(
  candidates: readonly CandidateCell[],
  earlier: readonly ReleasedCell[],
  k: number,
  unit: ContributorUnit = 'person',
): DifferencingConflict[] {
  const unitKey =
    unit === 'company' ? m['sandbox.disclosure.unit.company'] : m['sandbox.disclosure.unit.person'];
  const conflicts: DifferencingConflict[] = [];
  candidates.forEach((candidate, index) => {
    const others = [
      ...earlier.map((cell) => ({ id: cell.id, label: cell.label, contributors: cell.contributors })),
      ...candidates
        .slice(0, index)
        .map((cell, n) => ({ id: `#${n}`, label: cell.label, contributors: cell.contributors })),
    ];
    for (const other of others) {
      const difference = smallDifference(candidate.contributors, other.contributors, k);
      if (difference === null || difference === 0) continue;
      conflicts.push({
        cell: index,
        earlier: other.id,
        message: {
          key: m['sandbox.disclosure.differencing'],
          params: { earlier: other.label, k, unit: unitKey },
        },
      });
      return;
    }
  });
  return conflicts;
}
