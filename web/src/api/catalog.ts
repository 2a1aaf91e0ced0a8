// Shapes of the catalog API (/api/v1/catalog/…) as the console uses them, and small helpers around
// them: names in the reader's language, the classification tree, where an import problem is.
import type { Lang } from '../i18n/lang.ts';

/** A text in both languages. */
export interface Names {
  'zh-CN': string;
  en: string;
}

/** A coded value of a vocabulary list; some lists carry extra facts (e.g. data types). */
export interface Term {
  code: string;
  name?: Names;
  /** Data types: whether a data pool can store it as a column. */
  storable?: boolean;
  /** Data types: whether a length must be given (character, numeric). */
  needsLength?: boolean;
}

/** GET /catalog/vocabulary: the value lists of the national compilation guide. */
export interface Vocabulary {
  formatTypes: Term[];
  fileFormats: Term[];
  shareMethods: Term[];
  openMethods: Term[];
  updateCycles: Term[];
  dataTypes: Term[];
  sensitivities: Term[];
  securityLevels: Term[];
  baseDatabases: Term[];
  resourceCode: { pattern: string; example: string };
}

/** 共享类型 / 开放类型. */
export type AccessType = 'unconditional' | 'conditional' | 'none';
export const ACCESS_TYPES: readonly AccessType[] = ['unconditional', 'conditional', 'none'];

/** 基础 / 主题 / 部门. */
export type ClassKind = 'base' | 'theme' | 'department';
export const CLASS_KINDS: readonly ClassKind[] = ['base', 'theme', 'department'];

/** The parts of GET /profile the catalog console needs. */
export interface CatalogProfile {
  categories: Record<'share' | 'open', Record<AccessType, Names> & { article: string }>;
  catalog: {
    resourceCode: { pattern: string; example: string; article: string | null };
    legalBasis: Record<'share' | 'open', { types: AccessType[]; article: string | null }>;
    baseResourcesUnconditionallyShared: { required: boolean; article: string | null };
    /** 分级: levels lowest first, with sub-levels and what each allows (SC §30, §40). */
    securityLevels: SecurityLevel[];
    /** 分类: the data categories of resources and items. */
    dataCategories: { code: string; name: Names }[];
    classificationArticle: string;
  };
  secrecyReview: { required: boolean; article: string | null };
}

/** A 安全级别 of the profile. */
export interface SecurityLevel {
  code: string;
  name: Names;
  subLevels: { code: string; name: Names }[];
  shareTypes: AccessType[];
  openTypes: AccessType[];
  /** What the level's items get when no masking rule is set: none, a masking rule, or withheld. */
}

/** A classification node with its path of names (类 / 项 / 目 / 细目). */
export interface ClassRef {
  id: string;
  code: string;
  name: string;
  kind: ClassKind;
  path: string[];
  baseDatabase: string | null;
}

/** An information item (信息项). */
export interface Item {
  name: string;
  fieldName: string;
  dataType: string;
  length: number | null;
  scale: number | null;
  description: string | null;
  sensitivity: string;
  isKey: boolean;
  required: boolean;
  /** 取值范围: the values the item may take; empty: every value. */
  allowedValues: string[];
  /** 分类 of the item, or null. */
  category: string | null;
  /** The item's own level; null: the resource's. */
  securityLevel: string | null;
}

/** What a resource says at one point. */
export interface Revision {
  id: string;
  number: number;
  state: string;
  class: ClassRef;
  name: string;
  abstract: string;
  keywords: string[];
  formatType: string;
  formats: string[];
  items: Item[];
  shareType: AccessType;
  shareCondition: string | null;
  shareMethods: string[];
  shareBasis: string | null;
  openType: AccessType;
  openCondition: string | null;
  openMethods: string[];
  openBasis: string | null;
  securityLevel: string;
  securitySubLevel: string | null;
  category: string | null;
  usageRequirements: string | null;
  updateCycle: string;
  updateCycleNote: string | null;
  relatedCodes: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** The department that provides a resource. */
export interface Provider {
  id: string;
  name: string;
  creditCode: string;
  regionId: string;
  regionName: string;
}

/** GET /catalog/resources/:id. */
export interface Resource {
  id: string;
  code: string;
  status: 'draft' | 'published' | 'withdrawn';
  provider: Provider;
  firstPublishedAt: string | null;
  published: Revision | null;
  draft: Revision | null;
  /** What the draft changes in the published revision (when both are shown). */
  draftChanges: RevisionDiff | null;
  underReview: boolean;
  createdAt: string;
}

/** A row of the working list (GET /catalog/resources). */
export interface ResourceSummary {
  id: string;
  code: string;
  name: string;
  status: Resource['status'];
  revisionState: string;
  providerId: string;
  providerName: string;
  classKind: ClassKind;
  className: string;
  shareType: AccessType;
  openType: AccessType;
  updateCycle: string;
  itemCount: number;
  updatedAt: string;
}

/** States of a revision, as the working list filters them. */
export const REVISION_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;

/** An information item as written. */
export interface ItemInput {
  name: string;
  fieldName: string;
  dataType: string;
  length?: number | null;
  scale?: number | null;
  description?: string | null;
  sensitivity: string;
  isKey?: boolean;
  required?: boolean;
  allowedValues?: string[];
  category?: string | null;
  securityLevel?: string | null;
}

/** A resource as written (PUT …/draft; POST /catalog/resources adds code and departmentId). */
export interface ResourceInput {
  classId: string;
  name: string;
  abstract: string;
  keywords: string[];
  formatType: string;
  formats: string[];
  items: ItemInput[];
  shareType: AccessType;
  shareCondition: string | null;
  shareMethods: string[];
  shareBasis: string | null;
  openType: AccessType;
  openCondition: string | null;
  openMethods: string[];
  openBasis: string | null;
  securityLevel: string;
  securitySubLevel: string | null;
  category: string | null;
  usageRequirements: string | null;
  updateCycle: string;
  updateCycleNote: string | null;
  relatedCodes: string[];
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  temporalStart: string | null;
  temporalEnd: string | null;
}

type DiffValue = string | string[] | number | boolean | null;

/** A changed field: its API name and the values before and after. */
export interface FieldChange {
  field: string;
  before: DiffValue;
  after: DiffValue;
}

/** What changed between two revisions. */
export interface RevisionDiff {
  fields: FieldChange[];
  items: { added: Item[]; removed: Item[]; changed: { fieldName: string; changes: FieldChange[] }[] };
}

/** A submission (目录清单) as listed. */
export interface Submission {
  id: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  holderRegionId: string;
  holderRegionName: string;
  kind: 'compile' | 'update';
  state: 'pending' | 'reviewed' | 'withdrawn';
  note: string | null;
  dueOn: string | null;
  overdue: boolean;
  submittedByName: string | null;
  submittedAt: string;
  reviewedAt: string | null;
  entryCount: number;
  pendingCount: number;
}

/** One resource of a submission with the reviewer's decision and what it changes. */
export interface SubmissionEntry {
  id: string;
  resourceId: string;
  code: string;
  name: string;
  change: 'add' | 'change' | 'remove';
  note: string | null;
  decision: 'pending' | 'approved' | 'returned';
  reason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  versionNumber: number | null;
  before: Revision | null;
  after: Revision | null;
  diff: RevisionDiff;
}

/** GET /catalog/submissions/:id. */
export interface SubmissionDetail extends Submission {
  entries: SubmissionEntry[];
}

/** What a version did to a resource. */
export type VersionChangeKind = 'added' | 'changed' | 'removed';

/** A change of a catalog version, with its diff. */
export interface VersionChange {
  resourceId: string;
  code: string;
  name: string;
  departmentName: string;
  change: VersionChangeKind;
  diff: RevisionDiff;
}

/** A published catalog version (GET /catalog/versions). */
export interface CatalogVersion {
  number: number;
  publishedAt: string;
  publishedByName: string | null;
  note: string | null;
  added: number;
  changed: number;
  removed: number;
}

/** GET /catalog/versions/:number. */
export interface CatalogVersionDetail extends CatalogVersion {
  changes: VersionChange[];
}

/** An approved change waiting for the next version (GET /catalog/versions/pending). */
export interface PendingChange {
  entryId: string;
  resourceId: string;
  code: string;
  name: string;
  change: SubmissionEntry['change'];
  departmentName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  submissionId: string;
}

/** One step of a resource's published history (GET /catalog/resources/:id/history). */
export interface HistoryStep {
  versionNumber: number;
  publishedAt: string;
  publishedByName: string | null;
  note: string | null;
  change: VersionChangeKind;
  name: string;
  diff: RevisionDiff;
}

/** A published entry of the share catalog (GET /catalog/entries). */
export interface CatalogEntry {
  resourceId: string;
  code: string;
  name: string;
  abstract: string;
  departmentId: string;
  departmentName: string;
  regionId: string;
  regionName: string;
  classKind: ClassKind;
  classCode: string;
  className: string;
  shareType: AccessType;
  openType: AccessType;
  formatType: string;
  formats: string[];
  updateCycle: string;
  keywords: string[];
  securityLevel: string;
  securitySubLevel: string | null;
  publishedAt: string;
  modifiedAt: string;
  versionNumber: number;
  qualityScore: number;
}

/** A facet value with its count. */
export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

/** The facets of the share catalog search, each with the query parameter that filters by it. */
export const FACET_PARAMS = {
  department: 'departmentId',
  region: 'regionId',
  classKind: 'classKind',
  shareType: 'shareType',
  openType: 'openType',
  format: 'format',
  updateCycle: 'updateCycle',
} as const;
/** A facet of the share catalog search. */
export type Facet = keyof typeof FACET_PARAMS;
export const FACETS = Object.keys(FACET_PARAMS) as Facet[];

/** Orders of the catalog search. */
export const SEARCH_SORTS = ['relevance', '-modifiedAt', 'name', '-quality'] as const;

/** GET /catalog/entries. */
export interface EntrySearchPage {
  items: CatalogEntry[];
  total: number;
  page: number;
  pageSize: number;
  facets: Partial<Record<Facet, FacetValue[]>>;
}

/** Where a problem of an .xlsx import is: its path is `/<sheet>/<row>/<column header>`. */
export function cellOf(path: string): { sheet?: string; row?: number; column?: string } {
  const [sheet, row, ...column] = path.replace(/^\//, '').split('/');
  if (!sheet || !row || !/^\d+$/.test(row)) return {};
  return { sheet, row: Number(row), column: column.length > 0 ? column.join('/') : undefined };
}

/** The name of a coded term in a language, else its code. */
export function termName(terms: readonly Term[] | undefined, code: string, lang: Lang): string {
  const term = terms?.find((candidate) => candidate.code === code);
  return term?.name?.[lang] ?? code;
}

/** A classification node of the cascader: children found by code prefix (1 → 101 → 101001). */
export interface ClassNode {
  value: string;
  label: string;
  cls: ClassRef;
  children?: ClassNode[];
}

/** The classification as a tree for a cascader; a node's parent is the longest code it starts with. */
export function classTree(classes: readonly ClassRef[]): ClassNode[] {
  const sorted = [...classes].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  const nodes = new Map<string, ClassNode>();
  const roots: ClassNode[] = [];
  for (const cls of sorted) {
    const node: ClassNode = { value: cls.id, label: `${cls.code} ${cls.name}`, cls };
    nodes.set(cls.code, node);
    let parent: ClassNode | undefined;
    for (let length = cls.code.length - 1; length > 0 && !parent; length--) {
      parent = nodes.get(cls.code.slice(0, length));
    }
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids from the top of the tree down to a node (the cascader's value). */
export function classPathIds(tree: readonly ClassNode[], id: string): string[] {
  for (const node of tree) {
    if (node.value === id) return [id];
    const below = classPathIds(node.children ?? [], id);
    if (below.length > 0) return [node.value, ...below];
  }
  return [];
}
