import type { Generated } from 'kysely';
import type { Json, NullableTimestamp, Timestamp } from '../../platform/db/schema.ts';

/** A date column: 'YYYY-MM-DD' both ways (both engines read dates as strings). */
export type DateColumn = string;

/** Where an incident stands. */
export type IncidentState = 'open' | 'contained' | 'closed';
/** Kinds of timeline entries. */
export type IncidentActionKind = 'action' | 'contained' | 'closed' | 'reported';
/** How a drill went. */
export type DrillResult = 'passed' | 'partial' | 'failed';
/** What a risk assessment covers (CQ19 §43: 汇聚、共享、开放、应用). */
export type AssessmentScope = 'aggregation' | 'sharing' | 'opening' | 'application';

/** Row of `security_incidents`. */
export interface SecurityIncidentTable {
  id: Generated<string>;
  department_id: string;
  title: string;
  severity: string;
  occurred_at: NullableTimestamp;
  detected_at: Timestamp;
  scope: string;
  record_estimate: number | null;
  state: Generated<IncidentState>;
  contained_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  closure_summary: string | null;
  reported_at: NullableTimestamp;
  reported_to: string | null;
  report_reference: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `security_incident_actions`. */
export interface SecurityIncidentActionTable {
  id: Generated<number>;
  incident_id: string;
  kind: IncidentActionKind;
  taken_at: Timestamp;
  description: string;
  actor_id: string;
  actor_name: string;
  created_at: Timestamp;
}

/** Row of `security_plans`. */
export interface SecurityPlanTable {
  id: Generated<string>;
  department_id: string;
  title: string;
  version: string;
  scope: string;
  body: string;
  approved_on: DateColumn;
  retired: Generated<boolean>;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `security_drills`. */
export interface SecurityDrillTable {
  id: Generated<string>;
  plan_id: string;
  department_id: string;
  held_on: DateColumn;
  scenario: string;
  participants: string;
  result: DrillResult;
  findings: Generated<string>;
  follow_ups: Json<string[]>;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
}

/** Row of `security_assessments`. */
export interface SecurityAssessmentTable {
  id: Generated<string>;
  department_id: string;
  title: string;
  scopes: AssessmentScope[];
  assessed_on: DateColumn;
  risk_level: string;
  findings: string;
  measures: Generated<string>;
  reidentification: Generated<boolean>;
  expert_question: string | null;
  created_by: string;
  created_by_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Row of `security_assessment_experts`. */
export interface SecurityAssessmentExpertTable {
  assessment_id: string;
  expert_id: string;
  asked_by_name: string;
  asked_at: Timestamp;
  opinion: string | null;
  opinion_at: NullableTimestamp;
}

/** The security registers' tables. */
export interface SecurityRegisterTables {
  security_incidents: SecurityIncidentTable;
  security_incident_resources: { incident_id: string; resource_id: string };
  security_incident_actions: SecurityIncidentActionTable;
  security_plans: SecurityPlanTable;
  security_drills: SecurityDrillTable;
  security_assessments: SecurityAssessmentTable;
  security_assessment_resources: { assessment_id: string; resource_id: string };
  security_assessment_experts: SecurityAssessmentExpertTable;
}
