import type { Generated } from 'kysely';
import type { Timestamp } from '../../../platform/db/schema.ts';

/** Who filed a demand: a department (需求清单, CQ19 §12) or a member of the public (CQO §14). */
export type DemandKind = 'department' | 'public';
/** Where a demand stands: waiting for the authority, answered by it, or answered by the provider. */
export type DemandState = 'open' | 'matched' | 'routed' | 'rejected' | 'accepted' | 'declined';
/** One step of the answer to a demand. */
export type DemandStep = 'match' | 'route' | 'reject' | 'accept' | 'decline' | 'link';

/** Row of `catalog_demands`. */
export interface CatalogDemandTable {
  id: Generated<string>;
  kind: DemandKind;
  title: string;
  description: string;
  wanted_items: string | null;
  purpose: string;
  basis: string | null;
  requester_department_id: string | null;
  requested_by: string;
  requested_by_name: string;
  region_id: string;
  suggested_provider_id: string | null;
  authority_id: string;
  case_id: string;
  state: Generated<DemandState>;
  provider_id: string | null;
  provider_case_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `catalog_demand_candidates`. */
export interface CatalogDemandCandidateTable {
  demand_id: string;
  resource_id: string;
  rank: number;
  score: number;
}

/** Row of `catalog_demand_answers`. */
export interface CatalogDemandAnswerTable {
  id: Generated<number>;
  demand_id: string;
  step: DemandStep;
  department_id: string;
  answered_by: string;
  answered_by_name: string;
  answered_at: Timestamp;
  reason: string | null;
  note: string | null;
  provider_id: string | null;
  resource_ids: Generated<string[]>;
}

/** Tables of demand lists and public suggestions. */
export interface DemandTables {
  catalog_demands: CatalogDemandTable;
  catalog_demand_candidates: CatalogDemandCandidateTable;
  catalog_demand_answers: CatalogDemandAnswerTable;
}
