import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { dutyChanges, listDutyPage } from './duties.service.ts';

const tags = ['catalog'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DepartmentRef = Type.Object({ id: Type.String(), name: Type.String() });

const DutyQuery = Type.Object(
  {
    ...PageQuery.properties,
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    /** collect: 采集责任 (every published resource); open: 开放责任 (open resources). */
    kind: Type.Optional(Type.Enum(['collect', 'open'])),
  },
  { additionalProperties: false },
);

const Duty = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  department: DepartmentRef,
  classCode: Type.String(),
  updateCycle: Type.String(),
  updateCycleNote: Nullable(Type.String()),
  /** Key and required items: what must be collected. */
  keyItems: Type.Array(Type.Object({ name: Type.String(), fieldName: Type.String(), isKey: Type.Boolean() })),
  shareType: Type.String(),
  openType: Type.String(),
  /** For open duties: how the data is opened (download, API, algorithm-model). */
  openMethods: Type.Array(Type.String()),
  openCondition: Nullable(Type.String()),
  publishedAt: Type.String(),
  modifiedAt: Type.String(),
  versionNumber: Type.Integer(),
  /** What can be told today of the duty's fulfilment: the last data load (null until pools load data). */
  fulfilment: Type.Object({ dataUpdatedAt: Nullable(Type.String()) }),
});

const DutyChange = Type.Object({
  resourceId: Type.String(),
  code: Type.String(),
  name: Type.String(),
  updateCycle: Nullable(Type.String()),
  openType: Nullable(Type.String()),
  openMethods: Type.Array(Type.String()),
  fields: Type.Array(Type.String()),
});
const ChangeLists = Type.Object({
  added: Type.Array(DutyChange),
  removed: Type.Array(DutyChange),
  changed: Type.Array(DutyChange),
});

/** Responsibility lists (CQ19 §13, CQO §16): the duties of each department and what each version changed. */
export async function dutyRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.get(
    '/catalog/duties',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Collection or open duties of a department (or every department in scope)',
        querystring: DutyQuery,
        response: {
          200: Type.Object({
            kind: Type.Enum(['collect', 'open']),
            items: Type.Array(Duty),
            total: Type.Integer(),
            page: Type.Integer(),
            pageSize: Type.Integer(),
          }),
        },
      },
    },
    async (request) => listDutyPage(db, request.ctx, request.query),
  );

  app.get(
    '/catalog/duties/changes',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'What a catalog version (the newest by default) changed in the duty lists, per department',
        querystring: Type.Object(
          { version: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            version: Type.Integer(),
            publishedAt: Type.String(),
            departments: Type.Array(
              Type.Object({ department: DepartmentRef, collect: ChangeLists, open: ChangeLists }),
            ),
          }),
        },
      },
    },
    async (request) => dutyChanges(db, request.ctx, request.query.version),
  );
}
