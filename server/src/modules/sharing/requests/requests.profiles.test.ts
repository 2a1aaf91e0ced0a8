import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  askFor,
  call,
  districtAuthority,
  flowWorld,
  inDays,
  signIn,
  type FlowWorld,
} from './requests.fixtures.ts';

describe('under cq18 (the provider answers within 10 working days, CQ18 §19)', () => {
  let t: TestApp;
  let w: FlowWorld;
  beforeAll(async () => {
    t = await createTestApp({ config: { profileId: 'cq18' } });
    w = await flowWorld(t);
  });
  afterAll(() => t.close());

  it('shows the due date, turns overdue after the sweep, and still takes a late answer', async () => {
    const { market, police } = w.sessions;
    const created = await call(t, market, 'POST', '/share/requests', askFor(w.person.id));
    const id = created.body.id as string;
    const workdays = t.app.platform.profile.deadlines.conditionalShareReply!.workdays;
    const dueOn = t.app.platform.calendar.addWorkdays(todayInChina(), workdays);
    expect(created.body).toMatchObject({ dueOn, overdue: false, case: { dueOn, overdue: false } });
    expect(created.body.workdaysLeft).toBe(workdays);
    // An extension needs a rule with one; cq18's reply rule has none.
    const extension = await call(t, police, 'POST', `/cases/${created.body.caseId as string}/extension`, {
      workdays: 5,
      reason: '需核对户籍底册',
    });
    expect([extension.status, extension.body.code]).toEqual([409, 'case.extension_not_allowed']);

    // The provider let the due date pass: the sweep flags the case.
    await t.database.db
      .updateTable('cases')
      .set({ received_on: inDays(-20), due_on: inDays(-3) })
      .where('id', '=', created.body.caseId as string)
      .execute();
    expect((await sweepOverdue(t.database.db)).marked).toBe(1);
    const late = await call(t, market, 'GET', `/share/requests/${id}`);
    expect(late.body).toMatchObject({ overdue: true, dueOn: inDays(-3), case: { overdue: true } });
    expect(late.body.workdaysLeft as number).toBeLessThan(0);
    const overdue = await call(t, police, 'GET', '/share/requests?side=provider&overdue=true');
    expect((overdue.body.items as { id: string }[]).map((r) => r.id)).toEqual([id]);

    const answered = await call(t, police, 'POST', `/share/requests/${id}/decision`, { decision: 'approve' });
    expect(answered.body).toMatchObject({
      state: 'granted',
      overdue: false,
      dueOn: null,
      case: { overdue: true },
    });
    const step = (answered.body.history as { action: string; detail: Record<string, unknown> }[]).at(-1);
    expect(step).toMatchObject({ action: 'approve' });
    expect((await call(t, police, 'GET', '/share/requests?side=provider&overdue=true')).body.total).toBe(0);
  });

  it('lets one of two simultaneous decisions win; the other gets 409 and no second grant is made', async () => {
    const { market, police } = w.sessions;
    const head = await signIn(t, 'police.head');
    const created = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, { purpose: '并发答复' }),
    );
    const id = created.body.id as string;
    const answers = await Promise.all([
      call(t, police, 'POST', `/share/requests/${id}/decision`, { decision: 'approve' }),
      call(t, head, 'POST', `/share/requests/${id}/decision`, { decision: 'refuse', reason: '不予提供' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('share.request.not_pending');
    const winner = answers.find((a) => a.status === 200)!;
    const grants = await t.database.db
      .selectFrom('share_grants')
      .select('id')
      .where('request_id', '=', id)
      .execute();
    expect(grants.length).toBe(winner.body.state === 'granted' ? 1 : 0);
    const steps = await t.database.db
      .selectFrom('case_transitions')
      .select('action')
      .where('case_id', '=', created.body.caseId as string)
      .execute();
    expect(steps.map((s) => s.action)).toEqual([
      'open',
      winner.body.state === 'granted' ? 'approve' : 'refuse',
    ]);
  });
});

describe('under sc (the provider consents, the authority opens access, SC §25)', () => {
  let t: TestApp;
  let w: FlowWorld;
  beforeAll(async () => {
    t = await createTestApp({ config: { profileId: 'sc' } });
    w = await flowWorld(t);
  });
  afterAll(() => t.close());

  it("waits for the authority of the provider's region after the approval; the authority opens with masking", async () => {
    const { market, police, authority } = w.sessions;
    const created = await call(t, market, 'POST', '/share/requests', askFor(w.person.id));
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ authorityOpens: true, case: { dueOn: null } });
    const approved = await call(t, police, 'POST', `/share/requests/${id}/decision`, {
      decision: 'approve',
      masking: { xm: { kind: 'name' } },
    });
    expect(approved.body).toMatchObject({
      state: 'awaiting_authority',
      grant: null,
      decidedMasking: { xm: { kind: 'name' } },
      case: { state: 'approved' },
    });
    expect((approved.body.case as { closedAt: string | null }).closedAt).not.toBeNull();

    // Wrong role; an authority of another region (a district below the provider's city).
    expect((await call(t, market, 'POST', `/share/requests/${id}/open`, {})).status).toBe(403);
    const district = await districtAuthority(t, w);
    const outside = await call(t, district, 'POST', `/share/requests/${id}/open`, {});
    expect([outside.status, outside.body.code]).toEqual([403, 'share.request.authority_only']);
    const badMasking = await call(t, authority, 'POST', `/share/requests/${id}/open`, {
      masking: { csrq: { kind: 'date' } },
    });
    expect(badMasking.status).toBe(400);

    const opened = await call(t, authority, 'POST', `/share/requests/${id}/open`, {
      masking: { sfzh: { kind: 'citizen_id' } },
    });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      state: 'granted',
      grant: { masking: { xm: { kind: 'name' }, sfzh: { kind: 'citizen_id' } }, fields: ['sfzh', 'xm'] },
    });
    expect(opened.body.openedByName).not.toBeNull();
    expect((opened.body.history as { action: string }[]).map((s) => s.action)).toEqual([
      'open',
      'approve',
      'open',
    ]);
    const twice = await call(t, authority, 'POST', `/share/requests/${id}/open`, {});
    expect([twice.status, twice.body.code]).toEqual([409, 'share.request.not_awaiting_authority']);
    const waiting = await call(t, authority, 'GET', '/share/requests?state=awaiting_authority');
    expect(waiting.body.total).toBe(0);
  });

  it('may be withdrawn while it waits for the authority', async () => {
    const { market, police } = w.sessions;
    const created = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, { purpose: '撤回测试' }),
    );
    const id = created.body.id as string;
    await call(t, police, 'POST', `/share/requests/${id}/decision`, { decision: 'approve' });
    const withdrawn = await call(t, market, 'POST', `/share/requests/${id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', case: { state: 'approved' } });
    expect((withdrawn.body.history as { action: string; toState: string }[]).at(-1)).toMatchObject({
      action: 'withdraw',
      toState: 'withdrawn',
    });
  });
});
