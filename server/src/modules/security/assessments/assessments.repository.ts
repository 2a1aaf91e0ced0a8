import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { scopeDepartmentIds } from '../security.repository.ts';
import type { RegisterScope } from '../security.scope.ts';
import type { SecurityAssessmentTable } from '../security.tables.ts';

function selectAssessments(db: Kysely<DB>) {
  return db
    .selectFrom('security_assessments as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select([
      'd.name as departmentName',
      'd.region_id as regionId',
      (eb) =>
        eb
          .selectFrom('security_assessment_experts as x')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('x.assessment_id', '=', 'a.id')
          .as('expertsAsked'),
      (eb) =>
        eb
          .selectFrom('security_assessment_experts as x')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('x.assessment_id', '=', 'a.id')
          .where('x.opinion', 'is not', null)
          .as('opinionsGiven'),
    ]);
}

/** An assessment with its department and opinion counts. */
export function findAssessment(db: Kysely<DB>, id: string, lock = false) {
  const query = selectAssessments(db).where('a.id', '=', id);
  return (lock ? query.forUpdate('a') : query).executeTakeFirst();
}

/** An assessment as `findAssessment` returns it. */
export type AssessmentRecord = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

/** Filters of the assessment list. */
export interface AssessmentFilter {
  departmentId?: string;
  riskLevel?: string;
  reidentification?: boolean;
}

/** One page of assessments: those in scope, or those an expert was asked about. Latest first. */
export function listAssessments(
  db: Kysely<DB>,
  reach: { scope: RegisterScope } | { expertId: string },
  filter: AssessmentFilter,
  window: { offset: number; limit: number },
) {
  let query = selectAssessments(db);
  if ('scope' in reach) query = query.where('a.department_id', 'in', scopeDepartmentIds(db, reach.scope));
  else
    query = query.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('security_assessment_experts')
        .select('assessment_id')
        .where('expert_id', '=', reach.expertId),
    );
  if (filter.departmentId) query = query.where('a.department_id', '=', filter.departmentId);
  if (filter.riskLevel) query = query.where('a.risk_level', '=', filter.riskLevel);
  if (filter.reidentification !== undefined)
    query = query.where('a.reidentification', '=', filter.reidentification);
  return fetchPage(query, window, (q) => q.orderBy('a.assessed_on', 'desc').orderBy('a.id'));
}

/** Inserts an assessment; returns its id. */
export async function insertAssessment(
  trx: Kysely<DB>,
  values: Omit<Insertable<SecurityAssessmentTable>, 'created_at' | 'updated_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('security_assessments')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an assessment. */
export async function updateAssessment(
  trx: Kysely<DB>,
  id: string,
  patch: Omit<Updateable<SecurityAssessmentTable>, 'id' | 'department_id' | 'created_at' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('security_assessments')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Replaces the resources an assessment combines. */
export async function setAssessmentResources(trx: Kysely<DB>, id: string, resourceIds: readonly string[]) {
  await trx.deleteFrom('security_assessment_resources').where('assessment_id', '=', id).execute();
  if (resourceIds.length === 0) return;
  await trx
    .insertInto('security_assessment_resources')
    .values(resourceIds.map((resource_id) => ({ assessment_id: id, resource_id })))
    .execute();
}

/** The ids of the resources an assessment combines. */
export async function assessmentResourceIds(db: Kysely<DB>, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('security_assessment_resources')
    .select('resource_id')
    .where('assessment_id', '=', id)
    .execute();
  return rows.map((row) => row.resource_id);
}

/** The experts asked about an assessment, with their opinions, in the order asked. */
export function assessmentExperts(db: Kysely<DB>, id: string) {
  return db
    .selectFrom('security_assessment_experts as x')
    .innerJoin('users as u', 'u.id', 'x.expert_id')
    .selectAll('x')
    .select('u.display_name as expertName')
    .where('x.assessment_id', '=', id)
    .orderBy('x.asked_at')
    .orderBy('u.display_name')
    .execute();
}

/** Adds experts to an assessment (those already asked stay as they are); returns those added. */
export async function addExperts(
  trx: Kysely<DB>,
  id: string,
  expertIds: readonly string[],
  askedByName: string,
) {
  const rows = await trx
    .insertInto('security_assessment_experts')
    .values(expertIds.map((expert_id) => ({ assessment_id: id, expert_id, asked_by_name: askedByName })))
    .onConflict((oc) => oc.columns(['assessment_id', 'expert_id']).doNothing())
    .returning('expert_id')
    .execute();
  return rows.map((row) => row.expert_id);
}

/** Writes an expert's opinion; false when the expert was not asked. */
export async function writeOpinion(trx: Kysely<DB>, id: string, expertId: string, opinion: string) {
  const result = await trx
    .updateTable('security_assessment_experts')
    .set({ opinion, opinion_at: sql<Date>`now()` })
    .where('assessment_id', '=', id)
    .where('expert_id', '=', expertId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Whether an expert was asked about an assessment. */
export async function wasAsked(db: Kysely<DB>, id: string, expertId: string): Promise<boolean> {
  const row = await db
    .selectFrom('security_assessment_experts')
    .select('expert_id')
    .where('assessment_id', '=', id)
    .where('expert_id', '=', expertId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Enabled users of the expert role, by name (optionally only the given ids). */
export function listExperts(db: Kysely<DB>, ids?: readonly string[]) {
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name as name', 'username'])
    .where('role', '=', 'expert')
    .where('disabled', '=', false);
  if (ids) query = query.where('id', 'in', ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('display_name').orderBy('id').execute();
}
