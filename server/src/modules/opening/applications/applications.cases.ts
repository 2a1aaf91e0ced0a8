// The kind of case an application for conditionally open data is: the provider department's answer
// within the profile's `conditionalOpenReply` working days (CQ19 §33: 10 + 10; CQ18 §24: 15 + 15;
// SC sets no number, so those cases have no deadline). The case closes with the answer or the
// applicant's withdrawal; signing and the authority's review of the agreement come after it and
// never count against the provider's deadline.
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** An application for conditionally open data (有条件开放申请), open until answered or withdrawn. */
export const conditionalApplicationCase = defineCaseType({
  type: 'opening.conditional_application',
  rule: 'conditionalOpenReply',
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
