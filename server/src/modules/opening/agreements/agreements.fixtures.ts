// Test helpers of data usage agreements (for this module's tests and the access tests in
// opening/data): an agreement brought into force through the real routes — both sides sign the
// digest they were shown, the authority approves where the profile asks for it.
import { expect } from 'vitest';
import type { TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import {
  approvedApplication,
  call,
  type ApprovedApplication,
  type ConditionalWorld,
} from '../applications/applications.fixtures.ts';

/** Signs an agreement as a session with the digest it is shown (the answer as it is). */
export async function sign(t: TestApp, session: TestSession, agreementId: string, digest?: string) {
  const shown =
    digest ?? ((await call(t, session, 'GET', `/open/agreements/${agreementId}`)).body.digest as string);
  return call(t, session, 'POST', `/open/agreements/${agreementId}/sign`, { digest: shown });
}

/** Both sides sign (the applicant, then the police officer); expects both to succeed. */
export async function signBoth(
  t: TestApp,
  world: ConditionalWorld,
  applicant: TestSession,
  agreementId: string,
) {
  const first = await sign(t, applicant, agreementId);
  expect(first.status, first.raw.body).toBe(200);
  const second = await sign(t, world.sessions.police, agreementId);
  expect(second.status, second.raw.body).toBe(200);
  return second;
}

/**
 * An application of `applicant` approved, signed by both sides and approved by the authority where
 * the agreement needs review: an agreement in force (options as for `approvedApplication`).
 */
export async function activeAgreement(
  t: TestApp,
  world: ConditionalWorld,
  applicant: TestSession,
  options: Parameters<typeof approvedApplication>[3] = {},
): Promise<ApprovedApplication> {
  const approved = await approvedApplication(t, world, applicant, options);
  if (approved.agreementState === 'active') return approved;
  const signed = await signBoth(t, world, applicant, approved.agreementId);
  if (signed.body.status === 'awaiting_review') {
    const reviewed = await call(
      t,
      world.sessions.authority,
      'POST',
      `/open/agreements/${approved.agreementId}/review`,
      {
        decision: 'approve',
      },
    );
    expect(reviewed.status, reviewed.raw.body).toBe(200);
  }
  return approved;
}

/** Moves an agreement's period by SQL (the calendar cannot be waited for in a test). */
export async function setPeriod(t: TestApp, agreementId: string, from: string, until: string) {
  await t.database.db
    .updateTable('open_agreements')
    .set({ valid_from: from, valid_until: until })
    .where('id', '=', agreementId)
    .execute();
}
