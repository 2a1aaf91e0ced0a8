// The calls of 开放需求建议 / 申请开放 (CQO §14, CQ17 §22: both are the catalog's demand list, kind
// 'public'): filing a suggestion, the user's own list and one suggestion with its answers, and the
// profile's deadline for answering. Shapes as server/src/modules/catalog/demands/demands.schemas.ts
// gives them (Suggestion; the answers' types are web/src/api/catalog-demands.ts's).
import type { Demand, DemandAnswer, DemandResource, DemandState } from '../api/catalog-demands.ts';
import { api } from '../api/client.ts';
import type { Paged } from './account-api.ts';
import { usePortalProfile } from './profile.ts';

// The answers' shapes are the demand API's, as the console reads them (types only: nothing of the
// console's code comes with them).
/** Where a suggestion stands: with the authority, answered by it, or with the routed department. */
export type SuggestionState = DemandState;
/** A catalog resource named in an answer. */
export type SuggestionResource = DemandResource;
/** One answer (`answeredByName` is always null in the public's view). */
export type SuggestionAnswer = DemandAnswer;

/**
 * A suggestion as its author sees it: a demand without the requester's fields (the author is the
 * reader), with its description and the answers.
 */
export interface Suggestion extends Omit<Demand, 'kind' | 'requesterDepartment' | 'requesterName'> {
  description: string;
  answers: SuggestionAnswer[];
}

/** What the form sends: the data wanted, what it is, and the use scenario (`purpose`). */
export interface SuggestionInput {
  title: string;
  description: string;
  purpose: string;
}

/** Where the author follows the suggestions (the account page's section). */
export const ACCOUNT_SUGGESTIONS = '/open/account#suggestions';

/** The form's fields in their order on the page (also the server's `/body/<field>` names). */
export const SUGGESTION_FIELDS = ['title', 'description', 'purpose'] as const;

/** The longest texts the server takes, by field. */
export const SUGGESTION_LIMITS: Record<(typeof SUGGESTION_FIELDS)[number], number> = {
  title: 200,
  description: 4000,
  purpose: 2000,
};

/** The calls. */
export const suggestApi = {
  file: (input: SuggestionInput) => api.post<Suggestion>('/catalog/demands/suggestions', input),
  mine: (page = 1) => api.get<Paged<Suggestion>>('/catalog/demands/suggestions', { page, pageSize: 20 }),
  one: (id: string) => api.get<Suggestion>(`/catalog/demands/suggestions/${encodeURIComponent(id)}`),
};

/** Whether a suggestion still waits for an answer (the authority's, or the routed department's). */
export const isWaiting = (suggestion: Suggestion) =>
  suggestion.state === 'open' || suggestion.state === 'routed';

/** Whether a resource of an answer has a page on the portal: published and open (with or without conditions). */
export const isOpenResource = (resource: SuggestionResource) =>
  resource.published && (resource.openType === 'unconditional' || resource.openType === 'conditional');

/** The part of GET /profile the page reads: the deadline for answering a demand (null: none set). */
interface SuggestProfile {
  deadlines: { demandReply: { workdays: number; article: string; policy?: true } | null };
}

/**
 * The profile's deadline for answering a suggestion; `loaded` false until known.
 */
export function useSuggestDeadline() {
  const profile = usePortalProfile<SuggestProfile>();
  return { loaded: profile.data !== undefined, rule: profile.data?.deadlines.demandReply ?? null };
}
