// Risk assessments (风险评估, CQ19 §43 "定期", CQ18 §28): a department records what it assessed
// (aggregation, sharing, opening, application), findings, the risk level and measures. A
// re-identification assessment (CQO §37(4): aggregating or linking data may yield sensitive data)
// lists the resources combined and may ask members of the expert committee, who write opinions.
// Every change is audited in its transaction; reading is in assessments.reads.ts.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { SecurityRules } from '../../../platform/profiles/profile.schema.ts';
import { checkResources, checkText, keeperDepartment } from '../security.checks.ts';
import { isPastDate } from '../security.dates.ts';
import '../security.messages.ts';
import { requireKeeper } from '../security.scope.ts';
import {
  addExperts,
  assessmentResourceIds,
  findAssessment,
  insertAssessment,
  listExperts,
  setAssessmentResources,
  updateAssessment,
  writeOpinion,
} from './assessments.repository.ts';
import type { AskExpertsBody, CreateAssessmentBody, UpdateAssessmentBody } from './assessments.schemas.ts';

type Rules = SecurityRules['riskAssessments'];

interface Checked {
  title?: string;
  assessedOn?: string;
  riskLevel?: string;
  findings?: string;
  reidentification?: boolean;
  resourceIds?: readonly string[];
}

/** The problems of an assessment's fields; `whole` is the assessment as it will be. */
async function check(
  db: Kysely<DB>,
  rules: Rules,
  input: Checked,
  whole: Required<Pick<Checked, 'reidentification' | 'resourceIds'>>,
) {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined) checkText(input.title, '/body/title', problems);
  if (input.findings !== undefined) checkText(input.findings, '/body/findings', problems);
  if (input.assessedOn !== undefined && !isPastDate(input.assessedOn, todayInChina()))
    problems.push({ path: '/body/assessedOn', code: 'security.in_future' });
  if (input.riskLevel !== undefined && !rules.riskLevels.some((level) => level.code === input.riskLevel))
    problems.push({
      path: '/body/riskLevel',
      code: 'security.risk_level_unknown',
      params: { code: input.riskLevel },
    });
  if (input.resourceIds) await checkResources(db, input.resourceIds, '/body/resourceIds', problems);
  // Re-identification comes from combining data: one resource alone is not such an assessment.
  if (whole.reidentification && whole.resourceIds.length < 2)
    problems.push({ path: '/body/resourceIds', code: 'security.assessment.needs_resources' });
  if (problems.length > 0) throw invalid('security.invalid', problems);
}

/** Records a risk assessment; audited. Returns its id. */
export async function recordAssessment(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  input: CreateAssessmentBody,
): Promise<string> {
  const actor = context.actor!;
  const department = await keeperDepartment(db, actor, input.departmentId);
  const resourceIds = input.resourceIds ?? [];
  const reidentification = input.reidentification ?? false;
  await check(db, rules, input, { reidentification, resourceIds });
  return db.transaction().execute(async (trx) => {
    const id = await insertAssessment(trx, {
      department_id: department.id,
      title: input.title.trim(),
      scopes: input.scopes,
      assessed_on: input.assessedOn,
      risk_level: input.riskLevel,
      findings: input.findings.trim(),
      measures: input.measures?.trim() ?? '',
      reidentification,
      expert_question: null,
      created_by: actor.id,
      created_by_name: actor.displayName,
    });
    await setAssessmentResources(trx, id, resourceIds);
    await recordAudit(trx, context, {
      action: 'security.assessment.create',
      targetType: 'security_assessment',
      targetId: id,
      departmentId: department.id,
      detail: { assessedOn: input.assessedOn, riskLevel: input.riskLevel, reidentification, resourceIds },
    });
    return id;
  });
}

/** Locks an assessment the actor keeps; 404 when missing, 403 out of scope. */
async function lockKept(trx: Kysely<DB>, context: RequestContext, id: string) {
  const assessment = await findAssessment(trx, id, true);
  if (!assessment) throw notFound('what.security_assessment');
  requireKeeper(context.actor!, { id: assessment.department_id, regionId: assessment.regionId });
  return assessment;
}

/** Corrects an assessment; audited with the fields changed. */
export async function correctAssessment(
  db: Kysely<DB>,
  context: RequestContext,
  rules: Rules,
  id: string,
  input: UpdateAssessmentBody,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const assessment = await lockKept(trx, context, id);
    const current = input.resourceIds ?? (await assessmentResourceIds(trx, id));
    await check(trx, rules, input, {
      reidentification: input.reidentification ?? assessment.reidentification,
      resourceIds: current,
    });
    await updateAssessment(trx, id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.scopes !== undefined ? { scopes: input.scopes } : {}),
      ...(input.assessedOn !== undefined ? { assessed_on: input.assessedOn } : {}),
      ...(input.riskLevel !== undefined ? { risk_level: input.riskLevel } : {}),
      ...(input.findings !== undefined ? { findings: input.findings.trim() } : {}),
      ...(input.measures !== undefined ? { measures: input.measures.trim() } : {}),
      ...(input.reidentification !== undefined ? { reidentification: input.reidentification } : {}),
    });
    if (input.resourceIds) await setAssessmentResources(trx, id, input.resourceIds);
    await recordAudit(trx, context, {
      action: 'security.assessment.update',
      targetType: 'security_assessment',
      targetId: id,
      departmentId: assessment.department_id,
      detail: { fields: Object.keys(input) },
    });
  });
}

/** Asks experts for a written opinion (and sets the question); audited with those newly asked. */
export async function askExperts(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  input: AskExpertsBody,
): Promise<void> {
  const problems: FieldProblem[] = [];
  checkText(input.question, '/body/question', problems);
  const experts = new Set((await listExperts(db, input.expertIds)).map((e) => e.id));
  input.expertIds.forEach((expertId, index) => {
    if (!experts.has(expertId))
      problems.push({ path: `/body/expertIds/${index}`, code: 'security.assessment.not_expert' });
  });
  if (problems.length > 0) throw invalid('security.invalid', problems);
  await db.transaction().execute(async (trx) => {
    const assessment = await lockKept(trx, context, id);
    await updateAssessment(trx, id, { expert_question: input.question.trim() });
    const added = await addExperts(trx, id, input.expertIds, context.actor!.displayName);
    await recordAudit(trx, context, {
      action: 'security.assessment.ask',
      targetType: 'security_assessment',
      targetId: id,
      departmentId: assessment.department_id,
      detail: { expertIds: added },
    });
  });
}

/** An expert asked about the assessment writes (or rewrites) the opinion; audited. 403 if not asked. */
export async function giveOpinion(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  opinion: string,
): Promise<void> {
  const problems: FieldProblem[] = [];
  checkText(opinion, '/body/opinion', problems);
  if (problems.length > 0) throw invalid('security.invalid', problems);
  await db.transaction().execute(async (trx) => {
    const assessment = await findAssessment(trx, id);
    if (!assessment) throw notFound('what.security_assessment');
    if (!(await writeOpinion(trx, id, context.actor!.id, opinion.trim())))
      throw forbidden('security.assessment.not_asked');
    await recordAudit(trx, context, {
      action: 'security.assessment.opinion',
      targetType: 'security_assessment',
      targetId: id,
      departmentId: assessment.department_id,
      detail: { length: opinion.trim().length },
    });
  });
}
