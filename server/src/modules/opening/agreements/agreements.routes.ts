import { Page } from '../../../platform/http/pagination.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import {
  agreementDocumentFile,
  agreementPackage,
  listAgreementsOf,
  listMyAgreements,
  readAgreement,
  verifyAgreementPackage,
} from './agreements.reads.ts';
import {
  AgreementDetail,
  AgreementListQuery,
  AgreementPackageSchema,
  AgreementParams,
  AgreementSummary,
  FeedbackBody,
  ReviewBody,
  SignBody,
  VerifyAnswer,
  VerifyBody,
} from './agreements.schemas.ts';
import { fileFeedback, reviewAgreement, signAgreementAs } from './agreements.service.ts';

const tags = ['open-data'];

// A downloaded document must not run anything when a browser opens it: no scripts, no requests,
// no forms; only its own inline styles. `sandbox` also gives it an opaque origin.
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * Data usage agreements of conditionally open data (数据利用协议, CQO §24–25): the lists, one
 * agreement, its document and signed package, signing by either side, the authority's review,
 * usage feedback, and the public check of a signed package. Routes that serve both the user and
 * department staff are `authenticated` at the gate; the service decides the side (404 for others).
 */
export async function openAgreementRoutes(app: AppInstance) {
  const platform = app.platform;
  const db = platform.database.db;

  app.get(
    '/open/me/agreements',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary: 'My data usage agreements, newest first, with status and feedback schedule',
        querystring: AgreementListQuery,
        response: { 200: Page(AgreementSummary) },
      },
    },
    async (request) => listMyAgreements(db, request.ctx, request.query),
  );

  app.get(
    '/open/agreements',
    {
      config: { permission: 'open.application.read' },
      schema: {
        tags,
        summary:
          "Agreements for the own department's data (provider) or the region's (authority, auditors); filters status, resourceId, feedbackOverdue",
        querystring: AgreementListQuery,
        response: { 200: Page(AgreementSummary) },
      },
    },
    async (request) => listAgreementsOf(db, request.ctx, request.query),
  );

  app.get(
    '/open/agreements/:id',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'One agreement (its user, its provider, the authority of the region): terms, document, signatures, review, feedback',
        params: AgreementParams,
        response: { 200: AgreementDetail },
      },
    },
    async (request) => readAgreement(db, request.ctx, request.params.id),
  );

  app.get(
    '/open/agreements/:id/document',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'The agreement document as an HTML file (the signed bytes, then the signature block after a marker line)',
        params: AgreementParams,
      },
    },
    async (request, reply) => {
      const file = await agreementDocumentFile(db, request.ctx, request.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('content-security-policy', DOCUMENT_CSP)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    '/open/agreements/:id/signed',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          'The signed package (zhengshu-agreement/1): document, digest, signatures, and the platform’s attestation',
        params: AgreementParams,
        response: { 200: AgreementPackageSchema },
      },
    },
    async (request, reply) => {
      const pkg = await agreementPackage(db, platform.signer, request.ctx, request.params.id);
      return reply
        .header(
          'content-disposition',
          `attachment; filename="${pkg.number.replace(/[^0-9A-Za-z_-]+/g, '_')}.json"`,
        )
        .header('cache-control', 'private, no-store')
        .send(pkg);
    },
  );

  app.post(
    '/open/agreements/verify',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Check a signed agreement package: the digest, each signature, whether the platform registered the number with this digest and each signature, and the attestation',
        body: VerifyBody,
        response: { 200: VerifyAnswer },
      },
    },
    async (request) =>
      verifyAgreementPackage(db, platform.signer, request.ctx, request.body as Record<string, unknown>),
  );

  app.post(
    '/open/agreements/:id/sign',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary:
          "Sign as the agreement's user or as its provider, sending the digest of the document shown (another digest: 409 open.agreement.changed)",
        params: AgreementParams,
        body: SignBody,
        response: { 200: AgreementDetail },
      },
    },
    async (request) => {
      await signAgreementAs(db, platform, request.ctx, request.params.id, request.body);
      return readAgreement(db, request.ctx, request.params.id);
    },
  );

  app.post(
    '/open/agreements/:id/review',
    {
      config: { permission: 'open.agreement.review' },
      schema: {
        tags,
        summary:
          'The authority of the provider’s region approves a signed agreement (access opens) or refuses it with a reason',
        params: AgreementParams,
        body: ReviewBody,
        response: { 200: AgreementDetail },
      },
    },
    async (request) => {
      await reviewAgreement(db, request.ctx, request.params.id, request.body);
      return readAgreement(db, request.ctx, request.params.id);
    },
  );

  app.post(
    '/open/agreements/:id/feedback',
    {
      config: { permission: 'open.apply' },
      schema: {
        tags,
        summary:
          'The agreement’s user reports how the data was used (papers, products, services citing the source)',
        params: AgreementParams,
        body: FeedbackBody,
        response: { 201: AgreementDetail },
      },
    },
    async (request, reply) => {
      await fileFeedback(db, request.ctx, request.params.id, request.body);
      return reply.status(201).send(await readAgreement(db, request.ctx, request.params.id));
    },
  );
}
