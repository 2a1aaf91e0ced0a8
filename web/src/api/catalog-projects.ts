// Shapes of the IT project API (/api/v1/catalog/projects, 政务信息化项目, CQ19 §48, SC §16, CQ18 §38)
// as the console uses them, and the calls that change a project.
import type { AccessType } from './catalog.ts';
import { api } from './client.ts';

/** 建设 (construction) or 运维 (operations). */
export type ProjectKind = 'construction' | 'operations';
export const PROJECT_KINDS: readonly ProjectKind[] = ['construction', 'operations'];

/** registered → approved → accepted, or registered → rejected. */
export type ProjectState = 'registered' | 'approved' | 'rejected' | 'accepted';
export const PROJECT_STATES: readonly ProjectState[] = ['registered', 'approved', 'rejected', 'accepted'];

/** A planned information item; either field may be empty in a draft. */
export interface PlannedItem {
  name: string | null;
  dataType: string | null;
}

/** A resource of the pre-compiled catalog (预编目录清单) as stored: null where not filled in. */
export interface PlannedResource {
  resourceId: string | null;
  name: string | null;
  classCode: string | null;
  items: PlannedItem[];
  shareType: AccessType | null;
  shareBasis: string | null;
  openType: AccessType | null;
  openBasis: string | null;
  updateCycle: string | null;
  note: string | null;
}

/** A project in the list (GET /catalog/projects). */
export interface Project {
  id: string;
  code: string;
  name: string;
  kind: ProjectKind;
  state: ProjectState;
  department: { id: string; name: string };
  budget: number | null;
  plannedCount: number;
  /** How many gaps approval would name in the catalog. */
  catalogProblemCount: number;
  createdAt: string;
  approvedAt: string | null;
  acceptedAt: string | null;
}

/** Who decided and when. */
export interface Decision {
  at: string;
  byName: string;
}

/** The profile's rule: whether approval and acceptance need the catalog, and the article cited. */
export interface CatalogRule {
  required: boolean;
  article: string | null;
}

/** The acceptance decision: `override` is the reason given to accept despite unmet promises. */
export interface AcceptanceDecision extends Decision {
  override: string | null;
}

/** GET /catalog/projects/:id. */
export interface ProjectDetail extends Project {
  description: string | null;
  registeredByName: string;
  updatedAt: string;
  plannedResources: PlannedResource[];
  catalogRule: CatalogRule;
  /** What approval still misses (`/plannedResources/0/name` …), in the reader's language. */
  catalogProblems: { path: string; message: string }[];
  approval: Decision | null;
  rejection: (Decision & { reason: string }) | null;
  acceptance: AcceptanceDecision | null;
}

/** How a promised resource stands at acceptance. */
export type PromiseStatus = 'missing' | 'not_published' | 'not_connected' | 'connected';
export const PROMISE_STATUSES: readonly PromiseStatus[] = [
  'connected',
  'not_connected',
  'not_published',
  'missing',
];

/** One promise of the acceptance report. */
export interface PromiseCheck {
  index: number;
  name: string | null;
  classCode: string | null;
  status: PromiseStatus;
  matchedBy: 'link' | 'name' | null;
  resource: {
    id: string;
    code: string;
    name: string | null;
    published: boolean;
    dataUpdatedAt: string | null;
  } | null;
  suggestions: { id: string; code: string; name: string }[];
}

/** GET /catalog/projects/:id/acceptance: live while approved, the kept record once accepted. */
export interface AcceptanceReport {
  projectId: string;
  generatedAt: string;
  catalogRule: CatalogRule;
  criterion: string;
  verdict: 'passed' | 'failed';
  summary: Record<PromiseStatus | 'promised', number>;
  resources: PromiseCheck[];
  acceptance: AcceptanceDecision | null;
}

/** What POST /catalog/projects takes. */
export interface RegisterInput {
  code: string;
  name: string;
  kind: ProjectKind;
  description?: string;
  budget?: number | null;
}

const base = (id: string) => `/catalog/projects/${id}`;

/** The calls that change a project; each answers with the project as it is afterwards. */
export const projectsApi = {
  register: (input: RegisterInput) => api.post<ProjectDetail>('/catalog/projects', input),
  saveCatalog: (id: string, plannedResources: PlannedResource[]) =>
    api.put<ProjectDetail>(`${base(id)}/catalog`, { plannedResources }),
  approve: (id: string) => api.post<ProjectDetail>(`${base(id)}/approve`),
  reject: (id: string, reason: string) => api.post<ProjectDetail>(`${base(id)}/reject`, { reason }),
  accept: (id: string, override?: string) =>
    api.post<ProjectDetail>(`${base(id)}/accept`, override === undefined ? {} : { override }),
};

/** The query key of a project and of its acceptance report (under `catalog`, so invalidateCatalog reloads them). */
export const projectKeys = {
  detail: (id: string) => ['catalog', 'project', id] as const,
  acceptance: (id: string) => ['catalog', 'project', id, 'acceptance'] as const,
};
