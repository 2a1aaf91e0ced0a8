// Between the API's shapes (camelCase, class with its path) and the stored rows (snake_case).
import type { ItemValues, RevisionRecord, RevisionValues } from './catalog.repository.ts';
import { cleanKeywords } from './catalog.rules.ts';
import type { ClassRef, Item, ResourceInput, Revision } from './catalog.schemas.ts';

const orNull = <T>(value: T | null | undefined): T | null => (value === undefined ? null : value);
const trimmed = (value: string | null | undefined) => {
  const text = value?.trim();
  return text ? text : null;
};

/** The stored columns of a resource input (texts trimmed, blanks as null). */
export function revisionValues(input: ResourceInput, actorId: string | null): RevisionValues {
  return {
    class_id: input.classId,
    name: input.name.trim(),
    abstract: input.abstract.trim(),
    keywords: cleanKeywords(input.keywords),
    format_type: input.formatType,
    formats: input.formats ?? [],
    share_type: input.shareType,
    share_condition: trimmed(input.shareCondition),
    share_methods: input.shareMethods,
    share_basis: trimmed(input.shareBasis),
    open_type: input.openType,
    open_condition: trimmed(input.openCondition),
    open_methods: input.openType === 'none' ? [] : (input.openMethods ?? []),
    open_basis: trimmed(input.openBasis),
    security_level: input.securityLevel,
    security_sublevel: trimmed(input.securitySubLevel),
    category: trimmed(input.category),
    usage_requirements: trimmed(input.usageRequirements),
    update_cycle: input.updateCycle,
    update_cycle_note: trimmed(input.updateCycleNote),
    related_codes: [...new Set((input.relatedCodes ?? []).map((code) => code.trim()).filter(Boolean))],
    contact_name: trimmed(input.contactName),
    contact_phone: trimmed(input.contactPhone),
    contact_email: trimmed(input.contactEmail),
    temporal_start: orNull(input.temporalStart),
    temporal_end: orNull(input.temporalEnd),
    created_by: actorId,
    updated_by: actorId,
  };
}

/** The stored items of a resource input, in the order given. */
export function itemValues(input: ResourceInput): ItemValues[] {
  return input.items.map((item) => ({
    name: item.name.trim(),
    field_name: item.fieldName,
    data_type: item.dataType,
    length: orNull(item.length),
    scale: orNull(item.scale),
    description: trimmed(item.description),
    sensitivity: item.sensitivity,
    is_key: item.isKey ?? false,
    required: item.required ?? item.isKey ?? false,
    allowed_values: (item.allowedValues ?? []).map((value) => value.trim()).filter(Boolean),
    category: trimmed(item.category),
    security_level: trimmed(item.securityLevel),
  }));
}

/** An item as the API shows it. */
export function presentItem(item: RevisionRecord['items'][number]): Item {
  return {
    name: item.name,
    fieldName: item.field_name,
    dataType: item.data_type,
    length: item.length,
    scale: item.scale,
    description: item.description,
    sensitivity: item.sensitivity,
    isKey: item.is_key,
    required: item.required,
    allowedValues: item.allowed_values ?? [],
    category: item.category ?? null,
    securityLevel: item.security_level ?? null,
  };
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** A revision as the API shows it; `classes` resolves its classification and path. */
export function presentRevision(record: RevisionRecord, classes: Map<string, ClassRef>): Revision {
  const cls = classes.get(record.class_id) ?? {
    id: record.class_id,
    code: '',
    name: '',
    kind: 'department' as const,
    path: [],
    baseDatabase: null,
  };
  return {
    id: record.id,
    number: record.number,
    state: record.state,
    class: cls,
    name: record.name,
    abstract: record.abstract,
    keywords: record.keywords,
    formatType: record.format_type,
    formats: record.formats,
    items: record.items.map(presentItem),
    shareType: record.share_type,
    shareCondition: record.share_condition,
    shareMethods: record.share_methods,
    shareBasis: record.share_basis,
    openType: record.open_type,
    openCondition: record.open_condition,
    openMethods: record.open_methods,
    openBasis: record.open_basis,
    securityLevel: record.security_level,
    securitySubLevel: record.security_sublevel ?? null,
    category: record.category ?? null,
    usageRequirements: record.usage_requirements,
    updateCycle: record.update_cycle,
    updateCycleNote: record.update_cycle_note,
    relatedCodes: record.related_codes,
    contactName: record.contact_name,
    contactPhone: record.contact_phone,
    contactEmail: record.contact_email,
    temporalStart: record.temporal_start,
    temporalEnd: record.temporal_end,
    updatedAt: iso(record.updated_at),
    updatedBy: record.updated_by,
  };
}

/** A revision turned back into the input that would write it (a new draft starts from the published one). */
export function inputOf(revision: Revision): ResourceInput {
  return {
    classId: revision.class.id,
    name: revision.name,
    abstract: revision.abstract,
    keywords: revision.keywords,
    formatType: revision.formatType as ResourceInput['formatType'],
    formats: revision.formats as ResourceInput['formats'],
    items: revision.items.map((item) => ({
      name: item.name,
      fieldName: item.fieldName,
      dataType: item.dataType as ResourceInput['items'][number]['dataType'],
      length: item.length,
      scale: item.scale,
      description: item.description,
      sensitivity: item.sensitivity as ResourceInput['items'][number]['sensitivity'],
      isKey: item.isKey,
      required: item.required,
      allowedValues: item.allowedValues,
      category: item.category,
      securityLevel: item.securityLevel,
    })),
    shareType: revision.shareType as ResourceInput['shareType'],
    shareCondition: revision.shareCondition,
    shareMethods: revision.shareMethods as ResourceInput['shareMethods'],
    shareBasis: revision.shareBasis,
    openType: revision.openType as ResourceInput['openType'],
    openCondition: revision.openCondition,
    openMethods: revision.openMethods as ResourceInput['openMethods'],
    openBasis: revision.openBasis,
    securityLevel: revision.securityLevel,
    securitySubLevel: revision.securitySubLevel,
    category: revision.category,
    usageRequirements: revision.usageRequirements,
    updateCycle: revision.updateCycle as ResourceInput['updateCycle'],
    updateCycleNote: revision.updateCycleNote,
    relatedCodes: revision.relatedCodes,
    contactName: revision.contactName,
    contactPhone: revision.contactPhone,
    contactEmail: revision.contactEmail,
    temporalStart: revision.temporalStart,
    temporalEnd: revision.temporalEnd,
  };
}
