import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import { Day, Nullable } from '../../sharing/sharing-views.ts';
import { emergencyDetail, emergencyList } from './emergencies.reads.ts';
import { declareEmergency, decideDisposal, endEmergency, openUnderEmergency } from './emergencies.service.ts';

const tags = ['opening'];
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DatasetParams = Type.Object({
  id: Type.String({ maxLength: 64 }),
  resourceId: Type.String({ maxLength: 64 }),
});

const Emergency = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scope: Type.String(),
  basis: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  endedEarlyOn: Nullable(Type.String()),
  status: Type.Union([Type.Literal('upcoming'), Type.Literal('active'), Type.Literal('ended')]),
  createdAt: Type.String(),
});
const EmergencyDetail = Type.Object({
  ...Emergency.properties,
  datasets: Type.Array(
    Type.Object({
      resourceId: Type.String(),
      code: Type.String(),
      name: Nullable(Type.String()),
      department: Type.Object({ id: Type.String(), name: Type.String() }),
      addedAt: Type.String(),
      disposition: Nullable(
        Type.Union([Type.Literal('delete'), Type.Literal('retain'), Type.Literal('pending')]),
      ),
      approval: Nullable(Type.String()),
      decidedAt: Nullable(Type.String()),
      deletedRows: Nullable(Type.Integer()),
    }),
  ),
  /** Datasets still to be deleted or approved for retention after the end. */
  pending: Type.Integer(),
});

/** Emergency opening (CQO §27): declare, open datasets under it, end it, decide each dataset's disposal. */
export async function emergencyRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  app.post(
    '/open/emergencies',
    {
      config: { permission: 'open.emergency.manage' },
      schema: {
        tags,
        summary: 'Declare a public emergency for the own region: its minimum scope, basis and dates',
        body: Type.Object(
          { name: Text(200), scope: Text(2000), basis: Text(1000), startsOn: Day, endsOn: Day },
          { additionalProperties: false },
        ),
        response: { 201: EmergencyDetail },
      },
    },
    async (request, reply) => {
      const row = await declareEmergency(db, request.ctx, request.body);
      return reply.status(201).send(await emergencyDetail(db, request.ctx.actor!, row.id));
    },
  );

  app.get(
    '/open/emergencies',
    {
      config: { permission: 'open.emergency.read' },
      schema: {
        tags,
        summary: 'Emergencies of the region, newest first',
        response: { 200: Type.Array(Emergency) },
      },
    },
    async (request) => emergencyList(db, request.ctx.actor!),
  );

  app.get(
    '/open/emergencies/:id',
    {
      config: { permission: 'open.emergency.read' },
      schema: {
        tags,
        summary:
          'One emergency, its datasets and, after its end, what must be deleted or approved for retention',
        params: IdParams,
        response: { 200: EmergencyDetail },
      },
    },
    async (request) => emergencyDetail(db, request.ctx.actor!, request.params.id),
  );

  app.post(
    '/open/emergencies/:id/end',
    {
      config: { permission: 'open.emergency.manage' },
      schema: {
        tags,
        summary: 'End an emergency before its planned end',
        params: IdParams,
        response: { 200: EmergencyDetail },
      },
    },
    async (request) => {
      await endEmergency(db, request.ctx, request.params.id);
      return emergencyDetail(db, request.ctx.actor!, request.params.id);
    },
  );

  app.post(
    '/open/emergencies/:id/datasets',
    {
      config: { permission: 'open.emergency.manage' },
      schema: {
        tags,
        summary: 'Open (mark) an open dataset of the region under an emergency in force',
        params: IdParams,
        body: Type.Object({ resourceId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 200: EmergencyDetail },
      },
    },
    async (request) => {
      await openUnderEmergency(db, request.ctx, request.params.id, request.body.resourceId);
      return emergencyDetail(db, request.ctx.actor!, request.params.id);
    },
  );

  app.post(
    '/open/emergencies/:id/datasets/:resourceId/disposition',
    {
      config: { permission: 'open.emergency.manage' },
      schema: {
        tags,
        summary:
          'After the end: delete the dataset (withdrawn, pool rows deleted) or retain it with the approval',
        params: DatasetParams,
        body: Type.Object(
          {
            disposition: Type.Union([Type.Literal('delete'), Type.Literal('retain')]),
            approval: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: EmergencyDetail },
      },
    },
    async (request) => {
      await decideDisposal(db, request.ctx, request.params.id, request.params.resourceId, request.body);
      return emergencyDetail(db, request.ctx.actor!, request.params.id);
    },
  );
}
