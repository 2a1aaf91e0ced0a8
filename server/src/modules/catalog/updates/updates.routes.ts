import { Type } from 'typebox';
import { Page, PageQuery } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../catalog.schemas.ts';
import {
  cancelUpdateRequest,
  listUpdateRequests,
  readUpdateRequest,
  registerUpdateRequest,
} from './updates.service.ts';

const tags = ['catalog'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const RegisterBody = Type.Object(
  {
    departmentId: Type.String({ format: 'uuid' }),
    /** The day the law or the department's duties changed: the deadline counts from it. */
    changedOn: Type.String({ format: 'date' }),
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    /** The law, regulation or decision that changed. */
    basis: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const UpdateQuery = Type.Object(
  {
    ...PageQuery.properties,
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    /** true: still waiting for the department's list; false: filed or cancelled. */
    open: Type.Optional(Type.Boolean()),
    overdue: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const UpdateRequest = Type.Object({
  id: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  state: Type.Enum(['open', 'filed', 'cancelled']),
  changedOn: Type.String(),
  reason: Type.String(),
  basis: Nullable(Type.String()),
  registeredByName: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  overdueSince: Nullable(Type.String()),
  /** Working days from today to the due date (0: due today; negative: overdue); null once closed. */
  workdaysLeft: Nullable(Type.Integer()),
  closedAt: Nullable(Type.String()),
  rule: Nullable(Type.Object({ workdays: Type.Integer(), article: Type.String() })),
  /** The list the department submitted in answer. */
  submission: Nullable(Type.Object({ id: Type.String(), state: Type.String(), submittedAt: Type.String() })),
  createdAt: Type.String(),
});

const UpdateRequestDetail = Type.Object({
  ...UpdateRequest.properties,
  history: Type.Array(
    Type.Object({
      action: Type.String(),
      fromState: Nullable(Type.String()),
      toState: Type.String(),
      actorName: Nullable(Type.String()),
      occurredAt: Type.String(),
      detail: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

/** Catalog update requests (CQ19 §14, CQO §17, CQ18 §9): register, list, read, cancel. */
export async function updateRequestRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/catalog/update-requests',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary:
          "Register a change of law or duties: opens the department's update duty with the profile's deadline",
        body: RegisterBody,
        response: { 201: UpdateRequestDetail },
      },
    },
    async (request, reply) => {
      const id = await registerUpdateRequest(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readUpdateRequest(db, request.ctx, platform, id));
    },
  );

  app.get(
    '/catalog/update-requests',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Update requests with due dates and overdue flags (own department, or the regions in scope)',
        querystring: UpdateQuery,
        response: { 200: Page(UpdateRequest) },
      },
    },
    async (request) => listUpdateRequests(db, request.ctx, platform, request.query),
  );

  app.get(
    '/catalog/update-requests/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'An update request with its history',
        params: IdParams,
        response: { 200: UpdateRequestDetail },
      },
    },
    async (request) => readUpdateRequest(db, request.ctx, platform, request.params.id),
  );

  app.post(
    '/catalog/update-requests/:id/cancel',
    {
      config: { permission: 'catalog.review' },
      schema: {
        tags,
        summary: 'The authority cancels an update request, with a reason',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: UpdateRequestDetail },
      },
    },
    async (request) => {
      await cancelUpdateRequest(db, request.ctx, request.params.id, request.body.reason);
      return readUpdateRequest(db, request.ctx, platform, request.params.id);
    },
  );
}
