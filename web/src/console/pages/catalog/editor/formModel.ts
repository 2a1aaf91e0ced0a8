// Between the editor's form values and the API's ResourceInput, and from the server's field errors
// (`/body/items/3/length`) to the form's fields (`['items', 3, 'length']`).
import type { NamePath } from 'antd/es/form/interface.js';
import dayjs, { type Dayjs } from 'dayjs';
import type { AccessType, ResourceInput, Revision } from '../../../../api/catalog.ts';
import { ApiError } from '../../../../api/client.ts';

/** A row of the information items table. */
export interface ItemRow {
  name?: string;
  fieldName?: string;
  dataType?: string;
  length?: number | null;
  scale?: number | null;
  description?: string | null;
  sensitivity?: string;
  isKey?: boolean;
  required?: boolean;
  allowedValues?: string[];
  category?: string | null;
  securityLevel?: string | null;
}

/** The editor's values. */
export interface ResourceForm {
  departmentId?: string;
  classPath?: string[];
  code?: string;
  name?: string;
  abstract?: string;
  keywords?: string[];
  formatType?: string;
  formats?: string[];
  updateCycle?: string;
  updateCycleNote?: string | null;
  temporal?: [Dayjs | null, Dayjs | null] | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  relatedCodes?: string[];
  items?: ItemRow[];
  shareType?: AccessType;
  shareCondition?: string | null;
  shareMethods?: string[];
  shareBasis?: string | null;
  openType?: AccessType;
  openCondition?: string | null;
  openMethods?: string[];
  openBasis?: string | null;
  securityLevel?: string;
  securitySubLevel?: string | null;
  category?: string | null;
  usageRequirements?: string | null;
}

/** A blank information item row. */
export const blankItem = (): ItemRow => ({
  dataType: 'C',
  sensitivity: 'general',
  isKey: false,
  required: false,
});

/** The values of a new resource. */
export function newForm(securityLevel: string | undefined): ResourceForm {
  return {
    keywords: [],
    formats: [],
    relatedCodes: [],
    items: [blankItem()],
    shareMethods: [],
    openMethods: [],
    securityLevel,
  };
}

/** The form values that show a revision (the draft, or the published one a new draft starts from). */
export function formOf(revision: Revision, classPath: string[]): ResourceForm {
  return {
    classPath,
    name: revision.name,
    abstract: revision.abstract,
    keywords: revision.keywords,
    formatType: revision.formatType,
    formats: revision.formats,
    updateCycle: revision.updateCycle,
    updateCycleNote: revision.updateCycleNote,
    temporal:
      revision.temporalStart || revision.temporalEnd
        ? [
            revision.temporalStart ? dayjs(revision.temporalStart) : null,
            revision.temporalEnd ? dayjs(revision.temporalEnd) : null,
          ]
        : null,
    contactName: revision.contactName,
    contactPhone: revision.contactPhone,
    contactEmail: revision.contactEmail,
    relatedCodes: revision.relatedCodes,
    items: revision.items.map((item) => ({ ...item })),
    shareType: revision.shareType,
    shareCondition: revision.shareCondition,
    shareMethods: revision.shareMethods,
    shareBasis: revision.shareBasis,
    openType: revision.openType,
    openCondition: revision.openCondition,
    openMethods: revision.openMethods,
    openBasis: revision.openBasis,
    securityLevel: revision.securityLevel,
    securitySubLevel: revision.securitySubLevel,
    category: revision.category,
    usageRequirements: revision.usageRequirements,
  };
}

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

/**
 * The API input of validated form values. Fields the chosen types make meaningless are not sent
 * (a condition without 有条件, a legal basis the type does not need, open methods of 不予开放).
 */
export function inputOf(
  values: ResourceForm,
  needsBasis: (kind: 'share' | 'open', type: AccessType) => boolean,
) {
  const shareType = values.shareType!;
  const openType = values.openType!;
  const input: ResourceInput = {
    classId: values.classPath![values.classPath!.length - 1]!,
    name: values.name!.trim(),
    abstract: values.abstract!.trim(),
    keywords: (values.keywords ?? []).map((word) => word.trim()).filter(Boolean),
    formatType: values.formatType!,
    formats: values.formats ?? [],
    items: (values.items ?? []).map((item) => ({
      name: item.name!.trim(),
      fieldName: item.fieldName!.trim(),
      dataType: item.dataType!,
      // Left out rather than null: the server's validator turns a null integer into 0.
      ...(item.length != null ? { length: item.length } : {}),
      ...(item.dataType === 'N' && item.scale != null ? { scale: item.scale } : {}),
      description: text(item.description),
      sensitivity: item.sensitivity!,
      isKey: item.isKey ?? false,
      required: (item.required ?? false) || (item.isKey ?? false),
      allowedValues: (item.allowedValues ?? []).map((value) => value.trim()).filter(Boolean),
      category: item.category ?? null,
      securityLevel: item.securityLevel ?? null,
    })),
    shareType,
    shareCondition: shareType === 'conditional' ? text(values.shareCondition) : null,
    shareMethods: shareType === 'none' ? [] : (values.shareMethods ?? []),
    shareBasis: needsBasis('share', shareType) ? text(values.shareBasis) : null,
    openType,
    openCondition: openType === 'conditional' ? text(values.openCondition) : null,
    openMethods: openType === 'none' ? [] : (values.openMethods ?? []),
    openBasis: needsBasis('open', openType) ? text(values.openBasis) : null,
    securityLevel: values.securityLevel!,
    securitySubLevel: values.securitySubLevel ?? null,
    category: values.category ?? null,
    usageRequirements: text(values.usageRequirements),
    updateCycle: values.updateCycle!,
    updateCycleNote: values.updateCycle === 'other' ? text(values.updateCycleNote) : null,
    relatedCodes: (values.relatedCodes ?? []).map((code) => code.trim()).filter(Boolean),
    contactName: text(values.contactName),
    contactPhone: text(values.contactPhone),
    contactEmail: text(values.contactEmail),
    temporalStart: day(values.temporal?.[0]),
    temporalEnd: day(values.temporal?.[1]),
  };
  return input;
}

// API field → form field where they differ; list fields keep their errors on the whole list.
const RENAMED: Record<string, string> = {
  classId: 'classPath',
  temporalStart: 'temporal',
  temporalEnd: 'temporal',
};
const FORM_FIELDS = new Set<string>([
  'departmentId',
  'code',
  'name',
  'abstract',
  'keywords',
  'formatType',
  'formats',
  'updateCycle',
  'updateCycleNote',
  'contactName',
  'contactPhone',
  'contactEmail',
  'relatedCodes',
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
  ...Object.values(RENAMED),
]);
const ITEM_FIELDS = new Set([
  'allowedValues',
  'name',
  'fieldName',
  'dataType',
  'length',
  'scale',
  'description',
  'sensitivity',
  'isKey',
  'required',
  'category',
  'securityLevel',
]);

/** Where a server field error belongs in the form, or null when no field shows it. */
export function formFieldOf(path: string): NamePath | null {
  const parts = path.replace(/^\/body\/?/, '').split('/');
  const [head, index, sub] = parts;
  if (head === 'items' && index !== undefined && /^\d+$/.test(index) && sub && ITEM_FIELDS.has(sub)) {
    return ['items', Number(index), sub];
  }
  const field = head ? (RENAMED[head] ?? head) : '';
  return FORM_FIELDS.has(field) ? field : null;
}

/**
 * Splits the server's field errors into those a field of the form shows (grouped by field) and
 * the rest (e.g. "at least one item"), which the page shows above the form.
 */
export function placeServerErrors(error: unknown): {
  fields: { name: NamePath; errors: string[] }[];
  unplaced: { path: string; message: string }[];
} {
  if (!(error instanceof ApiError)) return { fields: [], unplaced: [] };
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unplaced: { path: string; message: string }[] = [];
  for (const problem of error.errors) {
    const name = formFieldOf(problem.path);
    if (name === null) {
      unplaced.push(problem);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unplaced };
}
