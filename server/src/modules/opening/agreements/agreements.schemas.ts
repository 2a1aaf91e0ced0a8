import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import { LevelFields, Nullable } from '../../sharing/sharing-views.ts';
import { AGREEMENT_PACKAGE_FORMAT } from './signatures.ts';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const Party = Type.Union([Type.Literal('applicant'), Type.Literal('provider')]);

/** The presented status of an agreement (its state, `active` split by the period). */
export const AgreementStatusSchema = Type.Union([
  Type.Literal('awaiting_signatures'),
  Type.Literal('awaiting_review'),
  Type.Literal('refused'),
  Type.Literal('not_started'),
  Type.Literal('active'),
  Type.Literal('ended'),
  Type.Literal('suspended'),
  Type.Literal('terminated'),
]);

/** `:id` of an agreement. */
export const AgreementParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** Filters and paging of the agreement lists. */
export const AgreementListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    status: Type.Optional(AgreementStatusSchema),
    resourceId: Type.Optional(Type.String({ format: 'uuid' })),
    /** true: only agreements whose usage feedback is overdue; false: only the others. */
    feedbackOverdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
/** Parsed list query. */
export type AgreementListQuery = Static<typeof AgreementListQuery>;

/** A side's signature: the digest of the document as shown to the signer. */
export const SignBody = Type.Object(
  { digest: Type.String({ minLength: 1, maxLength: 100, description: "'sm3:' and 64 hex digits" }) },
  { additionalProperties: false },
);

/** The authority's review of a signed agreement. */
export const ReviewBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
    /** Required for refuse. */
    reason: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);

/** What a usage report names: a paper, product or service built on the data, citing the source. */
export const Outcome = Type.Object(
  {
    kind: Type.Union([
      Type.Literal('paper'),
      Type.Literal('product'),
      Type.Literal('service'),
      Type.Literal('other'),
    ]),
    title: Text(300),
    citation: Type.Optional(Type.String({ maxLength: 1000 })),
    url: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

/** A usage feedback (数据利用反馈). */
export const FeedbackBody = Type.Object(
  { summary: Text(5000), outcomes: Type.Optional(Type.Array(Outcome, { maxItems: 50 })) },
  { additionalProperties: false },
);

const Ref = Type.Object({ id: Type.String(), name: Type.String() });

/** The feedback schedule of an agreement that owes feedback. */
export const FeedbackScheduleSchema = Type.Object({
  everyDays: Type.Integer(),
  lastFeedbackOn: Nullable(Type.String()),
  /** Null once the final report (on or after the last day) is in. */
  nextDueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  finalReportIn: Type.Boolean(),
});

/** An agreement in a list. */
export const AgreementSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: AgreementStatusSchema,
  applicationId: Type.String(),
  resource: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  /** Null for the applicant (the public is not told the grades). */
  ...LevelFields,
  provider: Ref,
  applicant: Ref,
  methods: Type.Array(Type.Union([Type.Literal('download'), Type.Literal('api')])),
  validFrom: Type.String(),
  validUntil: Type.String(),
  reviewRequired: Type.Boolean(),
  signaturesRequired: Type.Boolean(),
  /** Null for an agreement that owes no feedback (not opened, refused, terminated). */
  feedback: Nullable(FeedbackScheduleSchema),
  createdAt: Type.String(),
});

/** A signature as the detail shows it. */
export const SignatureView = Type.Object({
  party: Party,
  signerName: Type.String(),
  signedAt: Type.String(),
  alg: Type.String(),
  keyId: Type.String(),
});

/** One agreement: its terms, document, signatures, review and feedback. */
export const AgreementDetail = Type.Object({
  ...AgreementSummary.properties,
  items: Type.Array(Type.Object({ field: Type.String(), name: Type.String() })),
  purpose: Type.String(),
  scenario: Type.String(),
  securityMeasures: Type.String(),
  disposalDays: Type.Integer(),
  /** The document both sides sign (zh-CN HTML: show it sandboxed) and its digest. */
  document: Type.String(),
  digest: Type.String(),
  signatures: Type.Array(SignatureView),
  /** Sides whose signature is still missing while the agreement awaits signatures. */
  awaitingSignatureOf: Type.Array(Party),
  /** The side the caller would sign as, when the caller may sign now; else null. */
  mySide: Nullable(Party),
  review: Nullable(
    Type.Object({
      decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
      reviewerName: Nullable(Type.String()),
      reviewedAt: Type.String(),
      reason: Nullable(Type.String()),
    }),
  ),
  stateReason: Nullable(Type.String()),
  activatedAt: Nullable(Type.String()),
  feedbackList: Type.Array(
    Type.Object({
      id: Type.String(),
      summary: Type.String(),
      outcomes: Type.Array(Outcome),
      submittedByName: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

const PackageSignatureSchema = Type.Object({
  party: Party,
  signerName: Type.String(),
  signedAt: Type.String(),
  alg: Type.String(),
  keyId: Type.String(),
  publicKeyPem: Type.String(),
  signedPayload: Type.String({ description: 'The exact text signed (UTF-8): canonical JSON' }),
  signature: Type.String({ description: 'Base64' }),
});

/** The signed package of an agreement. */
export const AgreementPackageSchema = Type.Object({
  format: Type.Literal(AGREEMENT_PACKAGE_FORMAT),
  number: Type.String(),
  document: Type.String(),
  digest: Type.String(),
  signatures: Type.Array(PackageSignatureSchema),
  attestation: Type.Object(
    {},
    {
      additionalProperties: true,
      description:
        "The platform's zhengshu-signed/1 envelope over the number, digest and signatures (checks with GET /security/signing-keys)",
    },
  ),
});

/** A package as received for checking: a JSON object of whatever shape, checked field by field. */
export const VerifyBody = Type.Object(
  {},
  { additionalProperties: true, description: 'A zhengshu-agreement/1 package' },
);

/** What the check of a package found. */
export const VerifyAnswer = Type.Object({
  wellFormed: Type.Boolean(),
  digestMatches: Type.Boolean(),
  /** The platform registered this number with this digest. */
  registered: Type.Boolean(),
  /** Well formed, the digest matches and every signature holds. */
  valid: Type.Boolean(),
  /** Valid and signed by both sides. */
  complete: Type.Boolean(),
  signatures: Type.Array(
    Type.Object({
      index: Type.Integer(),
      party: Nullable(Type.String()),
      signerName: Nullable(Type.String()),
      signedAt: Nullable(Type.String()),
      alg: Nullable(Type.String()),
      keyId: Nullable(Type.String()),
      valid: Type.Boolean(),
      problem: Nullable(Type.String()),
      /** The platform recorded exactly this signature for this agreement. */
      registered: Type.Boolean(),
    }),
  ),
  attestation: Type.Object({
    present: Type.Boolean(),
    /** The platform's signature holds under one of its published keys. */
    valid: Type.Boolean(),
    /** What it attests is this package's number, digest and signatures. */
    matches: Type.Boolean(),
  }),
});
