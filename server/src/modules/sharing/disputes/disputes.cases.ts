// The kind of case a sharing dispute is (异议, CQ19 §27; CQ18 §19 ¶3): the authority of the
// provider's region coordinates it with the provider and records the outcome, within the profile's
// `shareDisputeCoordination` working days (null: no deadline).
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** A dispute about sharing, open until the authority records the outcome or the applicant withdraws. */
export const disputeCase = defineCaseType({
  type: 'sharing.dispute',
  rule: 'shareDisputeCoordination',
  states: ['open', 'resolved', 'withdrawn'],
  initial: 'open',
  terminal: ['resolved', 'withdrawn'],
  transitions: {
    resolve: { from: ['open'], to: 'resolved' },
    withdraw: { from: ['open'], to: 'withdrawn' },
  },
});
