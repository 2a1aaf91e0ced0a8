import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import {
  Day,
  DepartmentRef,
  LevelFields,
  Nullable,
  ResourceRef,
  ShareCase,
} from '../../sharing/sharing-views.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Fields = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 500 });
const Method = Type.Union([Type.Literal('download'), Type.Literal('api')]);

/** An application for a conditionally open dataset (有条件开放申请, CQO §24). */
export const ApplicationBody = Type.Object(
  {
    resourceId: Type.String({ format: 'uuid' }),
    /** 用途: what the data is used for. */
    purpose: Text(1000),
    /** 应用场景: where and how. */
    scenario: Text(2000),
    /** 安全保障措施: how the data is kept safe. */
    securityMeasures: Text(2000),
    /** The items (field names) asked for, among the dataset's items that hold data. */
    fields: Fields,
    /** How the data is to be received, among the dataset's open methods. */
    methods: Type.Array(Method, { minItems: 1, maxItems: 2 }),
    /** Default: today. */
    validFrom: Type.Optional(Day),
    validUntil: Day,
  },
  { additionalProperties: false },
);

/** The provider's answer. */
export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('approve_in_part'), Type.Literal('refuse')]),
    /** approve_in_part: the items approved, a subset of those asked for. */
    fields: Type.Optional(Fields),
    /** approve_in_part: an earlier end. */
    validUntil: Type.Optional(Day),
    /** Required for approve_in_part and refuse. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** The states of an application. */
export const ApplicationState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('refused'),
  Type.Literal('withdrawn'),
]);

/** Paging of the applicant's own list. */
export const MyApplicationsQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    state: Type.Optional(ApplicationState),
  },
  { additionalProperties: false },
);

/** Filters and paging of the provider's and the authority's list. */
export const ApplicationListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    state: Type.Optional(ApplicationState),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    /** true: the provider's answer is late now; false: everything else. */
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The agreement an approval generated, in short. */
export const AgreementSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  /** The stored state (`awaiting_signatures`, `awaiting_review`, `active`, …). */
  state: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.String(),
});

/** An application in a list. */
export const OpenApplication = Type.Object({
  id: Type.String(),
  state: ApplicationState,
  /** The provider's answer once given. */
  decision: Nullable(
    Type.Union([Type.Literal('approve'), Type.Literal('approve_in_part'), Type.Literal('refuse')]),
  ),
  resource: ResourceRef,
  /** Null for the applicant (the public is not told the grades). */
  ...LevelFields,
  provider: DepartmentRef,
  applicant: Type.Object({
    id: Type.String(),
    name: Type.String(),
    personType: Nullable(Type.String()),
    /** The identity number masked (never in full). */
    identityMasked: Nullable(Type.String()),
  }),
  purpose: Type.String(),
  scenario: Type.String(),
  securityMeasures: Type.String(),
  fields: Type.Array(Type.String()),
  methods: Type.Array(Type.String()),
  validFrom: Type.String(),
  validUntil: Type.String(),
  /** Due date of the provider's answer while it waits (null: no deadline in the profile, or answered). */
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  workdaysLeft: Nullable(Type.Integer()),
  caseId: Type.String(),
  agreement: Nullable(AgreementSummary),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** One application with its decision, its case (due date, extension, steps) and the reply rule. */
export const OpenApplicationDetail = Type.Object({
  ...OpenApplication.properties,
  /** Field name → item name, in the catalog's order, for the items asked for. */
  items: Type.Array(Type.Object({ field: Type.String(), name: Type.String() })),
  decidedFields: Nullable(Type.Array(Type.String())),
  decidedUntil: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  /** The profile's reply deadline (`deadlines.conditionalOpenReply`); null where it sets none. */
  replyRule: Nullable(
    Type.Object({
      workdays: Type.Integer(),
      article: Nullable(Type.String()),
      extension: Nullable(Type.Object({ workdays: Type.Integer(), article: Nullable(Type.String()) })),
    }),
  ),
  case: Nullable(ShareCase),
});
