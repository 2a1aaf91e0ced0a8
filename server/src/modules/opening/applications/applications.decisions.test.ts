import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCalendarYear } from '../../../platform/calendar/calendar.service.ts';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { systemContext } from '../../../platform/policy/actor.ts';
import type { TestApp } from '../../../test/test-app.ts';
import {
  call,
  conditionalWorld,
  createOpenTestApp,
  decide,
  inDays,
  submitApplication,
  verifiedApplicant,
  type Answer,
  type ConditionalWorld,
} from './applications.fixtures.ts';

// The provider's answer (CQO §24): approve, approve in part, refuse; the agreement an approval
// generates (CQO §25); who may answer; one of two answers at once; the deadline and its extension.

let t: TestApp;
let w: ConditionalWorld;

beforeAll(async () => {
  t = await createOpenTestApp();
  w = await conditionalWorld(t);
  await knowNextYear();
});

/**
 * An extended deadline filed in December runs into next year, whose State Council schedule may not
 * be published (or carried by chinese-days) yet; the platform then refuses to count, as it should.
 * The test does what the authority does once the schedule is out: it imports the year (here with
 * New Year's Day only), so the test does not depend on today's date.
 */
async function knowNextYear() {
  const year = new Date().getFullYear() + 1;
  if (t.app.platform.calendar.knownYears().some((known) => known.year === year)) return;
  await importCalendarYear(t.database.db, t.app.platform.calendar, systemContext('test'), {
    year,
    source: '测试：次年安排',
    holidays: [{ date: `${year}-01-01`, name: '元旦' }],
    workdays: [],
  });
}
afterAll(() => t.close());

/** A fresh applicant's application (default body with overrides); its id. */
async function filed(overrides: Record<string, unknown> = {}): Promise<string> {
  const applicant = await verifiedApplicant(t);
  const answer = await submitApplication(t, applicant.session, w.dataset.id, overrides);
  expect(answer.status, answer.raw.body).toBe(201);
  return answer.body.id as string;
}
const paths = (answer: Answer) => ((answer.body.errors ?? []) as { path: string }[]).map((e) => e.path);
const agreementOf = (applicationId: string) =>
  t.database.db
    .selectFrom('open_agreements')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst();

describe('approving', () => {
  it('approves in full: the case closes, the agreement is generated in the same act and both are audited', async () => {
    const id = await filed({ fields: ['xlbh', 'xlmc', 'ssqx'], methods: ['download', 'api'] });
    const answer = await decide(t, w.sessions.police, id, { decision: 'approve' });
    expect(answer.status, answer.raw.body).toBe(200);
    expect(answer.body).toMatchObject({
      state: 'approved',
      decision: 'approve',
      dueOn: null,
      decidedFields: null,
      decidedUntil: null,
      decisionReason: null,
      case: { state: 'approved' },
      agreement: { state: 'awaiting_signatures', validFrom: inDays(0), validUntil: inDays(89) },
    });
    const agreement = (await agreementOf(id))!;
    expect(answer.body.agreement).toMatchObject({ id: agreement.id, number: agreement.number });
    expect(agreement).toMatchObject({
      fields: ['xlbh', 'xlmc', 'ssqx'],
      methods: ['download', 'api'],
      provider_department_id: w.provider.departmentId,
      review_required: t.app.platform.profile.procedures.openAgreementAuthorityReview.required,
    });
    expect(agreement.document).toContain(w.dataset.name);
    const steps = (answer.body.case as { history: { action: string }[] }).history.map((s) => s.action);
    expect(steps).toEqual(['open', 'approve']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'detail'])
      .where('action', 'in', ['open.application.decide', 'open.agreement.create'])
      .where((eb) => eb.or([eb('target_id', '=', id), eb('target_id', '=', agreement.id)]))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['open.agreement.create', 'open.application.decide']);
    expect(audit[1]!.detail).toMatchObject({ decision: 'approve', agreementNumber: agreement.number });
    // A second answer finds the application settled.
    const again = await decide(t, w.sessions.head, id, { decision: 'refuse', reason: '再答复一次' });
    expect([again.status, again.body.code]).toEqual([409, 'open.application.not_pending']);
  });

  it('approves in part: fewer items and a shorter period, with the reason; the agreement holds what was approved', async () => {
    const id = await filed({ fields: ['xlbh', 'xlmc', 'ssqx'], validUntil: inDays(80) });
    const answer = await decide(t, w.sessions.head, id, {
      decision: 'approve_in_part',
      fields: ['xlbh', 'ssqx'],
      validUntil: inDays(30),
      reason: '线路名称暂不开放；先开放一个月',
    });
    expect(answer.status, answer.raw.body).toBe(200);
    expect(answer.body).toMatchObject({
      decision: 'approve_in_part',
      fields: ['xlbh', 'xlmc', 'ssqx'],
      decidedFields: ['xlbh', 'ssqx'],
      decidedUntil: inDays(30),
      decisionReason: '线路名称暂不开放；先开放一个月',
      agreement: { validUntil: inDays(30) },
    });
    expect((await agreementOf(id))!).toMatchObject({ fields: ['xlbh', 'ssqx'], valid_until: inDays(30) });
  });

  it('refuses answers that do not fit the application (422) and changes nothing', async () => {
    const id = await filed({ fields: ['xlbh', 'ssqx'], validUntil: inDays(60) });
    const cases: [Record<string, unknown>, string[]][] = [
      [{ decision: 'approve_in_part', fields: ['xlbh'] }, ['/body/reason']],
      [{ decision: 'approve_in_part', fields: ['xlbh', 'ssqx'], reason: '原样' }, ['/body/fields']],
      [{ decision: 'approve_in_part', reason: '没有缩小' }, ['/body']],
      [{ decision: 'approve_in_part', fields: ['xlbh', 'kxrq'], reason: '换一项' }, ['/body/fields/1']],
      [{ decision: 'approve_in_part', validUntil: inDays(90), reason: '更长' }, ['/body/validUntil']],
      [{ decision: 'approve_in_part', validUntil: inDays(-1), reason: '早于开始' }, ['/body/validUntil']],
      [{ decision: 'approve', fields: ['xlbh'] }, ['/body/fields']],
      [{ decision: 'approve', validUntil: inDays(20) }, ['/body/validUntil']],
      [{ decision: 'refuse' }, ['/body/reason']],
      [{ decision: 'refuse', reason: '   ' }, ['/body/reason']],
    ];
    for (const [body, expected] of cases) {
      const answer = await decide(t, w.sessions.police, id, body);
      expect([answer.status, paths(answer)], JSON.stringify(body)).toEqual([422, expected]);
    }
    const english = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open/applications/${id}/decision`,
      headers: { ...w.sessions.police.write, 'accept-language': 'en' },
      payload: { decision: 'refuse' },
    });
    expect(english.json().errors[0].message).toBe('A partial approval or a refusal needs its reason');
    const after = await call(t, w.sessions.police, 'GET', `/open/applications/${id}`);
    expect(after.body).toMatchObject({ state: 'submitted', agreement: null, case: { state: 'submitted' } });
    // A repeated full approval of what was asked is still a full approval.
    const same = await decide(t, w.sessions.police, id, { decision: 'approve', fields: ['ssqx', 'xlbh'] });
    expect([same.status, same.body.decision]).toEqual([200, 'approve']);
  });
});

describe('refusing', () => {
  it('refuses with the reason: the case closes, no agreement is made', async () => {
    const id = await filed();
    const answer = await decide(t, w.sessions.police, id, { decision: 'refuse', reason: '用途超出开放条件' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      state: 'refused',
      decision: 'refuse',
      decisionReason: '用途超出开放条件',
      agreement: null,
      case: { state: 'refused' },
    });
    expect(await agreementOf(id)).toBeUndefined();
  });
});

describe('who may answer', () => {
  it('answers 404 to another department, 403 to a public user and the authority, 409 after a withdrawal', async () => {
    const applicant = await verifiedApplicant(t);
    const submitted = await submitApplication(t, applicant.session, w.dataset.id);
    const id = submitted.body.id as string;
    const market = await decide(t, w.sessions.market, id, { decision: 'approve' });
    expect(market.status).toBe(404);
    expect((await decide(t, applicant.session, id, { decision: 'approve' })).status).toBe(403);
    expect((await decide(t, w.sessions.authority, id, { decision: 'approve' })).status).toBe(403);
    expect(
      (await decide(t, w.sessions.police, '00000000-0000-4000-8000-000000000000', { decision: 'approve' }))
        .status,
    ).toBe(404);
    await call(t, applicant.session, 'POST', `/open/applications/${id}/withdraw`);
    const late = await decide(t, w.sessions.police, id, { decision: 'approve' });
    expect([late.status, late.body.code]).toEqual([409, 'open.application.not_pending']);
    expect(await agreementOf(id)).toBeUndefined();
  });

  it('lets one of two simultaneous answers win; the other gets 409 and one agreement at most exists', async () => {
    const id = await filed();
    const answers = await Promise.all([
      decide(t, w.sessions.police, id, { decision: 'approve' }),
      decide(t, w.sessions.head, id, { decision: 'refuse', reason: '不予开放' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('open.application.not_pending');
    const winner = answers.find((a) => a.status === 200)!;
    const agreements = await t.database.db
      .selectFrom('open_agreements')
      .select('id')
      .where('application_id', '=', id)
      .execute();
    expect(agreements).toHaveLength(winner.body.state === 'approved' ? 1 : 0);
    const decisions = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'open.application.decide')
      .where('target_id', '=', id)
      .execute();
    expect(decisions).toHaveLength(1);
  });
});

describe('the deadline', () => {
  it('extends the due date through the case routes within the profile’s limit, with the head’s approval', async () => {
    const id = await filed();
    const before = await call(t, w.sessions.police, 'GET', `/open/applications/${id}`);
    const caseId = before.body.caseId as string;
    const extension = t.app.platform.profile.deadlines.conditionalOpenReply!.extension!;
    const tooLong = await call(t, w.sessions.police, 'POST', `/cases/${caseId}/extension`, {
      workdays: extension.workdays + 1,
      reason: '需核对线路数据',
    });
    expect(tooLong.status).toBe(400);
    const asked = await call(t, w.sessions.police, 'POST', `/cases/${caseId}/extension`, {
      workdays: extension.workdays,
      reason: '需核对线路数据',
    });
    expect(asked.status, asked.raw.body).toBeLessThan(300);
    const officer = await call(t, w.sessions.police, 'POST', `/cases/${caseId}/extension/decision`, {
      approve: true,
    });
    expect(officer.status).toBe(403);
    const approved = await call(t, w.sessions.head, 'POST', `/cases/${caseId}/extension/decision`, {
      approve: true,
    });
    expect(approved.status, approved.raw.body).toBeLessThan(300);
    const dueOn = t.app.platform.calendar.addWorkdays(before.body.dueOn as string, extension.workdays);
    const after = await call(t, w.sessions.police, 'GET', `/open/applications/${id}`);
    expect(after.body).toMatchObject({
      dueOn,
      case: { dueOn, originalDueOn: before.body.dueOn, extensionWorkdays: extension.workdays },
    });
  });

  it('turns overdue after the sweep, lists it as overdue, and still takes the late answer', async () => {
    const id = await filed();
    const caseId = (await call(t, w.sessions.police, 'GET', `/open/applications/${id}`)).body
      .caseId as string;
    await t.database.db
      .updateTable('cases')
      .set({ received_on: inDays(-30), due_on: inDays(-3) })
      .where('id', '=', caseId)
      .execute();
    expect((await sweepOverdue(t.database.db)).marked).toBeGreaterThanOrEqual(1);
    const late = await call(t, w.sessions.police, 'GET', `/open/applications/${id}`);
    expect(late.body).toMatchObject({ overdue: true, dueOn: inDays(-3), case: { overdue: true } });
    expect(late.body.workdaysLeft as number).toBeLessThan(0);
    const overdue = await call(t, w.sessions.authority, 'GET', '/open/applications?overdue=true');
    expect((overdue.body.items as { id: string }[]).map((a) => a.id)).toEqual([id]);
    const answered = await decide(t, w.sessions.police, id, { decision: 'approve' });
    expect(answered.body).toMatchObject({ state: 'approved', overdue: false, case: { overdue: true } });
    expect((await call(t, w.sessions.authority, 'GET', '/open/applications?overdue=true')).body.total).toBe(
      0,
    );
  });

  it('refuses to approve a period that has already ended (409) but takes a refusal', async () => {
    const id = await filed({ validUntil: inDays(5) });
    await t.database.db
      .updateTable('open_applications')
      .set({ valid_from: inDays(-20), valid_until: inDays(-1) })
      .where('id', '=', id)
      .execute();
    const approve = await decide(t, w.sessions.police, id, { decision: 'approve' });
    expect([approve.status, approve.body.code]).toEqual([409, 'open.application.period_over']);
    const refuse = await decide(t, w.sessions.police, id, { decision: 'refuse', reason: '期限已过' });
    expect(refuse.status).toBe(200);
  });
});
