import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { LevelFields, Nullable } from '../../sharing/sharing-views.ts';
const Note = Type.String({ minLength: 1, maxLength: 2000 });

/** Path parameter: an objection. */
export const ObjectionParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** Path parameters: an objection's evidence file. */
export const EvidenceParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  evidenceId: Type.String({ maxLength: 64 }),
});
/** Path parameter: an open dataset (its resource id). */
export const DatasetParams = Type.Object({ resourceId: Type.String({ maxLength: 64 }) });

/** An objection as filed (CQO §41). */
export const ObjectionBody = Type.Object(
  {
    resourceId: Type.String({ format: 'uuid' }),
    ground: Type.Union([Type.Literal('privacy'), Type.Literal('trade_secret')]),
    /** What infringes privacy or trade secrets, and why. */
    statement: Type.String({ minLength: 1, maxLength: 5000 }),
  },
  { additionalProperties: false },
);

/** The name an evidence file is kept under. */
export const EvidenceQuery = Type.Object({ name: Type.Optional(Type.String({ maxLength: 300 })) });

/** A suspension's reason. */
export const SuspendBody = Type.Object({ reason: Note }, { additionalProperties: false });

/** The outcome of an objection, or of a suspension on an own finding. */
export const OutcomeBody = Type.Object(
  {
    outcome: Type.Union([Type.Literal('withdraw'), Type.Literal('restore'), Type.Literal('reprocess')]),
    /** The answer reported to the objector and the authority (for reprocess: what was re-masked). */
    note: Note,
  },
  { additionalProperties: false },
);

/** Filters of the objection lists. */
export const ObjectionListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    state: Type.Optional(
      Type.Union([
        Type.Literal('received'),
        Type.Literal('suspended'),
        Type.Literal('withdrawn'),
        Type.Literal('restored'),
        Type.Literal('reprocessed'),
      ]),
    ),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    ground: Type.Optional(Type.Union([Type.Literal('privacy'), Type.Literal('trade_secret')])),
  },
  { additionalProperties: false },
);

/** An evidence file's facts. */
export const Evidence = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  digest: Type.String(),
  createdAt: Type.String(),
});

/** A suspension as handlers see it. */
export const Suspension = Type.Object({
  id: Type.String(),
  source: Type.String(),
  reason: Type.String(),
  suspendedAt: Type.String(),
  outcome: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  liftedAt: Nullable(Type.String()),
});

/** An objection as listed. */
export const Objection = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  resourceId: Type.String(),
  resourceCode: Type.String(),
  resourceName: Nullable(Type.String()),
  /** Null for the objector (the public is not told the grades). */
  ...LevelFields,
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  objector: Nullable(Type.Object({ name: Type.String() })),
  ground: Type.String(),
  statement: Type.String(),
  state: Type.String(),
  suspended: Type.Boolean(),
  outcomeNote: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  evidenceCount: Type.Integer(),
  createdAt: Type.String(),
});

/** One objection with its evidence and the dataset's suspension in force (handlers only). */
export const ObjectionDetail = Type.Object({
  ...Objection.properties,
  evidence: Type.Array(Evidence),
  suspension: Nullable(Suspension),
});
