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
    /**
     * Set when the article asks for the act but fixes no number, so the deployment chose it
     * (e.g. answering a demand list, CQ19 §12). Shown as "set by the deployment" to users.
     */
    policy: Type.Optional(Type.Literal(true)),
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
  'demandReply',
  'secrecyReview',
  'shareDisputeCoordination',
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

const ShareOrOpenType = Type.Union([
  Type.Literal('unconditional'),
  Type.Literal('conditional'),
  Type.Literal('none'),
]);

/** Which share or open types must cite a legal basis, and the article that says so. */
const LegalBasisRule = Type.Object(
  {
    types: Type.Array(ShareOrOpenType, { uniqueItems: true }),
    article: Type.Union([Article, Type.Null()]),
  },
  { additionalProperties: false },
);

const Code = Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' });

/** One 安全级别 and what it allows. */
export const SecurityLevel = Type.Object(
  {
    code: Code,
    name: Names,
    /** 子级 a resource of this level may be given (e.g. 一般1级, 一般2级); empty: none. */
    subLevels: Type.Array(
      Type.Object(
        { code: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$' }), name: Names },
        { additionalProperties: false },
      ),
    ),
    /** Share types (共享类型) a resource of this level (or with an item of it) may have. */
    shareTypes: Type.Array(ShareOrOpenType, { uniqueItems: true, minItems: 1 }),
    /** Open types (开放类型) a resource of this level (or with an item of it) may have. */
    openTypes: Type.Array(ShareOrOpenType, { uniqueItems: true, minItems: 1 }),
  },
  { additionalProperties: false },
);
/** A security level of the profile. */
export type SecurityLevel = Static<typeof SecurityLevel>;

/** The secrecy review (保密审查) before share or open attributes take effect (CQ19 §41, CQ18 §30). */
export const SecrecyReviewRule = Type.Object(
  { required: Type.Boolean(), article: Type.Union([Article, Type.Null()]) },
  { additionalProperties: false },
);

/** Catalog rules: the resource code format, legal-basis and base-resource rules, security levels. */
export const CatalogRules = Type.Object(
  {
    resourceCode: Type.Object(
      {
        /** The whole code: 前段码 (classification code) / 后段码 (sequence). */
        pattern: Type.String({ minLength: 1 }),
        /** Digits of the sequence the platform assigns after the slash. */
        sequenceDigits: Type.Integer({ minimum: 1, maximum: 12 }),
        example: Type.String({ minLength: 1 }),
        article: Type.Union([Article, Type.Null()]),
      },
      { additionalProperties: false },
    ),
    legalBasis: Type.Object({ share: LegalBasisRule, open: LegalBasisRule }, { additionalProperties: false }),
    /** Resources of the base class must be unconditionally shared (CQ19 §25(2), CQ18 §17(2)). */
    baseResourcesUnconditionallyShared: Step,
    /** Lower levels may keep supplementary catalogs registered with the upper level (SC §9). */
    supplementaryCatalogs: Step,
    /** An IT project needs a pre-compiled resource catalog before approval (CQ19 §48, SC §16). */
    projectCatalog: Step,
    /**
     * 分级: the 安全级别 a resource or item can be given, lowest first, with what each level allows
     * (SC §30, §40). A resource may share or open only in the types its highest level lists.
     */
    securityLevels: Type.Array(SecurityLevel, { minItems: 1 }),
    /** 分类: the data categories a resource and each of its items carry (SC §30). */
    dataCategories: Type.Array(Type.Object({ code: Code, name: Names }, { additionalProperties: false }), {
      minItems: 1,
    }),
    /** The article the classification and grading scheme implements. */
    classificationArticle: Article,
  },
  { additionalProperties: false },
);
/** The catalog rules of a profile. */
export type CatalogRules = Static<typeof CatalogRules>;

/** A code and its names, e.g. an incident severity or a risk level. */
const Coded = {
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
  name: Names,
};

/**
 * How often a register must be renewed (定期): the texts ask for it without a number, so every
 * interval here is the deployment's choice (`policy: true`), with the article that asks for the act.
 */
const Interval = Type.Object(
  {
    months: Type.Integer({ minimum: 1, maximum: 120 }),
    article: Type.Union([Article, Type.Null()]),
    policy: Type.Literal(true),
  },
  { additionalProperties: false },
);

/** Security registers (CQ19 §43–44, CQO §34, §37, SC §42, CQ18 §28): severities, report duty, intervals. */
export const SecurityRules = Type.Object(
  {
    incidents: Type.Object(
      {
        /** Severities, gravest first; `reportWithinHours` after detection the report is due (null: none). */
        severities: Type.Array(
          Type.Object(
            {
              ...Coded,
              reportWithinHours: Type.Union([Type.Integer({ minimum: 1, maximum: 8760 }), Type.Null()]),
            },
            { additionalProperties: false },
          ),
          { minItems: 1 },
        ),
        /** The article that asks for the report "按照规定"; the hours are the deployment's choice. */
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
    /** An emergency plan (应急预案) is reviewed this often after its approval. */
    planReview: Interval,
    /** Each department drills (演练) its plans this often. */
    drills: Interval,
    /** Each department assesses its risks (风险评估) this often. */
    riskAssessments: Type.Object(
      {
        months: Type.Integer({ minimum: 1, maximum: 120 }),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
        /** Risk levels an assessment concludes, highest first. */
        riskLevels: Type.Array(Type.Object(Coded, { additionalProperties: false }), { minItems: 1 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** The security rules of a profile. */
export type SecurityRules = Static<typeof SecurityRules>;

/**
 * What masking (脱敏) does to an item that has no rule of its own: none (shown as stored), partial
 * (the rule that fits what the item holds — an ID, a name, a phone, an address, a date …),
 * pseudonym (keyed SM3) or null (withheld).
 */
export const MaskingTreatment = Type.Union([
  Type.Literal('none'),
  Type.Literal('partial'),
  Type.Literal('pseudonym'),
  Type.Literal('null'),
]);
/** A default masking treatment. */
export type MaskingTreatment = Static<typeof MaskingTreatment>;

/** The treatment per item sensitivity (catalog_items.sensitivity). */
const TreatmentBySensitivity = Type.Object(
  { general: MaskingTreatment, personal: MaskingTreatment, sensitive: MaskingTreatment },
  { additionalProperties: false },
);

/** Masking defaults: by security level (a level code of catalog.securityLevels), then by sensitivity. */
export const MaskingRules = Type.Object(
  {
    defaults: Type.Object(
      {
        levels: Type.Record(Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }), TreatmentBySensitivity),
        /** For a level the map does not name (e.g. a level added later): the strictest sensible. */
        unlisted: MaskingTreatment,
        article: Type.Union([Article, Type.Null()]),
        /** The regulations ask for de-identification but fix no mapping: the deployment chose it. */
        policy: Type.Optional(Type.Literal(true)),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** The masking section of a profile. */
export type MaskingRules = Static<typeof MaskingRules>;

const PolicyNumber = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });

/**
 * Sharing (数据共享): how long a grant may run, the sharing API's paging and the time a provider's
 * own system has to answer, and the thresholds of use monitoring. The texts ask for purpose-bound
 * use and for detecting fetches unrelated to duties (CQ19 §50(4)(5)) without numbers, so every
 * number here is the deployment's choice (`policy: true`).
 */
export const SharingRules = Type.Object(
  {
    requests: Type.Object(
      {
        /** The longest period a request may ask for and a grant may run. */
        maxValidityDays: PolicyNumber(1, 3660),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
    api: Type.Object(
      {
        defaultPageSize: PolicyNumber(1, 10_000),
        maxPageSize: PolicyNumber(1, 10_000),
        /** How long a provider's registered system may take to answer a pass-through call. */
        passthroughTimeoutMs: PolicyNumber(100, 120_000),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
    monitoring: Type.Object(
      {
        /** Working hours (China time); calls outside them on a day count towards `offHoursCallsPerDay`. */
        workingHours: Type.Object(
          {
            start: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
            end: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
          },
          { additionalProperties: false },
        ),
        offHoursCallsPerDay: PolicyNumber(1, 100_000_000),
        /** Key lookups in one hour under one grant above which the use looks like bulk scraping. */
        lookupsPerHour: PolicyNumber(1, 100_000_000),
        /** An hour with more lookups than this many times the grant's usual hour is an anomaly. */
        historyFactor: PolicyNumber(2, 1000),
        /** Active hours a grant needs in its history before `historyFactor` applies ("once there is history"). */
        historyMinActiveHours: PolicyNumber(1, 10_000),
        /** How far back (days) a grant's usual hour is taken from. */
        historyWindowDays: PolicyNumber(1, 366),
        /** Refused calls in one hour (purpose outside the grant, another application's key …) above which an alert is raised. */
        deniedCallsPerHour: PolicyNumber(1, 100_000_000),
        /** Whether a key never seen before under a grant raises an alert. */
        alertOnNewKey: Type.Boolean(),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** The sharing section of a profile. */
export type SharingRules = Static<typeof SharingRules>;

/**
 * Disclosure control (统计披露控制) of aggregates drawn from pool data for the public: the grouped
 * counts of the open portal's charts, and the results of algorithm models (CQO §13). A group of
 * fewer rows than `minCellSize` is never shown, nor derivable from what is shown. The texts ask for
 * de-identification before sensitive data is opened but fix no number: the deployment's choice.
 */
export const DisclosureRules = Type.Object(
  {
    /** The smallest count of rows a published group may have (k). */
    minCellSize: PolicyNumber(2, 1000),
    article: Type.Union([Article, Type.Null()]),
    policy: Type.Literal(true),
    /**
     * Results of algorithm models (the sandbox, CQO §13(3)): the smallest number of distinct
     * persons or companies a released cell may come from (k; a resource may raise it, never lower
     * it), and the base released counts are rounded to (null: no rounding).
     */
    sandbox: Type.Object(
      {
        minCellSize: PolicyNumber(2, 1000),
        roundingBase: Type.Union([PolicyNumber(2, 1000), Type.Null()]),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** The disclosure section of a profile. */
export type DisclosureRules = Static<typeof DisclosureRules>;

/**
 * The open-data API and downloads (CQ19 §33, CQO §13/§23): page sizes of the records API and how
 * many rows the dataset page previews. The texts fix no number: the deployment's choice.
 */
export const OpeningRules = Type.Object(
  {
    api: Type.Object(
      {
        defaultPageSize: PolicyNumber(1, 10_000),
        maxPageSize: PolicyNumber(1, 10_000),
        previewRows: PolicyNumber(1, 100),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
    /**
     * Data usage agreements of conditionally open data (CQO §25): how often the user reports use,
     * the longest period an agreement may run, and within how many calendar days after its end the
     * user disposes of the data. The texts name the duties, not the numbers: the deployment's choice.
     */
    agreements: Type.Object(
      {
        feedbackEveryDays: PolicyNumber(1, 366),
        maxPeriodDays: PolicyNumber(1, 3660),
        disposalDays: PolicyNumber(0, 366),
        article: Type.Union([Article, Type.Null()]),
        policy: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
/** The opening section of a profile. */
export type OpeningRules = Static<typeof OpeningRules>;

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
        /** The authority (then the routed provider) answers a demand list entry. */
        demandReply: Deadline,
        /** The department's security officer records a secrecy review (保密审查, CQ19 §41). */
        secrecyReview: Deadline,
        /** The authority coordinates a dispute (异议) between departments about sharing (CQ19 §27). */
        shareDisputeCoordination: Deadline,
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
    catalog: CatalogRules,
    security: SecurityRules,
    /** Whether share and open attributes wait for a passed secrecy review (保密审查). */
    secrecyReview: SecrecyReviewRule,
    masking: MaskingRules,
    sharing: SharingRules,
    disclosure: DisclosureRules,
    opening: OpeningRules,
  },
  { additionalProperties: false },
);
/** A validated regulation profile. */
export type Profile = Static<typeof Profile>;
