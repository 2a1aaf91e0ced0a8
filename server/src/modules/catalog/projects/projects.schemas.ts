import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { codesOf, DATA_TYPES, UPDATE_CYCLES } from '../catalog.vocabulary.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
// Fields of a planned row may stay empty while the department drafts it; approval checks them.
const Draft = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Optional(Nullable(schema));
const Access = Type.Enum(['unconditional', 'conditional', 'none']);
const ProjectKind = Type.Enum(['construction', 'operations']);
const ProjectState = Type.Enum(['registered', 'approved', 'rejected', 'accepted']);
const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });

/** One resource of the pre-compiled catalog (预编目录清单) as the department writes it. */
export const PlannedResourceInput = Type.Object(
  {
    /** The catalog resource of the owner department that fulfils this promise (set once it exists). */
    resourceId: Draft(Uuid),
    name: Draft(Type.String({ maxLength: 200 })),
    /** Code of a classification node at least at the 项 level, e.g. `201`. */
    classCode: Draft(Type.String({ pattern: '^[1-3][0-9]{0,11}$' })),
    items: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Draft(Type.String({ maxLength: 100 })),
            dataType: Draft(Type.Enum(codesOf(DATA_TYPES))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 500 },
      ),
    ),
    shareType: Draft(Access),
    shareBasis: Draft(Type.String({ maxLength: 2000 })),
    openType: Draft(Access),
    openBasis: Draft(Type.String({ maxLength: 2000 })),
    updateCycle: Draft(Type.Enum(codesOf(UPDATE_CYCLES))),
    note: Draft(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
/** A planned resource as written. */
export type PlannedResourceInput = Static<typeof PlannedResourceInput>;

const PlannedList = Type.Array(PlannedResourceInput, { maxItems: 500 });

/** What a department registers: the project and, optionally, its pre-compiled catalog already. */
export const RegisterBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    /** 项目编号, e.g. the code of the investment project approval platform. Unique. */
    code: Type.String({ minLength: 1, maxLength: 64 }),
    kind: ProjectKind,
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    /** Budget in yuan (元). */
    budget: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 99_999_999_999_999 }))),
    plannedResources: Type.Optional(PlannedList),
  },
  { additionalProperties: false },
);
/** A project as registered. */
export type RegisterBody = Static<typeof RegisterBody>;

/** The whole pre-compiled catalog, replacing the one before. */
export const CatalogBody = Type.Object({ plannedResources: PlannedList }, { additionalProperties: false });

/** A rejection: the reason is required. */
export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);

/** Acceptance; `override` is the authority's reason to accept although promises are not met. */
export const AcceptBody = Type.Object(
  { override: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })) },
  { additionalProperties: false },
);

/** Filters of the project list. */
export const ProjectQuery = Type.Object(
  {
    ...PageQuery.properties,
    state: Type.Optional(ProjectState),
    kind: Type.Optional(ProjectKind),
    departmentId: Type.Optional(Uuid),
    /** Words of the project's name or code. */
    q: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
/** Parsed filters of the project list. */
export type ProjectQuery = Static<typeof ProjectQuery>;

/** A stored planned resource: every field present, null where not filled in. */
export const PlannedResource = Type.Object({
  resourceId: Nullable(Type.String()),
  name: Nullable(Type.String()),
  classCode: Nullable(Type.String()),
  items: Type.Array(Type.Object({ name: Nullable(Type.String()), dataType: Nullable(Type.String()) })),
  shareType: Nullable(Access),
  shareBasis: Nullable(Type.String()),
  openType: Nullable(Access),
  openBasis: Nullable(Type.String()),
  updateCycle: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

/** A project in the list (项目清单). */
export const Project = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  kind: ProjectKind,
  state: ProjectState,
  department: DepartmentRef,
  budget: Nullable(Type.Number()),
  plannedCount: Type.Integer(),
  /** How many gaps approval would name in the catalog (`catalogProblems` of the detail), so the list can show them. */
  catalogProblemCount: Type.Integer(),
  createdAt: Type.String(),
  approvedAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
});
/** A project in the list. */
export type Project = Static<typeof Project>;

const Decision = Type.Object({ at: Type.String(), byName: Type.String() });

/** A project with its pre-compiled catalog, what approval still misses, and the decisions taken. */
export const ProjectDetail = Type.Object({
  ...Project.properties,
  description: Nullable(Type.String()),
  registeredByName: Type.String(),
  updatedAt: Type.String(),
  plannedResources: Type.Array(PlannedResource),
  /** The profile's rule: whether approval needs the catalog, and the article. */
  catalogRule: Type.Object({ required: Type.Boolean(), article: Nullable(Type.String()) }),
  /** What the catalog still lacks for approval (empty when complete). */
  catalogProblems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
  approval: Nullable(Decision),
  rejection: Nullable(Type.Object({ ...Decision.properties, reason: Type.String() })),
  acceptance: Nullable(Type.Object({ ...Decision.properties, override: Nullable(Type.String()) })),
});

const ResourceStatus = Type.Enum(['missing', 'not_published', 'not_connected', 'connected']);

/** The acceptance report: for each promised resource, whether it exists, is published and connected. */
export const AcceptanceReport = Type.Object({
  projectId: Type.String(),
  generatedAt: Type.String(),
  /** Whether the profile makes the catalog a condition of acceptance, and the article. */
  catalogRule: Type.Object({ required: Type.Boolean(), article: Nullable(Type.String()) }),
  /** What "connected" means today, in the caller's language. */
  criterion: Type.String(),
  verdict: Type.Enum(['passed', 'failed']),
  summary: Type.Object({
    promised: Type.Integer(),
    connected: Type.Integer(),
    not_connected: Type.Integer(),
    not_published: Type.Integer(),
    missing: Type.Integer(),
  }),
  resources: Type.Array(
    Type.Object({
      index: Type.Integer(),
      name: Nullable(Type.String()),
      classCode: Nullable(Type.String()),
      status: ResourceStatus,
      /** How the catalog resource was found: the department's link, or the same published name. */
      matchedBy: Nullable(Type.Enum(['link', 'name'])),
      resource: Nullable(
        Type.Object({
          id: Type.String(),
          code: Type.String(),
          name: Nullable(Type.String()),
          published: Type.Boolean(),
          dataUpdatedAt: Nullable(Type.String()),
        }),
      ),
      /** Published resources of the department with a similar name, when nothing matched. */
      suggestions: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
    }),
  ),
  /** Set once accepted: the report is then the one taken at acceptance, with any override. */
  acceptance: Nullable(Type.Object({ ...Decision.properties, override: Nullable(Type.String()) })),
});
