import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';

const Uuid = Type.String({ format: 'uuid' });
const Day = Type.String({ format: 'date' });
const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Whose view of usage: the provider's resources, the consumer's grants, or the authority's region. */
export const UsageSide = Type.Enum(['provider', 'consumer', 'authority']);

/** Filters of the usage report. */
export const UsageQuery = Type.Object(
  {
    side: Type.Optional(UsageSide),
    grantId: Type.Optional(Uuid),
    resourceId: Type.Optional(Uuid),
    /** First day, China time (default: 29 days before `to`, or `to` itself for hours). */
    from: Type.Optional(Day),
    /** Last day, China time, included (default: today). */
    to: Type.Optional(Day),
    granularity: Type.Optional(Type.Enum(['day', 'hour'])),
  },
  { additionalProperties: false },
);
/** Parsed usage filters. */
export type UsageQuery = Static<typeof UsageQuery>;

const Counts = {
  calls: Type.Integer(),
  denied: Type.Integer(),
  failed: Type.Integer(),
  records: Type.Integer(),
  offHours: Type.Integer(),
};

/** The usage report: a series of days or hours, the top calling applications and (for a grant) its keys. */
export const UsageReport = Type.Object({
  side: UsageSide,
  granularity: Type.Enum(['day', 'hour']),
  from: Type.String(),
  to: Type.String(),
  series: Type.Array(
    Type.Object({
      /** `YYYY-MM-DD`, or the hour as `YYYY-MM-DDTHH:00+08:00`. */
      period: Type.String(),
      ...Counts,
      byWay: Type.Object({
        lookup: Type.Integer(),
        query: Type.Integer(),
        export: Type.Integer(),
        changes: Type.Integer(),
        live: Type.Integer(),
      }),
    }),
  ),
  totals: Type.Object(Counts),
  topApplications: Type.Array(
    Type.Object({
      department: Ref,
      application: Type.String(),
      grantId: Nullable(Type.String()),
      /** The grant's purpose (what the data is used for); null for calls refused without a grant. */
      purpose: Nullable(Type.String()),
      resource: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
      calls: Type.Integer(),
      denied: Type.Integer(),
      records: Type.Integer(),
    }),
  ),
  keys: Type.Array(
    Type.Object({
      keyPrefix: Nullable(Type.String()),
      application: Type.String(),
      firstSeen: Type.String(),
      lastSeen: Type.String(),
      calls: Type.Integer(),
    }),
  ),
});

/** Whose alerts: those on the caller's department's resources, or those of the authority's region. */
export const AlertSide = Type.Enum(['provider', 'authority']);

/** Filters of the alert list. */
export const AlertQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    side: Type.Optional(AlertSide),
    state: Type.Optional(Type.Enum(['open', 'acknowledged'])),
    kind: Type.Optional(Type.Enum(['bulk_lookup', 'usage_spike', 'off_hours', 'new_key', 'denied_calls'])),
    grantId: Type.Optional(Uuid),
  }),
]);
/** Parsed alert filters. */
export type AlertQuery = Static<typeof AlertQuery>;

/** An alert as the API shows it. */
export const Alert = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.Enum(['open', 'acknowledged']),
  period: Type.String(),
  grantId: Nullable(Type.String()),
  resource: Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  provider: Nullable(Ref),
  consumer: Ref,
  application: Type.String(),
  evidence: Type.Record(Type.String(), Type.Unknown()),
  raisedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedByName: Nullable(Type.String()),
  acknowledgementNote: Nullable(Type.String()),
});

/** `:id` of an alert. */
export const AlertParams = Type.Object({ id: Uuid });

/** Acknowledging an alert: what was found or done (required). */
export const AcknowledgeBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
