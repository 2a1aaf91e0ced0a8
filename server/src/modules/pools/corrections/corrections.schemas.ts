import { Type, type TSchema } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Scalar = Type.Union([Type.String({ maxLength: 4000 }), Type.Number(), Type.Boolean()]);
const Field = Type.String({ minLength: 1, maxLength: 64 });

/** `:id` of a correction request (the id of its case). */
export const CorrectionParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** A report of a suspected error on one record. */
export const ReportBody = Type.Object(
  {
    /** The record's key: every key item of the resource, e.g. `{ "sfzh": "…" }`. */
    key: Type.Record(Type.String(), Scalar, { minProperties: 1, maxProperties: 16 }),
    items: Type.Array(
      Type.Object(
        {
          field: Field,
          /** The value believed right; leave out when unknown, null for "should be empty". */
          proposed: Type.Optional(Nullable(Scalar)),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    /** Why the value is thought wrong, and the evidence. */
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);

/** The provider accepts: corrected values by field (default: the proposed ones). */
export const AcceptBody = Type.Object(
  {
    values: Type.Optional(Type.Record(Type.String(), Nullable(Scalar), { maxProperties: 50 })),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    /** The case version read; a stale one gives 409. */
    caseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** The provider rejects, saying why. */
export const RejectBody = Type.Object(
  {
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    caseVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

/** Filters of the lists. */
export const CorrectionListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    state: Type.Optional(Type.Enum(['pending', 'accepted', 'rejected'])),
    overdue: Type.Optional(Type.Boolean()),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

/** Filters of a table's correction history. */
export const HistoryQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    /** One record's key as JSON, e.g. `{"sfzh":"…"}`. */
    key: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

/** A correction request as the API shows it (current values and internal notes to the provider only). */
export const Correction = Type.Object({
  id: Type.String(),
  resource: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  key: Type.Record(Type.String(), Nullable(Type.String())),
  items: Type.Array(
    Type.Object({
      field: Type.String(),
      name: Type.String(),
      current: Nullable(Type.String()),
      proposed: Nullable(Type.String()),
    }),
  ),
  reason: Type.String(),
  state: Type.Enum(['pending', 'accepted', 'rejected']),
  reporter: Type.Object({
    type: Type.String(),
    name: Type.String(),
    role: Type.String(),
    departmentId: Nullable(Type.String()),
    departmentName: Nullable(Type.String()),
  }),
  receivedOn: Type.String(),
  dueOn: Nullable(Type.String()),
  originalDueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  overdueSince: Nullable(Type.String()),
  /** Working days from today to the due date (0: due today; negative: overdue); null once decided. */
  workdaysLeft: Nullable(Type.Integer()),
  extensionWorkdays: Type.Integer(),
  extension: Nullable(
    Type.Object({ state: Type.String(), workdays: Type.Integer(), reason: Nullable(Type.String()) }),
  ),
  decision: Nullable(
    Type.Object({
      reason: Nullable(Type.String()),
      decidedByName: Nullable(Type.String()),
      decidedAt: Type.String(),
      appliedVersion: Nullable(Type.Integer()),
    }),
  ),
  reportedVersion: Type.Integer(),
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  caseVersion: Type.Integer(),
  side: Type.Enum(['reporter', 'provider']),
});

/** A value an accepted request changed. */
export const CorrectionChange = Type.Object({
  correctionId: Type.String(),
  keyValues: Type.Array(Type.String()),
  field: Type.String(),
  oldValue: Nullable(Type.String()),
  newValue: Nullable(Type.String()),
  version: Type.Integer(),
  actorName: Nullable(Type.String()),
  changedAt: Type.String(),
});

/** A request with its case's steps and its changes. */
export const CorrectionDetail = Type.Object({
  ...Correction.properties,
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      actorName: Nullable(Type.String()),
      occurredAt: Type.String(),
    }),
  ),
  changes: Type.Array(CorrectionChange),
});
