import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';
import { RevisionDiff } from './catalog.diff.ts';
import { Revision } from './catalog.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

/** A department submits its catalog list: drafts to review and published resources to withdraw. */
export const SubmitBody = Type.Object(
  {
    resourceIds: Type.Array(Uuid, { maxItems: 5000, uniqueItems: true }),
    removals: Type.Optional(
      Type.Array(
        Type.Object(
          { resourceId: Uuid, note: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        { maxItems: 1000 },
      ),
    ),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    updateCaseId: Type.Optional(Uuid),
  },
  { additionalProperties: false },
);

/** A submission in lists. */
export const Submission = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionId: Type.String(),
  holderRegionId: Type.String(),
  holderRegionName: Type.String(),
  kind: Type.String(),
  state: Type.String(),
  note: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  updateCaseId: Nullable(Type.String()),
  submittedByName: Nullable(Type.String()),
  submittedAt: DateTime,
  reviewedAt: Nullable(DateTime),
  entryCount: Type.Integer(),
  pendingCount: Type.Integer(),
});

/** One entry of a submission with the revisions before and after and their diff. */
export const SubmissionEntry = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  change: Type.String(),
  note: Nullable(Type.String()),
  decision: Type.String(),
  reason: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  versionNumber: Nullable(Type.Integer()),
  before: Nullable(Revision),
  after: Nullable(Revision),
  diff: RevisionDiff,
});

/** A submission with its entries. */
export const SubmissionDetail = Type.Object({
  ...Submission.properties,
  entries: Type.Array(SubmissionEntry),
});

/** Filters of the submission list; `inbox` keeps those my authority holds now. */
export const SubmissionQuery = Type.Object(
  {
    ...PageQuery.properties,
    state: Type.Optional(Type.Enum(['pending', 'reviewed', 'withdrawn'])),
    departmentId: Type.Optional(Uuid),
    inbox: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

/** The reviewer's decisions. */
export const DecisionsBody = Type.Object(
  {
    decisions: Type.Array(
      Type.Object(
        {
          entryId: Uuid,
          decision: Type.Enum(['approved', 'returned']),
          reason: Type.Optional(Type.String({ maxLength: 2000 })),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5000 },
    ),
  },
  { additionalProperties: false },
);

/** A note that goes with an act (forwarding). */
export const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

/** A change in a version (or in a resource's history). */
const VersionChange = Type.Object({
  change: Type.String(),
  name: Type.String(),
  diff: RevisionDiff,
});

/** A catalog version in lists. */
export const Version = Type.Object({
  number: Type.Integer(),
  publishedAt: DateTime,
  publishedByName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  added: Type.Integer(),
  changed: Type.Integer(),
  removed: Type.Integer(),
});

/** A version with every change. */
export const VersionDetail = Type.Object({
  ...Version.properties,
  changes: Type.Array(
    Type.Object({
      ...VersionChange.properties,
      resourceId: Type.String(),
      code: Type.String(),
      departmentName: Type.String(),
    }),
  ),
});

/** One step of a resource's published history. */
export const HistoryStep = Type.Object({
  ...VersionChange.properties,
  versionNumber: Type.Integer(),
  publishedAt: DateTime,
  publishedByName: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

/** An approved change waiting for the next version. */
export const PendingChange = Type.Object({
  entryId: Type.String(),
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  change: Type.String(),
  departmentName: Type.String(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  submissionId: Type.String(),
});

/** `:number` of a version. */
export const VersionParams = Type.Object({ number: Type.Integer({ minimum: 1 }) });

/** A supplementary catalog entry filed with the level above (SC §9). */
export const Filing = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentName: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  versionNumber: Nullable(Type.Integer()),
  acknowledgedAt: Nullable(DateTime),
  acknowledgedByName: Nullable(Type.String()),
});
