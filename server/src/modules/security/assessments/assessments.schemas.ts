import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { Day, DepartmentRefOut, ResourceIds, ResourceRefOut, Text, Uuid } from '../security.schemas.ts';

const Scope = Type.Enum(['aggregation', 'sharing', 'opening', 'application']);
const Scopes = Type.Array(Scope, { minItems: 1, maxItems: 4, uniqueItems: true });
const Level = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A risk assessment as recorded; `departmentId` defaults to the caller's department. */
export const CreateAssessmentBody = Type.Object(
  {
    departmentId: Type.Optional(Uuid),
    title: Text(200),
    /** What was assessed: 汇聚、共享、开放、应用 (CQ19 §43). */
    scopes: Scopes,
    assessedOn: Day,
    riskLevel: Level,
    findings: Text(20_000),
    measures: Type.Optional(Type.String({ maxLength: 20_000 })),
    /** A re-identification assessment of aggregated data (CQO §37(4)): lists the combined resources. */
    reidentification: Type.Optional(Type.Boolean()),
    resourceIds: Type.Optional(ResourceIds),
  },
  { additionalProperties: false },
);
/** An assessment as recorded. */
export type CreateAssessmentBody = Static<typeof CreateAssessmentBody>;

/** Corrections of an assessment; omitted fields stay. */
export const UpdateAssessmentBody = Type.Object(
  {
    title: Type.Optional(Text(200)),
    scopes: Type.Optional(Scopes),
    assessedOn: Type.Optional(Day),
    riskLevel: Type.Optional(Level),
    findings: Type.Optional(Text(20_000)),
    measures: Type.Optional(Type.String({ maxLength: 20_000 })),
    reidentification: Type.Optional(Type.Boolean()),
    resourceIds: Type.Optional(ResourceIds),
  },
  { additionalProperties: false },
);
/** Corrections of an assessment. */
export type UpdateAssessmentBody = Static<typeof UpdateAssessmentBody>;

/** Asking members of the expert committee (专家委员会) for a written opinion. */
export const AskExpertsBody = Type.Object(
  { expertIds: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }), question: Text(4000) },
  { additionalProperties: false },
);
/** Whom to ask, and what. */
export type AskExpertsBody = Static<typeof AskExpertsBody>;

/** An expert's written opinion (replaces the expert's earlier one). */
export const OpinionBody = Type.Object({ opinion: Text(20_000) }, { additionalProperties: false });

/** Filters of the assessment list. */
export const AssessmentQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    departmentId: Type.Optional(Uuid),
    riskLevel: Type.Optional(Level),
    reidentification: Type.Optional(Type.Boolean()),
  }),
]);
/** Parsed filters. */
export type AssessmentQuery = Static<typeof AssessmentQuery>;

/** An assessment in a list. */
export const Assessment = Type.Object({
  id: Type.String(),
  department: DepartmentRefOut,
  title: Type.String(),
  scopes: Type.Array(Scope),
  assessedOn: Type.String(),
  riskLevel: Type.String(),
  reidentification: Type.Boolean(),
  expertsAsked: Type.Integer(),
  opinionsGiven: Type.Integer(),
  createdByName: Type.String(),
  updatedAt: Type.String(),
});

/** An expert asked, and the opinion if given. */
export const ExpertOpinion = Type.Object({
  expert: Type.Object({ id: Type.String(), name: Type.String() }),
  askedAt: Type.String(),
  askedByName: Type.String(),
  opinion: Nullable(Type.String()),
  opinionAt: Nullable(Type.String()),
});

/** An assessment with findings, measures, combined resources and the experts' opinions. */
export const AssessmentDetail = Type.Intersect([
  Assessment,
  Type.Object({
    findings: Type.String(),
    measures: Type.String(),
    resources: Type.Array(ResourceRefOut),
    expertQuestion: Nullable(Type.String()),
    experts: Type.Array(ExpertOpinion),
  }),
]);

/** A member of the expert committee one may ask. */
export const Expert = Type.Object({ id: Type.String(), name: Type.String(), username: Type.String() });
