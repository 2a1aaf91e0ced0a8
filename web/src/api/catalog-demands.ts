// Shapes of the demand-list API (/api/v1/catalog/demands, CQ19 §12 and CQO §14) as the console uses
// them; they follow server/src/modules/catalog/demands/demands.schemas.ts.
import type { AccessType } from './catalog.ts';

/** Where a demand stands: waiting for the authority, answered by it, or by the routed provider. */
export type DemandState = 'open' | 'matched' | 'routed' | 'rejected' | 'accepted' | 'declined';
/** Every state, in the order a demand passes them. */
export const DEMAND_STATES: readonly DemandState[] = [
  'open',
  'matched',
  'routed',
  'rejected',
  'accepted',
  'declined',
];

/** A department's demand (需求清单) or a public suggestion of data to open (开放建议). */
export type DemandKind = 'department' | 'public';
/** Both kinds. */
export const DEMAND_KINDS: readonly DemandKind[] = ['department', 'public'];

/** The steps of an answer: the authority's match / route / reject, the provider's accept / decline / link. */
export type DemandStep = 'match' | 'route' | 'reject' | 'accept' | 'decline' | 'link';

/** A department as the demand API names it. */
export interface DepartmentRef {
  id: string;
  name: string;
}

/** A resource named in an answer or found as a candidate. */
export interface DemandResource {
  id: string;
  code: string;
  /** Null when the resource is no longer (or not yet) in the published catalog. */
  name: string | null;
  departmentName: string | null;
  published: boolean;
  shareType: AccessType | null;
  openType: AccessType | null;
}

/** A candidate the search found when the demand was filed, best first. */
export interface DemandCandidate extends DemandResource {
  rank: number;
  score: number;
}

/** One answer to a demand. */
export interface DemandAnswer {
  step: DemandStep;
  department: DepartmentRef;
  answeredByName: string | null;
  answeredAt: string;
  reason: string | null;
  note: string | null;
  /** A route's target. */
  provider: DepartmentRef | null;
  resources: DemandResource[];
}

/** A demand in a list (GET /catalog/demands). */
export interface Demand {
  id: string;
  kind: DemandKind;
  title: string;
  purpose: string;
  state: DemandState;
  /** Null for a public suggestion. */
  requesterDepartment: DepartmentRef | null;
  /** A public suggestion's author is named only to the answering authority. */
  requesterName: string | null;
  authority: DepartmentRef;
  provider: DepartmentRef | null;
  /** Due date and overdue flag of the case that waits now (the provider's once routed). */
  dueOn: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The case types of a demand: the authority's answer, and the routed provider's. */
export type DemandCaseType = 'catalog.demand' | 'catalog.demand_provider';

/** A case of the case engine behind a demand. */
export interface DemandCase {
  id: string;
  type: DemandCaseType | string;
  state: string;
  department: DepartmentRef;
  receivedOn: string;
  dueOn: string | null;
  overdue: boolean;
  overdueSince: string | null;
  closedAt: string | null;
  extensionState: string | null;
}

/** One step of the cases' merged history. */
export interface DemandHistoryStep {
  caseType: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  occurredAt: string;
  detail: Record<string, unknown>;
}

/** GET /catalog/demands/:id and the answer of every act on a demand. */
export interface DemandDetail extends Demand {
  description: string;
  wantedItems: string | null;
  basis: string | null;
  suggestedProvider: DepartmentRef | null;
  /** Where a matched requester finds the resources. */
  catalog: 'share' | 'open';
  candidates: DemandCandidate[];
  answers: DemandAnswer[];
  /** The profile's deadline for answering (null where the profile sets none). */
  deadline: { workdays: number; article: string; setByDeployment: boolean } | null;
  cases: DemandCase[];
  history: DemandHistoryStep[];
}

/** POST /catalog/demands. */
export interface DemandInput {
  title: string;
  description: string;
  wantedItems?: string;
  purpose: string;
  basis: string;
  suggestedProviderId?: string;
}

/** Filters of GET /catalog/demands. */
export interface DemandFilters {
  inbox?: boolean;
  state?: DemandState;
  kind?: DemandKind;
  departmentId?: string;
  overdue?: boolean;
  [key: string]: string | boolean | undefined;
}

/** Whether a demand still waits for an answer (so an overdue flag means "late now"). */
export function isWaiting(state: DemandState): boolean {
  return state === 'open' || state === 'routed';
}
