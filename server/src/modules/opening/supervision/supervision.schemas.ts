import { Type } from 'typebox';
import { Day, LevelFields, Nullable } from '../../sharing/sharing-views.ts';

const Text = Type.String({ minLength: 1, maxLength: 2000 });

/** Path parameter: an agreement or a breach. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** A breach found (CQO §39): what was done, what must be rectified, by when. */
export const BreachBody = Type.Object(
  { breach: Text, demand: Text, rectifyBy: Day },
  { additionalProperties: false },
);

/** The user's account of the rectification. */
export const RectificationBody = Type.Object({ report: Text }, { additionalProperties: false });

/** The supervisor's decision. */
export const BreachDecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('accept'), Type.Literal('terminate')]), note: Text },
  { additionalProperties: false },
);

const BreachState = Type.Union([
  Type.Literal('open'),
  Type.Literal('reported'),
  Type.Literal('rectified'),
  Type.Literal('terminated'),
]);

/** Filters of the breach list. */
export const BreachListQuery = Type.Object(
  {
    agreementId: Type.Optional(Type.String({ format: 'uuid' })),
    state: Type.Optional(BreachState),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** A breach as shown. */
export const Breach = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  agreement: Type.Object({ id: Type.String(), number: Type.String(), state: Type.String() }),
  resource: Type.Object({ id: Type.String(), name: Nullable(Type.String()) }),
  /** Null for the public user the breach concerns (the public is not told the grades). */
  ...LevelFields,
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  applicant: Nullable(Type.Object({ name: Type.String() })),
  foundBy: Nullable(Type.String()),
  breach: Type.String(),
  demand: Type.String(),
  rectifyBy: Type.String(),
  overdue: Type.Boolean(),
  state: BreachState,
  report: Nullable(Type.String()),
  reportedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
