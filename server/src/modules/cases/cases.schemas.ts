import { Type, type Static, type TSchema } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Filters and paging of the case list. */
export const CaseListQuery = Type.Object(
  {
    ...PageQuery.properties,
    type: Type.Optional(Type.String({ maxLength: 80 })),
    state: Type.Optional(Type.String({ maxLength: 80 })),
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    overdue: Type.Optional(Type.Boolean()),
    open: Type.Optional(Type.Boolean()),
    dueBefore: Type.Optional(DateString),
  },
  { additionalProperties: false },
);

/** `:id` of a case route. */
export const CaseParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** A request for more time. */
export const ExtensionRequestBody = Type.Object(
  {
    workdays: Type.Integer({ minimum: 1, maximum: 250 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

/** The head's decision on an extension request; `workdays` may grant less (or differently) than asked. */
export const ExtensionDecisionBody = Type.Object(
  {
    approve: Type.Boolean(),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    workdays: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
  },
  { additionalProperties: false },
);

const Extension = Type.Object({
  state: Type.Union([Type.Literal('requested'), Type.Literal('approved'), Type.Literal('refused')]),
  workdays: Type.Integer(),
  reason: Nullable(Type.String()),
  requestedBy: Nullable(Type.String()),
  requestedAt: Nullable(Type.String({ format: 'date-time' })),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionReason: Nullable(Type.String()),
});

/** A case as the API shows it. */
export const Case = Type.Object({
  id: Type.String(),
  type: Type.String(),
  state: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionId: Type.String(),
  subject: Type.String(),
  rule: Nullable(Type.String()),
  receivedOn: DateString,
  dueOn: Nullable(DateString),
  originalDueOn: Nullable(DateString),
  extensionWorkdays: Type.Integer(),
  extension: Nullable(Extension),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  overdue: Type.Boolean(),
  overdueSince: Nullable(DateString),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  version: Type.Integer(),
});
/** A case as the API shows it. */
export type Case = Static<typeof Case>;

/** A step of a case's history. */
export const CaseTransition = Type.Object({
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  actorType: Type.String(),
  actorName: Nullable(Type.String()),
  occurredAt: Type.String({ format: 'date-time' }),
  detail: Type.Record(Type.String(), Type.Unknown()),
});

/** A case with its history. */
export const CaseDetail = Type.Object({ ...Case.properties, history: Type.Array(CaseTransition) });
