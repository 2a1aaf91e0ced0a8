// Shapes and calls of public participation as the console handles it (公众参与): corrections, data
// error reports and opinions answered by the provider or the authority, comments hidden with a
// reason, showcase entries and organisations' datasets reviewed by the authority. They follow
// server/src/modules/opening/participation/*.schemas.ts and …/contributions/contributions.routes.ts.
// No antd or React here. Every text of these shapes is plain text as the public typed it: render it
// as text, never as markup.
import { api, type Query } from './client.ts';
import type { Ref } from './opening.ts';
import type { ShareCase } from './sharing.ts';

/** The kinds of request the public files. */
export type RequestKind = 'catalog_correction' | 'data_error' | 'opinion';
/** Every kind, in the order the filters show them. */
export const REQUEST_KINDS: readonly RequestKind[] = ['data_error', 'catalog_correction', 'opinion'];

/** Where a request stands. */
export type RequestState = 'submitted' | 'accepted' | 'rejected';
/** Every request state. */
export const REQUEST_STATES: readonly RequestState[] = ['submitted', 'accepted', 'rejected'];

/** The answer to a request. */
export type AnswerDecision = 'accept' | 'reject';

/** A dataset as these routes name it. */
export type DatasetRef = Ref & { code: string };

/** A request in the handlers' list (server: requests.schemas.ts `ParticipationRequest`). */
export interface ParticipationRequest {
  id: string;
  kind: RequestKind;
  state: RequestState;
  /** The dataset it is about (opinions may name none). */
  resource: DatasetRef | null;
  /** The side that answers: the provider department, or the authority for opinions. */
  responsible: Ref;
  requester: Ref | null;
  /** The part of the catalog entry a correction is about. */
  topic: string | null;
  /** The item field names an error report names. */
  fields: string[];
  location: string | null;
  statement: string;
  proposal: string | null;
  answer: {
    decision: AnswerDecision;
    text: string;
    answeredAt: string;
    answeredByName: string | null;
  } | null;
  dueOn: string | null;
  overdue: boolean;
  workdaysLeft: number | null;
  caseId: string;
  createdAt: string;
  updatedAt: string;
}

/** GET /open/participation/requests/:id: with the profile's reply rule and the case. */
export interface ParticipationRequestDetail extends ParticipationRequest {
  replyRule: {
    workdays: number;
    article: string | null;
    extension: { workdays: number; article: string | null } | null;
  } | null;
  case: ShareCase | null;
}

/** A comment as the provider's staff and the authority see it. */
export interface HandledComment {
  id: string;
  text: string;
  resource: DatasetRef;
  author: Ref;
  createdAt: string;
  hidden: { at: string; reason: string; byName: string | null } | null;
}

/** What a showcase entry is. */
export type ShowcaseKind = 'app' | 'website' | 'paper' | 'report' | 'other';
/** Where a showcase entry stands. */
export type ShowcaseState = 'submitted' | 'approved' | 'rejected';
/** Every showcase state. */
export const SHOWCASE_STATES: readonly ShowcaseState[] = ['submitted', 'approved', 'rejected'];

/** A showcase entry as the reviewer sees it. */
export interface ShowcaseEntry {
  id: string;
  name: string;
  description: string;
  /** http or https (the server refuses others); shown as text, opened without an opener. */
  url: string;
  kind: ShowcaseKind;
  citation: string;
  datasets: DatasetRef[];
  submitter: { id: string | null; name: string };
  state: ShowcaseState;
  reviewReason: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

/** Where an organisation's dataset stands. */
export type ContributionState = 'submitted' | 'approved' | 'rejected' | 'withdrawn';
/** Every contribution state. */
export const CONTRIBUTION_STATES: readonly ContributionState[] = [
  'submitted',
  'approved',
  'rejected',
  'withdrawn',
];

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
  state: ContributionState;
  reviewReason: string | null;
  reviewedAt: string | null;
  downloads: number;
  createdAt: string;
}

/** One organisation's dataset with its first rows. */
export interface ContributionDetail extends Contribution {
  preview: string[][];
}

/** A review of a showcase entry or an organisation's dataset: a rejection needs its reason. */
export interface ReviewInput {
  decision: 'approve' | 'reject';
  reason?: string;
}

/** The paged lists the pages read through `useList` (their query keys start with `open`). */
export const PARTICIPATION_PATHS = {
  requests: '/open/participation/requests',
  comments: '/open/participation/comments',
  showcase: '/open/showcase/entries',
} as const;

const at = (id: string) => encodeURIComponent(id);

/** The calls of public participation the console makes. */
export const participationApi = {
  request: (id: string, signal?: AbortSignal) =>
    api.get<ParticipationRequestDetail>(`/open/participation/requests/${at(id)}`, undefined, { signal }),
  answer: (id: string, body: { decision: AnswerDecision; answer: string }) =>
    api.post<ParticipationRequestDetail>(`/open/participation/requests/${at(id)}/answer`, body),
  hideComment: (id: string, reason: string) =>
    api.post<HandledComment>(`/open/comments/${at(id)}/hide`, { reason }),
  reviewShowcase: (id: string, body: ReviewInput) =>
    api.post<ShowcaseEntry>(`/open/showcase/${at(id)}/review`, body),
  /** The item names of an open dataset (its public page), to name the fields a report points at. */
  datasetItems: async (id: string, signal?: AbortSignal) =>
    (
      await api.get<{ items: { fieldName: string; name: string }[] }>(`/open/datasets/${at(id)}`, undefined, {
        signal,
      })
    ).items,
  contributions: (query: Query, signal?: AbortSignal) =>
    api.get<Contribution[]>('/open/contributions/review', query, { signal }),
  contribution: (id: string, signal?: AbortSignal) =>
    api.get<ContributionDetail>(`/open/contributions/${at(id)}`, undefined, { signal }),
  reviewContribution: (id: string, body: ReviewInput) =>
    api.post<ContributionDetail>(`/open/contributions/${at(id)}/review`, body),
};
