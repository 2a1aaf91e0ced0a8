import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { DepartmentRef, Nullable, ResourceRef, ShareCase } from '../../sharing/sharing-views.ts';

const Paging = { page: PageQuery.properties.page, pageSize: PageQuery.properties.pageSize };
const Statement = Type.String({ minLength: 1, maxLength: 2000 });

/** The part of an open-catalog entry a correction is about. */
export const CatalogTopic = Type.Union(
  [
    'name',
    'abstract',
    'items',
    'provider',
    'open_type',
    'open_condition',
    'formats',
    'update_cycle',
    'contact',
    'other',
  ].map((topic) => Type.Literal(topic)),
);

/** A request to correct an open-catalog entry (开放目录更正申请, CQ19 §32). */
export const CatalogCorrectionBody = Type.Object(
  {
    topic: CatalogTopic,
    /** What is wrong. */
    statement: Statement,
    /** What it should say. */
    proposal: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** A report of an error in open data (数据校核申请, CQO §22). */
export const DataErrorBody = Type.Object(
  {
    /** What is wrong. */
    statement: Statement,
    /** The items (field names) thought wrong, among the dataset's. */
    fields: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 })),
    /** Which records, where (e.g. a record's key, a date range). */
    location: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

/** An opinion on the open service (开放工作意见, CQ19 §37), optionally about one open dataset. */
export const OpinionBody = Type.Object(
  { resourceId: Type.Optional(Type.String({ maxLength: 100 })), statement: Statement },
  { additionalProperties: false },
);

/** The answer: accept or reject, with the text the requester reads. */
export const AnswerBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
    answer: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

/** The kinds of request. */
export const RequestKind = Type.Union([
  Type.Literal('catalog_correction'),
  Type.Literal('data_error'),
  Type.Literal('opinion'),
]);

/** Where a request stands. */
export const RequestState = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
]);

/** Filters and paging of the requester's own list. */
export const OwnRequestsQuery = Type.Object(
  { ...Paging, kind: Type.Optional(RequestKind), state: Type.Optional(RequestState) },
  { additionalProperties: false },
);

/** Filters and paging of the handlers' list. */
export const HandledRequestsQuery = Type.Object(
  {
    ...Paging,
    kind: Type.Optional(RequestKind),
    state: Type.Optional(RequestState),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    /** true: the answer is late now; false: everything else. */
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A request in a list. Its texts are plain text: escape them. */
export const ParticipationRequest = Type.Object({
  id: Type.String(),
  kind: RequestKind,
  state: RequestState,
  /** The dataset it is about (opinions may name none). */
  resource: Nullable(ResourceRef),
  /** The side that answers: the provider department, or the data authority for opinions. */
  responsible: DepartmentRef,
  /** Who asked (handlers only; null in the requester's own list). */
  requester: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  topic: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  location: Nullable(Type.String()),
  statement: Type.String(),
  proposal: Nullable(Type.String()),
  answer: Nullable(
    Type.Object({
      decision: Type.Union([Type.Literal('accept'), Type.Literal('reject')]),
      text: Type.String(),
      answeredAt: Type.String(),
      /** Who answered (handlers only). */
      answeredByName: Nullable(Type.String()),
    }),
  ),
  /** Due date of the answer while it waits (null: answered, or no deadline in the profile). */
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  workdaysLeft: Nullable(Type.Integer()),
  /** The case, for the generic extension routes (/cases/:id/extension). */
  caseId: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** One request with its case and the profile's reply rule. */
export const ParticipationRequestDetail = Type.Object({
  ...ParticipationRequest.properties,
  replyRule: Nullable(
    Type.Object({
      workdays: Type.Integer(),
      article: Nullable(Type.String()),
      extension: Nullable(Type.Object({ workdays: Type.Integer(), article: Nullable(Type.String()) })),
    }),
  ),
  case: Nullable(ShareCase),
});
