// Shapes and calls of conditionally open data (有条件开放, CQO §24–25): applications, data usage
// agreements, signatures and usage feedback. Both the portal (the applicant) and the console (the
// provider and the authority) use them; no antd or React here, so the portal can import it.
// They follow server/src/modules/opening/applications/*.schemas.ts and …/agreements/*.schemas.ts.
import { api, apiUrl, type Query } from './client.ts';
import type { ResourceLevel, ShareCase } from './sharing.ts';
import type { Page } from './types.ts';

/** How agreed data may leave the platform. */
export type AgreedMethod = 'download' | 'api';
/** The methods an application may ask for, in the order forms show them. */
export const AGREED_METHODS: readonly AgreedMethod[] = ['download', 'api'];

/** Where an application stands (whether an approval was in part is its `decision`). */
export type ApplicationState = 'submitted' | 'approved' | 'refused' | 'withdrawn';
/** Every application state, in the order an application passes them. */
export const APPLICATION_STATES: readonly ApplicationState[] = [
  'submitted',
  'approved',
  'refused',
  'withdrawn',
];

/** The provider's answer to an application. */
export type OpenDecision = 'approve' | 'approve_in_part' | 'refuse';

/** An agreement's standing as presented (computed by the server from its state and period). */
export type AgreementStatus =
  | 'awaiting_signatures'
  | 'awaiting_review'
  | 'refused'
  | 'not_started'
  | 'active'
  | 'ended'
  | 'suspended'
  | 'terminated';
/** Every agreement status, in the order an agreement passes them. */
export const AGREEMENT_STATUSES: readonly AgreementStatus[] = [
  'awaiting_signatures',
  'awaiting_review',
  'refused',
  'not_started',
  'active',
  'ended',
  'suspended',
  'terminated',
];

/** A side of an agreement that signs it. */
export type AgreementParty = 'applicant' | 'provider';

/** A dataset, department or person as these routes name them. */
export interface Ref {
  id: string;
  name: string;
}

/** The agreement an approval made, as an application shows it (its stored state, not the status). */
export interface AgreementRef {
  id: string;
  number: string;
  state: string;
  validFrom: string;
  validUntil: string;
}

/** An application in a list (server: applications.schemas.ts `OpenApplication`). */
export interface OpenApplication extends ResourceLevel {
  id: string;
  state: ApplicationState;
  decision: OpenDecision | null;
  resource: Ref & { code: string };
  provider: Ref;
  applicant: Ref & { personType: string | null; identityMasked: string | null };
  purpose: string;
  scenario: string;
  securityMeasures: string;
  fields: string[];
  methods: AgreedMethod[];
  validFrom: string;
  validUntil: string;
  /** Due date of the provider's answer while it waits (null: no deadline in the profile, or answered). */
  dueOn: string | null;
  overdue: boolean;
  /** Working days to the due date (0 today, negative overdue); null when nothing is due. */
  workdaysLeft: number | null;
  caseId: string;
  agreement: AgreementRef | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /open/applications/:id: with the item names, the decision, the case and the reply rule. */
export interface OpenApplicationDetail extends OpenApplication {
  items: { field: string; name: string }[];
  decidedFields: string[] | null;
  decidedUntil: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  replyRule: {
    workdays: number;
    article: string | null;
    extension: { workdays: number; article: string | null } | null;
  } | null;
  case: ShareCase | null;
}

/** POST /open/applications. */
export interface ApplicationInput {
  resourceId: string;
  purpose: string;
  scenario: string;
  securityMeasures: string;
  fields: string[];
  methods: AgreedMethod[];
  validFrom?: string;
  validUntil: string;
}

/** POST /open/applications/:id/decision. */
export interface DecisionInput {
  decision: OpenDecision;
  fields?: string[];
  validUntil?: string;
  reason?: string;
}

/** One side's signature of an agreement. */
export interface AgreementSignature {
  party: AgreementParty;
  signerName: string;
  signedAt: string;
  alg: string;
  keyId: string;
}

/** The usage-feedback schedule of an agreement that owes feedback. */
export interface FeedbackSchedule {
  everyDays: number;
  lastFeedbackOn: string | null;
  /** Null once the final report (on or after the last day) is in. */
  nextDueOn: string | null;
  overdue: boolean;
  finalReportIn: boolean;
}

/** Kinds of outcome a feedback may name (papers, products, services citing the source). */
export type OutcomeKind = 'paper' | 'product' | 'service' | 'other';
/** Every outcome kind. */
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['paper', 'product', 'service', 'other'];

/** An outcome of the use of the data. */
export interface FeedbackOutcome {
  kind: OutcomeKind;
  title: string;
  citation?: string;
  url?: string;
}

/** A usage report. */
export interface UsageFeedback {
  id: string;
  summary: string;
  outcomes: FeedbackOutcome[];
  submittedByName: string;
  createdAt: string;
}

/** An agreement in a list (server: agreements.schemas.ts `AgreementSummary`). */
export interface OpenAgreement extends ResourceLevel {
  id: string;
  number: string;
  status: AgreementStatus;
  applicationId: string;
  resource: Ref & { code: string };
  provider: Ref;
  applicant: Ref;
  methods: AgreedMethod[];
  validFrom: string;
  validUntil: string;
  reviewRequired: boolean;
  signaturesRequired: boolean;
  /** Null for an agreement that owes no feedback (not opened, refused, terminated). */
  feedback: FeedbackSchedule | null;
  createdAt: string;
}

/** GET /open/agreements/:id: the terms, the document as signed, signatures, review and feedback. */
export interface OpenAgreementDetail extends OpenAgreement {
  items: { field: string; name: string }[];
  purpose: string;
  scenario: string;
  securityMeasures: string;
  disposalDays: number;
  /** The signed document (zh-CN HTML): shown sandboxed, never as markup of the page. */
  document: string;
  digest: string;
  signatures: AgreementSignature[];
  /** Sides whose signature is still missing while the agreement awaits signatures. */
  awaitingSignatureOf: AgreementParty[];
  /** The side the caller would sign as, when the caller may sign now; else null. */
  mySide: AgreementParty | null;
  review: {
    decision: 'approve' | 'refuse';
    reviewerName: string | null;
    reviewedAt: string;
    reason: string | null;
  } | null;
  stateReason: string | null;
  activatedAt: string | null;
  feedbackList: UsageFeedback[];
}

/** A list answer that may come as a page ({ items }) or as a bare array. */
type ListAnswer<T> = T[] | { items: T[] };
const itemsOf = <T>(answer: ListAnswer<T>): T[] => (Array.isArray(answer) ? answer : answer.items);
const at = (id: string) => encodeURIComponent(id);

/** The calls of conditionally open data. */
export const openingApi = {
  apply: (body: ApplicationInput) => api.post<OpenApplication>('/open/applications', body),
  myApplications: async () =>
    itemsOf(await api.get<ListAnswer<OpenApplication>>('/open/me/applications', { pageSize: 200 })),
  myAgreements: async () =>
    itemsOf(await api.get<ListAnswer<OpenAgreement>>('/open/me/agreements', { pageSize: 200 })),
  application: (id: string, signal?: AbortSignal) =>
    api.get<OpenApplicationDetail>(`/open/applications/${at(id)}`, undefined, { signal }),
  applications: (query: Query, signal?: AbortSignal) =>
    api.get<Page<OpenApplication>>('/open/applications', query, { signal }),
  withdraw: (id: string) => api.post<OpenApplication>(`/open/applications/${at(id)}/withdraw`),
  decide: (id: string, body: DecisionInput) =>
    api.post<OpenApplicationDetail>(`/open/applications/${at(id)}/decision`, body),
  agreement: (id: string, signal?: AbortSignal) =>
    api.get<OpenAgreementDetail>(`/open/agreements/${at(id)}`, undefined, { signal }),
  agreements: (query: Query, signal?: AbortSignal) =>
    api.get<Page<OpenAgreement>>('/open/agreements', query, { signal }),
  sign: (id: string, digest: string) =>
    api.post<OpenAgreementDetail>(`/open/agreements/${at(id)}/sign`, { digest }),
  review: (id: string, body: { decision: 'approve' | 'refuse'; reason?: string }) =>
    api.post<OpenAgreementDetail>(`/open/agreements/${at(id)}/review`, body),
  feedback: (id: string, body: { summary: string; outcomes?: FeedbackOutcome[] }) =>
    api.post<OpenAgreementDetail>(`/open/agreements/${at(id)}/feedback`, body),
};

/** The address of an agreement's document (text/html, signature block appended) or signed package. */
export function agreementFileUrl(id: string, file: 'document' | 'signed'): string {
  return apiUrl(`/open/agreements/${at(id)}/${file}`);
}

/** Today in China (the platform's calendar), as YYYY-MM-DD. */
export function todayInChina(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** A date some calendar days after another (YYYY-MM-DD, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
