import { Type } from 'typebox';

const Percent = Type.Union([Type.Number({ minimum: 0, maximum: 100 }), Type.Null()], {
  description: 'Share in percent (one decimal); null when nothing could be measured',
});
const DateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

/** `?departmentId=` of the resource list. */
export const ResourcesQuery = Type.Object({ departmentId: Type.Optional(Type.String({ format: 'uuid' })) });

/** Timeliness against the declared update cycle. */
export const TimelinessSchema = Type.Object({
  updateCycle: Type.String(),
  cycleDays: Type.Union([Type.Integer(), Type.Null()]),
  dataUpdatedAt: DateTime,
  dueAt: DateTime,
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer({ minimum: 0 }),
  neverLoaded: Type.Boolean(),
  timeliness: Percent,
});

/** A department's data-quality scores: means over its published resources. */
export const DepartmentQualitySchema = Type.Object({
  departmentId: Type.String(),
  departmentName: Type.String(),
  resources: Type.Integer(),
  loadedResources: Type.Integer({ description: 'Resources with data loaded at least once' }),
  overdue: Type.Integer({ description: 'Resources whose update is overdue' }),
  rows: Type.Integer(),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  completeness: Percent,
  validity: Percent,
  uniqueness: Percent,
  consistency: Percent,
  timeliness: Percent,
});

/** A resource's data-quality scores. */
export const ResourceQualitySchema = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  currentVersion: Type.Integer(),
  rows: Type.Integer({ description: 'Current rows' }),
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  completeness: Percent,
  requiredCompleteness: Percent,
  validity: Percent,
  uniqueness: Percent,
  consistency: Percent,
  examinedRows: Type.Integer({ description: 'Rows re-checked for validity and consistency' }),
  sampled: Type.Boolean({ description: 'Whether the re-checked rows are a sample of the current rows' }),
  ...TimelinessSchema.properties,
});

const Problem = Type.Object({
  column: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

/** A resource's data quality in detail. */
export const ResourceQualityDetail = Type.Object({
  ...ResourceQualitySchema.properties,
  columns: Type.Array(
    Type.Object({
      field: Type.String(),
      name: Type.String(),
      column: Type.String(),
      required: Type.Boolean(),
      isKey: Type.Boolean(),
      check: Type.Union([Type.String(), Type.Null()]),
      present: Type.Integer(),
      completeness: Percent,
      examined: Type.Integer(),
      invalid: Type.Integer(),
      validity: Percent,
    }),
  ),
  keys: Type.Object({
    keyFields: Type.Array(Type.String(), { description: 'Empty: uniqueness is of whole rows' }),
    distinct: Type.Integer(),
    duplicateRows: Type.Integer({ description: 'Current rows beyond the first of each repeated key/row' }),
    duplicates: Type.Union([
      Type.Array(Type.Object({ rows: Type.Array(Type.Integer()), count: Type.Integer() })),
      Type.Null(),
    ]),
  }),
  rules: Type.Array(
    Type.Object({
      code: Type.String(),
      label: Type.String(),
      columns: Type.Array(Type.String()),
      compared: Type.Integer(),
      inconsistent: Type.Integer(),
    }),
  ),
  problems: Type.Array(
    Type.Object({
      column: Type.String(),
      code: Type.String(),
      message: Type.String(),
      count: Type.Integer(),
    }),
  ),
  rowValuesShown: Type.Boolean({ description: 'Row values go to the providing department only' }),
  worstRows: Type.Union([
    Type.Array(Type.Object({ row: Type.Integer(), problems: Type.Array(Problem) })),
    Type.Null(),
  ]),
});

/** A resource whose update is overdue. */
export const OverdueResourceSchema = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  updateCycle: Type.String(),
  dataUpdatedAt: DateTime,
  dueAt: DateTime,
  daysOverdue: Type.Integer(),
  neverLoaded: Type.Boolean(),
});
