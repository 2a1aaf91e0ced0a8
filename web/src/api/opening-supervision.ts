// Shapes and calls of usage supervision (利用监管, CQO §37(3), §39) in the console: a breach of a
// data usage agreement suspends the user's access pending rectification by a date; the user's
// report comes from the portal; the provider or the authority accepts (access reopens) or
// terminates the agreement. They follow server/src/modules/opening/supervision/*. No antd here.
import { api } from './client.ts';
import type { ResourceLevel } from './sharing.ts';

/** Where a breach stands: open (waits for the user), reported, rectified or terminated. */
export type BreachState = 'open' | 'reported' | 'rectified' | 'terminated';
/** Every breach state, in the order a breach passes them. */
export const BREACH_STATES: readonly BreachState[] = ['open', 'reported', 'rectified', 'terminated'];
/** The supervisor's decision on a breach. */
export type BreachDecision = 'accept' | 'terminate';

/** A breach as the console sees it (GET /open/breaches, /open/breaches/:id). */
export interface Breach extends ResourceLevel {
  id: string;
  caseId: string;
  /** `state` is the agreement's stored state (active, suspended, terminated…). */
  agreement: { id: string; number: string; state: string };
  resource: { id: string; name: string | null };
  provider: { id: string; name: string };
  applicant: { name: string } | null;
  /** The officer who recorded the breach. */
  foundBy: string | null;
  breach: string;
  demand: string;
  /** China day by which the user must have rectified. */
  rectifyBy: string;
  /** Past the date without a report: the supervisor may terminate (逾期未整改). */
  overdue: boolean;
  state: BreachState;
  report: string | null;
  reportedAt: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** POST /open/agreements/:id/breaches. */
export interface BreachInput {
  breach: string;
  demand: string;
  rectifyBy: string;
}

/** Filters of the breach list. */
export type BreachFilters = {
  agreementId?: string;
  state?: BreachState;
  overdue?: boolean;
};

const at = (id: string) => encodeURIComponent(id);

/** The calls of the supervision pages. */
export const supervisionApi = {
  breaches: (filters: BreachFilters, signal?: AbortSignal) =>
    api.get<Breach[]>('/open/breaches', filters, { signal }),
  breach: (id: string, signal?: AbortSignal) =>
    api.get<Breach>(`/open/breaches/${at(id)}`, undefined, { signal }),
  report: (agreementId: string, body: BreachInput) =>
    api.post<Breach>(`/open/agreements/${at(agreementId)}/breaches`, body),
  decide: (id: string, body: { decision: BreachDecision; note: string }) =>
    api.post<Breach>(`/open/breaches/${at(id)}/decision`, body),
};
