import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Note = Type.Optional(Type.String({ maxLength: 2000 }));

/** What a department files: data it needs from others (需求清单, CQ19 §12). */
export const DemandBody = Type.Object(
  {
    title: Text(200),
    description: Text(4000),
    /** The information items wanted, as free text (the requester may not know the catalog's names). */
    wantedItems: Type.Optional(Type.String({ maxLength: 4000 })),
    purpose: Text(2000),
    /** The duty or legal basis for needing the data. */
    basis: Text(2000),
    /** The department the requester thinks holds the data. */
    suggestedProviderId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);
/** A department's demand as filed. */
export type DemandBody = Static<typeof DemandBody>;

/** What a member of the public suggests opening (CQO §14). */
export const SuggestionBody = Type.Object(
  {
    title: Text(200),
    description: Text(4000),
    /** What the data would be used for: the scenario. */
    purpose: Text(2000),
  },
  { additionalProperties: false },
);
/** A public suggestion as filed. */
export type SuggestionBody = Static<typeof SuggestionBody>;

/** The authority matches a demand to published resources. */
export const MatchBody = Type.Object(
  {
    resourceIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
    note: Note,
  },
  { additionalProperties: false },
);

/** The authority routes a demand to the department that should provide the data. */
export const RouteBody = Type.Object({ departmentId: Uuid, note: Note }, { additionalProperties: false });

/** A rejection or a decline: the reason is required. */
export const ReasonBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });

/** The provider accepts: it will catalog the data, and may name the resource already. */
export const AcceptBody = Type.Object(
  { note: Note, resourceId: Type.Optional(Uuid) },
  { additionalProperties: false },
);

/** The provider links the resource it added for an accepted demand. */
export const LinkBody = Type.Object({ resourceId: Uuid, note: Note }, { additionalProperties: false });

/** Filters of the demand list. */
export const DemandQuery = Type.Object(
  {
    ...PageQuery.properties,
    state: Type.Optional(Type.Enum(['open', 'matched', 'routed', 'rejected', 'accepted', 'declined'])),
    kind: Type.Optional(Type.Enum(['department', 'public'])),
    /** The requesting department. */
    departmentId: Type.Optional(Uuid),
    /** Only what the caller's department must answer now. */
    inbox: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** Parsed filters of the demand list. */
export type DemandQuery = Static<typeof DemandQuery>;

const DemandState = Type.Enum(['open', 'matched', 'routed', 'rejected', 'accepted', 'declined']);
const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });

/** A resource named in an answer or found as a candidate. */
export const DemandResource = Type.Object({
  id: Type.String(),
  code: Type.String(),
  /** Null when the resource is no longer (or not yet) in the published catalog. */
  name: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  published: Type.Boolean(),
  shareType: Nullable(Type.String()),
  openType: Nullable(Type.String()),
});

/** One answer: the authority's match / route / reject, the provider's accept / decline / link. */
export const DemandAnswer = Type.Object({
  step: Type.Enum(['match', 'route', 'reject', 'accept', 'decline', 'link']),
  department: DepartmentRef,
  /** The official who answered; null in the public's view. */
  answeredByName: Nullable(Type.String()),
  answeredAt: Type.String(),
  reason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** A route's target. */
  provider: Nullable(DepartmentRef),
  resources: Type.Array(DemandResource),
});

/** A demand in a list. */
export const Demand = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['department', 'public']),
  title: Type.String(),
  purpose: Type.String(),
  state: DemandState,
  /** The requesting department; null for a public suggestion. */
  requesterDepartment: Nullable(DepartmentRef),
  /** The requester's name; for a public suggestion only the answering authority sees it. */
  requesterName: Nullable(Type.String()),
  authority: DepartmentRef,
  provider: Nullable(DepartmentRef),
  /** Due date and overdue flag of the case that waits now (the provider's once routed). */
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
/** A demand in a list. */
export type Demand = Static<typeof Demand>;

const DemandCase = Type.Object({
  id: Type.String(),
  type: Type.String(),
  state: Type.String(),
  department: DepartmentRef,
  receivedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  overdueSince: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  extensionState: Nullable(Type.String()),
});

/** A demand with its candidates, answers, cases and their history. */
export const DemandDetail = Type.Object({
  ...Demand.properties,
  description: Type.String(),
  wantedItems: Nullable(Type.String()),
  basis: Nullable(Type.String()),
  suggestedProvider: Nullable(DepartmentRef),
  /** Where a matched requester finds the resources: the share catalog, or the open catalog. */
  catalog: Type.Enum(['share', 'open']),
  candidates: Type.Array(
    Type.Object({ ...DemandResource.properties, rank: Type.Integer(), score: Type.Number() }),
  ),
  answers: Type.Array(DemandAnswer),
  /** The profile's deadline for answering (null where the profile sets none). */
  deadline: Nullable(
    Type.Object({ workdays: Type.Integer(), article: Type.String(), setByDeployment: Type.Boolean() }),
  ),
  cases: Type.Array(DemandCase),
  history: Type.Array(
    Type.Object({
      caseType: Type.String(),
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      actorName: Nullable(Type.String()),
      occurredAt: Type.String(),
      detail: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

/** A public suggestion as its author sees it: the answers, without officials' names or internals. */
export const Suggestion = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  purpose: Type.String(),
  state: DemandState,
  authority: DepartmentRef,
  provider: Nullable(DepartmentRef),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  answers: Type.Array(DemandAnswer),
});
