// Shapes of the security registers' API (/api/v1/security/…: incidents, plans and drills, risk
// assessments, overview; CQ19 §43–44, CQO §37) as the console uses them, and the profile's rules.
import { useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

/** A text in both languages. */
export interface Names {
  'zh-CN': string;
  en: string;
}

/** The profile's `security` section. */
export interface SecurityRules {
  incidents: {
    severities: { code: string; name: Names; reportWithinHours: number | null }[];
    article: string | null;
  };
  planReview: { months: number; article: string | null };
  drills: { months: number; article: string | null };
  riskAssessments: { months: number; article: string | null; riskLevels: { code: string; name: Names }[] };
}

/** GET /profile, the security rules of the active profile. */
export function useSecurityRules() {
  return useQuery({
    queryKey: ['profile', 'security'],
    queryFn: ({ signal }) =>
      api.get<{ security: SecurityRules }>('/profile', undefined, { signal }).then((p) => p.security),
    staleTime: 5 * 60_000,
  });
}

export type IncidentState = 'open' | 'contained' | 'closed';
export const INCIDENT_STATES: readonly IncidentState[] = ['open', 'contained', 'closed'];

/** A department or resource reference. */
export interface Ref {
  id: string;
  name: string;
}

/** An incident in the list. */
export interface Incident {
  id: string;
  department: Ref;
  title: string;
  severity: string;
  occurredAt: string | null;
  detectedAt: string;
  scope: string;
  recordEstimate: number | null;
  state: IncidentState;
  containedAt: string | null;
  closedAt: string | null;
  closureSummary: string | null;
  report: { reportedAt: string; reportedTo: string; reference: string | null } | null;
  reportDueAt: string | null;
  reportOverdue: boolean;
  reportedLate: boolean;
  createdByName: string;
  createdAt: string;
  updatedAt: string;
}

/** An incident with resources and timeline. */
export interface IncidentDetail extends Incident {
  resources: (Ref & { code: string })[];
  timeline: {
    id: number;
    kind: 'action' | 'contained' | 'closed' | 'reported';
    takenAt: string;
    description: string;
    actorName: string;
  }[];
}

/** GET /security/incidents/stats. */
export interface IncidentStats {
  months: string[];
  counts: { month: string; severity: string; count: number }[];
}

export type DrillResult = 'passed' | 'partial' | 'failed';
export const DRILL_RESULTS: readonly DrillResult[] = ['passed', 'partial', 'failed'];

/** A drill. */
export interface Drill {
  id: string;
  planId: string;
  planTitle: string;
  department: Ref;
  heldOn: string;
  scenario: string;
  participants: string;
  result: DrillResult;
  findings: string;
  followUps: string[];
  createdByName: string;
  createdAt: string;
}

/** A plan in the list. */
export interface Plan {
  id: string;
  department: Ref;
  title: string;
  version: string;
  scope: string;
  approvedOn: string;
  retired: boolean;
  reviewDueOn: string;
  reviewOverdue: boolean;
  lastDrillOn: string | null;
  drillDueOn: string | null;
  drillOverdue: boolean;
  createdByName: string;
  updatedAt: string;
}

/** A plan with text and drills. */
export interface PlanDetail extends Plan {
  body: string;
  drills: Drill[];
}

export type AssessmentScope = 'aggregation' | 'sharing' | 'opening' | 'application';
export const ASSESSMENT_SCOPES: readonly AssessmentScope[] = [
  'aggregation',
  'sharing',
  'opening',
  'application',
];

/** An assessment in the list. */
export interface Assessment {
  id: string;
  department: Ref;
  title: string;
  scopes: AssessmentScope[];
  assessedOn: string;
  riskLevel: string;
  reidentification: boolean;
  expertsAsked: number;
  opinionsGiven: number;
  createdByName: string;
  updatedAt: string;
}

/** An assessment with findings, resources and opinions. */
export interface AssessmentDetail extends Assessment {
  findings: string;
  measures: string;
  resources: (Ref & { code: string })[];
  expertQuestion: string | null;
  experts: {
    expert: Ref;
    askedAt: string;
    askedByName: string;
    opinion: string | null;
    opinionAt: string | null;
  }[];
}

/** One department's row of GET /security/overview. */
export interface OverviewRow {
  department: Ref & { kind: string };
  currentPlans: number;
  planReviewOverdue: boolean;
  lastDrillOn: string | null;
  drillDueOn: string | null;
  drillOverdue: boolean;
  lastAssessmentOn: string | null;
  assessmentDueOn: string | null;
  assessmentOverdue: boolean;
  openIncidents: number;
  reportsOverdue: number;
}

/** GET /security/overview. */
export interface SecurityOverview {
  today: string;
  intervals: { planReviewMonths: number; drillMonths: number; assessmentMonths: number };
  items: OverviewRow[];
}
