import { Type, type Static } from 'typebox';
import { codesOf, BASE_DATABASES } from '../../catalog/catalog.vocabulary.ts';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
/** A name that becomes an SQL identifier: lower-case letters, digits and underscores. */
const Identifier = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });
/** A base database code. */
export const BaseCode = Type.Union(codesOf(BASE_DATABASES).map((code) => Type.Literal(code)));

/** `:base`. */
export const BaseParams = Type.Object({ base: BaseCode });
/** `:base/records/:key`. */
export const RecordParams = Type.Object({
  base: BaseCode,
  key: Type.String({ minLength: 1, maxLength: 200 }),
});
/** `:id`. */
export const IdParams = Type.Object({ id: Uuid });

/** The data authority assigns a base item its source. */
export const SourceBody = Type.Object(
  {
    baseDatabase: BaseCode,
    itemName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    fieldName: Type.Optional(Identifier),
    resourceId: Uuid,
    sourceField: Type.String({ minLength: 1, maxLength: 63 }),
  },
  { additionalProperties: false },
);
/** A source assignment. */
export type SourceBody = Static<typeof SourceBody>;

/** A change of a base item's source. */
export const SourceChangeBody = Type.Object(
  {
    itemName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    resourceId: Uuid,
    sourceField: Type.String({ minLength: 1, maxLength: 63 }),
  },
  { additionalProperties: false },
);

/** A base item's source. */
export const BaseSource = Type.Object({
  id: Type.String(),
  baseDatabase: Type.String(),
  itemName: Type.String(),
  fieldName: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  resourceId: Type.String(),
  resourceCode: Type.String(),
  resourceName: Nullable(Type.String()),
  sourceField: Type.String(),
  assignedBy: Nullable(Type.String()),
  assignedAt: Type.String(),
  updatedAt: Type.String(),
});

/** A resource of another department that collects a base item. */
export const DuplicateFlag = Type.Object({
  baseDatabase: Type.String(),
  itemName: Type.String(),
  fieldName: Type.String(),
  sourceDepartmentId: Type.String(),
  sourceDepartmentName: Type.String(),
  sourceResourceId: Type.String(),
  sourceResourceCode: Type.String(),
  sourceResourceName: Nullable(Type.String()),
  departmentId: Type.String(),
  departmentName: Type.String(),
  regionId: Type.String(),
  resourceId: Type.String(),
  resourceCode: Type.String(),
  resourceName: Type.String(),
  duplicateItemName: Type.String(),
  duplicateField: Type.String(),
});

/** A build of a base database. */
export const Build = Type.Object({
  id: Type.String(),
  baseDatabase: Type.String(),
  state: Type.Union([Type.Literal('built'), Type.Literal('failed')]),
  rowCount: Type.Integer(),
  conflictCount: Type.Integer(),
  failure: Nullable(Type.String()),
  failureMessage: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  startedAt: Type.String(),
  finishedAt: Type.String(),
});

/** A base database: key, sources, last build. */
export const BaseSummary = Type.Object({
  code: Type.String(),
  table: Type.String({ description: 'schema.table in the resource centre database' }),
  keyColumn: Type.String(),
  keyCheck: Nullable(Type.String()),
  built: Type.Boolean(),
  rowCount: Type.Integer(),
  conflictCount: Type.Integer(),
  sources: Type.Array(BaseSource),
  lastBuild: Nullable(Build),
  lastAttempt: Nullable(Build),
});

/** A value another department holds differently from the source. */
export const Conflict = Type.Object({
  keyValue: Type.String(),
  fieldName: Type.String(),
  itemName: Type.String(),
  sourceValue: Nullable(Type.String()),
  otherValue: Type.String(),
  otherDepartmentId: Type.String(),
  otherDepartmentName: Type.String(),
  otherResourceId: Type.String(),
  otherField: Type.String(),
});

const TableRef = {
  base: Type.Optional(BaseCode),
  resourceId: Type.Optional(Uuid),
};

/** A theme database as declared: driving table, joins on a key, chosen columns. */
export const ThemeBody = Type.Object(
  {
    code: Identifier,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    driving: Type.Object(TableRef, { additionalProperties: false }),
    joins: Type.Array(
      Type.Object(
        {
          ...TableRef,
          field: Type.String({ minLength: 1, maxLength: 63, description: "The joined table's key column" }),
          on: Type.String({
            minLength: 1,
            maxLength: 63,
            description: "The driving table's column it equals",
          }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    columns: Type.Array(
      Type.Object(
        {
          table: Type.Integer({ minimum: 0, description: '0: the driving table; 1…: the joins in order' }),
          field: Type.String({ minLength: 1, maxLength: 63 }),
          as: Type.Optional(Identifier),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
/** A theme declaration. */
export type ThemeBody = Static<typeof ThemeBody>;

/** A declared theme database. */
export const Theme = Type.Object({
  id: Type.String(),
  code: Type.String(),
  view: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  declaration: Type.Record(Type.String(), Type.Unknown()),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});

/** A page of rows of a base or theme database. */
export const DataPage = Type.Object({
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
