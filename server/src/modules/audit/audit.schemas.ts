import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

// A day (YYYY-MM-DD, a day in China Standard Time) or an instant (ISO 8601; no offset means +08:00).
const DateOrDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,6})?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
  maxLength: 40,
});

/** Filters of the audit trail, shared by the list and the CSV export. */
export const AuditFilterProperties = {
  /** An actor's id (exact) or part of their name. */
  actor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  departmentId: Type.Optional(Type.String({ format: 'uuid' })),
  /** Start of the action name, e.g. `auth.` or `org.department.create`. */
  action: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  targetType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  targetId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  outcome: Type.Optional(
    Type.Union([Type.Literal('success'), Type.Literal('denied'), Type.Literal('failure')]),
  ),
  /** From this day or instant, inclusive. */
  from: Type.Optional(DateOrDateTime),
  /** Up to this day (the whole day) or instant, inclusive. */
  to: Type.Optional(DateOrDateTime),
};

/** Query of `GET /audit-events`. */
export const AuditEventQuery = Type.Object(
  { ...PageQuery.properties, ...AuditFilterProperties },
  { additionalProperties: false },
);
/** Query of `GET /audit-events`. */
export type AuditEventQuery = Static<typeof AuditEventQuery>;

/** Query of `GET /audit-events/export.csv`. */
export const AuditExportQuery = Type.Object(AuditFilterProperties, { additionalProperties: false });
/** Query of the CSV export. */
export type AuditExportQuery = Static<typeof AuditExportQuery>;

/** One event of the audit trail as the API presents it. */
export const AuditEvent = Type.Object({
  id: Type.Integer(),
  /** Place in the hash chain; null until the sequencer has chained the event (a fraction of a second). */
  seq: Type.Union([Type.Integer(), Type.Null()]),
  occurredAt: Type.String({ format: 'date-time' }),
  actorType: Type.String(),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  departmentId: Nullable(Type.String()),
  departmentName: Nullable(Type.String()),
  action: Type.String(),
  outcome: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  purpose: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  detail: Type.Record(Type.String(), Type.Unknown()),
});
/** One audit event. */
export type AuditEvent = Static<typeof AuditEvent>;
