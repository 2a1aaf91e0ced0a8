// Shapes of the sharing API (/api/v1/share/…, issue 6) as the console uses them: requests and their
// cases, grants, disputes, usage and alerts. They follow server/src/modules/sharing/**/*.schemas.ts.
import { api } from './client.ts';
import type { MaskRule } from './security-masking.ts';

/** The operators of a row condition (server: grants/row-filter.ts). */
export const ROW_OPERATORS = [
  'eq',
  'ne',
  'in',
  'prefix',
  'gt',
  'gte',
  'lt',
  'lte',
  'null',
  'not_null',
] as const;
/** A row condition's operator. */
export type RowOperator = (typeof ROW_OPERATORS)[number];
/** A value a condition compares with. */
export type RowValue = string | number | boolean;

/** One condition on a row: `field op value`; all conditions of a list must hold. */
export interface RowCondition {
  field: string;
  op: RowOperator;
  value?: RowValue | RowValue[];
}

/** How a request or grant came about. */
export type ShareBasis = 'unconditional' | 'conditional';

/** Where a request stands (whether an approval was in full or in part is its `decision`). */
export type ShareRequestState = 'submitted' | 'awaiting_authority' | 'granted' | 'refused' | 'withdrawn';
/** Every state, in the order a request passes them. */
export const SHARE_REQUEST_STATES: readonly ShareRequestState[] = [
  'submitted',
  'awaiting_authority',
  'granted',
  'refused',
  'withdrawn',
];
/** The states in which a request still waits for someone. */
export const WAITING_STATES: readonly ShareRequestState[] = ['submitted', 'awaiting_authority'];

/** A department as the sharing API names it. */
export interface DepartmentRef {
  id: string;
  name: string;
}

/** A catalog resource as the sharing API names it. */
export interface ResourceRef {
  id: string;
  code: string;
  name: string;
}

/**
 * The published security level (分级) and sub-level of a listed item's resource: null when the
 * resource is not in the published catalog (and, in open-data answers, for a public reader).
 */
export interface ResourceLevel {
  securityLevel: string | null;
  securitySubLevel: string | null;
}

/** A request in a list (GET /share/requests). */
export interface ShareRequest extends ResourceLevel {
  id: string;
  kind: ShareBasis;
  state: ShareRequestState;
  resource: ResourceRef;
  provider: DepartmentRef;
  applicant: DepartmentRef;
  applicantUserName: string | null;
  application: string;
  purpose: string;
  legalBasis: string | null;
  fields: string[];
  rowScope: RowCondition[];
  validFrom: string;
  validUntil: string;
  decision: ShareDecision | null;
  /** Due date of the provider's answer while it waits (null: no deadline in the profile, or nothing waits). */
  dueOn: string | null;
  overdue: boolean;
  /** Working days to the due date (0: today; negative: overdue); null when nothing is due. */
  workdaysLeft: number | null;
  caseId: string | null;
  grantId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One step of a request's case. */
export interface ShareCaseStep {
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  occurredAt: string;
  detail: Record<string, unknown>;
}

/** The case behind a conditional request or a dispute. */
export interface ShareCase {
  id: string;
  state: string;
  receivedOn: string;
  dueOn: string | null;
  originalDueOn: string | null;
  overdue: boolean;
  overdueSince: string | null;
  workdaysLeft: number | null;
  extensionWorkdays: number;
  extension: { state: string; workdays: number } | null;
  closedAt: string | null;
  /** The case version, for the extension routes (`/cases/:id/extension`). */
  version: number;
  history: ShareCaseStep[];
}

/** GET /share/requests/:id. */
export interface ShareRequestDetail extends ShareRequest {
  decidedFields: string[] | null;
  decidedRowScope: RowCondition[] | null;
  decidedUntil: string | null;
  decidedMasking: Record<string, MaskRule> | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  openedByName: string | null;
  openedAt: string | null;
  withdrawnByName: string | null;
  withdrawnAt: string | null;
  /** Whether the authority opens access after an approval (the profile's procedure). */
  authorityOpens: boolean;
  case: ShareCase | null;
  /** Every step: the case's, then those after it (the authority's opening, a later withdrawal). */
  history: ShareCaseStep[];
  grant: ShareGrant | null;
}

/** POST /share/requests. */
export interface ShareRequestInput {
  resourceId: string;
  application: string;
  purpose: string;
  legalBasis?: string;
  fields: string[];
  rowScope: RowCondition[];
  validFrom?: string;
  validUntil: string;
}

/** The provider's answer. */
export type ShareDecision = 'approve' | 'approve_in_part' | 'refuse';

/** POST /share/requests/:id/decision. */
export interface ShareDecisionInput {
  decision: ShareDecision;
  fields?: string[];
  rowScope?: RowCondition[];
  validUntil?: string;
  masking?: Record<string, MaskRule>;
  reason?: string;
}

/** A grant (GET /share/grants, /share/grants/:id). */
export interface ShareGrant extends ResourceLevel {
  id: string;
  requestId: string | null;
  basis: ShareBasis;
  resource: ResourceRef;
  provider: DepartmentRef;
  consumer: DepartmentRef;
  application: string;
  purpose: string;
  fields: string[];
  rowFilter: RowCondition[];
  /** Field → the rule that replaces the provider's for this grant. */
  masking: Record<string, MaskRule>;
  startsAt: string;
  endsAt: string;
  /** In force now: started, not ended, not revoked. */
  active: boolean;
  status: GrantStatus;
  revokedAt: string | null;
  revokedByName: string | null;
  revokeReason: string | null;
  createdByName: string | null;
  createdAt: string;
}

/** Where a grant stands now. */
export type GrantStatus = 'active' | 'not_started' | 'expired' | 'revoked';

/** Which grants a list shows: the own department's, those on its resources, or the region's. */
export type GrantSide = 'consumer' | 'provider' | 'region';

/** A dispute (异议) about sharing: a resource not shared, or the answer to a request. */
export interface ShareDispute extends ResourceLevel {
  id: string;
  caseId: string;
  state: 'open' | 'resolved' | 'withdrawn';
  resource: ResourceRef;
  provider: DepartmentRef;
  applicant: DepartmentRef;
  /** The data authority that coordinates (CQ19 §27). */
  coordinator: DepartmentRef | null;
  requestId: string | null;
  raisedByName: string | null;
  reason: string;
  resolution: DisputeResolution | null;
  outcome: string | null;
  resolvedByName: string | null;
  resolvedAt: string | null;
  dueOn: string | null;
  overdue: boolean;
  workdaysLeft: number | null;
  createdAt: string;
}

/** GET /share/disputes/:id: the dispute with its case's steps. */
export interface ShareDisputeDetail extends ShareDispute {
  case: ShareCase | null;
  history: ShareCaseStep[];
}

/** Whose disputes a list shows: raised by the department, about its resources, or the region's. */
export type DisputeSide = 'applicant' | 'provider' | 'authority';

/** How the authority settled a dispute. */
export type DisputeResolution = 'shared' | 'not_shared' | 'other';
/** Every resolution. */
export const DISPUTE_RESOLUTIONS: readonly DisputeResolution[] = ['shared', 'not_shared', 'other'];

/** The ways of calling the sharing API, as the audit and the usage name them. */
export const SHARE_WAYS = ['lookup', 'query', 'export', 'changes', 'live'] as const;
/** A way of calling. */
export type ShareWay = (typeof SHARE_WAYS)[number];

/** Whose view of usage: the provider's resources, the consumer's grants, or the authority's region. */
export type UsageSide = 'provider' | 'consumer' | 'authority';

/** The counts of a period (or of the whole report). */
export interface UsageCounts {
  calls: number;
  denied: number;
  failed: number;
  records: number;
  offHours: number;
}

/** GET /share/usage: calls per day by way, the top callers and (for one grant) its keys. */
export interface ShareUsage {
  side: UsageSide;
  granularity: 'day' | 'hour';
  from: string;
  to: string;
  series: (UsageCounts & { period: string; byWay: Record<ShareWay, number> })[];
  totals: UsageCounts;
  topApplications: {
    department: DepartmentRef;
    application: string;
    grantId: string | null;
    purpose: string | null;
    resource: ResourceRef | null;
    calls: number;
    denied: number;
    records: number;
  }[];
  keys: {
    keyPrefix: string | null;
    application: string;
    firstSeen: string;
    lastSeen: string;
    calls: number;
  }[];
}

/** The kinds of use-monitoring alerts. */
export const ALERT_KINDS = ['bulk_lookup', 'usage_spike', 'off_hours', 'new_key', 'denied_calls'] as const;

/** A use-monitoring alert. */
export interface ShareAlert {
  id: string;
  kind: string;
  state: 'open' | 'acknowledged';
  /** The hour or day the alert is about. */
  period: string;
  grantId: string | null;
  resource: ResourceRef | null;
  provider: DepartmentRef | null;
  consumer: DepartmentRef;
  application: string;
  evidence: Record<string, unknown>;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  acknowledgementNote: string | null;
}

/** The sharing calls the console makes (lists go through `useList`). */
export const sharingApi = {
  request: (id: string, signal?: AbortSignal) =>
    api.get<ShareRequestDetail>(`/share/requests/${id}`, undefined, { signal }),
  createRequest: (input: ShareRequestInput) => api.post<ShareRequestDetail>('/share/requests', input),
  decide: (id: string, input: ShareDecisionInput) =>
    api.post<ShareRequestDetail>(`/share/requests/${id}/decision`, input),
  open: (id: string, masking?: Record<string, MaskRule>) =>
    api.post<ShareRequestDetail>(`/share/requests/${id}/open`, masking ? { masking } : {}),
  withdraw: (id: string) => api.post<ShareRequestDetail>(`/share/requests/${id}/withdraw`, {}),
  grant: (id: string, signal?: AbortSignal) =>
    api.get<ShareGrant>(`/share/grants/${id}`, undefined, { signal }),
  revoke: (id: string, reason: string) => api.post<ShareGrant>(`/share/grants/${id}/revoke`, { reason }),
  dispute: (id: string, signal?: AbortSignal) =>
    api.get<ShareDisputeDetail>(`/share/disputes/${id}`, undefined, { signal }),
  raiseDispute: (input: { resourceId: string; requestId?: string; reason: string }) =>
    api.post<ShareDispute>('/share/disputes', input),
  resolveDispute: (id: string, resolution: DisputeResolution, outcome: string) =>
    api.post<ShareDispute>(`/share/disputes/${id}/resolve`, { resolution, outcome }),
  withdrawDispute: (id: string) => api.post<ShareDispute>(`/share/disputes/${id}/withdraw`, {}),
  usage: (
    query: { side: UsageSide; grantId?: string; resourceId?: string; from?: string; to?: string },
    signal?: AbortSignal,
  ) => api.get<ShareUsage>('/share/usage', query, { signal }),
  acknowledge: (id: string, note: string) =>
    api.post<ShareAlert>(`/share/alerts/${id}/acknowledge`, { note }),
};
