// Reading risk assessments. Department staff, authorities and auditors read those in their scope
// with every expert's opinion; an expert reads only the assessments asked of them, and sees only
// the own opinion beside the question (an expert forms a view without the others' in front of them).
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { pageWindow } from '../../../platform/http/pagination.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { iso } from '../security.dates.ts';
import { resourceRefs } from '../security.repository.ts';
import { registerScope, requireReader } from '../security.scope.ts';
import {
  assessmentExperts,
  assessmentResourceIds,
  findAssessment,
  listAssessments,
  listExperts,
  wasAsked,
  type AssessmentRecord,
} from './assessments.repository.ts';
import type { AssessmentQuery } from './assessments.schemas.ts';

function presentAssessment(row: AssessmentRecord) {
  return {
    id: row.id,
    department: { id: row.department_id, name: row.departmentName },
    title: row.title,
    scopes: row.scopes,
    assessedOn: row.assessed_on,
    riskLevel: row.risk_level,
    reidentification: row.reidentification,
    expertsAsked: Number(row.expertsAsked ?? 0),
    opinionsGiven: Number(row.opinionsGiven ?? 0),
    createdByName: row.created_by_name,
    updatedAt: iso(row.updated_at)!,
  };
}

/** A page of assessments: in the caller's scope, or for an expert those asked of them. */
export async function listVisibleAssessments(
  db: Kysely<DB>,
  context: RequestContext,
  query: AssessmentQuery,
  asExpert: boolean,
) {
  const actor = context.actor!;
  const window = pageWindow(query);
  const reach = asExpert ? { expertId: actor.id } : { scope: registerScope(actor) };
  const { rows, total } = await listAssessments(db, reach, query, window);
  return { items: rows.map(presentAssessment), total, page: window.page, pageSize: window.pageSize };
}

/** One assessment with resources and opinions; the read is audited. */
export async function readAssessment(db: Kysely<DB>, context: RequestContext, id: string, asExpert: boolean) {
  const actor = context.actor!;
  return db.transaction().execute(async (trx) => {
    const assessment = await findAssessment(trx, id);
    if (!assessment) throw notFound('what.security_assessment');
    if (asExpert) {
      if (!(await wasAsked(trx, id, actor.id))) throw forbidden('security.assessment.not_asked');
    } else requireReader(actor, { id: assessment.department_id, regionId: assessment.regionId });
    const [resources, experts] = await Promise.all([
      assessmentResourceIds(trx, id).then((ids) => resourceRefs(trx, ids)),
      assessmentExperts(trx, id),
    ]);
    await recordAudit(trx, context, {
      action: 'security.assessment.read',
      targetType: 'security_assessment',
      targetId: id,
      departmentId: assessment.department_id,
    });
    return {
      ...presentAssessment(assessment),
      findings: assessment.findings,
      measures: assessment.measures,
      resources: resources.map((r) => ({ id: r.id, code: r.code, name: r.name })),
      expertQuestion: assessment.expert_question,
      experts: experts
        .filter((x) => !asExpert || x.expert_id === actor.id)
        .map((x) => ({
          expert: { id: x.expert_id, name: x.expertName },
          askedAt: iso(x.asked_at)!,
          askedByName: x.asked_by_name,
          opinion: x.opinion,
          opinionAt: iso(x.opinion_at),
        })),
    };
  });
}

/** The members of the expert committee one may ask. */
export function expertsToAsk(db: Kysely<DB>) {
  return listExperts(db);
}
