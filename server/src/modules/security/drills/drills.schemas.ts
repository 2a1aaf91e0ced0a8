import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { Day, DepartmentRefOut, Text, Uuid } from '../security.schemas.ts';

const Result = Type.Enum(['passed', 'partial', 'failed']);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A new emergency plan (应急预案); `departmentId` defaults to the caller's department. */
export const CreatePlanBody = Type.Object(
  {
    departmentId: Type.Optional(Uuid),
    title: Text(200),
    version: Text(40),
    scope: Text(2000),
    /** The plan's text, or where its signed file is kept (文号、存放位置). */
    body: Text(100_000),
    approvedOn: Day,
  },
  { additionalProperties: false },
);
/** A plan as registered. */
export type CreatePlanBody = Static<typeof CreatePlanBody>;

/** A revision (new version and approval date, which restarts the review interval) or retirement. */
export const UpdatePlanBody = Type.Object(
  {
    title: Type.Optional(Text(200)),
    version: Type.Optional(Text(40)),
    scope: Type.Optional(Text(2000)),
    body: Type.Optional(Text(100_000)),
    approvedOn: Type.Optional(Day),
    retired: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** A plan's revision. */
export type UpdatePlanBody = Static<typeof UpdatePlanBody>;

/** A drill held on a plan. */
export const CreateDrillBody = Type.Object(
  {
    heldOn: Day,
    scenario: Text(2000),
    participants: Text(2000),
    result: Result,
    findings: Type.Optional(Type.String({ maxLength: 10_000 })),
    followUps: Type.Optional(Type.Array(Text(1000), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
/** A drill as recorded. */
export type CreateDrillBody = Static<typeof CreateDrillBody>;

/** Filters of the plan list. */
export const PlanQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    departmentId: Type.Optional(Uuid),
    /** Also list retired plans. */
    retired: Type.Optional(Type.Boolean()),
  }),
]);
/** Parsed filters. */
export type PlanQuery = Static<typeof PlanQuery>;

/** Filters of the drill list. */
export const DrillQuery = Type.Intersect([
  PageQuery,
  Type.Object({ departmentId: Type.Optional(Uuid), planId: Type.Optional(Uuid) }),
]);
/** Parsed filters. */
export type DrillQuery = Static<typeof DrillQuery>;

/** A drill. */
export const Drill = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  planTitle: Type.String(),
  department: DepartmentRefOut,
  heldOn: Type.String(),
  scenario: Type.String(),
  participants: Type.String(),
  result: Result,
  findings: Type.String(),
  followUps: Type.Array(Type.String()),
  createdByName: Type.String(),
  createdAt: Type.String(),
});

/** A plan in the list, with its review and drill due dates from the profile's intervals. */
export const Plan = Type.Object({
  id: Type.String(),
  department: DepartmentRefOut,
  title: Type.String(),
  version: Type.String(),
  scope: Type.String(),
  approvedOn: Type.String(),
  retired: Type.Boolean(),
  reviewDueOn: Type.String(),
  reviewOverdue: Type.Boolean(),
  lastDrillOn: Nullable(Type.String()),
  /** When the next drill of this plan is due (null: never drilled, due now). */
  drillDueOn: Nullable(Type.String()),
  drillOverdue: Type.Boolean(),
  createdByName: Type.String(),
  updatedAt: Type.String(),
});

/** A plan with its text and drills. */
export const PlanDetail = Type.Intersect([
  Plan,
  Type.Object({ body: Type.String(), drills: Type.Array(Drill) }),
]);
