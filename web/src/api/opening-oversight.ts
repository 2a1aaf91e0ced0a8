// Shapes and calls of the oversight of open data in the console: statistics of use (开放统计),
// objections and suspensions (异议与暂停, CQO §41) and emergency opening (应急开放, CQO §27). They
// follow server/src/modules/opening/{statistics,objections,emergencies}/*.routes.ts. No antd here.
import { api, ApiError, apiUrl, type Query } from './client.ts';
import type { ResourceLevel } from './sharing.ts';
import type { Page } from './types.ts';

/** Downloads and API calls (pages of the records API) of a day, a dataset or a department. */
export interface OpenUse {
  downloads: number;
  apiCalls: number;
}

/** GET /open/statistics: the use of the caller's open data over a period. */
export interface OpenStatistics {
  scope: 'department' | 'region';
  period: { from: string; to: string };
  totals: OpenUse & { datasets: number; rows: number; users: number };
  /** Days without use are left out by the server. */
  daily: (OpenUse & { day: string; rows: number })[];
  datasets: (OpenUse & {
    id: string;
    name: string;
    department: string;
    openType: string;
    rows: number;
    users: number;
  })[];
  /** Region scope only. */
  departments: (OpenUse & { id: string; name: string; datasets: number })[];
  /** Applications filed in the period, by state. */
  applications: Record<string, number>;
  /** Data usage agreements, by state (all time). */
  agreements: Record<string, number>;
}

/** Where an objection stands. */
export type ObjectionState = 'received' | 'suspended' | 'withdrawn' | 'restored' | 'reprocessed';
/** Every objection state, in the order an objection passes them. */
export const OBJECTION_STATES: readonly ObjectionState[] = [
  'received',
  'suspended',
  'withdrawn',
  'restored',
  'reprocessed',
];
/** What an objection says is infringed. */
export type ObjectionGround = 'privacy' | 'trade_secret';
/** Both grounds. */
export const OBJECTION_GROUNDS: readonly ObjectionGround[] = ['privacy', 'trade_secret'];
/** The end of an objection or of a suspension. */
export type SuspensionOutcome = 'withdraw' | 'restore' | 'reprocess';
/** Every outcome, in the order the forms offer them. */
export const SUSPENSION_OUTCOMES: readonly SuspensionOutcome[] = ['restore', 'reprocess', 'withdraw'];

/** An evidence file's facts. */
export interface ObjectionEvidence {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  digest: string;
  createdAt: string;
}

/** A suspension as handlers see it (`outcome` is stored as withdrawn / restored / reprocessed). */
export interface Suspension {
  id: string;
  /** `objection`, or an own finding of the provider or the authority. */
  source: string;
  reason: string;
  suspendedAt: string;
  outcome: string | null;
  outcomeNote: string | null;
  decidedAt: string | null;
  liftedAt: string | null;
}

/** An objection as listed. */
export interface Objection extends ResourceLevel {
  id: string;
  caseId: string;
  resourceId: string;
  resourceCode: string;
  resourceName: string | null;
  provider: { id: string; name: string };
  objector: { name: string } | null;
  ground: ObjectionGround;
  statement: string;
  state: ObjectionState;
  suspended: boolean;
  outcomeNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  evidenceCount: number;
  createdAt: string;
}

/** GET /open/objections/:id: with the evidence files and the dataset's suspension in force. */
export interface ObjectionDetail extends Objection {
  evidence: ObjectionEvidence[];
  suspension: Suspension | null;
}

/** Where an emergency stands (computed from its dates and an early end). */
export type EmergencyStatus = 'upcoming' | 'active' | 'ended';

/** An emergency as listed. */
export interface Emergency {
  id: string;
  name: string;
  scope: string;
  basis: string;
  startsOn: string;
  endsOn: string;
  endedEarlyOn: string | null;
  status: EmergencyStatus;
  createdAt: string;
}

/** What happens to a dataset opened under an emergency after its end. */
export type Disposition = 'delete' | 'retain' | 'pending';

/** A dataset opened under an emergency. */
export interface EmergencyDataset {
  resourceId: string;
  code: string;
  name: string | null;
  department: { id: string; name: string };
  addedAt: string;
  /** Null while the emergency is in force; `pending` after the end until decided. */
  disposition: Disposition | null;
  approval: string | null;
  decidedAt: string | null;
  deletedRows: number | null;
}

/** GET /open/emergencies/:id. */
export interface EmergencyDetail extends Emergency {
  datasets: EmergencyDataset[];
  /** Datasets still to be deleted or approved for retention. */
  pending: number;
}

/** POST /open/emergencies. */
export interface EmergencyInput {
  name: string;
  scope: string;
  basis: string;
  startsOn: string;
  endsOn: string;
}

/** An open dataset as the pickers show it (a hit of GET /open-catalog/datasets). */
export interface OpenDatasetHit {
  resourceId: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
}

/**
 * Some services name a field without the `/body` prefix (`/endsOn`, `/approval`); the forms place
 * errors by `/body/<field>`, so those paths get the prefix and the message lands beside its field.
 */
async function bodyPaths<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError) || error.errors.length === 0) throw error;
    throw new ApiError({
      status: error.status,
      code: error.code,
      detail: error.detail,
      requestId: error.requestId,
      errors: error.errors.map((problem) =>
        /^\/(body|querystring|params)(\/|$)/.test(problem.path)
          ? problem
          : { ...problem, path: `/body${problem.path}` },
      ),
    });
  }
}

const at = (id: string) => encodeURIComponent(id);

/** The calls of the oversight pages. */
export const oversightApi = {
  statistics: (period: { from?: string; to?: string }, signal?: AbortSignal) =>
    api.get<OpenStatistics>('/open/statistics', period, { signal }),

  objection: (id: string, signal?: AbortSignal) =>
    api.get<ObjectionDetail>(`/open/objections/${at(id)}`, undefined, { signal }),
  objections: (query: Query, signal?: AbortSignal) =>
    api.get<Page<Objection>>('/open/objections', query, { signal }),
  suspend: (id: string, reason: string) =>
    bodyPaths(api.post<ObjectionDetail>(`/open/objections/${at(id)}/suspend`, { reason })),
  decide: (id: string, body: { outcome: SuspensionOutcome; note: string }) =>
    bodyPaths(api.post<ObjectionDetail>(`/open/objections/${at(id)}/decision`, body)),
  suspendDataset: (resourceId: string, reason: string) =>
    bodyPaths(api.post<Suspension>(`/open/datasets/${at(resourceId)}/suspension`, { reason })),
  decideDataset: (resourceId: string, body: { outcome: SuspensionOutcome; note: string }) =>
    bodyPaths(api.post<Suspension>(`/open/datasets/${at(resourceId)}/suspension/decision`, body)),
  suspensions: (resourceId: string, signal?: AbortSignal) =>
    api.get<Suspension[]>(`/open/datasets/${at(resourceId)}/suspensions`, undefined, { signal }),

  emergencies: (signal?: AbortSignal) => api.get<Emergency[]>('/open/emergencies', undefined, { signal }),
  emergency: (id: string, signal?: AbortSignal) =>
    api.get<EmergencyDetail>(`/open/emergencies/${at(id)}`, undefined, { signal }),
  declare: (body: EmergencyInput) => bodyPaths(api.post<EmergencyDetail>('/open/emergencies', body)),
  end: (id: string) => api.post<EmergencyDetail>(`/open/emergencies/${at(id)}/end`),
  openUnder: (id: string, resourceId: string) =>
    bodyPaths(api.post<EmergencyDetail>(`/open/emergencies/${at(id)}/datasets`, { resourceId })),
  dispose: (
    id: string,
    resourceId: string,
    body: { disposition: 'delete' } | { disposition: 'retain'; approval: string },
  ) =>
    bodyPaths(
      api.post<EmergencyDetail>(`/open/emergencies/${at(id)}/datasets/${at(resourceId)}/disposition`, body),
    ),

  /** Open datasets by words, optionally of one department (the open catalog's own search). */
  openDatasets: async (q: string, departmentId?: string, signal?: AbortSignal) =>
    (
      await api.get<Page<OpenDatasetHit>>(
        '/open-catalog/datasets',
        { q: q || undefined, departmentId, pageSize: 20 },
        { signal },
      )
    ).items,
};

/** The address of an evidence file (an attachment; reading it is audited). */
export function evidenceUrl(objectionId: string, evidenceId: string): string {
  return apiUrl(`/open/objections/${at(objectionId)}/evidence/${at(evidenceId)}`);
}
