// The diff of two revisions in the server's format, for the editor's 查看差异 (published vs draft)
// before the draft is submitted; the server diffs submissions, versions and histories itself.
import type { FieldChange, Item, Revision, RevisionDiff } from '../../../api/catalog.ts';

type DiffValue = FieldChange['before'];

const REVISION_FIELDS = [
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
] as const satisfies readonly (keyof Item)[];

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const classLabel = (revision: Revision | null) =>
  revision ? `${revision.class.code} ${revision.class.path.join(' / ')}` : null;

/** What changed between two revisions (the same rules as the server's catalog.diff.ts). */
export function diffRevisions(before: Revision | null, after: Revision | null): RevisionDiff {
  const fields: FieldChange[] = [];
  if (!same(classLabel(before), classLabel(after)))
    fields.push({ field: 'class', before: classLabel(before), after: classLabel(after) });
  for (const field of REVISION_FIELDS) {
    const a = (before?.[field] ?? null) as DiffValue;
    const b = (after?.[field] ?? null) as DiffValue;
    if (!same(a, b)) fields.push({ field, before: a, after: b });
  }
  const beforeItems = new Map((before?.items ?? []).map((item) => [item.fieldName, item]));
  const afterItems = new Map((after?.items ?? []).map((item) => [item.fieldName, item]));
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
  return {
    fields,
    items: {
      added: [...afterItems.values()].filter((item) => !beforeItems.has(item.fieldName)),
      removed: [...beforeItems.values()].filter((item) => !afterItems.has(item.fieldName)),
      changed,
    },
  };
}

/** Whether a diff holds no change at all. */
export function isEmptyDiff(diff: RevisionDiff): boolean {
  const { added, removed, changed } = diff.items;
  return diff.fields.length === 0 && added.length + removed.length + changed.length === 0;
}
