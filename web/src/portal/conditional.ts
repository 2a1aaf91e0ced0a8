// What the portal's pages of conditionally open data share: the profile's numbers, the lists of the
// signed-in user's applications and agreements, and turning a refusal's field problems into
// per-field messages.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';
import { openingApi, type AgreementStatus, type ApplicationState } from '../api/opening.ts';
import type { PortalKey } from './i18n/index.tsx';
import { usePortalProfile } from './profile.ts';

/** The parts of GET /profile these pages read. */
interface ConditionalProfile {
  deadlines: { conditionalOpenReply: { workdays: number } | null };
  procedures: Record<'openAgreement' | 'openAgreementAuthorityReview', { required: boolean }>;
  opening: { agreements: { maxPeriodDays: number; feedbackEveryDays: number; disposalDays: number } };
}

/** The profile's rules of conditionally open data (the longest period, the reply deadline, review). */
export function useConditionalProfile() {
  const profile = usePortalProfile<ConditionalProfile>();
  const data = profile.data;
  return {
    loaded: data !== undefined,
    maxPeriodDays: data?.opening.agreements.maxPeriodDays ?? null,
    replyWorkdays: data?.deadlines.conditionalOpenReply?.workdays ?? null,
    authorityReview: data?.procedures.openAgreementAuthorityReview.required ?? false,
    signaturesRequired: data?.procedures.openAgreement.required ?? true,
  };
}

/** The signed-in user's applications, newest first (only asked for when `enabled`). */
export function useMyApplications(enabled = true) {
  return useQuery({ queryKey: ['open', 'applications'], queryFn: openingApi.myApplications, enabled });
}

/** The signed-in user's agreements (only asked for when `enabled`). */
export function useMyAgreements(enabled = true) {
  return useQuery({ queryKey: ['open', 'agreements'], queryFn: openingApi.myAgreements, enabled });
}

/** Reloads the user's applications, agreements and any agreement page after a change. */
export function useRefreshConditional() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] === 'open' &&
        ['applications', 'agreements', 'agreement'].includes(String(query.queryKey[1])),
    });
}

/** The label key of an application's state. */
export const APPLICATION_STATE_KEY: Record<ApplicationState, PortalKey> = {
  submitted: 'apply.state.submitted',
  approved: 'apply.state.approved',
  refused: 'apply.state.refused',
  withdrawn: 'apply.state.withdrawn',
};

/** The label key of an agreement's status. */
export const AGREEMENT_STATUS_KEY: Record<AgreementStatus, PortalKey> = {
  awaiting_signatures: 'agreement.status.awaiting_signatures',
  awaiting_review: 'agreement.status.awaiting_review',
  refused: 'agreement.status.refused',
  not_started: 'agreement.status.not_started',
  active: 'agreement.status.active',
  ended: 'agreement.status.ended',
  suspended: 'agreement.status.suspended',
  terminated: 'agreement.status.terminated',
};

/**
 * The server's field problems of a refusal (`/body/<field>…`) by the form's field names; the
 * problems that name no field of the form are returned apart, to be shown above it.
 */
export function fieldProblems(
  error: unknown,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byField, rest };
  for (const problem of error.errors) {
    const name = /^\/body\/([^/]+)/.exec(problem.path)?.[1];
    if (name && fields.includes(name)) byField[name] = byField[name] ?? problem.message;
    else rest.push(problem.message);
  }
  return { byField, rest };
}
