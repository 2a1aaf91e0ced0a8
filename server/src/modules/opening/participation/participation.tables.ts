import type { Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../../../platform/db/schema.ts';

/** Row of `open_ratings` (migration 0030): one public user's rating of one open dataset. */
export interface OpenRatingTable {
  resource_id: string;
  user_id: string;
  stars: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `open_comments`: a comment on an open dataset, plain text as typed. */
export interface OpenCommentTable {
  id: Generated<string>;
  resource_id: string;
  department_id: string;
  region_id: string;
  author_user_id: string;
  body: string;
  created_at: Timestamp;
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  hidden_reason: string | null;
  deleted_at: NullableTimestamp;
}

/** What a showcase entry is (应用展示, CQO §30). */
export type ShowcaseKind = 'app' | 'website' | 'paper' | 'report' | 'other';

/** Where a showcase entry stands: waiting for the authority's review, shown, or refused. */
export type ShowcaseState = 'submitted' | 'approved' | 'rejected';

/** Row of `open_showcase`: a product built on open data. */
export interface OpenShowcaseTable {
  id: Generated<string>;
  submitter_user_id: string;
  region_id: string;
  name: string;
  description: string;
  url: string;
  kind: ShowcaseKind;
  citation: string;
  state: Generated<ShowcaseState>;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `open_showcase_datasets`: an open dataset a showcase entry uses. */
export interface OpenShowcaseDatasetTable {
  showcase_id: string;
  resource_id: string;
  position: number;
}

/** The kinds of request answered in the portal. */
export type ParticipationKind = 'catalog_correction' | 'data_error' | 'opinion';

/** Where a request stands: waiting for the answer, or answered. */
export type ParticipationState = 'submitted' | 'accepted' | 'rejected';

/** Row of `open_participation_requests`: a correction request, error report or opinion. */
export interface OpenParticipationRequestTable {
  id: Generated<string>;
  kind: ParticipationKind;
  case_id: string;
  requester_user_id: string;
  resource_id: string | null;
  department_id: string;
  region_id: string;
  topic: string | null;
  fields: Generated<string[]>;
  location: string | null;
  statement: string;
  proposal: string | null;
  state: Generated<ParticipationState>;
  answer: string | null;
  answered_by: string | null;
  answered_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables of public participation. */
export interface ParticipationTables {
  open_ratings: OpenRatingTable;
  open_comments: OpenCommentTable;
  open_showcase: OpenShowcaseTable;
  open_showcase_datasets: OpenShowcaseDatasetTable;
  open_participation_requests: OpenParticipationRequestTable;
}
