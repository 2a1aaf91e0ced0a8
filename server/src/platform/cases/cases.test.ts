import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor, RequestContext } from '../policy/actor.ts';
import { systemContext } from '../policy/actor.ts';
import { loadProfile } from '../profiles/profiles.ts';
import { defineCaseType, type CaseType } from './case-types.ts';
import { openCase, requestExtension, transition, type OpenCaseInput } from './cases.ts';
import { startDeadlineSweep, sweepOverdue } from './sweep.ts';

// Test case types: the real workflows come with their modules.
const correction = defineCaseType({
  type: 'test.correction',
  rule: 'correctionReply',
  states: ['received', 'checking', 'corrected', 'rejected'],
  initial: 'received',
  terminal: ['corrected', 'rejected'],
  transitions: {
    accept: { from: ['received'], to: 'checking' },
    correct: { from: ['checking'], to: 'corrected' },
    reject: { from: ['received', 'checking'], to: 'rejected' },
  },
});
const review = defineCaseType({
  type: 'test.review',
  rule: 'catalogUpdateReview',
  states: ['open', 'done'],
  initial: 'open',
  terminal: ['done'],
  transitions: { finish: { from: ['open'], to: 'done' } },
});
const share = defineCaseType({
  type: 'test.share',
  rule: 'conditionalShareReply',
  states: ['open', 'done'],
  initial: 'open',
  terminal: ['done'],
  transitions: { finish: { from: ['open'], to: 'done' } },
});

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let s: Record<'officer' | 'head' | 'marketOfficer' | 'marketHead' | 'authority' | 'auditor', TestSession>;
const system = systemContext('test');

async function open(caseType: CaseType, input: Partial<OpenCaseInput> & { receivedOn: string }) {
  return t.database.db.transaction().execute((trx) =>
    openCase(trx, system, t.app.platform, caseType, {
      departmentId: world.police.id,
      subject: '数据校核',
      ...input,
    }),
  );
}
const move = (id: string, action: string, options: { expectedVersion?: number } = {}) =>
  t.database.db.transaction().execute((trx) => transition(trx, system, id, action, options));

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return `${(error as AppError).status} ${(error as AppError).code}`;
  }
  throw new Error('expected an AppError');
}

const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url, headers: session.read });
const post = (session: TestSession, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: session.write, payload });

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  await createUser(t.database.db, {
    role: 'department_head',
    username: 'market.head',
    departmentId: world.market.id,
    regionId: world.city.id,
  });
  const pw = 'Test-password-1';
  s = {
    officer: await login(t.app, 'police.officer', pw),
    head: await login(t.app, 'police.head', pw),
    marketOfficer: await login(t.app, 'market.officer', pw),
    marketHead: await login(t.app, 'market.head', pw),
    authority: await login(t.app, 'authority', pw),
    auditor: await login(t.app, 'auditor', pw),
  };
});
afterAll(() => t.close());

describe('defining case types', () => {
  it('refuses a definition with undeclared or terminal-leaving moves', () => {
    expect(() =>
      defineCaseType({
        type: 'test.broken',
        rule: null,
        states: ['a', 'b'],
        initial: 'a',
        terminal: ['b'],
        transitions: { back: { from: ['b'], to: 'a' } },
      }),
    ).toThrow(/leaves terminal state b/);
  });
});

describe('opening cases', () => {
  it('sets the due date from the profile rule and the calendar, across 国庆 and its make-up days', async () => {
    const a = await open(correction, { receivedOn: '2026-09-28' });
    expect(a).toMatchObject({
      state: 'received',
      due_on: '2026-10-16',
      rule: 'correctionReply',
      overdue: false,
    });
    const b = await open(correction, { receivedOn: '2026-09-30' });
    expect(b.due_on).toBe('2026-10-20');
    const c = await open(review, { receivedOn: '2026-09-30' });
    expect(c.due_on).toBe('2026-10-13'); // 5 working days (CQ19 §14): Oct 8, 9, 10 (调休), 12, 13
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'department_id'])
      .where('target_id', '=', a.id)
      .execute();
    expect(events).toEqual([{ action: 'case.open', department_id: world.police.id }]);
  });

  it('opens a case without a deadline where the active profile has none', async () => {
    const c = await open(share, { receivedOn: '2026-09-30' });
    expect(c.due_on).toBeNull();
  });

  it('refuses to open a case whose period runs into a year without a schedule', async () => {
    expect(await codeOf(open(correction, { receivedOn: '2026-12-28' }))).toBe('422 calendar.year_unknown');
  });
});

describe('transitions', () => {
  it('refuses an illegal transition with 409 and records legal ones in the history', async () => {
    const c = await open(correction, { receivedOn: '2026-10-12' });
    expect(await codeOf(move(c.id, 'correct'))).toBe('409 case.illegal_transition');
    expect(await codeOf(move(c.id, 'nonsense'))).toBe('409 case.illegal_transition');
    const accepted = await move(c.id, 'accept', { expectedVersion: c.version });
    expect(accepted).toMatchObject({ state: 'checking', version: c.version + 1, closed_at: null });
    expect(await codeOf(move(c.id, 'correct', { expectedVersion: c.version }))).toBe(
      '409 case.version_conflict',
    );
    const closed = await move(c.id, 'correct');
    expect(closed.closed_at).toBeInstanceOf(Date);
    const detail = await get(s.officer, `/api/v1/cases/${c.id}`);
    expect(detail.statusCode).toBe(200);
    expect(
      detail.json().history.map((h: { action: string; toState: string }) => `${h.action}→${h.toState}`),
    ).toEqual(['open→received', 'accept→checking', 'correct→corrected']);
  });

  it('lets exactly one of two simultaneous transitions win', async () => {
    const c = await open(correction, { receivedOn: '2026-10-12' });
    const results = await Promise.allSettled([move(c.id, 'accept'), move(c.id, 'accept')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ status: 409, code: 'case.illegal_transition' });
    const transitions = await t.database.db
      .selectFrom('case_transitions')
      .select('action')
      .where('case_id', '=', c.id)
      .execute();
    expect(transitions).toHaveLength(2);
  });
});

describe('extensions', () => {
  it('lets the officer request and the head approve; the new due date counts from the old one', async () => {
    const c = await open(correction, { receivedOn: '2026-09-28' });
    const requested = await post(s.officer, `/api/v1/cases/${c.id}/extension`, {
      workdays: 10,
      reason: '数据量大',
    });
    expect(requested.statusCode).toBe(200);
    expect(requested.json().extension).toMatchObject({ state: 'requested', workdays: 10 });
    const again = await post(s.head, `/api/v1/cases/${c.id}/extension`, { workdays: 1, reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('case.extension_pending');

    const approved = await post(s.head, `/api/v1/cases/${c.id}/extension/decision`, { approve: true });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      dueOn: '2026-10-30',
      originalDueOn: '2026-10-16',
      extensionWorkdays: 10,
      extension: { state: 'approved' },
    });
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('target_id', '=', c.id)
      .where('action', 'like', 'case.extension.%')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { action: 'case.extension.request', actor_name: 'police.officer' },
      { action: 'case.extension.approve', actor_name: 'police.head' },
    ]);
    // The limit (10 working days, CQ19 §19) is used up.
    const more = await post(s.officer, `/api/v1/cases/${c.id}/extension`, { workdays: 1, reason: '还要' });
    expect(more.statusCode).toBe(409);
    expect(more.json().code).toBe('case.extension_exhausted');
  });

  it('lets only the head of the responsible department decide', async () => {
    const c = await open(correction, { receivedOn: '2026-09-28' });
    await post(s.officer, `/api/v1/cases/${c.id}/extension`, { workdays: 5, reason: '需要协调' });
    const byOfficer = await post(s.officer, `/api/v1/cases/${c.id}/extension/decision`, { approve: true });
    expect(byOfficer.statusCode).toBe(403);
    const byOtherHead = await post(s.marketHead, `/api/v1/cases/${c.id}/extension/decision`, {
      approve: true,
    });
    expect(byOtherHead.statusCode).toBe(403);
    expect(byOtherHead.json().code).toBe('case.extension_head_only');
    const byAuthority = await post(s.authority, `/api/v1/cases/${c.id}/extension/decision`, {
      approve: true,
    });
    expect(byAuthority.statusCode).toBe(403);
    const otherRequest = await post(s.marketOfficer, `/api/v1/cases/${c.id}/extension`, {
      workdays: 1,
      reason: 'x',
    });
    expect(otherRequest.statusCode).toBe(403);

    const refused = await post(s.head, `/api/v1/cases/${c.id}/extension/decision`, {
      approve: false,
      reason: '按期办理',
    });
    expect(refused.json()).toMatchObject({
      dueOn: '2026-10-16',
      extension: { state: 'refused', decisionReason: '按期办理' },
    });
  });

  it('refuses more than the limit with 400, on request and on approval', async () => {
    const c = await open(correction, { receivedOn: '2026-09-28' });
    const tooMuch = await post(s.officer, `/api/v1/cases/${c.id}/extension`, {
      workdays: 11,
      reason: '很多',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.json().errors).toEqual([{ path: '/body/workdays', message: '最多还能延长 10 个工作日' }]);
    await post(s.officer, `/api/v1/cases/${c.id}/extension`, { workdays: 6, reason: '较多' });
    const approveMore = await post(s.head, `/api/v1/cases/${c.id}/extension/decision`, {
      approve: true,
      workdays: 11,
    });
    expect(approveMore.statusCode).toBe(400);
    const unchanged = await get(s.head, `/api/v1/cases/${c.id}`);
    expect(unchanged.json()).toMatchObject({ dueOn: '2026-10-16', extension: { state: 'requested' } });
    const approveLess = await post(s.head, `/api/v1/cases/${c.id}/extension/decision`, {
      approve: true,
      workdays: 2,
    });
    expect(approveLess.json()).toMatchObject({ dueOn: '2026-10-20', extensionWorkdays: 2 });
  });

  it('refuses an extension where the rule or the profile allows none', async () => {
    const c = await open(review, { receivedOn: '2026-09-28' });
    const response = await post(s.officer, `/api/v1/cases/${c.id}/extension`, { workdays: 1, reason: 'x' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('case.extension_not_allowed');

    // Under the Sichuan profile no deadline (and so no extension) exists for corrections.
    const sichuan = { profile: loadProfile('sc'), calendar: t.app.platform.calendar };
    const d = await t.database.db.transaction().execute((trx) =>
      openCase(trx, system, sichuan, correction, {
        departmentId: world.police.id,
        subject: 'x',
        receivedOn: '2026-09-28',
      }),
    );
    expect(d.due_on).toBeNull();
    const officer: Actor = {
      type: 'user',
      id: world.users.policeOfficer.user.id,
      name: 'police.officer',
      displayName: 'x',
      role: 'department_officer',
      departmentId: world.police.id,
      regionId: world.city.id,
      regionScope: [world.city.id],
      locale: 'zh-CN',
      identityVerified: false,
    };
    const context: RequestContext = { actor: officer, requestId: 'r', ip: null };
    expect(
      await codeOf(
        t.database.db
          .transaction()
          .execute((trx) => requestExtension(trx, context, sichuan, d.id, { workdays: 1, reason: 'x' })),
      ),
    ).toBe('409 case.extension_not_allowed');
  });
});

describe('the overdue sweep', () => {
  it('marks exactly the open cases past their due date, once, even with two sweeps at the same time', async () => {
    const late = await open(correction, { receivedOn: '2026-02-10', subject: '逾期' });
    expect(late.due_on).toBe('2026-03-02'); // across 春节 and its make-up Saturdays
    const notYet = await open(correction, { receivedOn: '2026-02-24' });
    expect(notYet.due_on).toBe('2026-03-09'); // Feb 28 is a make-up Saturday
    const closed = await open(correction, { receivedOn: '2026-02-10' });
    await move(closed.id, 'reject');
    await open(share, { receivedOn: '2026-02-10' });

    expect(await sweepOverdue(t.database.db, '2026-03-02')).toEqual({ ran: true, marked: 0 });
    expect(await sweepOverdue(t.database.db, '2026-03-05')).toEqual({ ran: true, marked: 1 });
    expect(await sweepOverdue(t.database.db, '2026-03-05')).toEqual({ ran: true, marked: 0 });
    const marked = await t.database.db
      .selectFrom('cases')
      .select(['id', 'overdue_since'])
      .where('overdue', '=', true)
      .execute();
    expect(marked).toEqual([{ id: late.id, overdue_since: '2026-03-03' }]);

    const both = await Promise.all([
      sweepOverdue(t.database.db, '2026-03-12'),
      sweepOverdue(t.database.db, '2026-03-12'),
    ]);
    expect(both[0].marked + both[1].marked).toBe(1);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['target_id', 'actor_type', 'actor_name'])
      .where('action', '=', 'case.overdue')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { target_id: late.id, actor_type: 'system', actor_name: 'deadline-sweep' },
      { target_id: notYet.id, actor_type: 'system', actor_name: 'deadline-sweep' },
    ]);

    const tooLate = await post(s.officer, `/api/v1/cases/${late.id}/extension`, { workdays: 1, reason: 'x' });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().code).toBe('case.extension_too_late');
  });
});

describe('reading cases', () => {
  it('shows department staff their own department only, and the authority and auditor their region', async () => {
    const market = await open(correction, { receivedOn: '2026-10-12', departmentId: world.market.id });
    const police = await get(s.officer, '/api/v1/cases?pageSize=200');
    expect(police.statusCode).toBe(200);
    const policeIds = police.json().items.map((c: { departmentId: string }) => c.departmentId);
    expect(new Set(policeIds)).toEqual(new Set([world.police.id]));
    const mine = await get(s.marketOfficer, '/api/v1/cases');
    expect(mine.json()).toMatchObject({
      total: 1,
      items: [{ id: market.id, departmentName: '市市场监管局' }],
    });
    const authority = await get(s.authority, '/api/v1/cases?pageSize=1');
    expect(authority.json().total).toBe(police.json().total + 1);
    expect((await get(s.auditor, '/api/v1/cases')).json().total).toBe(authority.json().total);

    expect((await get(s.marketOfficer, `/api/v1/cases/${police.json().items[0].id}`)).statusCode).toBe(403);
    expect((await get(s.officer, `/api/v1/cases/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
  });

  it('filters by overdue, due date, type and state', async () => {
    const overdue = await get(s.authority, '/api/v1/cases?overdue=true');
    expect(overdue.json().total).toBe(2);
    const dueSoon = await get(s.authority, '/api/v1/cases?dueBefore=2026-10-14&type=test.review&sort=dueOn');
    expect(dueSoon.json().items.map((c: { dueOn: string }) => c.dueOn)).toEqual(['2026-10-10', '2026-10-13']);
    const rejected = await get(s.authority, '/api/v1/cases?state=rejected&sort=dueOn');
    expect(
      rejected
        .json()
        .items.every((c: { state: string; closedAt: string }) => c.state === 'rejected' && c.closedAt),
    ).toBe(true);
    expect((await get(s.authority, '/api/v1/cases?dueBefore=soon')).statusCode).toBe(400);
  });
});

describe('startDeadlineSweep', () => {
  it('sweeps at once with today’s date in China, reloads the calendar, and stops cleanly', async () => {
    const c = await open(correction, { receivedOn: '2026-09-28' }); // due 2026-10-16, long past
    const sweep = startDeadlineSweep(t.app.platform, { intervalMs: 3_600_000 });
    await sweep.stop();
    const row = await t.database.db
      .selectFrom('cases')
      .select(['overdue', 'overdue_since'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ overdue: true, overdue_since: '2026-10-17' });
  });
});
