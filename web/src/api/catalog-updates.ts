// Shapes of the catalog update requests (CQ19 §14, CQ18 §9) and supplementary catalog filings
// (SC §9), as server/src/modules/catalog/updates/updates.routes.ts and review.schemas.ts send them.

/** Where an update request stands: waiting for the department's list, answered, or cancelled. */
export type UpdateState = 'open' | 'filed' | 'cancelled';
/** The states in the order the console lists them. */
export const UPDATE_STATES: readonly UpdateState[] = ['open', 'filed', 'cancelled'];

/** A deadline rule of the profile: working days and the article that fixes them. */
export interface DeadlineRule {
  workdays: number;
  article: string;
}

/** A row of GET /catalog/update-requests. */
export interface UpdateRequest {
  id: string;
  department: { id: string; name: string };
  state: UpdateState;
  /** The day the law or the department's duties changed; the deadline counts from it. */
  changedOn: string;
  reason: string;
  /** The law, regulation or decision that changed. */
  basis: string | null;
  registeredByName: string | null;
  dueOn: string | null;
  /** Set by the server's deadline sweep (which runs every few minutes), kept after closing. */
  overdue: boolean;
  overdueSince: string | null;
  /** Working days to the due date (0: due today; negative: working days late); null once closed. */
  workdaysLeft: number | null;
  closedAt: string | null;
  /** The profile's rule now (a request keeps the due date computed when it was registered). */
  rule: DeadlineRule | null;
  /** The list the department submitted in answer. */
  submission: { id: string; state: string; submittedAt: string } | null;
  createdAt: string;
}

/** One step of a request's history. */
export interface UpdateStep {
  action: string;
  fromState: string | null;
  toState: string;
  actorName: string | null;
  occurredAt: string;
  detail: Record<string, unknown>;
}

/** GET /catalog/update-requests/:id. */
export interface UpdateRequestDetail extends UpdateRequest {
  history: UpdateStep[];
}

/** POST /catalog/update-requests. */
export interface UpdateRequestInput {
  departmentId: string;
  changedOn: string;
  reason: string;
  basis: string;
}

/** A row of GET /catalog/supplements: a lower region's approved resource filed with this level. */
export interface Filing {
  id: string;
  resourceId: string;
  code: string;
  name: string;
  departmentName: string;
  regionId: string;
  regionName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  /** The catalog version that published it, once published. */
  versionNumber: number | null;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
}

/** The parts of GET /profile these pages read. */
export interface UpdatesProfile {
  id: string;
  name: { 'zh-CN': string; en: string };
  deadlines: {
    catalogUpdateRequest: DeadlineRule | null;
    catalogUpdateReview: DeadlineRule | null;
  };
  catalog: { supplementaryCatalogs: { required: boolean; article: string | null } };
}

// Deadlines run on Beijing time, whatever the browser's time zone (as the server counts them).
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Today's date in China (YYYY-MM-DD). */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whether an open request is late: the sweep has flagged it, or its due date has passed (the flag
 * may lag behind by the sweep's interval).
 */
export function isLate(request: UpdateRequest): boolean {
  if (request.state !== 'open') return false;
  if (request.overdue) return true;
  if (request.workdaysLeft !== null) return request.workdaysLeft < 0;
  return request.dueOn !== null && request.dueOn < todayInChina();
}
