// What a secrecy review looks at, and how two publications are compared. The share attributes are
// the share type, condition, methods and basis; the open attributes the open type, condition,
// methods and basis; both include the resource's category, level and sub-level and, per item, its
// field name, category, effective level and sensitivity (a new item shares or opens new data).
// Names, descriptions, contacts and the like are not reviewed: changing them needs no new review.
import { createHash } from 'node:crypto';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import type { Revision } from '../../catalog/catalog.schemas.ts';
import { effectiveLevel, itemLevel } from '../classification/classification.rules.ts';

/** The reviewed attributes of a revision, as stored with the review and shown to the reviewer. */
export interface ReviewAttributes {
  shareType: string;
  shareCondition: string | null;
  shareMethods: string[];
  shareBasis: string | null;
  openType: string;
  openCondition: string | null;
  openMethods: string[];
  openBasis: string | null;
  category: string | null;
  securityLevel: string;
  securitySubLevel: string | null;
  /** The highest level among the resource and its items. */
  effectiveLevel: string;
  items: {
    fieldName: string;
    name: string;
    category: string | null;
    securityLevel: string;
    sensitivity: string;
  }[];
}

const SHARE_FIELDS = ['shareType', 'shareCondition', 'shareMethods', 'shareBasis'] as const;
const OPEN_FIELDS = ['openType', 'openCondition', 'openMethods', 'openBasis'] as const;
const COMMON_FIELDS = ['category', 'securityLevel', 'securitySubLevel', 'items'] as const;

/** The reviewed attributes of a presented revision. */
export function reviewAttributes(profile: Profile, revision: Revision): ReviewAttributes {
  return {
    shareType: revision.shareType,
    shareCondition: revision.shareCondition,
    shareMethods: [...revision.shareMethods].sort(),
    shareBasis: revision.shareBasis,
    openType: revision.openType,
    openCondition: revision.openCondition,
    openMethods: [...revision.openMethods].sort(),
    openBasis: revision.openBasis,
    category: revision.category,
    securityLevel: revision.securityLevel,
    securitySubLevel: revision.securitySubLevel,
    effectiveLevel: effectiveLevel(profile, revision),
    items: revision.items
      .map((item) => ({
        fieldName: item.fieldName,
        name: item.name,
        category: item.category,
        securityLevel: itemLevel(revision.securityLevel, item),
        sensitivity: item.sensitivity,
      }))
      .sort((a, b) => (a.fieldName < b.fieldName ? -1 : a.fieldName > b.fieldName ? 1 : 0)),
  };
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** Items as compared: names of items are not reviewed, only what data they are and how graded. */
const comparableItems = (attributes: ReviewAttributes) =>
  attributes.items.map(({ name: _name, ...rest }) => rest);

/** Fingerprints of the share and of the open attributes (equal fingerprints: nothing to review again). */
export function fingerprints(attributes: ReviewAttributes): { share: string; open: string } {
  const common = {
    category: attributes.category,
    securityLevel: attributes.securityLevel,
    securitySubLevel: attributes.securitySubLevel,
    items: comparableItems(attributes),
  };
  const pick = (fields: readonly (keyof ReviewAttributes)[]) =>
    Object.fromEntries(fields.map((field) => [field, attributes[field]]));
  return {
    share: digest({ ...pick(SHARE_FIELDS), ...common }),
    open: digest({ ...pick(OPEN_FIELDS), ...common }),
  };
}

/** The reviewed fields that differ between two sets of attributes (all of them when there is no earlier). */
export function changedFields(before: ReviewAttributes | null, after: ReviewAttributes): string[] {
  if (!before) return [];
  const fields = [...SHARE_FIELDS, ...OPEN_FIELDS, ...COMMON_FIELDS];
  return fields.filter((field) => {
    const a = field === 'items' ? comparableItems(before) : before[field];
    const b = field === 'items' ? comparableItems(after) : after[field];
    return JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);
  });
}
