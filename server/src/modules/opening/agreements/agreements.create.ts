// Generating the data usage agreement when a provider approves an application (CQO §25): the terms
// come from the application as decided (the items and period the provider approved), the parties
// from the catalog and the account, the clauses and numbers from the profile. Called inside the
// approval's transaction, so an approval never exists without its agreement.
import type { Kysely, Selectable } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import type { OpenApplicationTable } from '../conditional.tables.ts';
import { agreementDigest, renderAgreementDocument, type AgreementTerms } from './agreement-document.ts';
import {
  findAgreementParties,
  insertAgreement,
  nextAgreementNumber,
  type OpenAgreementRow,
} from './agreements.repository.ts';

/** An application as decided: `decided_fields` / `decided_until` set where approved in part. */
export type DecidedApplication = Selectable<OpenApplicationTable>;

/**
 * Generates and stores the agreement of an approved application and audits `open.agreement.create`.
 * Where the profile requires no agreement (`procedures.openAgreement`), the agreement is still the
 * record of what was agreed, and access opens at once; else it waits for both signatures.
 */
export async function createAgreement(
  trx: Kysely<DB>,
  context: RequestContext,
  profile: Profile,
  application: DecidedApplication,
): Promise<OpenAgreementRow> {
  const parties = await findAgreementParties(trx, application.resource_id, application.applicant_user_id);
  if (!parties) throw notFound('what.open_data');
  const fields = application.decided_fields ?? application.fields;
  const until = application.decided_until ?? application.valid_until;
  const today = todayInChina();
  const rules = profile.opening.agreements;
  const signaturesRequired = profile.procedures.openAgreement.required;
  const authorityReview = signaturesRequired && profile.procedures.openAgreementAuthorityReview.required;
  const names = new Map(parties.items.map((item) => [item.field, item.name]));
  const terms: AgreementTerms = {
    number: await nextAgreementNumber(trx, today.slice(0, 4)),
    dataset: { resourceId: application.resource_id, code: parties.code, name: parties.datasetName },
    provider: { departmentId: application.provider_department_id, name: parties.providerName },
    applicant: {
      userId: application.applicant_user_id,
      name: parties.applicantName,
      personType: parties.personType,
      identityMasked: parties.identityMasked,
      contactName: parties.contactName,
    },
    items: fields.map((field) => ({ field, name: names.get(field) ?? field })),
    methods: application.methods,
    purpose: application.purpose,
    scenario: application.scenario,
    securityMeasures: application.security_measures,
    period: { from: application.valid_from, until },
    disposalDays: rules.disposalDays,
    feedbackEveryDays: rules.feedbackEveryDays,
    authorityReview,
    signaturesRequired,
    basis: {
      agreement: rules.article ?? profile.procedures.openAgreement.article,
      reply: profile.deadlines.conditionalOpenReply?.article ?? null,
      review: authorityReview ? profile.procedures.openAgreementAuthorityReview.article : null,
    },
    generatedOn: today,
  };
  const document = renderAgreementDocument(terms);
  const now = new Date();
  const row = await insertAgreement(trx, {
    number: terms.number,
    application_id: application.id,
    resource_id: application.resource_id,
    provider_department_id: application.provider_department_id,
    provider_region_id: application.provider_region_id,
    applicant_user_id: application.applicant_user_id,
    terms: JSON.stringify(terms),
    document,
    digest: agreementDigest(document),
    fields,
    methods: application.methods,
    valid_from: application.valid_from,
    valid_until: until,
    feedback_every_days: rules.feedbackEveryDays,
    state: signaturesRequired ? 'awaiting_signatures' : 'active',
    review_required: authorityReview,
    activated_at: signaturesRequired ? null : now,
    state_changed_at: now,
  });
  await recordAudit(trx, context, {
    action: 'open.agreement.create',
    targetType: 'open_agreement',
    targetId: row.id,
    departmentId: row.provider_department_id,
    detail: {
      number: row.number,
      applicationId: application.id,
      resourceId: row.resource_id,
      fields,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      state: row.state,
      digest: row.digest,
    },
  });
  return row;
}
