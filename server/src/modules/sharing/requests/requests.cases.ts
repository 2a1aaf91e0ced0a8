// The kind of case a conditional share request is: the provider's reply (CQ18 §19: within the
// profile's `conditionalShareReply` working days; CQ19 and SC set no number, so those cases have no
// deadline). The case closes with the provider's answer; where the authority then opens access
// (SC §25) the request waits outside the case, so a late opening never counts against the provider.
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** A conditional share request (有条件共享申请), open until the provider answers or the applicant withdraws. */
export const conditionalRequestCase = defineCaseType({
  type: 'sharing.conditional_request',
  rule: 'conditionalShareReply',
  states: ['submitted', 'approved', 'refused', 'withdrawn'],
  initial: 'submitted',
  terminal: ['approved', 'refused', 'withdrawn'],
  transitions: {
    // Approvals in full and in part: which one, and what was approved, is in the step's detail.
    approve: { from: ['submitted'], to: 'approved' },
    refuse: { from: ['submitted'], to: 'refused' },
    withdraw: { from: ['submitted'], to: 'withdrawn' },
  },
});
