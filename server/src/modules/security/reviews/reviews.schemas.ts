import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const State = Type.Enum(['pending', 'passed', 'not_passed', 'superseded']);

/** The reviewed attributes (共享/开放属性 and the grading they depend on). */
export const ReviewAttributes = Type.Object({
  shareType: Type.String(),
  shareCondition: Nullable(Type.String()),
  shareMethods: Type.Array(Type.String()),
  shareBasis: Nullable(Type.String()),
  openType: Type.String(),
  openCondition: Nullable(Type.String()),
  openMethods: Type.Array(Type.String()),
  openBasis: Nullable(Type.String()),
  category: Nullable(Type.String()),
  securityLevel: Type.String(),
  securitySubLevel: Nullable(Type.String()),
  effectiveLevel: Type.String(),
  items: Type.Array(
    Type.Object({
      fieldName: Type.String(),
      name: Type.String(),
      category: Nullable(Type.String()),
      securityLevel: Type.String(),
      sensitivity: Type.String(),
    }),
  ),
});

/** A secrecy review as the queue shows it. */
export const Review = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  revisionNumber: Type.Integer(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  state: State,
  caseId: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  attributes: ReviewAttributes,
  /** Reviewed fields changed since the last passed review (empty for a first review). */
  changed: Type.Array(Type.String()),
  reasons: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A secrecy review. */
export type Review = Static<typeof Review>;

/** One review with the resource's review history and whether the caller may decide it. */
export const ReviewDetail = Type.Object({
  ...Review.properties,
  canDecide: Type.Boolean(),
  history: Type.Array(Review),
});

/** Filters of the review queue. */
export const ReviewQuery = Type.Object(
  {
    ...PageQuery.properties,
    state: Type.Optional(State),
    departmentId: Type.Optional(Uuid),
    resourceId: Type.Optional(Uuid),
    overdue: Type.Optional(Type.Boolean()),
    /** Due on or before this day. */
    dueBy: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);
/** Filters of the review queue. */
export type ReviewQuery = Static<typeof ReviewQuery>;

/** The reviewer's decision. */
export const DecisionBody = Type.Object(
  {
    outcome: Type.Enum(['passed', 'not_passed']),
    /** Required when not passed: what must change before the attributes may take effect. */
    reasons: Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** `:id` in a path. */
export const ReviewParams = Type.Object({ id: Uuid });
