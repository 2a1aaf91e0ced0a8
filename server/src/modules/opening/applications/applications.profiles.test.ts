import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import {
  approvedApplication,
  call,
  conditionalWorld,
  createOpenTestApp,
  inDays,
  submitApplication,
  verifiedApplicant,
  type ConditionalWorld,
} from './applications.fixtures.ts';

// The same application under the other profiles: CQ18 gives the provider 15 working days (+15,
// CQ18 §24) and needs no signed agreement, so access opens with the approval; SC sets no reply
// deadline at all (SC §33 asks for the agreement, not for a number of days).

describe('under cq18', () => {
  let t: TestApp;
  let w: ConditionalWorld;
  beforeAll(async () => {
    t = await createOpenTestApp('cq18');
    w = await conditionalWorld(t);
  });
  afterAll(() => t.close());

  it('makes the case due 15 working days after today, with the CQ18 article', async () => {
    const applicant = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, w.dataset.id);
    const rule = t.app.platform.profile.deadlines.conditionalOpenReply!;
    expect(rule).toMatchObject({ workdays: 15, article: 'CQ18 §24' });
    const dueOn = t.app.platform.calendar.addWorkdays(inDays(0), 15);
    expect(filed.body).toMatchObject({
      dueOn,
      workdaysLeft: 15,
      replyRule: { workdays: 15, article: 'CQ18 §24', extension: { workdays: 15 } },
      case: { dueOn },
    });
  });

  it('names the longest period as the platform’s rule where the profile cites no article', async () => {
    const applicant = await verifiedApplicant(t);
    const max = t.app.platform.profile.opening.agreements.maxPeriodDays;
    const long = await submitApplication(t, applicant.session, w.dataset.id, { validUntil: inDays(max) });
    expect(long.status).toBe(422);
    expect((long.body.errors as { message: string }[])[0]!.message).toBe(
      `使用期限最长 ${max} 天（本平台规定）`,
    );
  });

  it('activates the agreement at once on approval: no signatures, no review', async () => {
    const applicant = await verifiedApplicant(t);
    const approved = await approvedApplication(t, w, applicant.session);
    expect(approved.agreementState).toBe('active');
    const agreement = await t.database.db
      .selectFrom('open_agreements')
      .select(['state', 'review_required', 'activated_at'])
      .where('id', '=', approved.agreementId)
      .executeTakeFirstOrThrow();
    expect(agreement).toMatchObject({ state: 'active', review_required: false });
    expect(agreement.activated_at).not.toBeNull();
    const own = await call(t, applicant.session, 'GET', '/open/me/applications');
    expect(own.body.items).toEqual([
      expect.objectContaining({
        id: approved.applicationId,
        state: 'approved',
        agreement: expect.objectContaining({ number: approved.agreementNumber, state: 'active' }),
      }),
    ]);
  });
});

describe('under sc', () => {
  let t: TestApp;
  let w: ConditionalWorld;
  beforeAll(async () => {
    t = await createOpenTestApp('sc');
    w = await conditionalWorld(t);
  });
  afterAll(() => t.close());

  it('opens a case without a due date, which cannot be extended', async () => {
    const applicant = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, w.dataset.id);
    expect(filed.status, filed.raw.body).toBe(201);
    expect(filed.body).toMatchObject({
      dueOn: null,
      overdue: false,
      workdaysLeft: null,
      replyRule: null,
      case: { dueOn: null },
    });
    const extension = await call(
      t,
      w.sessions.police,
      'POST',
      `/cases/${filed.body.caseId as string}/extension`,
      {
        workdays: 5,
        reason: '需核对',
      },
    );
    expect([extension.status, extension.body.code]).toEqual([409, 'case.extension_not_allowed']);
    const approved = await call(
      t,
      w.sessions.police,
      'POST',
      `/open/applications/${filed.body.id as string}/decision`,
      {
        decision: 'approve',
      },
    );
    expect(approved.body).toMatchObject({ state: 'approved', agreement: { state: 'awaiting_signatures' } });
  });
});
