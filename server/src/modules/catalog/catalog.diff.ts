// Readable differences between two revisions of a resource: which metadata fields changed and
// which information items were added, removed or changed. Reviewers and the version history show
// these; values stay as codes so the console can name them in the reader's language.
import { Type, type Static } from 'typebox';
import type { Item, Revision } from './catalog.schemas.ts';

const Value = Type.Union([
  Type.String(),
  Type.Array(Type.String()),
  Type.Number(),
  Type.Boolean(),
  Type.Null(),
]);

/** One changed field: its API name and the value before and after. */
export const FieldChange = Type.Object({ field: Type.String(), before: Value, after: Value });
/** A changed field. */
export type FieldChange = Static<typeof FieldChange>;

/** What changed between two revisions (before null: everything is new; after null: removed). */
export const RevisionDiff = Type.Object({
  fields: Type.Array(FieldChange),
  items: Type.Object({
    added: Type.Array(Type.Unknown()),
    removed: Type.Array(Type.Unknown()),
    changed: Type.Array(Type.Object({ fieldName: Type.String(), changes: Type.Array(FieldChange) })),
  }),
});
/** A revision diff. */
export type RevisionDiff = Static<typeof RevisionDiff>;

type Comparable = string | string[] | number | boolean | null;

const FIELDS = [
  'name',
  'abstract',
  'keywords',
  'formatType',
  'formats',
  'shareType',
  'shareCondition',
  'shareMethods',
  'shareBasis',
  'openType',
  'openCondition',
  'openMethods',
  'openBasis',
  'securityLevel',
  'securitySubLevel',
  'category',
  'usageRequirements',
  'updateCycle',
  'updateCycleNote',
  'relatedCodes',
  'contactName',
  'contactPhone',
  'contactEmail',
  'temporalStart',
  'temporalEnd',
] as const satisfies readonly (keyof Revision)[];

const ITEM_FIELDS = [
  'name',
  'dataType',
  'length',
  'scale',
  'description',
  'sensitivity',
  'isKey',
  'required',
  'allowedValues',
  'category',
  'securityLevel',
] as const satisfies readonly (keyof Item)[];

const same = (a: Comparable, b: Comparable) => JSON.stringify(a) === JSON.stringify(b);

function classLabel(revision: Revision | null): Comparable {
  return revision ? `${revision.class.code} ${revision.class.path.join(' / ')}` : null;
}

/** The differences between two revisions of one resource. */
export function diffRevisions(before: Revision | null, after: Revision | null): RevisionDiff {
  const fields: FieldChange[] = [];
  if (!same(classLabel(before), classLabel(after)))
    fields.push({ field: 'class', before: classLabel(before), after: classLabel(after) });
  for (const field of FIELDS) {
    const a = (before?.[field] ?? null) as Comparable;
    const b = (after?.[field] ?? null) as Comparable;
    if (!same(a, b)) fields.push({ field, before: a, after: b });
  }
  const beforeItems = new Map((before?.items ?? []).map((item) => [item.fieldName, item]));
  const afterItems = new Map((after?.items ?? []).map((item) => [item.fieldName, item]));
  const added = [...afterItems.values()].filter((item) => !beforeItems.has(item.fieldName));
  const removed = [...beforeItems.values()].filter((item) => !afterItems.has(item.fieldName));
  const changed: RevisionDiff['items']['changed'] = [];
  for (const [fieldName, next] of afterItems) {
    const previous = beforeItems.get(fieldName);
    if (!previous) continue;
    const changes = ITEM_FIELDS.filter((field) => !same(previous[field], next[field])).map((field) => ({
      field,
      before: previous[field],
      after: next[field],
    }));
    if (changes.length > 0) changed.push({ fieldName, changes });
  }
  return { fields, items: { added, removed, changed } };
}
