// Between the plan editor's form values and the API's planned resources, and from the paths of the
// server's problems (`/body/plannedResources/0/items/1/dataType` when saved, `/plannedResources/0/name`
// in what approval misses) to the editor's cells.
import type { AccessType } from '../../../../api/catalog.ts';
import type { PlannedResource } from '../../../../api/catalog-projects.ts';

/** A row of the items table inside a planned resource. */
export interface ItemRow {
  name?: string | null;
  dataType?: string | null;
}

/** A planned resource as the editor holds it. */
export interface PlanRow {
  resourceId?: string | null;
  name?: string | null;
  classCode?: string | null;
  items?: ItemRow[];
  shareType?: AccessType | null;
  shareBasis?: string | null;
  openType?: AccessType | null;
  openBasis?: string | null;
  updateCycle?: string | null;
  note?: string | null;
}

/** The editor's values. */
export interface PlanForm {
  plannedResources: PlanRow[];
}

/** A new planned resource: one empty item to start with. */
export const blankRow = (): PlanRow => ({ items: [{}] });

/** The stored plan as form values. */
export function formOf(rows: readonly PlannedResource[]): PlanForm {
  return { plannedResources: rows.map((row) => ({ ...row, items: row.items.map((item) => ({ ...item })) })) };
}

const text = (value: string | null | undefined) => value?.trim() || null;

/** The form values as the API's list; blank text becomes null, and the links are kept. */
export function plannedOf(values: PlanForm): PlannedResource[] {
  return (values.plannedResources ?? []).map((row) => ({
    resourceId: row.resourceId ?? null,
    name: text(row.name),
    classCode: row.classCode ?? null,
    items: (row.items ?? []).map((item) => ({ name: text(item.name), dataType: item.dataType ?? null })),
    shareType: row.shareType ?? null,
    shareBasis: text(row.shareBasis),
    openType: row.openType ?? null,
    openBasis: text(row.openBasis),
    updateCycle: row.updateCycle ?? null,
    note: text(row.note),
  }));
}

const ROW_FIELDS = new Set([
  'name',
  'classCode',
  'shareType',
  'shareBasis',
  'openType',
  'openBasis',
  'updateCycle',
  'note',
]);
const ITEM_FIELDS = new Set(['name', 'dataType']);

/** Where a problem of the plan is: the resource row, and the item or field within it. */
export interface PlanPlace {
  row?: number;
  item?: number;
  field?: string;
  /** The form field that shows it, when there is one. */
  name?: (string | number)[];
}

/** Reads `/body/plannedResources/2/items/0/name` or `/plannedResources/2/shareBasis`. */
export function placeOf(path: string): PlanPlace {
  const parts = path
    .replace(/^\/body/, '')
    .split('/')
    .filter(Boolean);
  if (parts[0] !== 'plannedResources' || parts[1] === undefined || !/^\d+$/.test(parts[1])) return {};
  const row = Number(parts[1]);
  const [, , field, item, sub] = parts;
  if (field === 'items' && item !== undefined && /^\d+$/.test(item)) {
    const index = Number(item);
    return sub && ITEM_FIELDS.has(sub)
      ? { row, item: index, field: sub, name: ['plannedResources', row, 'items', index, sub] }
      : { row, item: index };
  }
  if (field && ROW_FIELDS.has(field)) return { row, field, name: ['plannedResources', row, field] };
  return { row, field };
}

/** Groups problems by the form field that shows them; the rest have no cell. */
export function groupByField(problems: readonly { path: string; message: string }[]) {
  const fields = new Map<string, { name: (string | number)[]; messages: string[] }>();
  const unplaced: { path: string; message: string }[] = [];
  for (const problem of problems) {
    const { name } = placeOf(problem.path);
    if (!name) {
      unplaced.push(problem);
      continue;
    }
    const key = name.join('/');
    const entry = fields.get(key) ?? { name, messages: [] };
    entry.messages.push(problem.message);
    fields.set(key, entry);
  }
  return { fields: [...fields.values()], unplaced };
}
