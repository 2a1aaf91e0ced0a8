import { Type, type Static, type TSchema } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { RevisionDiff } from './catalog.diff.ts';
import {
  codesOf,
  DATA_TYPES,
  FILE_FORMATS,
  FORMAT_TYPES,
  OPEN_METHODS,
  SENSITIVITIES,
  SHARE_METHODS,
  UPDATE_CYCLES,
} from './catalog.vocabulary.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
/**
 * A nullable input scalar as one `type: [T, 'null']`: with an anyOf, the validator's type coercion
 * would turn a null sent for an integer into 0 before the null branch is tried.
 */
const OrNull = <T extends TSchema>(schema: T) => {
  const { type, ...keywords } = schema as unknown as { type: string } & Record<string, unknown>;
  return Type.Unsafe<Static<T> | null>({ ...keywords, type: [type, 'null'] });
};
// An enum keeps one clear validation message ("must be one of …") instead of one per union branch.
const oneOf = <C extends string>(codes: C[]) => Type.Enum(codes);
const Text = (maxLength: number) => Type.String({ maxLength });
const Day = Type.String({ format: 'date' });

/** 共享类型 / 开放类型. */
export const AccessTypeSchema = oneOf(['unconditional', 'conditional', 'none']);
/** 分类 kind: base / theme / department. */
export const ClassKindSchema = oneOf(['base', 'theme', 'department']);

/** An information item (信息项) as a department writes it. */
export const ItemInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    /** The column name in the data pool: lowercase letters, digits, underscore; unique in the resource. */
    fieldName: Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' }),
    dataType: oneOf(codesOf(DATA_TYPES)),
    length: Type.Optional(OrNull(Type.Integer({ minimum: 1, maximum: 10_485_760 }))),
    scale: Type.Optional(OrNull(Type.Integer({ minimum: 0, maximum: 30 }))),
    description: Type.Optional(OrNull(Text(500))),
    sensitivity: oneOf(codesOf(SENSITIVITIES)),
    /** The record's key (e.g. citizen ID number, credit code); at most one item. */
    isKey: Type.Optional(Type.Boolean()),
    required: Type.Optional(Type.Boolean()),
    /** 取值范围: the values the item may take (a code list, e.g. 男/女); none means every value of its type. */
    allowedValues: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 500, uniqueItems: true }),
    ),
    /** 分类: a data category code of the profile. */
    category: Type.Optional(OrNull(Type.String({ maxLength: 32 }))),
    /** 安全级别 of the item; blank inherits the resource's (an item may be higher, never lower). */
    securityLevel: Type.Optional(OrNull(Type.String({ maxLength: 32 }))),
  },
  { additionalProperties: false },
);
/** An information item as written. */
export type ItemInput = Static<typeof ItemInput>;

/**
 * What a department writes about a resource: every element of the national compilation guide
 * plus the extension elements (legal basis, security level, usage requirements, contact).
 * The provider is the department; the code is assigned (or given) when the resource is created.
 */
export const ResourceInput = Type.Object(
  {
    classId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    abstract: Type.String({ minLength: 1, maxLength: 4000 }),
    keywords: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 20 })),
    formatType: oneOf(codesOf(FORMAT_TYPES)),
    formats: Type.Optional(Type.Array(oneOf(codesOf(FILE_FORMATS)), { maxItems: 12, uniqueItems: true })),
    items: Type.Array(ItemInput, { minItems: 1, maxItems: 500 }),
    shareType: AccessTypeSchema,
    shareCondition: Type.Optional(OrNull(Text(2000))),
    shareMethods: Type.Array(oneOf(codesOf(SHARE_METHODS)), { maxItems: 6, uniqueItems: true }),
    shareBasis: Type.Optional(OrNull(Text(2000))),
    openType: AccessTypeSchema,
    openCondition: Type.Optional(OrNull(Text(2000))),
    openMethods: Type.Optional(Type.Array(oneOf(codesOf(OPEN_METHODS)), { maxItems: 3, uniqueItems: true })),
    openBasis: Type.Optional(OrNull(Text(2000))),
    securityLevel: Type.String({ minLength: 1, maxLength: 32 }),
    /** 子级 of the security level, when the profile defines sub-levels for it. */
    securitySubLevel: Type.Optional(OrNull(Type.String({ maxLength: 32 }))),
    /** 分类: a data category code of the profile (个人信息, 法人信息, 公共管理 …). */
    category: Type.Optional(OrNull(Type.String({ maxLength: 32 }))),
    usageRequirements: Type.Optional(OrNull(Text(2000))),
    updateCycle: oneOf(codesOf(UPDATE_CYCLES)),
    updateCycleNote: Type.Optional(OrNull(Text(200))),
    relatedCodes: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 })),
    contactName: Type.Optional(OrNull(Text(50))),
    contactPhone: Type.Optional(OrNull(Type.String({ maxLength: 30, pattern: '^[0-9+()\\- ]*$' }))),
    contactEmail: Type.Optional(OrNull(Type.String({ maxLength: 100, format: 'email' }))),
    temporalStart: Type.Optional(OrNull(Day)),
    temporalEnd: Type.Optional(OrNull(Day)),
  },
  { additionalProperties: false },
);
/** A resource as a department writes it. */
export type ResourceInput = Static<typeof ResourceInput>;

/** Creating a resource: its metadata, and optionally its code (otherwise the next free one). */
export const CreateResourceBody = Type.Object(
  {
    ...ResourceInput.properties,
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** Only the authority may create for another department of its region. */
    departmentId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/** An information item as the API shows it. */
export const Item = Type.Object({
  name: Type.String(),
  fieldName: Type.String(),
  dataType: Type.String(),
  length: Nullable(Type.Integer()),
  scale: Nullable(Type.Integer()),
  description: Nullable(Type.String()),
  sensitivity: Type.String(),
  isKey: Type.Boolean(),
  required: Type.Boolean(),
  allowedValues: Type.Array(Type.String()),
  category: Nullable(Type.String()),
  /** The item's own level; null: the resource's. */
  securityLevel: Nullable(Type.String()),
});
/** An information item. */
export type Item = Static<typeof Item>;

/** A classification node with its path (类 / 项 / 目 / 细目). */
export const ClassRef = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: ClassKindSchema,
  /** Names from the top (类) down to this node. */
  path: Type.Array(Type.String()),
  baseDatabase: Nullable(Type.String()),
});
/** A classification reference. */
export type ClassRef = Static<typeof ClassRef>;

/** One revision of a resource: what it said at one point. */
export const Revision = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  state: Type.String(),
  class: ClassRef,
  name: Type.String(),
  abstract: Type.String(),
  keywords: Type.Array(Type.String()),
  formatType: Type.String(),
  formats: Type.Array(Type.String()),
  items: Type.Array(Item),
  shareType: Type.String(),
  shareCondition: Nullable(Type.String()),
  shareMethods: Type.Array(Type.String()),
  shareBasis: Nullable(Type.String()),
  openType: Type.String(),
  openCondition: Nullable(Type.String()),
  openMethods: Type.Array(Type.String()),
  openBasis: Nullable(Type.String()),
  securityLevel: Type.String(),
  securitySubLevel: Nullable(Type.String()),
  category: Nullable(Type.String()),
  usageRequirements: Nullable(Type.String()),
  updateCycle: Type.String(),
  updateCycleNote: Nullable(Type.String()),
  relatedCodes: Type.Array(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  contactEmail: Nullable(Type.String()),
  temporalStart: Nullable(Type.String()),
  temporalEnd: Nullable(Type.String()),
  updatedAt: Type.String({ format: 'date-time' }),
  updatedBy: Nullable(Type.String()),
});
/** A revision. */
export type Revision = Static<typeof Revision>;

/** The provider of a resource (信息资源提供方 and its code: the unified social credit code). */
export const Provider = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
});

/** A resource with its published revision and its draft, if it has one. */
export const Resource = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: oneOf(['draft', 'published', 'withdrawn']),
  provider: Provider,
  firstPublishedAt: Nullable(Type.String({ format: 'date-time' })),
  published: Nullable(Revision),
  draft: Nullable(Revision),
  /** What the draft changes in the published revision (when the caller sees both), else null. */
  draftChanges: Nullable(RevisionDiff),
  /** Whether a submitted change waits for review (the draft cannot be edited meanwhile). */
  underReview: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A resource. */
export type Resource = Static<typeof Resource>;

/** A row of the department's working list: each resource with its newest state. */
export const ResourceSummary = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  status: Type.String(),
  /** State of the newest revision: draft, submitted, returned, approved, published … */
  revisionState: Type.String(),
  providerId: Type.String(),
  providerName: Type.String(),
  classKind: Type.String(),
  className: Type.String(),
  shareType: Type.String(),
  openType: Type.String(),
  updateCycle: Type.String(),
  itemCount: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

/** Filters of the working list. */
export const ResourceQuery = Type.Object(
  {
    ...PageQuery.properties,
    departmentId: Type.Optional(Uuid),
    status: Type.Optional(oneOf(['draft', 'published', 'withdrawn'])),
    revisionState: Type.Optional(
      oneOf(['draft', 'submitted', 'returned', 'approved', 'published', 'superseded', 'discarded']),
    ),
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

/** `:id` in a path. */
export const IdParams = Type.Object({ id: Uuid });
