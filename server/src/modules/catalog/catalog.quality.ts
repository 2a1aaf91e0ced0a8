// Metadata quality of a catalog resource, in the spirit of the EU Metadata Quality Assessment and
// uData's score (REFERENCE.md §5): findable (description, keywords, coverage), accessible (a way to
// get the data), interoperable (machine-readable, open formats), reusable (contact, usage terms,
// documented items), and timely (data updated within its declared cycle). 100 points in all; each
// criterion says whether it is met so that the department knows what to fix.
import { Type, type Static } from 'typebox';
import type { Revision } from './catalog.schemas.ts';
import { FILE_FORMATS, UPDATE_CYCLES } from './catalog.vocabulary.ts';

/** One criterion of the score. */
export const QualityCriterion = Type.Object({
  code: Type.String(),
  points: Type.Integer(),
  max: Type.Integer(),
  met: Type.Boolean(),
});
/** The score of a resource with each criterion. */
export const QualityScore = Type.Object({ score: Type.Integer(), criteria: Type.Array(QualityCriterion) });
/** A quality score. */
export type QualityScore = Static<typeof QualityScore>;

/** A description long enough to say what, who and which coverage (Chinese is dense: 50 characters). */
const MIN_ABSTRACT = 50;
const MIN_KEYWORDS = 3;
const DAY_MS = 86_400_000;

function timely(revision: Revision, dataUpdatedAt: Date | null, now: Date): boolean {
  if (!dataUpdatedAt) return false;
  const cycle = UPDATE_CYCLES.find((c) => c.code === revision.updateCycle);
  if (!cycle?.days) return true;
  // One cycle plus a day of grace: a monthly resource loaded 31 days ago is still on time.
  return now.getTime() - dataUpdatedAt.getTime() <= (cycle.days + 1) * DAY_MS;
}

/**
 * Scores a revision's metadata. `dataUpdatedAt` is when its data was last loaded into the pool
 * (null: never — the timeliness criterion is then not met).
 */
export function scoreQuality(revision: Revision, dataUpdatedAt: Date | null, now = new Date()): QualityScore {
  const formats = FILE_FORMATS.filter((f) => (revision.formats as string[]).includes(f.code));
  const open = revision.openType !== 'none';
  const methods = open ? revision.openMethods : revision.shareMethods;
  const checks: [string, number, boolean][] = [
    ['abstract', 10, revision.abstract.trim().length >= MIN_ABSTRACT],
    ['keywords', 10, revision.keywords.length >= MIN_KEYWORDS],
    ['temporal', 5, !!revision.temporalStart],
    ['itemsDocumented', 10, revision.items.length > 0 && revision.items.every((item) => !!item.description)],
    ['machineReadable', 15, formats.some((f) => f.machineReadable) || revision.formatType === 'database'],
    ['openFormat', 10, formats.some((f) => f.open && f.machineReadable)],
    ['updateCycle', 5, revision.updateCycle !== 'other'],
    ['contactPoint', 10, !!revision.contactName && (!!revision.contactPhone || !!revision.contactEmail)],
    ['usageRequirements', 5, !!revision.usageRequirements],
    ['accessible', 5, methods.some((m) => ['download', 'api', 'database', 'file'].includes(m))],
    ['timely', 15, timely(revision, dataUpdatedAt, now)],
  ];
  const criteria = checks.map(([code, max, met]) => ({ code, max, met, points: met ? max : 0 }));
  return { score: criteria.reduce((sum, c) => sum + c.points, 0), criteria };
}
