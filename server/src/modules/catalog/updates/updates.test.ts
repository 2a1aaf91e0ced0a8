import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { createUser, createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { classIdOf, publishResources, resourceInput } from '../catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let police: TestSession;
let market: TestSession;
let authority: TestSession;
let citizen: TestSession;
let buses: { id: string; code: string };

// 2025-03-03 is a Monday with no holiday for weeks: 10 working days later is 03-17, 15 is 03-24.
const CHANGED_ON = '2025-03-03';

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  [buses] = (await publishResources(t, [{ name: '公交线路信息' }])) as [typeof buses];
  await createUser(t.database.db, { role: 'public_user', username: 'citizen' });
  [police, market, authority, citizen] = await Promise.all([
    login(t.app, 'police.officer', 'Test-password-1'),
    login(t.app, 'market.officer', 'Test-password-1'),
    login(t.app, 'authority', 'Test-password-1'),
    login(t.app, 'citizen', 'Test-password-1'),
  ]);
});
afterAll(() => t.close());

const post = (session: TestSession, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.write, payload });
const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });

const change = (overrides: object = {}) => ({
  departmentId: world.police.id,
  changedOn: CHANGED_ON,
  reason: '道路运输管理职责调整',
  basis: '《重庆市道路运输管理条例》（2025年修订）',
  ...overrides,
});

describe('registering a change of law or duties [CQ19 §14]', () => {
  let overdueId: string;

  it('opens the department’s update duty, due the profile’s working days after the change', async () => {
    const response = await post(authority, '/catalog/update-requests', change());
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    overdueId = body.id;
    expect(body).toMatchObject({
      department: { id: world.police.id, name: '市公安局' },
      state: 'open',
      changedOn: CHANGED_ON,
      dueOn: '2025-03-17',
      overdue: false,
      rule: { workdays: 10, article: 'CQ19 §14' },
      basis: '《重庆市道路运输管理条例》（2025年修订）',
      submission: null,
    });
    // Long past its due date: the count says how late it is in working days.
    expect(body.workdaysLeft).toBeLessThan(-10);
    expect(body.history.map((h: { action: string }) => h.action)).toEqual(['open']);
  });

  it('is flagged overdue by the deadline sweep once the due date has passed', async () => {
    const swept = await sweepOverdue(t.database.db);
    expect(swept.marked).toBeGreaterThanOrEqual(1);
    const list = (
      await get(police, `/catalog/update-requests?open=true&departmentId=${world.police.id}`)
    ).json();
    expect(list.items).toEqual([
      expect.objectContaining({ id: overdueId, overdue: true, overdueSince: '2025-03-18' }),
    ]);
    expect((await get(authority, '/catalog/update-requests?overdue=true')).json().total).toBe(1);
  });

  it('lets a department register its own change, never another department’s', async () => {
    const own = await post(police, '/catalog/update-requests', change({ changedOn: todayInChina() }));
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().dueOn).toBe(t.app.platform.calendar.addWorkdays(todayInChina(), 10));
    expect(own.json().workdaysLeft).toBe(10);
    const other = await post(police, '/catalog/update-requests', change({ departmentId: world.market.id }));
    expect(other.statusCode).toBe(403);
    expect((await post(citizen, '/catalog/update-requests', change())).statusCode).toBe(403);
  });

  it('refuses a change in the future, a blank reason and a missing basis, naming the fields', async () => {
    const tomorrow = t.app.platform.calendar.addWorkdays(todayInChina(), 1);
    const future = await post(
      authority,
      '/catalog/update-requests',
      change({ changedOn: tomorrow, reason: '  ' }),
    );
    expect(future.statusCode).toBe(400);
    expect(
      future
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/changedOn', '/body/reason']);
    const { basis: _basis, ...noBasis } = change();
    const missing = await post(authority, '/catalog/update-requests', noBasis);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0]).toMatchObject({ path: '/body/basis' });
  });

  it('shows each department its own requests only', async () => {
    expect((await get(market, '/catalog/update-requests')).json().total).toBe(0);
    expect((await get(market, `/catalog/update-requests/${overdueId}`)).statusCode).toBe(403);
    expect((await get(authority, '/catalog/update-requests')).json().total).toBe(2);
  });

  it('lets the authority cancel one with a reason; twice is a conflict; departments cannot', async () => {
    expect(
      (await post(police, `/catalog/update-requests/${overdueId}/cancel`, { reason: '误登' })).statusCode,
    ).toBe(403);
    const blank = await post(authority, `/catalog/update-requests/${overdueId}/cancel`, { reason: ' ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0]).toMatchObject({ path: '/body/reason' });
    const cancelled = await post(authority, `/catalog/update-requests/${overdueId}/cancel`, {
      reason: '重复登记',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', overdue: true, workdaysLeft: null });
    expect(cancelled.json().history.at(-1)).toMatchObject({
      action: 'cancel',
      detail: { reason: '重复登记' },
    });
    const again = await post(authority, `/catalog/update-requests/${overdueId}/cancel`, { reason: '再次' });
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', overdueId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'catalog.update_request.create',
        'case.overdue',
        'catalog.update_request.cancel',
      ]),
    );
  });
});

describe('the department answers by submitting its list [CQ19 §14]', () => {
  it('files the duty with a submission, and the authority’s review has the update-review deadline', async () => {
    const today = todayInChina();
    const duty = (await post(authority, '/catalog/update-requests', change({ changedOn: today }))).json();
    const classId = await classIdOf(t.database.db, '201');
    const draft = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/resources/${buses.id}/draft`,
      headers: police.write,
      payload: resourceInput(classId, { name: '公交线路信息', updateCycle: 'weekly' }),
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const submitted = await post(police, '/catalog/submissions', {
      resourceIds: [buses.id],
      updateCaseId: duty.id,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const submission = submitted.json();
    expect(submission).toMatchObject({ kind: 'update', updateCaseId: duty.id });

    const filed = (await get(police, `/catalog/update-requests/${duty.id}`)).json();
    expect(filed).toMatchObject({ state: 'filed', submission: { id: submission.id, state: 'pending' } });
    expect(filed.closedAt).not.toBeNull();
    expect((await get(police, `/catalog/update-requests?open=true`)).json().items).not.toContainEqual(
      expect.objectContaining({ id: duty.id }),
    );

    const review = (await get(authority, `/cases/${submission.caseId}`)).json();
    expect(review).toMatchObject({
      type: 'catalog.update_review',
      rule: 'catalogUpdateReview',
      dueOn: t.app.platform.calendar.addWorkdays(today, 5),
    });
    // A filed duty cannot be answered twice.
    const another = await post(
      police,
      '/catalog/resources',
      resourceInput(classId, { name: '出租车营运信息' }),
    );
    expect(another.statusCode, another.body).toBe(201);
    const twice = await post(police, '/catalog/submissions', {
      resourceIds: [another.json().id],
      updateCaseId: duty.id,
    });
    expect(twice.statusCode).toBe(409);
  });
});

describe('another profile: CQ18 §9 gives 15 working days', () => {
  it('computes the due date from the CQ18 rule', async () => {
    const cq18 = await createTestApp({ config: { profileId: 'cq18' } });
    try {
      const other = await createWorld(cq18.database.db);
      const session = await login(cq18.app, 'authority', other.users.authorityOfficer.password);
      const response = await cq18.app.inject({
        method: 'POST',
        url: '/api/v1/catalog/update-requests',
        headers: session.write,
        payload: change({ departmentId: other.police.id }),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        dueOn: '2025-03-24',
        rule: { workdays: 15, article: 'CQ18 §9' },
      });
    } finally {
      await cq18.close();
    }
  });
});
