// The kind of case an objection is. CQO §41 asks the provider to verify "at once" (立即) and sets no
// number of days, so the case has no deadline; it is still a case so that it stands in the
// provider's and the authority's case lists with its history.
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** An objection to open data (异议), open until its outcome is decided. */
export const objectionCase = defineCaseType({
  type: 'opening.objection',
  rule: null,
  states: ['received', 'suspended', 'withdrawn', 'restored', 'reprocessed'],
  initial: 'received',
  terminal: ['withdrawn', 'restored', 'reprocessed'],
  transitions: {
    suspend: { from: ['received'], to: 'suspended' },
    withdraw: { from: ['received', 'suspended'], to: 'withdrawn' },
    restore: { from: ['received', 'suspended'], to: 'restored' },
    reprocess: { from: ['received', 'suspended'], to: 'reprocessed' },
  },
});
