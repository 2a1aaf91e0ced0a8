// What the public does about one open dataset on its portal page: ratings and comments, the
// showcase of what others built on it, corrections, error reports, opinions and objections
// (docs/opening-participation.md, docs/opening-objections.md). Shapes follow the server's schemas in
// server/src/modules/opening/participation/*.schemas.ts and objections/objections.schemas.ts.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
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

const at = (id: string) => encodeURIComponent(id);

/** The calls of the dataset page's participation parts that everyone sees. */
export const participationApi = {
  feedback: (id: string, page: number, pageSize: number) =>
    api.get<Feedback>(`/open/datasets/${at(id)}/feedback`, { page, pageSize }),
  rate: (id: string, stars: number) => api.put<Feedback>(`/open/datasets/${at(id)}/rating`, { stars }),
  comment: (id: string, text: string) =>
    api.post<PublicComment>(`/open/datasets/${at(id)}/comments`, { text }),
  deleteComment: (id: string) => api.delete<undefined>(`/open/comments/${at(id)}`),
  showcase: (resourceId: string) =>
    api.get<{ items: ShowcaseEntry[]; total: number }>('/open/showcase', { resourceId, pageSize: 20 }),
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

/** Whether an address may become a link: http or https only (a `javascript:` link would run). */
export function isWebAddress(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
