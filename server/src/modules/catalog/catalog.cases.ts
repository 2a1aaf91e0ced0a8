// The catalog's kinds of case (ARCHITECTURE principle 3): each holder's review of a submitted
// catalog list, and the duty to ask for a catalog update after a change of law or duties.
import { defineCaseType } from '../../platform/cases/case-types.ts';

const reviewSpec = {
  states: ['pending', 'forwarded', 'reviewed', 'withdrawn'],
  initial: 'pending',
  terminal: ['forwarded', 'reviewed', 'withdrawn'],
  transitions: {
    forward: { from: ['pending'], to: 'forwarded' },
    complete: { from: ['pending'], to: 'reviewed' },
    withdraw: { from: ['pending'], to: 'withdrawn' },
  },
} as const;

/** An authority reviews (or forwards) a department's first catalog list: no deadline in any profile. */
export const catalogReviewCase = defineCaseType({ type: 'catalog.review', rule: null, ...reviewSpec });

/**
 * An authority reviews a catalog update (changed or removed resources, or an update request):
 * the profile's review deadline applies (CQ19 §14: 5 working days).
 */
export const catalogUpdateReviewCase = defineCaseType({
  type: 'catalog.update_review',
  rule: 'catalogUpdateReview',
  ...reviewSpec,
});

/**
 * A department must ask for a catalog update within the profile's deadline after a law is changed
 * or its duties change (CQ19 §14: 10 working days; CQ18 §9: 15). Filing a submission closes it.
 */
export const catalogUpdateRequestCase = defineCaseType({
  type: 'catalog.update_request',
  rule: 'catalogUpdateRequest',
  states: ['open', 'filed', 'cancelled'],
  initial: 'open',
  terminal: ['filed', 'cancelled'],
  transitions: {
    file: { from: ['open'], to: 'filed' },
    cancel: { from: ['open'], to: 'cancelled' },
  },
});
