import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { IdParams } from '../../sharing/sharing-views.ts';
import { decideApplication } from './applications.decisions.ts';
import { listApplicationsOf, listOwnApplications, readApplication } from './applications.reads.ts';
import {
  ApplicationBody,
  ApplicationListQuery,
  DecisionBody,
  MyApplicationsQuery,
  OpenApplication,
  OpenApplicationDetail,
} from './applications.schemas.ts';
import { submitApplication, withdrawApplication } from './applications.service.ts';

const tags = ['open-data'];

/**
 * Applications for conditionally open data (有条件开放申请, CQO §24): a verified public user files
 * one, reads and withdraws their own; the provider department answers within the profile's
 * `conditionalOpenReply` deadline (a case; extensions through `/cases/:id/extension`), an approval
 * generating the data usage agreement (CQO §25); the authority and auditors read their region's.
 */
export async function openApplicationRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.post(
    '/open/applications',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary:
          'Apply for a conditionally open dataset (identity-verified public users): 201; 404 not in the open catalog; 409 not conditional, no data or a waiting application; 422 naming each field',
        body: ApplicationBody,
        response: { 201: OpenApplicationDetail },
      },
    },
    async (request, reply) => {
      const id = await submitApplication(db, request.ctx, platform, request.body);
      return reply.status(201).send(await readApplication(db, request.ctx, platform, id));
    },
  );

  app.get(
    '/open/me/applications',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary: "The caller's own applications, newest first, with the answer's due date and the agreement",
        querystring: MyApplicationsQuery,
        response: { 200: Page(OpenApplication) },
      },
    },
    async (request) => listOwnApplications(db, request.ctx, platform, request.query),
  );

  app.get(
    '/open/applications',
    {
      config: { permission: 'open.application.read' },
      schema: {
        tags,
        summary:
          "Applications for the own department's data (provider), or for data of the region's departments (authority, auditors)",
        querystring: ApplicationListQuery,
        response: { 200: Page(OpenApplication) },
      },
    },
    async (request) => listApplicationsOf(db, request.ctx, platform, request.query),
  );

  app.get(
    '/open/applications/:id',
    {
      // The applicant (`open.apply`) or a reader in scope (`open.application.read`): decided in the service.
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'One application: its decision, case (due date, extension, overdue, steps) and agreement; 404 outside scope',
        params: IdParams,
        response: { 200: OpenApplicationDetail },
      },
    },
    async (request) => readApplication(db, request.ctx, platform, request.params.id),
  );

  app.post(
    '/open/applications/:id/withdraw',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary: 'The applicant withdraws an application that still waits for the answer (409 after it)',
        params: IdParams,
        response: { 200: OpenApplicationDetail },
      },
    },
    async (request) => {
      await withdrawApplication(db, request.ctx, request.params.id);
      return readApplication(db, request.ctx, platform, request.params.id);
    },
  );

  app.post(
    '/open/applications/:id/decision',
    {
      config: { permission: 'open.application.answer' },
      schema: {
        tags,
        summary:
          'The provider answers: approve, approve in part (fewer items and/or a shorter period, with reason) or refuse (reason required); an approval generates the data usage agreement',
        params: IdParams,
        body: DecisionBody,
        response: { 200: OpenApplicationDetail },
      },
    },
    async (request) => {
      await decideApplication(db, request.ctx, platform.profile, request.params.id, request.body);
      return readApplication(db, request.ctx, platform, request.params.id);
    },
  );
}
