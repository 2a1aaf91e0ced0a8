// Reading data usage agreements: the user's list, the provider's and the authority's list, one
// agreement with its terms, signatures, review and feedback, the document as a file, the signed
// package, and the public check of a package. Every read by a party is audited; the public check
// answers facts about the package sent only, never about other agreements.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { canonicalJson, type SignedEnvelope } from '../../../platform/crypto/envelope.ts';
import type { Signer } from '../../../platform/crypto/signer.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { iso, levelOf } from '../../sharing/sharing-views.ts';
import type { AgreementTerms } from './agreement-document.ts';
import { agreementStatus, feedbackSchedule } from './agreement-status.ts';
import {
  findListedAgreement,
  findRegistered,
  listAgreements,
  listFeedback,
  listSignatures,
  type AgreementFilter,
  type AgreementScope,
  type AgreementSignatureRow,
  type ListedAgreement,
} from './agreements.repository.ts';
import type { FeedbackOutcome } from './agreements.service.ts';
import { readerScope, requireSide, type AgreementSide } from './agreements.scope.ts';
import { signatureBlock } from './signature-block.ts';
import {
  AGREEMENT_PACKAGE_FORMAT,
  verifyPackage,
  type AgreementPackage,
  type PackageSignature,
} from './signatures.ts';

const termsOf = (row: ListedAgreement) => row.terms as unknown as AgreementTerms;

/** An agreement in a list; `graded`: with its resource's level (not for the applicant, a public user). */
function summary(row: ListedAgreement, today: string, graded: boolean) {
  const terms = termsOf(row);
  return {
    id: row.id,
    number: row.number,
    status: agreementStatus(row, today),
    applicationId: row.application_id,
    resource: { id: row.resource_id, code: terms.dataset.code, name: terms.dataset.name },
    ...levelOf(row, graded),
    provider: { id: row.provider_department_id, name: terms.provider.name },
    applicant: { id: row.applicant_user_id, name: terms.applicant.name },
    methods: row.methods,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    reviewRequired: row.review_required,
    signaturesRequired: terms.signaturesRequired,
    feedback: feedbackSchedule(row, row.last_feedback_on ? [row.last_feedback_on] : [], today),
    createdAt: iso(row.created_at)!,
  };
}

async function page(
  db: Kysely<DB>,
  context: RequestContext,
  scope: AgreementScope,
  query: AgreementFilter & { page?: number; pageSize?: number },
) {
  const { page: _page, pageSize: _pageSize, ...filter } = query;
  const window = pageWindow(query);
  const today = todayInChina();
  const { rows, total } = await listAgreements(db, scope, filter, today, window);
  await recordAudit(db, context, {
    action: 'open.agreement.list',
    targetType: 'open_agreement',
    detail: { scope: scope.kind, filter, page: window.page, total },
  });
  return {
    items: rows.map((row) => summary(row, today, scope.kind !== 'applicant')),
    total,
    page: window.page,
    pageSize: window.pageSize,
  };
}

/** The public user's own agreements, newest first, audited. */
export function listMyAgreements(
  db: Kysely<DB>,
  context: RequestContext,
  query: AgreementFilter & { page?: number; pageSize?: number },
) {
  return page(db, context, { kind: 'applicant', userId: context.actor!.id }, query);
}

/** The agreements for the own department's data, or the region's (authority, auditors), audited. */
export function listAgreementsOf(
  db: Kysely<DB>,
  context: RequestContext,
  query: AgreementFilter & { page?: number; pageSize?: number },
) {
  return page(db, context, readerScope(context.actor!), query);
}

/** The agreement if the actor may see it (404 otherwise), with the actor's side. */
async function visible(db: Kysely<DB>, context: RequestContext, id: string) {
  const row = await findListedAgreement(db, id);
  const side = requireSide(context.actor!, row);
  return { row: row!, side };
}

const signatureView = (s: AgreementSignatureRow) => ({
  party: s.party,
  signerName: s.signer_name,
  signedAt: iso(s.signed_at)!,
  alg: s.alg,
  keyId: s.key_id,
});

/** One agreement with its terms, document, signatures, review and feedback, for a party; audited. */
export async function readAgreement(db: Kysely<DB>, context: RequestContext, id: string) {
  const { row, side } = await visible(db, context, id);
  const [signatures, feedback] = await Promise.all([listSignatures(db, id), listFeedback(db, id)]);
  await recordAudit(db, context, {
    action: 'open.agreement.read',
    targetType: 'open_agreement',
    targetId: id,
    departmentId: row.provider_department_id,
    detail: { side },
  });
  const terms = termsOf(row);
  const signed = new Set(signatures.map((s) => s.party));
  const awaiting =
    row.state === 'awaiting_signatures'
      ? (['applicant', 'provider'] as const).filter((p) => !signed.has(p))
      : [];
  return {
    ...summary(row, todayInChina(), side !== 'applicant'),
    items: terms.items,
    purpose: terms.purpose,
    scenario: terms.scenario,
    securityMeasures: terms.securityMeasures,
    disposalDays: terms.disposalDays,
    document: row.document,
    digest: row.digest,
    signatures: signatures.map(signatureView),
    awaitingSignatureOf: [...awaiting],
    mySide:
      side !== 'region' && (awaiting as readonly string[]).includes(side)
        ? (side as 'applicant' | 'provider')
        : null,
    review: row.reviewed_at
      ? {
          decision: row.state === 'refused' ? ('refuse' as const) : ('approve' as const),
          reviewerName: row.reviewer_name,
          reviewedAt: iso(row.reviewed_at)!,
          reason: row.review_reason,
        }
      : null,
    stateReason: row.state_reason,
    activatedAt: iso(row.activated_at),
    feedbackList: feedback.map((f) => ({
      id: f.id,
      summary: f.summary,
      outcomes: f.outcomes as FeedbackOutcome[],
      submittedByName: f.submitted_by_name,
      createdAt: iso(f.created_at)!,
    })),
  };
}

const packageSignature = (s: AgreementSignatureRow): PackageSignature => ({
  party: s.party,
  signerName: s.signer_name,
  signedAt: iso(s.signed_at)!,
  alg: s.alg as PackageSignature['alg'],
  keyId: s.key_id,
  publicKeyPem: s.public_key_pem,
  signedPayload: s.signed_payload,
  signature: s.signature,
});

/** What the platform's attestation of a package says: which signatures it registered for which document. */
function attestationPayload(pkg: Pick<AgreementPackage, 'number' | 'digest' | 'signatures'>) {
  return {
    kind: 'open-agreement',
    number: pkg.number,
    digest: pkg.digest,
    signatures: pkg.signatures.map((s) => ({ party: s.party, keyId: s.keyId, signature: s.signature })),
  };
}

async function audited(
  db: Kysely<DB>,
  context: RequestContext,
  action: string,
  row: ListedAgreement,
  side: AgreementSide,
) {
  await recordAudit(db, context, {
    action,
    targetType: 'open_agreement',
    targetId: row.id,
    departmentId: row.provider_department_id,
    detail: { number: row.number, side, digest: row.digest },
  });
}

/**
 * The signed package of an agreement for a party: the document, its digest, each signature with
 * its public key and the exact text signed, and the platform's attestation (its own signed
 * envelope naming the number, digest and signatures it registered). Audited `open.agreement.package`.
 */
export async function agreementPackage(
  db: Kysely<DB>,
  signer: Pick<Signer, 'signDocument'>,
  context: RequestContext,
  id: string,
): Promise<AgreementPackage & { attestation: SignedEnvelope }> {
  const { row, side } = await visible(db, context, id);
  const signatures = (await listSignatures(db, id)).map(packageSignature);
  await audited(db, context, 'open.agreement.package', row, side);
  const pkg = {
    format: AGREEMENT_PACKAGE_FORMAT as typeof AGREEMENT_PACKAGE_FORMAT,
    number: row.number,
    document: row.document,
    digest: row.digest,
    signatures,
  };
  return { ...pkg, attestation: signer.signDocument(attestationPayload(pkg)) };
}

/** The document as a file: the signed bytes, then the signature block (outside the signed bytes). */
export async function agreementDocumentFile(db: Kysely<DB>, context: RequestContext, id: string) {
  const { row, side } = await visible(db, context, id);
  const signatures = await listSignatures(db, id);
  await audited(db, context, 'open.agreement.document', row, side);
  return {
    fileName: `${row.number.replace(/[^0-9A-Za-z_-]+/g, '_')}.html`,
    body: row.document + signatureBlock(row, signatures.map(packageSignature)),
  };
}

/**
 * The public check of a package: the package's own validity (digest, signatures), whether the
 * platform registered this number with this digest and each signature as it stands, and whether
 * the platform's attestation holds and fits the package. Nothing about the agreement is answered
 * that the package does not already hold. Audited `open.agreement.verify` (anonymous callers too).
 */
export async function verifyAgreementPackage(
  db: Kysely<DB>,
  signer: Pick<Signer, 'verify'>,
  context: RequestContext,
  body: Record<string, unknown>,
) {
  const verdict = verifyPackage(body);
  const number = typeof body.number === 'string' ? body.number : null;
  const digest = typeof body.digest === 'string' ? body.digest : null;
  const stored = number && number.length <= 40 ? await findRegistered(db, number) : undefined;
  const registered = Boolean(stored && digest !== null && stored.digest === digest);
  const raw = Array.isArray(body.signatures) ? (body.signatures as unknown[]) : [];
  const signatures = verdict.signatures.map((s) => {
    const sent = (raw[s.index] ?? {}) as Record<string, unknown>;
    const recorded =
      registered &&
      s.valid &&
      stored!.signatures.some(
        (r) => r.party === s.party && r.key_id === s.keyId && r.signature === sent.signature,
      );
    return { ...s, registered: recorded };
  });
  const attestation = await checkAttestation(signer, body, verdict.wellFormed);
  await recordAudit(db, context, {
    action: 'open.agreement.verify',
    targetType: 'open_agreement',
    detail: { number, registered, valid: verdict.valid, complete: verdict.complete, attestation },
  });
  return {
    wellFormed: verdict.wellFormed,
    digestMatches: verdict.digestMatches,
    registered,
    valid: verdict.valid,
    complete: verdict.complete,
    signatures,
    attestation,
  };
}

async function checkAttestation(
  signer: Pick<Signer, 'verify'>,
  body: Record<string, unknown>,
  wellFormed: boolean,
) {
  const envelope = body.attestation;
  if (envelope === undefined || envelope === null) return { present: false, valid: false, matches: false };
  const verdict = await signer.verify(envelope);
  if (!verdict.valid || !wellFormed) return { present: true, valid: verdict.valid, matches: false };
  const attested = canonicalJson((envelope as { payload?: unknown }).payload ?? null);
  const sent = (body.signatures as unknown[]).map((s) => (s ?? {}) as PackageSignature);
  const expected = canonicalJson(
    attestationPayload({ number: body.number as string, digest: body.digest as string, signatures: sent }),
  );
  return { present: true, valid: true, matches: attested === expected };
}
