// The kind of case a correction request is (CQ19 §19, CQ18 §20, CQO §22): the provider checks the
// record within the profile's `correctionReply` deadline (an extension needs its head, through the
// case engine's extension routes) and accepts or rejects the request.
import { defineCaseType } from '../../../platform/cases/case-types.ts';

/** A correction request on a pool record: pending until the provider accepts or rejects it. */
export const correctionCase = defineCaseType({
  type: 'pools.correction',
  rule: 'correctionReply',
  states: ['pending', 'accepted', 'rejected'],
  initial: 'pending',
  terminal: ['accepted', 'rejected'],
  transitions: {
    accept: { from: ['pending'], to: 'accepted' },
    reject: { from: ['pending'], to: 'rejected' },
  },
});
