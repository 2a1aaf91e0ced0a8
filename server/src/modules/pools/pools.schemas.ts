import { Type, type Static } from 'typebox';
import { ENCODINGS } from './readers.ts';

/** `:resourceId` of a pool table. */
export const TableParams = Type.Object({ resourceId: Type.String({ format: 'uuid' }) });
/** `:id` of a batch. */
export const BatchParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
/** `:resourceId/:version`. */
export const VersionParams = Type.Object({
  resourceId: Type.String({ format: 'uuid' }),
  version: Type.Integer({ minimum: 1 }),
});

/** A column of a pool table. */
export const PoolColumn = Type.Object({
  field: Type.String(),
  name: Type.String(),
  dataType: Type.String(),
  sqlType: Type.String(),
  length: Type.Union([Type.Integer(), Type.Null()]),
  scale: Type.Union([Type.Integer(), Type.Null()]),
  isKey: Type.Boolean(),
  required: Type.Boolean(),
  check: Type.Union([Type.Literal('citizen_id'), Type.Literal('credit_code'), Type.Null()]),
  allowedValues: Type.Array(Type.String()),
  column: Type.String(),
  retired: Type.Boolean(),
});

/** A pool table in a list. */
export const PoolTableSummary = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  table: Type.String({ description: 'schema.table in the resource centre database' }),
  currentVersion: Type.Integer(),
  rowCount: Type.Integer(),
  loadedAt: Type.Union([Type.String(), Type.Null()]),
  updateCycle: Type.String(),
  migrationPending: Type.Boolean(),
  keyFields: Type.Array(Type.String()),
});

/** A waiting change of a table. */
export const PendingChange = Type.Object({
  kind: Type.Union([Type.Literal('remove'), Type.Literal('retype'), Type.Literal('key')]),
  field: Type.String(),
});

/** A pool table with its columns. */
export const PoolTableDetail = Type.Object({
  ...PoolTableSummary.properties,
  columns: Type.Array(PoolColumn),
  pendingChanges: Type.Array(PendingChange),
});

/** A batch (a version when loaded). */
export const Batch = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  version: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.String(),
  mode: Type.String(),
  format: Type.Union([Type.String(), Type.Null()]),
  fileName: Type.Union([Type.String(), Type.Null()]),
  fileBytes: Type.Union([Type.Integer(), Type.Null()]),
  encoding: Type.Union([Type.String(), Type.Null()]),
  restoredFrom: Type.Union([Type.Integer(), Type.Null()]),
  state: Type.String(),
  failure: Type.Union([Type.String(), Type.Null()]),
  failureMessage: Type.Union([Type.String(), Type.Null()]),
  rowsRead: Type.Integer(),
  rowsLoaded: Type.Integer(),
  rowsReplaced: Type.Integer(),
  errorCount: Type.Integer(),
  bytesRead: Type.Integer(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
  current: Type.Boolean(),
  origin: Type.Union([Type.String(), Type.Null()], {
    description: "A pull's provider URL (no password) or a return's upper-level platform",
  }),
});

/** One line of a failed batch's report. */
export const BatchError = Type.Object({
  row: Type.Union([Type.Integer(), Type.Null()]),
  column: Type.Union([Type.String(), Type.Null()]),
  value: Type.Union([Type.String(), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

/** How a file is loaded. */
export const LoadQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('jsonl')])),
  mode: Type.Optional(Type.Union([Type.Literal('replace'), Type.Literal('upsert')], { default: 'replace' })),
  encoding: Type.Optional(Type.Union(ENCODINGS.map((e) => Type.Literal(e)))),
  delimiter: Type.Optional(
    Type.Union([Type.Literal(','), Type.Literal('\t'), Type.Literal(';'), Type.Literal('|')]),
  ),
  fileName: Type.Optional(Type.String({ maxLength: 255 })),
  wait: Type.Optional(Type.Boolean({ default: false, description: 'Answer when the batch has ended' })),
});
/** Query of a load. */
export type LoadQuery = Static<typeof LoadQuery>;

/** Rows pushed by an application. */
export const PushBody = Type.Object({
  records: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1 }),
});

/** Rows of a version. */
export const RowsQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

/** A page of rows. */
export const RowsPage = Type.Object({
  version: Type.Integer(),
  columns: Type.Array(
    Type.Object({
      field: Type.String(),
      name: Type.String(),
      column: Type.String(),
      retired: Type.Boolean(),
    }),
  ),
  items: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
