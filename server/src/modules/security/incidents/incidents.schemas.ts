import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { DepartmentRefOut, Instant, ResourceIds, ResourceRefOut, Text, Uuid } from '../security.schemas.ts';

const State = Type.Enum(['open', 'contained', 'closed']);
const Severity = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
const Estimate = Type.Union([Type.Integer({ minimum: 0, maximum: 1e15 }), Type.Null()]);

/** Registering an incident; `departmentId` defaults to the caller's department. */
export const CreateIncidentBody = Type.Object(
  {
    departmentId: Type.Optional(Uuid),
    title: Text(200),
    severity: Severity,
    occurredAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    detectedAt: Instant,
    scope: Text(4000),
    recordEstimate: Type.Optional(Estimate),
    resourceIds: Type.Optional(ResourceIds),
  },
  { additionalProperties: false },
);
/** An incident as registered. */
export type CreateIncidentBody = Static<typeof CreateIncidentBody>;

/** Correcting what was registered (not the department); omitted fields stay. */
export const UpdateIncidentBody = Type.Object(
  {
    title: Type.Optional(Text(200)),
    severity: Type.Optional(Severity),
    occurredAt: Type.Optional(Type.Union([Instant, Type.Null()])),
    detectedAt: Type.Optional(Instant),
    scope: Type.Optional(Text(4000)),
    recordEstimate: Type.Optional(Estimate),
    resourceIds: Type.Optional(ResourceIds),
  },
  { additionalProperties: false },
);
/** A correction of an incident. */
export type UpdateIncidentBody = Static<typeof UpdateIncidentBody>;

/** An action taken (timeline entry). */
export const ActionBody = Type.Object(
  { takenAt: Instant, description: Text(4000) },
  { additionalProperties: false },
);
/** Containment: when, and how. */
export const ContainBody = Type.Object(
  { containedAt: Instant, description: Text(4000) },
  { additionalProperties: false },
);
/** Closing: when, and the summary. */
export const CloseBody = Type.Object(
  { closedAt: Instant, summary: Text(4000) },
  { additionalProperties: false },
);
/** The report to the competent authorities (按照规定向有关主管部门报告). */
export const ReportBody = Type.Object(
  { reportedAt: Instant, reportedTo: Text(200), reference: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
/** A report. */
export type ReportBody = Static<typeof ReportBody>;

/** Filters of the incident list. */
export const IncidentQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    state: Type.Optional(State),
    severity: Type.Optional(Severity),
    departmentId: Type.Optional(Uuid),
    /** Only incidents whose report is due and missing. */
    reportOverdue: Type.Optional(Type.Boolean()),
  }),
]);
/** Parsed filters. */
export type IncidentQuery = Static<typeof IncidentQuery>;

/** An incident in the list. */
export const Incident = Type.Object({
  id: Type.String(),
  department: DepartmentRefOut,
  title: Type.String(),
  severity: Type.String(),
  occurredAt: Type.Union([Type.String(), Type.Null()]),
  detectedAt: Type.String(),
  scope: Type.String(),
  recordEstimate: Type.Union([Type.Integer(), Type.Null()]),
  state: State,
  containedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  closureSummary: Type.Union([Type.String(), Type.Null()]),
  report: Type.Union([
    Type.Object({
      reportedAt: Type.String(),
      reportedTo: Type.String(),
      reference: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  /** When the profile wants the report by (null: no duty for this severity). */
  reportDueAt: Type.Union([Type.String(), Type.Null()]),
  /** Not reported and past `reportDueAt`. */
  reportOverdue: Type.Boolean(),
  /** Reported, but after `reportDueAt`. */
  reportedLate: Type.Boolean(),
  createdByName: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** An incident with the resources affected and its timeline. */
export const IncidentDetail = Type.Intersect([
  Incident,
  Type.Object({
    resources: Type.Array(ResourceRefOut),
    timeline: Type.Array(
      Type.Object({
        id: Type.Integer(),
        kind: Type.Enum(['action', 'contained', 'closed', 'reported']),
        takenAt: Type.String(),
        description: Type.String(),
        actorName: Type.String(),
      }),
    ),
  }),
]);

/** Incidents counted by month of detection and severity (for the chart). */
export const IncidentStats = Type.Object({
  months: Type.Array(Type.String()),
  counts: Type.Array(Type.Object({ month: Type.String(), severity: Type.String(), count: Type.Integer() })),
});
/** Which months the statistics cover. */
export const StatsQuery = Type.Object({
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36, default: 12 })),
});
