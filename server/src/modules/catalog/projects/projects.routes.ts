import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { Locale } from '../../../platform/i18n/messages.ts';
import { IdParams } from '../catalog.schemas.ts';
import { acceptanceReport, listVisibleProjects, readProject } from './projects.read.ts';
import {
  AcceptanceReport,
  AcceptBody,
  CatalogBody,
  Project,
  ProjectDetail,
  ProjectQuery,
  RegisterBody,
  RejectBody,
} from './projects.schemas.ts';
import {
  acceptProject,
  approveProject,
  registerProject,
  rejectProject,
  saveCatalog,
} from './projects.service.ts';

const tags = ['catalog'];

/**
 * IT projects (CQ19 §48, SC §16, CQ18 §38): registration with a pre-compiled resource catalog,
 * approval and rejection by the data authority, and acceptance against the real catalog.
 */
export async function catalogProjectRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  // The profile is read per request (not captured here), so the active profile always applies.
  const detail = (request: { ctx: RequestContext; locale: Locale }, id: string) =>
    readProject(db, request.ctx, platform.profile, id, request.locale);

  app.post(
    '/catalog/projects',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'A department registers an IT project, optionally with its pre-compiled catalog',
        body: RegisterBody,
        response: { 201: ProjectDetail },
      },
    },
    async (request, reply) => {
      const id = await registerProject(db, request.ctx, request.body);
      return reply.status(201).send(await detail(request, id));
    },
  );

  app.get(
    '/catalog/projects',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: "The project list: the region's approved and accepted projects, and the caller's own",
        querystring: ProjectQuery,
        response: { 200: Page(Project) },
      },
    },
    async (request) => listVisibleProjects(db, request.ctx, platform.profile, request.query),
  );

  app.get(
    '/catalog/projects/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'A project with its pre-compiled catalog, what approval still misses, and its decisions',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  app.put(
    '/catalog/projects/:id/catalog',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'The owner replaces the pre-compiled catalog (after approval: only the links to resources)',
        params: IdParams,
        body: CatalogBody,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => {
      await saveCatalog(db, request.ctx, request.params.id, request.body.plannedResources);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/catalog/projects/:id/approve',
    {
      config: { permission: 'catalog.project.manage' },
      schema: {
        tags,
        summary: 'The authority approves the project (refused while the required catalog is incomplete)',
        params: IdParams,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => {
      await approveProject(db, request.ctx, platform.profile, request.params.id);
      return detail(request, request.params.id);
    },
  );

  app.post(
    '/catalog/projects/:id/reject',
    {
      config: { permission: 'catalog.project.manage' },
      schema: {
        tags,
        summary: 'The authority rejects the project with a reason',
        params: IdParams,
        body: RejectBody,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => {
      await rejectProject(db, request.ctx, request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  app.get(
    '/catalog/projects/:id/acceptance',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Which promised resources are cataloged, published and connected (owner and authority)',
        params: IdParams,
        response: { 200: AcceptanceReport },
      },
    },
    async (request) => acceptanceReport(db, request.ctx, platform.profile, request.params.id, request.locale),
  );

  app.post(
    '/catalog/projects/:id/accept',
    {
      config: { permission: 'catalog.project.manage' },
      schema: {
        tags,
        summary: 'The authority accepts the project (refused while promises are unmet, unless overridden)',
        params: IdParams,
        body: AcceptBody,
        response: { 200: ProjectDetail },
      },
    },
    async (request) => {
      await acceptProject(db, request.ctx, platform.profile, request.params.id, request.body ?? {});
      return detail(request, request.params.id);
    },
  );
}
