// The two kinds of case a demand makes (ARCHITECTURE principle 3). Both use the profile's
// demandReply deadline (CQ19 §12 asks for an answer without fixing a number, so the deployment sets
// it; other profiles leave it null and the cases have no due date).
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** The authority answers a demand: match it to published resources, route it, or reject it. */
export const demandCase = defineCaseType({
  type: 'catalog.demand',
  rule: 'demandReply',
  states: ['open', 'matched', 'routed', 'rejected'],
  initial: 'open',
  terminal: ['matched', 'routed', 'rejected'],
  transitions: {
    match: { from: ['open'], to: 'matched' },
    route: { from: ['open'], to: 'routed' },
    reject: { from: ['open'], to: 'rejected' },
  },
});

/** The department a demand was routed to answers it: accept (it will catalog the data) or decline. */
export const demandProviderCase = defineCaseType({
  type: 'catalog.demand_provider',
  rule: 'demandReply',
  states: ['open', 'accepted', 'declined'],
  initial: 'open',
  terminal: ['accepted', 'declined'],
  transitions: {
    accept: { from: ['open'], to: 'accepted' },
    decline: { from: ['open'], to: 'declined' },
  },
});
