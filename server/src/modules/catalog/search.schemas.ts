import { Type, type Static } from 'typebox';
import { AccessTypeSchema, ClassKindSchema } from './catalog.schemas.ts';
import { codesOf, FILE_FORMATS, UPDATE_CYCLES } from './catalog.vocabulary.ts';

const Uuid = Type.String({ format: 'uuid' });

/** Orders of a catalog search; relevance is the default when there is a query. */
export const SEARCH_SORTS = [
  'relevance',
  'name',
  '-name',
  'modifiedAt',
  '-modifiedAt',
  'quality',
  '-quality',
] as const;

/** Orders only the open catalog has: first publication, and use in the portal's "most used" window. */
export const OPEN_SEARCH_SORTS = [...SEARCH_SORTS, 'newest', 'popular'] as const;

const common = {
  /** Words to find (cut into words; all must match). */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  departmentId: Type.Optional(Uuid),
  regionId: Type.Optional(Uuid),
  classKind: Type.Optional(ClassKindSchema),
  /** A classification code; entries of that node and below it. */
  classCode: Type.Optional(Type.String({ pattern: '^[1-3][0-9]{0,15}$' })),
  format: Type.Optional(Type.Enum(codesOf(FILE_FORMATS))),
  updateCycle: Type.Optional(Type.Enum(codesOf(UPDATE_CYCLES))),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
  sort: Type.Optional(Type.Enum([...SEARCH_SORTS])),
};

/** Query of the share catalog (共享目录). */
export const ShareCatalogQuery = Type.Object(
  { ...common, shareType: Type.Optional(AccessTypeSchema), openType: Type.Optional(AccessTypeSchema) },
  { additionalProperties: false },
);
/** Query of the share catalog. */
export type ShareCatalogQuery = Static<typeof ShareCatalogQuery>;

/** Query of the open catalog (开放目录): only open types exist there. */
export const OpenCatalogQuery = Type.Object(
  {
    ...common,
    openType: Type.Optional(Type.Enum(['unconditional', 'conditional'])),
    sort: Type.Optional(Type.Enum([...OPEN_SEARCH_SORTS])),
  },
  { additionalProperties: false },
);
/** Query of the open catalog. */
export type OpenCatalogQuery = Static<typeof OpenCatalogQuery>;

/** A value of a facet, its display name in the caller's language, and how many matches have it. */
export const FacetValue = Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() });
/** A facet value. */
export type FacetValue = Static<typeof FacetValue>;

const entryFields = {
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  abstract: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  classKind: ClassKindSchema,
  classCode: Type.String(),
  className: Type.String(),
  openType: AccessTypeSchema,
  formats: Type.Array(Type.String()),
  formatType: Type.String(),
  updateCycle: Type.String(),
  keywords: Type.Array(Type.String()),
  publishedAt: Type.String({ format: 'date-time' }),
  modifiedAt: Type.String({ format: 'date-time' }),
  versionNumber: Type.Integer(),
  qualityScore: Type.Integer(),
  /** 分类: the data category code of the profile, or null. */
  category: Type.Union([Type.String(), Type.Null()]),
};

/** An entry of the open catalog: what the public may see of a published resource. */
export const OpenEntry = Type.Object(entryFields);
/** An entry of the open catalog. */
export type OpenEntry = Static<typeof OpenEntry>;

/** An entry of the share catalog: the open fields plus share type and security level. */
export const ShareEntry = Type.Object({
  ...entryFields,
  shareType: AccessTypeSchema,
  securityLevel: Type.String(),
  securitySubLevel: Type.Union([Type.String(), Type.Null()]),
});
/** An entry of the share catalog. */
export type ShareEntry = Static<typeof ShareEntry>;

const Facets = (names: string[]) =>
  Type.Object(Object.fromEntries(names.map((name) => [name, Type.Array(FacetValue)])));

// False when a text search has more matches than the facets count (the first 1,000 found).
const FacetsExact = Type.Boolean({
  description: 'Whether the facet counts cover every match (else the first 1,000 found)',
});

/** Facets of the share catalog. */
export const SHARE_FACETS = [
  'department',
  'region',
  'classKind',
  'shareType',
  'openType',
  'format',
  'updateCycle',
] as const;
/** Facets of the open catalog (no share type: sharing is internal to government). */
export const OPEN_FACETS = [
  'department',
  'region',
  'classKind',
  'openType',
  'format',
  'updateCycle',
] as const;

/** A page of share catalog entries with facet counts. */
export const ShareCatalogPage = Type.Object({
  items: Type.Array(ShareEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Facets([...SHARE_FACETS]),
  facetsExact: FacetsExact,
});

/** A page of open catalog entries with facet counts. */
export const OpenCatalogPage = Type.Object({
  items: Type.Array(OpenEntry),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Facets([...OPEN_FACETS]),
  facetsExact: FacetsExact,
});
