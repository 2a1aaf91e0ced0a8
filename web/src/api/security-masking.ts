// Shapes of masking (脱敏) as server/src/modules/security/masking/masking.schemas.ts sends them.
import { api } from './client.ts';

/** A masking rule: its kind and that kind's parameters. */
export interface MaskRule {
  kind: string;
  [parameter: string]: unknown;
}

/** An item with the rule in force. */
export interface MaskingItem {
  fieldName: string;
  name: string;
  dataType: string;
  sensitivity: string;
  level: string;
  isKey: boolean;
  stored: boolean;
  rule: MaskRule;
  source: 'rule' | 'default';
  defaultTreatment: string;
  defaultRule: MaskRule;
  fittingKinds: string[];
  note: string | null;
  updatedAt: string | null;
  updatedByName: string | null;
}

/** A resource's items and their rules. */
export interface MaskingView {
  resourceId: string;
  code: string;
  name: string;
  departmentName: string;
  securityLevel: string;
  hasTable: boolean;
  canManage: boolean;
  items: MaskingItem[];
}

/** A masked sample. */
export interface MaskingPreview {
  fields: { fieldName: string; name: string; kind: string }[];
  rows: Record<string, unknown>[];
  original: Record<string, unknown>[] | null;
}

/** The outcome of a k-anonymity check. */
export interface KAnonymityResult {
  k: number;
  releasable: boolean;
  rows: number;
  classes: number;
  smallestClass: number | null;
  smallClasses: number;
  breakingRows: number;
  examples: {
    row: number;
    key: Record<string, unknown>;
    values: Record<string, unknown>;
    classSize: number;
  }[];
}

const base = (resourceId: string) => `/security/masking/resources/${resourceId}`;

/** The masking calls the console makes. */
export const maskingApi = {
  view: (resourceId: string, signal?: AbortSignal) =>
    api.get<MaskingView>(base(resourceId), undefined, { signal }),
  setRule: (resourceId: string, field: string, rule: MaskRule, note?: string) =>
    api.put<MaskingView>(`${base(resourceId)}/items/${field}`, { rule, ...(note ? { note } : {}) }),
  clearRule: (resourceId: string, field: string) =>
    api.delete<MaskingView>(`${base(resourceId)}/items/${field}`),
  preview: (resourceId: string, limit: number) =>
    api.post<MaskingPreview>(`${base(resourceId)}/preview`, { limit }),
  kAnonymity: (resourceId: string, k: number, quasiIdentifiers: string[]) =>
    api.post<KAnonymityResult>(`${base(resourceId)}/k-anonymity`, { k, quasiIdentifiers }),
};
