// The report forms of a dataset page (catalog correction, data error report, opinion, objection):
// their calls, shapes and the mapping of the server's field problems. Imported by the lazy forms
// chunk only, so none of it is fetched with the dataset page (and the page's chunk stays the
// page's own: a module shared with the lazy chunk would move into it).
import { api, ApiError } from '../api/client.ts';

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

/** The calls of the report forms. */
export const reportApi = {
  correction: (id: string, body: { topic: CatalogTopic; statement: string; proposal?: string }) =>
    api.post<ParticipationRequest>(`/open/datasets/${encodeURIComponent(id)}/catalog-corrections`, body),
  errorReport: (id: string, body: { statement: string; fields?: string[]; location?: string }) =>
    api.post<ParticipationRequest>(`/open/datasets/${encodeURIComponent(id)}/error-reports`, body),
  opinion: (body: { resourceId: string; statement: string }) =>
    api.post<ParticipationRequest>('/open/opinions', body),
  objection: (body: { resourceId: string; ground: ObjectionGround; statement: string }) =>
    api.post<Objection>('/open/objections', body),
  evidence: (objectionId: string, file: File) =>
    api.upload<Evidence>(`/open/objections/${encodeURIComponent(objectionId)}/evidence`, file, {
      name: file.name,
    }),
};

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
