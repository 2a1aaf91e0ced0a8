// Shapes of the open-data API as the portal uses them (/work/notes/portal-contract.md; the server's
// schemas are in server/src/modules/opening/*/ and server/src/modules/catalog/search.schemas.ts).
import type { CatalogEntry, FacetValue } from '../api/catalog.ts';
import { api, ApiError, apiUrl, type Query } from '../api/client.ts';
import type { DepartmentDataQuality } from '../api/pools-quality.ts';
import { currentLang } from '../i18n/lang.ts';

/** Open types the public sees. */
export type OpenType = 'unconditional' | 'conditional';

/** A dataset as a card on the home page, in related datasets. */
export interface DatasetCard {
  id: string;
  code: string;
  name: string;
  abstract: string;
  provider: { id: string; name: string };
  openType: OpenType;
  formats: string[];
  modifiedAt: string;
  downloads: number;
  apiCalls: number;
}

/** GET /open/home. */
export interface HomeData {
  counts: { datasets: number; departments: number; downloads: number; apiCalls: number; records: number };
  newest: DatasetCard[];
  popular: DatasetCard[];
  popularSince: string;
  themes: { code: string; name: string; kind: string; count: number }[];
  departments: { id: string; name: string; count: number }[];
}

/** The facets of the open catalog search. */
export const FACETS = ['openType', 'department', 'region', 'classKind', 'format', 'updateCycle'] as const;
/** A facet name. */
export type Facet = (typeof FACETS)[number];

/** The query parameter each facet filters by. */
export const FACET_PARAM: Record<Facet, string> = {
  openType: 'openType',
  department: 'departmentId',
  region: 'regionId',
  classKind: 'classKind',
  format: 'format',
  updateCycle: 'updateCycle',
};

/** An entry of the open catalog search (OpenEntry): a share catalog entry without what only government sees. */
export type SearchEntry = Omit<CatalogEntry, 'shareType' | 'securityLevel' | 'openType'> & {
  openType: OpenType;
};

/** GET /open-catalog/datasets. */
export interface SearchPage {
  items: SearchEntry[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<Facet, FacetValue[]>;
  facetsExact: boolean;
}

/** One way to get a dataset's data (accessPoints() in server/src/modules/dcat/open-catalog.ts). */
export interface AccessPoint {
  key: string;
  method: 'download' | 'api' | 'model';
  format: string | null;
  mediaType: string | null;
  url: string;
}

/** An information item (column) of a dataset. */
export interface DatasetItem {
  fieldName: string;
  name: string;
  dataType: string;
  length: number | null;
  description: string | null;
}

/** One load of the dataset's data (a pool batch): which version, when, how many rows. */
export interface UpdateBatch {
  version: number;
  loadedAt: string;
  mode: 'replace' | 'upsert';
  rows: number;
  replaced: number;
}

/** Data quality of the dataset: the console's scores (per cent, null when not measured), no values. */
export type PublicQuality = Pick<
  DepartmentDataQuality,
  'score' | 'completeness' | 'validity' | 'uniqueness' | 'consistency' | 'timeliness' | 'rows'
> & { examinedRows: number; sampled: boolean; overdue: boolean; measuredAt: string };

/** GET /open/datasets/:id (server/src/modules/opening/portal/portal.schemas.ts). */
export interface DatasetPage {
  id: string;
  code: string;
  name: string;
  abstract: string;
  keywords: string[];
  provider: { id: string; name: string };
  classPath: { code: string; name: string; level: number; kind: string }[];
  openType: OpenType;
  openCondition: string | null;
  openMethods: string[];
  openBasis: string | null;
  usageRequirements: string | null;
  formats: string[];
  updateCycle: string;
  updateCycleNote: string | null;
  publishedAt: string;
  modifiedAt: string;
  versionNumber: number;
  temporalStart: string | null;
  temporalEnd: string | null;
  contact: { name: string | null; phone: string | null; email: string | null };
  items: DatasetItem[];
  landingPage: string;
  accessPoints: AccessPoint[];
  quality: PublicQuality | null;
  history: { records: number; dataUpdatedAt: string | null; versions: number; batches: UpdateBatch[] };
  usage: {
    downloads: number;
    apiCalls: number;
    rows: number;
    recent: { since: string; downloads: number; apiCalls: number };
  };
  related: DatasetCard[];
  /** Set while the dataset is suspended (CQO §41): downloads, API calls and the preview stop. */
  suspension: DatasetSuspension | null;
  /** Set while the dataset is opened under a declared public emergency (CQO §27). */
  emergency: { name: string; endsOn: string } | null;
}

/** A suspension as the public sees it: since when, by whom found, whether withdrawn for good. */
export interface DatasetSuspension {
  since: string;
  withdrawn: boolean;
  source: 'objection' | 'provider' | 'authority' | 'platform';
}

/** A chart of a dataset: counts of one item's values (or periods of a date), small groups suppressed. */
export interface DatasetChart {
  kind: 'bar' | 'line';
  item: { fieldName: string; name: string };
  bucket: 'value' | 'month' | 'year';
  series: { label: string; count: number; kind: 'value' | 'missing' | 'other' }[];
  suppressedBelow: number;
}

/** GET /open/datasets/:id/chart: the chart, or null with the reason there is none. */
export interface ChartAnswer {
  chart: DatasetChart | null;
  reason?: 'conditional' | 'suspended' | 'no_data' | 'no_item' | 'suppressed';
}

/** GET /open/datasets/:id/preview: the columns (masked ones marked) and the first rows, masked. */
export interface DatasetPreview {
  items: { field: string; name: string; masked: boolean }[];
  rows: Record<string, unknown>[];
}

/** The identity of a public account as the server shows it (never the whole number). */
export interface Identity {
  kind: 'natural' | 'organisation';
  verified: boolean;
  /** check-digit: structure and check digit; http: the configured identity service. */
  method: 'check-digit' | 'http' | null;
  verifiedAt: string | null;
  maskedNumber: string;
}

/** GET /open/me: the signed-in public user (server/src/modules/opening/accounts/accounts.schemas.ts). */
export interface PortalMe {
  id: string;
  username: string;
  kind: 'natural' | 'organisation';
  displayName: string;
  contactName: string | null;
  identity: Identity;
  identityVerified: boolean;
  mobile: string | null;
  email: string | null;
  createdAt: string;
}

/** A personal API key as listed (never the key itself). */
export interface PersonalKey {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** POST /open/me/keys: the key, shown this once. */
export interface CreatedKey {
  apiKey: PersonalKey;
  key: string;
}

/** The registration of a natural person (body of POST /open/accounts). */
export interface NaturalRegistration {
  kind: 'natural';
  username: string;
  password: string;
  realName: string;
  citizenId: string;
  mobile: string;
  email?: string;
}

/** The registration of an organisation. */
export interface OrganisationRegistration {
  kind: 'organisation';
  username: string;
  password: string;
  orgName: string;
  creditCode: string;
  contactName: string;
  mobile: string;
  email?: string;
}

/** A list answer that may come as a page ({ items }) or as a bare array. */
type ListAnswer<T> = T[] | { items: T[] };
const itemsOf = <T>(answer: ListAnswer<T>): T[] => (Array.isArray(answer) ? answer : answer.items);

/** The portal's calls. */
export const portalApi = {
  home: () => api.get<HomeData>('/open/home'),
  search: (query: Query) => api.get<SearchPage>('/open-catalog/datasets', query),
  dataset: (id: string) => api.get<DatasetPage>(`/open/datasets/${encodeURIComponent(id)}`),
  // null when no item of the dataset suits a chart.
  chart: async (id: string) =>
    (await api.get<ChartAnswer>(`/open/datasets/${encodeURIComponent(id)}/chart`)).chart,
  preview: (id: string) => api.get<DatasetPreview>(`/open/datasets/${encodeURIComponent(id)}/preview`),
  register: (body: NaturalRegistration | OrganisationRegistration) =>
    api.post<{ identity: Identity }>('/open/accounts', body, { allowUnauthorized: true }),
  me: () => api.get<PortalMe>('/open/me'),
  keys: async () => itemsOf(await api.get<ListAnswer<PersonalKey>>('/open/me/keys', { pageSize: 100 })),
  createKey: (name: string, expiresInDays?: number) =>
    api.post<CreatedKey>('/open/me/keys', { name, ...(expiresInDays ? { expiresInDays } : {}) }),
  revokeKey: (id: string) => api.post<unknown>(`/open/me/keys/${encodeURIComponent(id)}/revoke`),
};

/** The file name of a Content-Disposition header (RFC 6266 `filename*` first), or a fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a dataset file with the session cookie. Fetched rather than followed as a link so that
 * a refusal (403 identity required, 409 conditional, 429) comes back as a problem the page can
 * show instead of a saved error file; the body is then handed to the browser to save.
 */
export async function downloadDataset(id: string, format: string): Promise<string> {
  const response = await fetch(apiUrl(`/open/datasets/${encodeURIComponent(id)}/download`, { format }), {
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
  const name = fileNameOf(response.headers.get('content-disposition'), `${id}.${format}`);
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
