import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { Grant } from '../grants/grants.schemas.ts';
import { RowConditions } from '../grants/row-filter.ts';
import {
  CaseStep,
  Day,
  DepartmentRef,
  LevelFields,
  MaskingMap,
  Nullable,
  ResourceRef,
  RowConditionsOut,
  ShareCase,
} from '../sharing-views.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Fields = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 });

/** A request for a shared resource (共享申请) for one of the department's applications. */
export const RequestBody = Type.Object(
  {
    resourceId: Type.String({ format: 'uuid' }),
    /** The applicant's system that will call (the name its API keys carry). */
    application: Text(100),
    purpose: Text(500),
    /** Required for a resource shared on conditions. */
    legalBasis: Type.Optional(Type.String({ maxLength: 2000 })),
    fields: Fields,
    /** Rows asked for: conditions that must all hold (empty: every row). */
    rowScope: Type.Optional(RowConditions),
    /** Default: today. */
    validFrom: Type.Optional(Day),
    validUntil: Day,
  },
  { additionalProperties: false },
);

/** The provider's answer to a conditional request. */
export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('approve_in_part'), Type.Literal('refuse')]),
    /** approve_in_part: the items approved, a subset of those asked for. */
    fields: Type.Optional(Fields),
    /** approve_in_part: narrower rows — every condition asked for, and more. */
    rowScope: Type.Optional(RowConditions),
    /** approve_in_part: an earlier end. */
    validUntil: Type.Optional(Day),
    /** Masking per item for the grant, over the provider's own rules. */
    masking: Type.Optional(MaskingMap),
    /** Required for refuse and approve_in_part. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** The authority opens access (SC §25), optionally setting masking per item over the provider's. */
export const OpenBody = Type.Object({ masking: Type.Optional(MaskingMap) }, { additionalProperties: false });

/** The states of a request. */
export const RequestState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('awaiting_authority'),
  Type.Literal('granted'),
  Type.Literal('refused'),
  Type.Literal('withdrawn'),
]);

/** Filters and paging of the request lists. */
export const RequestListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    /** Default: `authority` for the authority, auditors and the administrator, else `applicant`. */
    side: Type.Optional(
      Type.Union([Type.Literal('applicant'), Type.Literal('provider'), Type.Literal('authority')]),
    ),
    state: Type.Optional(RequestState),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    kind: Type.Optional(Type.Union([Type.Literal('unconditional'), Type.Literal('conditional')])),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A request in a list. */
export const ShareRequest = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('unconditional'), Type.Literal('conditional')]),
  state: RequestState,
  resource: ResourceRef,
  ...LevelFields,
  provider: DepartmentRef,
  applicant: DepartmentRef,
  applicantUserName: Nullable(Type.String()),
  application: Type.String(),
  purpose: Type.String(),
  legalBasis: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  rowScope: RowConditionsOut,
  validFrom: Type.String(),
  validUntil: Type.String(),
  decision: Nullable(
    Type.Union([Type.Literal('approve'), Type.Literal('approve_in_part'), Type.Literal('refuse')]),
  ),
  /** Due date of the provider's answer while it waits (null: no deadline in the profile, or nothing waits). */
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  workdaysLeft: Nullable(Type.Integer()),
  caseId: Nullable(Type.String()),
  grantId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** One request with its decision, its case's steps (and the steps after it), and its grant. */
export const ShareRequestDetail = Type.Object({
  ...ShareRequest.properties,
  decidedFields: Nullable(Type.Array(Type.String())),
  decidedRowScope: Nullable(RowConditionsOut),
  decidedUntil: Nullable(Type.String()),
  decidedMasking: Nullable(MaskingMap),
  decisionReason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  openedByName: Nullable(Type.String()),
  openedAt: Nullable(Type.String()),
  withdrawnByName: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  /** Whether the authority must open access after an approval (profile `conditionalShareAuthorityGrant`). */
  authorityOpens: Type.Boolean(),
  case: Nullable(ShareCase),
  /** Every step: the case's, then those after it (the authority's opening, a later withdrawal). */
  history: Type.Array(CaseStep),
  grant: Nullable(Grant),
});
