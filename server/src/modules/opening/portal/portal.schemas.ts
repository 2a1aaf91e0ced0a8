import { Type, type Static } from 'typebox';
import { ClassKindSchema } from '../../catalog/catalog.schemas.ts';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const OpenType = Type.Union([Type.Literal('unconditional'), Type.Literal('conditional')]);
const Percent = Nullable(Type.Number({ minimum: 0, maximum: 100 }));

/** `:id` of a dataset: free text, so that an id that is no uuid is a 404 like an unknown one. */
export const DatasetParams = Type.Object({ id: Type.String({ maxLength: 100 }) });

/** An open dataset as a card on the portal's lists. */
export const DatasetCard = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  abstract: Type.String(),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  openType: OpenType,
  formats: Type.Array(Type.String()),
  modifiedAt: DateTime,
  downloads: Count,
  apiCalls: Count,
});
/** A dataset card. */
export type DatasetCard = Static<typeof DatasetCard>;

/** The portal's home page. */
export const HomePage = Type.Object({
  counts: Type.Object({
    datasets: Count,
    departments: Count,
    downloads: Count,
    apiCalls: Count,
    records: Type.Integer({
      minimum: 0,
      description: "Current rows of the open datasets' pool tables, as their registers count them",
    }),
  }),
  newest: Type.Array(DatasetCard),
  popular: Type.Array(DatasetCard, {
    description: 'Most downloads + API calls since `popularSince`, filled up with the newest',
  }),
  popularSince: Type.String({ format: 'date', description: 'First day (China time) of the window' }),
  themes: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), kind: ClassKindSchema, count: Count }),
    { description: 'The classification’s 项 holding open datasets; search with classCode=code' },
  ),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Count })),
});
/** The home page. */
export type HomePage = Static<typeof HomePage>;

/** Data quality of the dataset's pool table (docs/pools-quality.md), without any value. */
export const PublicQuality = Type.Object({
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  completeness: Percent,
  validity: Percent,
  uniqueness: Percent,
  consistency: Percent,
  timeliness: Percent,
  rows: Count,
  examinedRows: Count,
  sampled: Type.Boolean(),
  overdue: Type.Boolean(),
  measuredAt: DateTime,
});

const AccessPointSchema = Type.Object({
  key: Type.String(),
  method: Type.Union([Type.Literal('download'), Type.Literal('api'), Type.Literal('model')]),
  format: Nullable(Type.String()),
  mediaType: Nullable(Type.String()),
  url: Type.String(),
});

/** The portal's page of one open dataset. */
export const DatasetPage = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  abstract: Type.String(),
  keywords: Type.Array(Type.String()),
  provider: Type.Object({ id: Type.String(), name: Type.String() }),
  classPath: Type.Array(
    Type.Object({ code: Type.String(), name: Type.String(), level: Type.Integer(), kind: ClassKindSchema }),
  ),
  openType: OpenType,
  openCondition: Nullable(Type.String()),
  openMethods: Type.Array(Type.String()),
  openBasis: Nullable(Type.String()),
  usageRequirements: Nullable(Type.String()),
  formatType: Type.String(),
  formats: Type.Array(Type.String()),
  updateCycle: Type.String(),
  updateCycleNote: Nullable(Type.String()),
  publishedAt: DateTime,
  modifiedAt: DateTime,
  versionNumber: Type.Integer(),
  temporalStart: Nullable(Type.String()),
  temporalEnd: Nullable(Type.String()),
  contact: Type.Object({
    name: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
  }),
  items: Type.Array(
    Type.Object({
      fieldName: Type.String(),
      name: Type.String(),
      dataType: Type.String(),
      length: Nullable(Type.Integer()),
      scale: Nullable(Type.Integer()),
      description: Nullable(Type.String()),
    }),
  ),
  landingPage: Type.String(),
  accessPoints: Type.Array(AccessPointSchema),
  quality: Nullable(PublicQuality),
  history: Type.Object({
    records: Count,
    dataUpdatedAt: Nullable(DateTime),
    versions: Count,
    batches: Type.Array(
      Type.Object({
        version: Type.Integer(),
        loadedAt: DateTime,
        mode: Type.Union([Type.Literal('replace'), Type.Literal('upsert')]),
        rows: Type.Integer({ minimum: 0, description: 'Rows the load wrote' }),
        replaced: Type.Integer({ minimum: 0, description: 'Earlier rows it replaced' }),
      }),
    ),
  }),
  usage: Type.Object({
    downloads: Count,
    apiCalls: Count,
    rows: Count,
    recent: Type.Object({ since: Type.String({ format: 'date' }), downloads: Count, apiCalls: Count }),
  }),
  related: Type.Array(DatasetCard),
  /** Set while the dataset is suspended (CQO §41): downloads and API calls are refused meanwhile. */
  suspension: Type.Union([
    Type.Object({
      since: Type.String(),
      /** True when the provider withdrew the dataset from opening after an objection or finding. */
      withdrawn: Type.Boolean(),
      source: Type.Union([
        Type.Literal('objection'),
        Type.Literal('provider'),
        Type.Literal('authority'),
        Type.Literal('platform'),
      ]),
    }),
    Type.Null(),
  ]),
  /** Set while the dataset is opened under a declared public emergency (CQO §27). */
  emergency: Type.Union([Type.Object({ name: Type.String(), endsOn: Type.String() }), Type.Null()]),
});
/** The dataset page. */
export type DatasetPage = Static<typeof DatasetPage>;

/** A chart of an open dataset's data: grouped counts, small groups suppressed. */
export const Chart = Type.Object({
  kind: Type.Union([Type.Literal('bar'), Type.Literal('line')]),
  item: Type.Object({ fieldName: Type.String(), name: Type.String() }),
  /** value: one bar per stored value; month / year: periods of a date item. */
  bucket: Type.Union([Type.Literal('value'), Type.Literal('month'), Type.Literal('year')]),
  series: Type.Array(
    Type.Object({
      label: Type.String(),
      count: Count,
      kind: Type.Union([Type.Literal('value'), Type.Literal('missing'), Type.Literal('other')]),
    }),
  ),
  suppressedBelow: Type.Integer({ description: 'Groups of fewer rows are not shown (the profile’s k)' }),
});
/** A chart. */
export type Chart = Static<typeof Chart>;

/** Why a dataset has no chart. */
export const NO_CHART_REASONS = ['conditional', 'suspended', 'no_data', 'no_item', 'suppressed'] as const;

/** The chart of a dataset, or null with the reason. */
export const ChartResponse = Type.Object({
  chart: Nullable(Chart),
  reason: Type.Optional(Type.Enum([...NO_CHART_REASONS])),
});
/** The chart response. */
export type ChartResponse = Static<typeof ChartResponse>;
