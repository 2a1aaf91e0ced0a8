// Test helpers for secrecy reviews: a security officer of a department (made when missing) and
// passed reviews recorded through the real route, so tests that publish and expect share / open
// catalog entries go through the same review a deployment does.
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { createUser, login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';

/** The username of the test security officer of a department. */
export const securityOfficerName = (departmentId: string) => `security.${departmentId.slice(0, 8)}`;

/** Signs in the security officer (安全保密管理员) of a department, creating the user if missing. */
export async function securitySession(t: TestApp, departmentId: string): Promise<TestSession> {
  const db: Kysely<DB> = t.database.db;
  const username = securityOfficerName(departmentId);
  const exists = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!exists) {
    const department = await db
      .selectFrom('departments')
      .select('region_id')
      .where('id', '=', departmentId)
      .executeTakeFirstOrThrow();
    await createUser(db, {
      role: 'security_officer',
      username,
      departmentId,
      regionId: department.region_id,
    });
  }
  return login(t.app, username, 'Test-password-1');
}

/** The waiting review of a resource, if there is one. */
export async function pendingReviewOf(t: TestApp, resourceId: string) {
  return t.database.db
    .selectFrom('security_reviews')
    .select(['id', 'department_id'])
    .where('resource_id', '=', resourceId)
    .where('state', '=', 'pending')
    .executeTakeFirst();
}

/**
 * Records a decision on the waiting review of each resource through the real route, as the
 * providing department's security officer. Resources without a waiting review are skipped.
 */
export async function decideReviews(
  t: TestApp,
  resourceIds: string[],
  outcome: 'passed' | 'not_passed' = 'passed',
  reasons?: string,
): Promise<void> {
  const sessions = new Map<string, TestSession>();
  for (const resourceId of resourceIds) {
    const review = await pendingReviewOf(t, resourceId);
    if (!review) continue;
    let session = sessions.get(review.department_id);
    if (!session) {
      session = await securitySession(t, review.department_id);
      sessions.set(review.department_id, session);
    }
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/security/reviews/${review.id}/decision`,
      headers: session.write,
      payload: { outcome, reasons: reasons ?? null },
    });
    if (response.statusCode !== 200)
      throw new Error(`review decision: ${response.statusCode} ${response.body}`);
  }
}
