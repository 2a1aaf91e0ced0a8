// The account page's and the public lists' calls of public participation (诉求, 异议, 应用展示),
// usage supervision (违约整改) and multi-source opening (社会数据): shapes as the server's schemas in
// server/src/modules/opening/{participation,objections,supervision,contributions} give them.
import { api, ApiError, apiUrl } from '../api/client.ts';
import { currentLang } from '../i18n/lang.ts';
import { fileNameOf } from './api.ts';

/** A page of a list. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A dataset as a list names it. */
export interface ResourceRef {
  id: string;
  code: string;
  name: string;
}

/** The kinds of request answered in the portal. */
export type RequestKind = 'catalog_correction' | 'data_error' | 'opinion';
/** Where a showcase entry or a contribution stands in its review. */
export type ReviewState = 'submitted' | 'approved' | 'rejected';

/** A correction, error report or opinion in the requester's own list. */
export interface OwnRequest {
  id: string;
  kind: RequestKind;
  state: 'submitted' | 'accepted' | 'rejected';
  resource: ResourceRef | null;
  responsible: { id: string; name: string };
  topic: string | null;
  statement: string;
  answer: { decision: 'accept' | 'reject'; text: string; answeredAt: string } | null;
  dueOn: string | null;
  overdue: boolean;
  createdAt: string;
}

/** The states of an objection. */
export type ObjectionState = 'received' | 'suspended' | 'withdrawn' | 'restored' | 'reprocessed';

/** An objection in the objector's own list. */
export interface OwnObjection {
  id: string;
  resourceId: string;
  resourceName: string | null;
  resourceCode: string;
  provider: { id: string; name: string };
  ground: 'privacy' | 'trade_secret';
  statement: string;
  state: ObjectionState;
  outcomeNote: string | null;
  decidedAt: string | null;
  evidenceCount: number;
  createdAt: string;
}

/** An evidence file's facts. */
export interface EvidenceFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

/** What a showcase entry is. */
export const SHOWCASE_KINDS = ['app', 'website', 'paper', 'report', 'other'] as const;
/** A showcase kind. */
export type ShowcaseKind = (typeof SHOWCASE_KINDS)[number];

/** A showcase entry (texts are plain text; `url` is http or https). */
export interface ShowcaseEntry {
  id: string;
  name: string;
  description: string;
  url: string;
  kind: ShowcaseKind;
  citation: string;
  datasets: ResourceRef[];
  submitter: { name: string };
  state: ReviewState;
  reviewReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

/** What a submitter sends. */
export interface ShowcaseInput {
  name: string;
  description: string;
  url: string;
  kind: ShowcaseKind;
  citation: string;
  resourceIds: string[];
}

/** A breach of an agreement as its user sees it (CQO §39). */
export interface OwnBreach {
  id: string;
  agreement: { id: string; number: string; state: string };
  resource: { id: string; name: string | null };
  provider: { id: string; name: string };
  breach: string;
  demand: string;
  rectifyBy: string;
  overdue: boolean;
  state: 'open' | 'reported' | 'rectified' | 'terminated';
  report: string | null;
  reportedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

/** An organisation's dataset (多源开放, CQO §31). */
export interface Contribution {
  id: string;
  name: string;
  description: string;
  keywords: string[];
  licence: string;
  updateCycle: string;
  sourceNote: string;
  publisher: string;
  columns: string[];
  rows: number;
  size: number;
  digest: string;
  state: ReviewState | 'withdrawn';
  reviewReason: string | null;
  reviewedAt: string | null;
  downloads: number;
  createdAt: string;
}

/** A contribution with its first rows. */
export interface ContributionDetail extends Contribution {
  preview: string[][];
}

/** What an organisation sends. */
export interface ContributionInput {
  name: string;
  description: string;
  keywords: string[];
  licence: string;
  updateCycle: string;
  sourceNote: string;
  csv: string;
}

/** A dataset found in the open catalog (for choosing the showcase's sources). */
export interface CatalogHit {
  resourceId: string;
  code: string;
  name: string;
  departmentName: string;
}

const id = encodeURIComponent;

/** The calls. */
export const accountApi = {
  myRequests: (page = 1) => api.get<Paged<OwnRequest>>('/open/me/participation', { page, pageSize: 20 }),
  myObjections: (page = 1) => api.get<Paged<OwnObjection>>('/open/me/objections', { page, pageSize: 20 }),
  objectionEvidence: async (objection: string) =>
    (await api.get<{ evidence: EvidenceFile[] }>(`/open/objections/${id(objection)}`)).evidence,
  addEvidence: (objection: string, file: File) =>
    api.upload<EvidenceFile>(`/open/objections/${id(objection)}/evidence`, file, { name: file.name }),
  myShowcase: (page = 1) => api.get<Paged<ShowcaseEntry>>('/open/me/showcase', { page, pageSize: 20 }),
  submitShowcase: (input: ShowcaseInput) => api.post<ShowcaseEntry>('/open/showcase', input),
  showcase: (query: { page: number; kind?: string }) =>
    api.get<Paged<ShowcaseEntry>>('/open/showcase', { ...query, pageSize: 12 }),
  myBreaches: () => api.get<OwnBreach[]>('/open/breaches'),
  reportRectification: (breach: string, report: string) =>
    api.post<OwnBreach>(`/open/breaches/${id(breach)}/rectification`, { report }),
  myContributions: () => api.get<Contribution[]>('/open/me/contributions', { pageSize: 100 }),
  submitContribution: (input: ContributionInput) =>
    api.post<ContributionDetail>('/open/contributions', input),
  contributions: (query: { page: number; q?: string; pageSize: number }) =>
    api.get<Contribution[]>('/open/contributions', query),
  contribution: (contribution: string) =>
    api.get<ContributionDetail>(`/open/contributions/${id(contribution)}`),
  searchCatalog: async (q: string) =>
    (await api.get<{ items: CatalogHit[] }>('/open-catalog/datasets', { q, pageSize: 10 })).items,
};

/**
 * The server's field problems of a refusal by the form's field names: `/body/<field>…` and, for
 * the CSV file's row problems, `/csv/<row>`; problems naming no field of the form come apart.
 */
export function problemsByField(
  error: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const problem of error.errors) {
    const name = /^\/(?:body\/)?([^/]+)/.exec(problem.path)?.[1];
    if (name && fields.includes(name))
      byField[name] = byField[name] ? `${byField[name]}；${problem.message}` : problem.message;
    else rest.push(problem.message);
  }
  return { byField, rest };
}

/**
 * Downloads an organisation's CSV file with the session (fetched so that a refusal — identity not
 * verified, not approved — comes back as a message on the page); returns the file name.
 */
export async function downloadContribution(contribution: string, fallback: string): Promise<string> {
  const response = await fetch(apiUrl(`/open/contributions/${id(contribution)}/download`), {
    credentials: 'same-origin',
    headers: { 'accept-language': currentLang() },
  }).catch(() => {
    throw new ApiError({ status: 0, code: 'network', detail: '' });
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<{ code: string; detail: string }>;
    throw new ApiError({
      status: response.status,
      code: problem.code ?? `http.${response.status}`,
      detail: problem.detail ?? '',
    });
  }
  const name = fileNameOf(response.headers.get('content-disposition'), `${fallback}.csv`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free the memory a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Whether an address may be a link on a page: http or https only (never javascript: or data:). */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && Boolean(parsed.hostname);
  } catch {
    return false;
  }
}
