import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { CaseStep, DepartmentRef, LevelFields, Nullable, ResourceRef, ShareCase } from '../sharing-views.ts';

/** How the authority settled a dispute. */
export const Resolution = Type.Union([
  Type.Literal('shared'),
  Type.Literal('not_shared'),
  Type.Literal('other'),
]);

/** The states of a dispute. */
export const DisputeState = Type.Union([
  Type.Literal('open'),
  Type.Literal('resolved'),
  Type.Literal('withdrawn'),
]);

/** A dispute (异议): about a resource that is not shared, or about the answer to a request. */
export const DisputeBody = Type.Object(
  {
    resourceId: Type.String({ format: 'uuid' }),
    /** The request whose refusal (or partial approval) is disputed. */
    requestId: Type.Optional(Type.String({ format: 'uuid' })),
    reason: Type.String({ minLength: 1, maxLength: 4000 }),
  },
  { additionalProperties: false },
);

/** The authority records how the dispute was settled. */
export const ResolveBody = Type.Object(
  { resolution: Resolution, outcome: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);

/** Filters and paging of the dispute lists. */
export const DisputeListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    /** Default: `authority` for the authority, auditors and the administrator, else `applicant`. */
    side: Type.Optional(
      Type.Union([Type.Literal('applicant'), Type.Literal('provider'), Type.Literal('authority')]),
    ),
    state: Type.Optional(DisputeState),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

/** A dispute in a list. */
export const ShareDispute = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  state: DisputeState,
  resource: ResourceRef,
  ...LevelFields,
  provider: DepartmentRef,
  applicant: DepartmentRef,
  /** The data authority that coordinates (CQ19 §27). */
  coordinator: Nullable(DepartmentRef),
  requestId: Nullable(Type.String()),
  raisedByName: Nullable(Type.String()),
  reason: Type.String(),
  resolution: Nullable(Resolution),
  outcome: Nullable(Type.String()),
  resolvedByName: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  workdaysLeft: Nullable(Type.Integer()),
  createdAt: Type.String(),
});

/** One dispute with its case's steps. */
export const ShareDisputeDetail = Type.Object({
  ...ShareDispute.properties,
  case: Nullable(ShareCase),
  history: Type.Array(CaseStep),
});
