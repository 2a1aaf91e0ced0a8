// The kind of case a secrecy review is (保密审查, CQ19 §41, CQ18 §30): the providing department's
// security officer records the outcome within the profile's `secrecyReview` deadline. A review of
// attributes a later publication changed again is superseded (closed without a decision).
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** A secrecy review of a resource's share and open attributes. */
export const secrecyReviewCase = defineCaseType({
  type: 'security.secrecy_review',
  rule: 'secrecyReview',
  states: ['pending', 'passed', 'not_passed', 'superseded'],
  initial: 'pending',
  terminal: ['passed', 'not_passed', 'superseded'],
  transitions: {
    pass: { from: ['pending'], to: 'passed' },
    fail: { from: ['pending'], to: 'not_passed' },
    supersede: { from: ['pending'], to: 'superseded' },
  },
});
