import { Type, type Static } from 'typebox';

/** A text in both languages the platform speaks. */
export const Names = Type.Object(
  { 'zh-CN': Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);

// "CQ19 §19", "CQO §24", "SC §25": which regulation and article a number comes from.
const Article = Type.String({ pattern: '^[A-Z][A-Z0-9]* §[0-9]+(–[0-9]+)?$' });

/** How far a deadline may be extended, and who approves the extension. */
export const ExtensionRule = Type.Object(
  {
    workdays: Type.Integer({ minimum: 1 }),
    // Every shipped regulation names the department's head (主要负责人 / 负责人).
    approver: Type.Literal('department_head'),
    article: Article,
  },
  { additionalProperties: false },
);
/** An extension rule. */
export type ExtensionRule = Static<typeof ExtensionRule>;

/** A deadline in working days counted from the day after receipt, with its optional extension. */
export const DeadlineRule = Type.Object(
  {
    workdays: Type.Integer({ minimum: 1 }),
    article: Article,
    extension: Type.Union([ExtensionRule, Type.Null()]),
  },
  { additionalProperties: false },
);
/** A deadline rule. */
export type DeadlineRule = Static<typeof DeadlineRule>;

const Deadline = Type.Union([DeadlineRule, Type.Null()]);

/** The deadline keys every profile defines (null where its regulation sets no deadline). */
export const DEADLINE_KEYS = [
  'catalogUpdateRequest',
  'catalogUpdateReview',
  'catalogReport',
  'correctionReply',
  'conditionalShareReply',
  'openCatalogCorrectionReply',
  'conditionalOpenReply',
] as const;
/** The name of a deadline rule, e.g. `correctionReply`. */
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

/** An annual report due by the end of a month (每年 N 月底前). */
const AnnualReport = Type.Union([
  Type.Object(
    { byEndOfMonth: Type.Integer({ minimum: 1, maximum: 12 }), article: Article },
    { additionalProperties: false },
  ),
  Type.Null(),
]);

const Category = Type.Object(
  { unconditional: Names, conditional: Names, none: Names, article: Article },
  { additionalProperties: false },
);

/** A step of a procedure: whether it happens, and which article asks for it (null when it does not). */
const Step = Type.Object(
  { required: Type.Boolean(), article: Type.Union([Article, Type.Null()]) },
  { additionalProperties: false },
);

/** A regulation profile (REQUIREMENTS §1): every number and name the regulations fix, with its article. */
export const Profile = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9-]{1,32}$' }),
    name: Names,
    sources: Type.Array(
      Type.Object(
        { code: Type.String({ pattern: '^[A-Z][A-Z0-9]*$' }), title: Type.String({ minLength: 1 }) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
    deadlines: Type.Object(
      {
        /** A department asks for a catalog update after a law or duty change. */
        catalogUpdateRequest: Deadline,
        /** The authority reviews and applies a catalog update request. */
        catalogUpdateReview: Deadline,
        /** A department reports its changed catalog to the authority. */
        catalogReport: Deadline,
        /** A provider checks (校核) data reported as doubtful or wrong. */
        correctionReply: Deadline,
        /** A provider answers a conditional share request. */
        conditionalShareReply: Deadline,
        /** A provider answers a correction request about the open catalog. */
        openCatalogCorrectionReply: Deadline,
        /** A provider answers an application for conditionally open data. */
        conditionalOpenReply: Deadline,
      },
      { additionalProperties: false },
    ),
    annualReports: Type.Object(
      { departments: AnnualReport, authority: AnnualReport },
      { additionalProperties: false },
    ),
    categories: Type.Object({ share: Category, open: Category }, { additionalProperties: false }),
    procedures: Type.Object(
      {
        /** The authority reviews a catalog update before it takes effect. */
        catalogUpdateReview: Step,
        /** A conditional share needs the provider's consent … */
        conditionalShareConsent: Step,
        /** … and the authority opens the access (SC §25). */
        conditionalShareAuthorityGrant: Step,
        /** A conditional open needs a data use agreement. */
        openAgreement: Step,
        /** The authority reviews that agreement before the data is opened (CQO §24). */
        openAgreementAuthorityReview: Step,
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** A validated regulation profile. */
export type Profile = Static<typeof Profile>;
