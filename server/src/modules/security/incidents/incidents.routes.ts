import type { AppInstance } from '../../../platform/http/types.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { Page } from '../../../platform/http/pagination.ts';
import { IdParams } from '../security.schemas.ts';
import { incidentStats, listVisibleIncidents, readIncident } from './incidents.reads.ts';
import {
  ActionBody,
  CloseBody,
  ContainBody,
  CreateIncidentBody,
  Incident,
  IncidentDetail,
  IncidentQuery,
  IncidentStats,
  ReportBody,
  StatsQuery,
  UpdateIncidentBody,
} from './incidents.schemas.ts';
import {
  addIncidentAction,
  closeIncident,
  containIncident,
  correctIncident,
  registerIncident,
  reportIncident,
} from './incidents.service.ts';

const tags = ['security'];

/** Security incidents (CQ19 §44, CQO §37(2), CQ18 §28): register, timeline, containment, closing, report. */
export async function securityIncidentRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  // The profile is read per request, so the active profile's report deadlines always apply.
  const rules = () => platform.profile.security.incidents;
  const detail = (ctx: RequestContext, id: string) => readIncident(db, ctx, rules(), id);
  const manage = { permission: 'security.incident.manage' } as const;
  const params = IdParams;

  app.get(
    '/security/incidents',
    {
      config: { permission: 'security.incident.read' },
      schema: {
        tags,
        summary: 'Incidents the caller may see, latest first, with report due times and overdue flags',
        querystring: IncidentQuery,
        response: { 200: Page(Incident) },
      },
    },
    async (request) => listVisibleIncidents(db, request.ctx, rules(), request.query),
  );

  app.get(
    '/security/incidents/stats',
    {
      config: { permission: 'security.incident.read' },
      schema: {
        tags,
        summary: 'Incidents counted by month of detection and severity (the console chart)',
        querystring: StatsQuery,
        response: { 200: IncidentStats },
      },
    },
    async (request) => incidentStats(db, request.ctx, rules(), request.query.months ?? 12),
  );

  app.post(
    '/security/incidents',
    {
      config: manage,
      schema: {
        tags,
        summary: "Register an incident of the caller's department (an authority: of its region)",
        body: CreateIncidentBody,
        response: { 201: IncidentDetail },
      },
    },
    async (request, reply) => {
      const id = await registerIncident(db, request.ctx, rules(), request.body);
      return reply.status(201).send(await detail(request.ctx, id));
    },
  );

  app.get(
    '/security/incidents/:id',
    {
      config: { permission: 'security.incident.read' },
      schema: {
        tags,
        summary: 'One incident with the resources affected and its timeline',
        params,
        response: { 200: IncidentDetail },
      },
    },
    async (request) => detail(request.ctx, request.params.id),
  );

  app.patch(
    '/security/incidents/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Correct what was registered (until closed)',
        params,
        body: UpdateIncidentBody,
        response: { 200: IncidentDetail },
      },
    },
    async (request) => {
      await correctIncident(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  const step = { tags, params, response: { 200: IncidentDetail } };

  app.post(
    '/security/incidents/:id/actions',
    { config: manage, schema: { ...step, summary: 'Add an action taken to the timeline', body: ActionBody } },
    async (request) => {
      await addIncidentAction(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  app.post(
    '/security/incidents/:id/contain',
    {
      config: manage,
      schema: { ...step, summary: 'Record that the incident is under control', body: ContainBody },
    },
    async (request) => {
      await containIncident(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  app.post(
    '/security/incidents/:id/close',
    { config: manage, schema: { ...step, summary: 'Close the incident with a summary', body: CloseBody } },
    async (request) => {
      await closeIncident(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );

  app.post(
    '/security/incidents/:id/report',
    {
      config: manage,
      schema: {
        ...step,
        summary: 'Record the report to the competent authorities (to whom, when, reference)',
        body: ReportBody,
      },
    },
    async (request) => {
      await reportIncident(db, request.ctx, rules(), request.params.id, request.body);
      return detail(request.ctx, request.params.id);
    },
  );
}
