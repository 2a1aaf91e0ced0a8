import { Type } from 'typebox';
import { Page } from '../../platform/http/pagination.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import {
  ClassRef,
  CreateResourceBody,
  IdParams,
  Resource,
  ResourceInput,
  ResourceQuery,
  ResourceSummary,
} from './catalog.schemas.ts';
import { createClass } from './classes.service.ts';
import {
  createResource,
  discardDraft,
  listWorkingResources,
  readResource,
  saveDraft,
} from './catalog.service.ts';
import { listClasses } from './catalog.repository.ts';
import { catalogVocabulary, Vocabulary } from './vocabulary.presenter.ts';
import { QualityScore } from './catalog.quality.ts';
import { departmentQualityScores, resourceQuality } from './quality.service.ts';

const tags = ['catalog'];

/** The catalog's resources (目录条目), their drafts, the classification and the value lists. */
export async function catalogRoutes(app: AppInstance) {
  const { database, profile } = app.platform;
  const db = database.db;

  app.get(
    '/catalog/vocabulary',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Value lists of the catalog (codes and names)',
        response: { 200: Vocabulary },
      },
    },
    async () => catalogVocabulary(profile),
  );

  app.get(
    '/catalog/classes',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'The classification (类/项/目/细目)',
        response: { 200: Type.Array(ClassRef) },
      },
    },
    async () => listClasses(db),
  );

  app.post(
    '/catalog/classes',
    {
      config: { permission: 'catalog.class.manage' },
      schema: {
        tags,
        summary: 'Add a classification node below another',
        body: Type.Object(
          {
            parentId: Type.String({ format: 'uuid' }),
            code: Type.String({ pattern: '^[1-3][0-9]{1,11}$' }),
            name: Type.String({ minLength: 1, maxLength: 100 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ClassRef },
      },
    },
    async (request, reply) => reply.status(201).send(await createClass(db, request.ctx, request.body)),
  );

  app.get(
    '/catalog/resources',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'The working list: each resource the caller may compile or oversee, with its newest state',
        querystring: ResourceQuery,
        response: { 200: Page(ResourceSummary) },
      },
    },
    async (request) => listWorkingResources(db, request.ctx, request.query),
  );

  app.post(
    '/catalog/resources',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: 'Create a resource with its first draft',
        body: CreateResourceBody,
        response: { 201: Resource },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createResource(db, request.ctx, profile, request.body)),
  );

  app.get(
    '/catalog/resources/:id',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'A resource: published revision, and the draft for its department',
        params: IdParams,
        response: { 200: Resource },
      },
    },
    async (request) => readResource(db, request.ctx, profile, request.params.id),
  );

  app.put(
    '/catalog/resources/:id/draft',
    {
      config: { permission: 'catalog.compile' },
      schema: {
        tags,
        summary: "Save the resource's draft",
        params: IdParams,
        body: ResourceInput,
        response: { 200: Resource },
      },
    },
    async (request) => saveDraft(db, request.ctx, profile, request.params.id, request.body),
  );

  app.delete(
    '/catalog/resources/:id/draft',
    {
      config: { permission: 'catalog.compile' },
      schema: { tags, summary: 'Discard the draft', params: IdParams, response: { 200: Resource } },
    },
    async (request) => discardDraft(db, request.ctx, profile, request.params.id),
  );

  app.get(
    '/catalog/resources/:id/quality',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Metadata quality of a resource, with each criterion',
        params: IdParams,
        response: {
          200: Type.Object({
            resourceId: Type.String(),
            revisionNumber: Type.Integer(),
            ...QualityScore.properties,
          }),
        },
      },
    },
    async (request) => resourceQuality(db, request.ctx, profile, request.params.id),
  );

  app.get(
    '/catalog/quality/departments',
    {
      config: { permission: 'catalog.read' },
      schema: {
        tags,
        summary: 'Average metadata quality of each department’s published resources',
        response: {
          200: Type.Array(
            Type.Object({
              departmentId: Type.String(),
              departmentName: Type.String(),
              resources: Type.Integer(),
              average: Type.Integer(),
            }),
          ),
        },
      },
    },
    async (request) => departmentQualityScores(db, request.ctx),
  );
}
