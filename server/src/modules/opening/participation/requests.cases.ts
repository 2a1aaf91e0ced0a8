// The kinds of case the requests answered in the portal are. Each closes with the answer: accept or
// reject, with the answer's text. The deadlines are the profile's: an open-catalog correction is
// answered within `openCatalogCorrectionReply` (CQ19 §32: 10 working days + 10 with the head's
// consent; CQ18 and SC set none), a data error report within `correctionReply` (CQO §22 / CQ19 §19:
// 10 + 10; CQ18 §20: 10 + 15); an opinion on the open service has none (CQ19 §37 asks the authority
// to collect opinions and improve, without a number of days).
import { defineCaseType } from '../../../platform/cases/case-types.ts';

const answered = {
  states: ['submitted', 'accepted', 'rejected'],
  initial: 'submitted',
  terminal: ['accepted', 'rejected'],
  transitions: {
    accept: { from: ['submitted'], to: 'accepted' },
    reject: { from: ['submitted'], to: 'rejected' },
  },
} as const;

/** A request to correct the open catalog (开放目录更正申请), for the provider department. */
export const catalogCorrectionCase = defineCaseType({
  type: 'opening.catalog_correction',
  rule: 'openCatalogCorrectionReply',
  ...answered,
});

/** A report of an error in open data (数据校核申请), for the provider department. */
export const dataErrorCase = defineCaseType({
  type: 'opening.data_error',
  rule: 'correctionReply',
  ...answered,
});

/** An opinion on the open service (开放工作意见), for the data authority. */
export const opinionCase = defineCaseType({
  type: 'opening.opinion',
  rule: null,
  ...answered,
});

/** The case type of each kind of request. */
export const CASE_OF_KIND = {
  catalog_correction: catalogCorrectionCase,
  data_error: dataErrorCase,
  opinion: opinionCase,
} as const;
