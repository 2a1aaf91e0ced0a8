// What the public does about one open dataset on its portal page: ratings and comments, the
// showcase of what others built on it, corrections, error reports, opinions and objections
// (docs/opening-participation.md, docs/opening-objections.md). Shapes follow the server's schemas in
// server/src/modules/opening/participation/*.schemas.ts and objections/objections.schemas.ts.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { portalApi } from './api.ts';

/** A dataset named in an answer. */
export interface ResourceRef {
  id: string;
  code: string;
  name: string;
}

/** A comment as the public sees it; `text` is plain text, shown as text (React escapes it). */
export interface PublicComment {
  id: string;
  text: string;
  author: { name: string };
  createdAt: string;
  /** Whether the caller wrote it (to offer deleting it). */
  mine: boolean;
}

/** GET /open/datasets/:id/feedback. */
export interface Feedback {
  resource: ResourceRef;
  rating: { average: number | null; count: number; distribution: { stars: number; count: number }[] };
  /** The caller's own stars (public users signed in), else null. */
  myRating: number | null;
  comments: { items: PublicComment[]; total: number; page: number; pageSize: number };
}

/** What a showcase entry is. */
export type ShowcaseKind = 'app' | 'website' | 'paper' | 'report' | 'other';

/** An approved showcase entry on the public list. */
export interface ShowcaseEntry {
  id: string;
  name: string;
  description: string;
  /** http or https only (the server refuses others); checked again before it becomes a link. */
  url: string;
  kind: ShowcaseKind;
  citation: string;
  datasets: ResourceRef[];
  submitter: { id: string | null; name: string };
  createdAt: string;
}

/** The part of a catalog entry a correction is about (CatalogTopic on the server). */
export const CATALOG_TOPICS = [
  'name',
  'abstract',
  'items',
  'provider',
  'open_type',
  'open_condition',
  'formats',
  'update_cycle',
  'contact',
  'other',
] as const;
/** A catalog topic. */
export type CatalogTopic = (typeof CATALOG_TOPICS)[number];

/** A correction, error report or opinion as filed (ParticipationRequestDetail, the parts shown). */
export interface ParticipationRequest {
  id: string;
  kind: 'catalog_correction' | 'data_error' | 'opinion';
  state: 'submitted' | 'accepted' | 'rejected';
  responsible: { id: string; name: string };
  /** The answer's due date (null: no deadline in the profile, e.g. opinions). */
  dueOn: string | null;
  replyRule: { workdays: number; article: string | null } | null;
  createdAt: string;
}

/** An objection as filed (the parts the page shows). */
export interface Objection {
  id: string;
  state: string;
  suspended: boolean;
  provider: { id: string; name: string };
  createdAt: string;
}

/** An evidence file as stored. */
export interface Evidence {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  digest: string;
}

/** Grounds of an objection (CQO §41). */
export type ObjectionGround = 'privacy' | 'trade_secret';

/** The evidence types the server takes. */
export const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** The notices of GET /open/datasets/:id: a suspension (CQO §41) or an emergency opening (CQO §27). */
export interface DatasetNotices {
  suspension: {
    since: string;
    withdrawn: boolean;
    source: 'objection' | 'provider' | 'authority' | 'platform';
  } | null;
  emergency: { name: string; endsOn: string } | null;
}

/**
 * The notices of a dataset page's answer. The shared DatasetPage type (api.ts) does not name them,
 * so they are read here; absent (an older server) means none.
 */
export function noticesOf(dataset: object): DatasetNotices {
  const answer = dataset as Partial<DatasetNotices>;
  return { suspension: answer.suspension ?? null, emergency: answer.emergency ?? null };
}

const at = (id: string) => encodeURIComponent(id);

/** The calls of the dataset page's participation parts. */
export const participationApi = {
  feedback: (id: string, page: number, pageSize: number) =>
    api.get<Feedback>(`/open/datasets/${at(id)}/feedback`, { page, pageSize }),
  rate: (id: string, stars: number) => api.put<Feedback>(`/open/datasets/${at(id)}/rating`, { stars }),
  comment: (id: string, text: string) =>
    api.post<PublicComment>(`/open/datasets/${at(id)}/comments`, { text }),
  deleteComment: (id: string) => api.delete<undefined>(`/open/comments/${at(id)}`),
  showcase: (resourceId: string) =>
    api.get<{ items: ShowcaseEntry[]; total: number }>('/open/showcase', { resourceId, pageSize: 20 }),
  correction: (id: string, body: { topic: CatalogTopic; statement: string; proposal?: string }) =>
    api.post<ParticipationRequest>(`/open/datasets/${at(id)}/catalog-corrections`, body),
  errorReport: (id: string, body: { statement: string; fields?: string[]; location?: string }) =>
    api.post<ParticipationRequest>(`/open/datasets/${at(id)}/error-reports`, body),
  opinion: (body: { resourceId: string; statement: string }) =>
    api.post<ParticipationRequest>('/open/opinions', body),
  objection: (body: { resourceId: string; ground: ObjectionGround; statement: string }) =>
    api.post<Objection>('/open/objections', body),
  evidence: (objectionId: string, file: File) =>
    api.upload<Evidence>(`/open/objections/${at(objectionId)}/evidence`, file, { name: file.name }),
};

/**
 * Who is looking, for the parts that need a verified public account: `anonymous` (offer sign-in),
 * `staff` (government accounts take part in the console, not here), `unverified` (say why not),
 * `verified` (show the forms); `loading` meanwhile.
 */
export type Participant = 'loading' | 'anonymous' | 'staff' | 'unverified' | 'verified';

/** The viewer as a participant (asks GET /open/me only for public accounts). */
export function useParticipant(): Participant {
  const session = useSession();
  const publicUser = session.can('open.participate');
  const me = useQuery({ queryKey: ['open', 'me'], queryFn: portalApi.me, enabled: publicUser });
  if (session.state.status === 'loading') return 'loading';
  if (!session.info) return 'anonymous';
  if (!publicUser) return 'staff';
  if (me.isPending) return 'loading';
  return me.data?.identityVerified ? 'verified' : 'unverified';
}

/**
 * The server's field problems of a refusal by the form's field names. The participation routes say
 * `/body/<field>`, the objection routes `/<field>`; both are taken. Problems naming no field of the
 * form come back apart, to be shown above the button.
 */
export function problemsByField(
  error: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const problem of error.errors) {
    const name = /^(?:\/body)?\/([^/]+)/.exec(problem.path)?.[1];
    if (name && fields.includes(name)) byField[name] = byField[name] ?? problem.message;
    else rest.push(problem.message);
  }
  return { byField, rest };
}

/** Whether an address may become a link: http or https only (a `javascript:` link would run). */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
