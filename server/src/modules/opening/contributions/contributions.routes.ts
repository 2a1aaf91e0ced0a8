import { Type } from 'typebox';
import { PageQuery } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { Nullable } from '../../sharing/sharing-views.ts';
import { contributionDetail, contributionList } from './contributions.reads.ts';
import {
  downloadContribution,
  reviewContribution,
  submitContribution,
  withdrawContribution,
} from './contributions.service.ts';

const tags = ['opening'];
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const State = Type.Union([
  Type.Literal('submitted'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
const ListQuery = Type.Object(
  {
    page: PageQuery.properties.page,
    pageSize: PageQuery.properties.pageSize,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    state: Type.Optional(State),
  },
  { additionalProperties: false },
);
const Contribution = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  keywords: Type.Array(Type.String()),
  licence: Type.String(),
  updateCycle: Type.String(),
  sourceNote: Type.String(),
  publisher: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Integer(),
  size: Type.Integer(),
  digest: Type.String(),
  state: State,
  reviewReason: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  downloads: Type.Integer(),
  createdAt: Type.String(),
});
const ContributionDetail = Type.Object({
  ...Contribution.properties,
  preview: Type.Array(Type.Array(Type.String())),
});

/** Multi-source opening (CQO §31): organisations publish datasets, reviewed by the authority first. */
export async function contributionRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;
  // The file travels as the text of a JSON field; JSON escaping can grow it by a third and more.
  const bodyLimit = Math.ceil(platform.config.contributionMaxBytes * 1.5) + 64 * 1024;

  app.post(
    '/open/contributions',
    {
      bodyLimit,
      config: { permission: 'open.publish' },
      schema: {
        tags,
        summary:
          "Submit an organisation's own dataset (a CSV file and its description) for the authority's review",
        body: Type.Object(
          {
            name: Text(200),
            description: Text(4000),
            keywords: Type.Optional(Type.Array(Text(40), { maxItems: 20 })),
            licence: Text(200),
            updateCycle: Text(100),
            sourceNote: Text(2000),
            csv: Type.String({ minLength: 1, maxLength: platform.config.contributionMaxBytes }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ContributionDetail },
      },
    },
    async (request, reply) => {
      const id = await submitContribution(db, request.ctx, request.body);
      return reply.status(201).send(await contributionDetail(db, request.ctx.actor, id));
    },
  );

  app.get(
    '/open/contributions',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'Datasets published by organisations and approved by the authority',
        querystring: ListQuery,
        response: { 200: Type.Array(Contribution) },
      },
    },
    async (request) => contributionList(db, null, 'public', request.query),
  );

  app.get(
    '/open/me/contributions',
    {
      config: { permission: 'open.publish' },
      schema: {
        tags,
        summary: 'My organisation’s datasets in every state',
        querystring: ListQuery,
        response: { 200: Type.Array(Contribution) },
      },
    },
    async (request) => contributionList(db, request.ctx.actor, 'own', request.query),
  );

  app.get(
    '/open/contributions/review',
    {
      config: { permission: 'open.contribution.review' },
      schema: {
        tags,
        summary: "Organisations' datasets of the region waiting for review (state filter: others)",
        querystring: ListQuery,
        response: { 200: Type.Array(Contribution) },
      },
    },
    async (request) => contributionList(db, request.ctx.actor, 'review', request.query),
  );

  app.get(
    '/open/contributions/:id',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'One dataset with a preview of its first rows',
        params: IdParams,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => contributionDetail(db, request.ctx.actor, request.params.id),
  );

  app.get(
    '/open/contributions/:id/download',
    {
      config: { permission: 'open.data' },
      schema: {
        tags,
        summary: 'The CSV file (identity-authenticated users; counted and audited)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await downloadContribution(db, request.ctx, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'Content-Disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent(`${file.name}.csv`)}`,
        )
        .send(file.content);
    },
  );

  app.post(
    '/open/contributions/:id/review',
    {
      config: { permission: 'open.contribution.review' },
      schema: {
        tags,
        summary: 'Approve (the dataset appears) or reject with a reason',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ContributionDetail },
      },
    },
    async (request) => {
      await reviewContribution(db, request.ctx, request.params.id, request.body);
      return contributionDetail(db, request.ctx.actor, request.params.id);
    },
  );

  app.post(
    '/open/contributions/:id/withdraw',
    {
      config: { permission: 'open.publish' },
      schema: {
        tags,
        summary: 'Withdraw an own dataset from the portal',
        params: IdParams,
        response: { 200: ContributionDetail },
      },
    },
    async (request) => {
      await withdrawContribution(db, request.ctx, request.params.id);
      return contributionDetail(db, request.ctx.actor, request.params.id);
    },
  );
}
