// Shapes of secrecy reviews (保密审查) as server/src/modules/security/reviews/reviews.schemas.ts sends them.
import type { AccessType } from './catalog.ts';

/** Where a review stands. */
export type ReviewState = 'pending' | 'passed' | 'not_passed' | 'superseded';
/** The states in the order the console lists them. */
export const REVIEW_STATES: readonly ReviewState[] = ['pending', 'passed', 'not_passed', 'superseded'];

/** The share and open attributes a review looks at, and the grading they depend on. */
export interface ReviewAttributes {
  shareType: AccessType;
  shareCondition: string | null;
  shareMethods: string[];
  shareBasis: string | null;
  openType: AccessType;
  openCondition: string | null;
  openMethods: string[];
  openBasis: string | null;
  category: string | null;
  securityLevel: string;
  securitySubLevel: string | null;
  effectiveLevel: string;
  items: {
    fieldName: string;
    name: string;
    category: string | null;
    securityLevel: string;
    sensitivity: string;
  }[];
}

/** A row of GET /security/reviews. */
export interface Review {
  id: string;
  resourceId: string;
  code: string;
  name: string;
  revisionNumber: number;
  departmentId: string;
  departmentName: string;
  state: ReviewState;
  caseId: string | null;
  dueOn: string | null;
  overdue: boolean;
  attributes: ReviewAttributes;
  changed: string[];
  reasons: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** GET /security/reviews/:id. */
export interface ReviewDetail extends Review {
  canDecide: boolean;
  history: Review[];
}
