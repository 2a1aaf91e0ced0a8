// The data-quality measures of a pool table as pure functions: the weights of the score, timeliness
// against the update cycle, and the score itself. What the numbers mean is in docs/pools-quality.md.
import { UPDATE_CYCLES } from '../../catalog/catalog.vocabulary.ts';

/**
 * Weights of the data-quality score (sum 1). A dimension that does not apply (no rows to measure,
 * no consistency rule for the table, an update cycle of 其他) drops out and the others are scaled
 * up, so a score is always out of 100.
 */
export const QUALITY_WEIGHTS = {
  completeness: 0.25,
  validity: 0.25,
  uniqueness: 0.15,
  consistency: 0.15,
  timeliness: 0.2,
} as const;

/** A dimension of data quality. */
export type QualityDimension = keyof typeof QUALITY_WEIGHTS;

/** In completeness, a required column (or key) counts this many times an optional one. */
export const REQUIRED_COLUMN_WEIGHT = 2;

/** At most this many current rows are re-checked per table for validity and consistency. */
export const QUALITY_SAMPLE_ROWS = 5_000;

/** Rows read per page while re-checking (keyset pagination by `_row` keeps memory bounded). */
export const QUALITY_PAGE_ROWS = 1_000;

/** The worst offending rows a detail lists. */
export const WORST_ROWS = 20;

/** Problems kept per table while re-checking (enough to rank the worst rows, bounded). */
export const MAX_FINDINGS = 2_000;

const DAY_MS = 86_400_000;

/** Timeliness of a resource's data against its declared update cycle. */
export interface Timeliness {
  updateCycle: string;
  /** Days of the cycle; null for 其他 (no cycle to judge against). */
  cycleDays: number | null;
  /** The last load; null when nothing was ever loaded. */
  dataUpdatedAt: Date | null;
  /** When the next update is due: last load + cycle, or the publication for a never-loaded resource. */
  dueAt: Date | null;
  overdue: boolean;
  daysOverdue: number;
  neverLoaded: boolean;
  /** 0–1; null when not judged (cycle 其他 with data loaded). */
  share: number | null;
}

/**
 * Timeliness (CQ19 §20): an update is due a cycle after the last load; a resource never loaded is
 * overdue since its publication, whatever its cycle, because its data was never collected at all.
 * The share falls linearly from 1 on the due date to 0 a whole cycle later.
 */
export function timelinessOf(
  resource: { updateCycle: string; dataUpdatedAt: Date | null; publishedAt: Date | null },
  now: Date,
): Timeliness {
  const cycleDays = UPDATE_CYCLES.find((cycle) => cycle.code === resource.updateCycle)?.days ?? null;
  const base = { updateCycle: resource.updateCycle, cycleDays, dataUpdatedAt: resource.dataUpdatedAt };
  if (!resource.dataUpdatedAt) {
    const since = resource.publishedAt ?? now;
    const days = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
    return { ...base, dueAt: since, overdue: true, daysOverdue: days, neverLoaded: true, share: 0 };
  }
  if (cycleDays === null) {
    return { ...base, dueAt: null, overdue: false, daysOverdue: 0, neverLoaded: false, share: null };
  }
  const dueAt = new Date(resource.dataUpdatedAt.getTime() + cycleDays * DAY_MS);
  const late = now.getTime() - dueAt.getTime();
  if (late <= 0) {
    return { ...base, dueAt, overdue: false, daysOverdue: 0, neverLoaded: false, share: 1 };
  }
  // Whole days past the due date: 0 while less than a day late (overdue all the same).
  const daysOverdue = Math.floor(late / DAY_MS);
  const share = Math.max(0, 1 - daysOverdue / cycleDays);
  return { ...base, dueAt, overdue: true, daysOverdue, neverLoaded: false, share };
}

/** A share 0–1, or null when nothing was measured. */
export const share = (good: number, of: number): number | null => (of > 0 ? good / of : null);

/** The weighted score 0–100 over the dimensions that apply; 0 when none does. */
export function qualityScore(shares: Record<QualityDimension, number | null>): number {
  let weight = 0;
  let sum = 0;
  for (const [dimension, value] of Object.entries(shares) as [QualityDimension, number | null][]) {
    if (value === null) continue;
    weight += QUALITY_WEIGHTS[dimension];
    sum += QUALITY_WEIGHTS[dimension] * value;
  }
  return weight > 0 ? Math.round((sum / weight) * 100) : 0;
}

/** A share as a percentage with one decimal, for the API (null stays null). */
export const percent = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1000) / 10;

/** The mean of the values that are there, or null. */
export function mean(values: readonly (number | null)[]): number | null {
  const present = values.filter((value): value is number => value !== null);
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null;
}
