// The kind of case a breach is: the provider follows the user's rectification up. CQO §39 leaves the
// rectification period to the one who demands it (限期整改), so the date is on the breach itself
// (`rectify_by`), chosen by the provider, and the case has no profile deadline.
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** A breach of a data usage agreement, open until rectified or the agreement is terminated. */
export const rectificationCase = defineCaseType({
  type: 'opening.rectification',
  rule: null,
  states: ['open', 'reported', 'rectified', 'terminated'],
  initial: 'open',
  terminal: ['rectified', 'terminated'],
  transitions: {
    report: { from: ['open'], to: 'reported' },
    accept: { from: ['reported'], to: 'rectified' },
    terminate: { from: ['open', 'reported'], to: 'terminated' },
  },
});
