import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import { createUser, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { people, personResource } from '../pools.fixtures.ts';
import { disputedKeys } from './corrections.repository.ts';

let t: TestApp;
let personId: string;
let busId: string;
let police: TestSession;
let head: TestSession;
let market: TestSession;
let authority: TestSession;
let citizen: TestSession;
let marketApp: Record<string, string>;
const rows = people(5);

async function call(
  session: TestSession | Record<string, string>,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
) {
  const headers = 'write' in session ? (method === 'GET' ? session.read : session.write) : session;
  return t.app.inject({ method, url: `/api/v1${url}`, headers: headers as Record<string, string>, payload });
}

const report = (session: TestSession | Record<string, string>, body: object, resourceId = personId) =>
  call(session, 'POST', `/pools/tables/${resourceId}/corrections`, body);

/** A report that the name is wrong; `proposed` null: the reporter does not know the right one. */
const nameReport = (sfzh = rows[0]!.sfzh, proposed: string | null = '张三') => ({
  key: { sfzh },
  items: [{ field: 'xm', ...(proposed === null ? {} : { proposed }) }],
  reason: '户籍登记姓名为张三，附户口簿复印件',
});

async function currentRows(resourceId = personId) {
  const response = await call(police, 'GET', `/pools/tables/${resourceId}/rows?pageSize=500`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { version: number; items: Record<string, unknown>[] };
}

beforeAll(async () => {
  t = await createTestApp();
  // The person resource is shared on conditions and not open; the bus lines are shared and open.
  const [person, bus] = await publishResources(t, [personResource, { name: '公交线路信息' }]);
  personId = person!.id;
  busId = bus!.id;
  await createUser(t.database.db, { role: 'public_user', username: 'citizen' });
  const signIn = (name: string) => login(t.app, name, 'Test-password-1');
  [police, head, market, authority, citizen] = await Promise.all([
    signIn('police.officer'),
    signIn('police.head'),
    signIn('market.officer'),
    signIn('authority'),
    signIn('citizen'),
  ]);
  const key = await call(market, 'POST', '/api-keys', { application: '市场主体登记系统' });
  marketApp = { authorization: `Bearer ${key.json().key}` };
  for (const [resourceId, records] of [
    [personId, rows],
    [busId, [{ xlbh: '0101', xlmc: '轨道交通1号线', pj: '2.00' }]],
  ] as const) {
    const pushed = await call(police, 'POST', `/pools/tables/${resourceId}/records`, { records });
    expect(pushed.statusCode, pushed.body).toBeLessThan(300);
  }
});
afterAll(() => t.close());

describe('reporting', () => {
  it('a department opens a case due in the profile working days; the record is served marked disputed', async () => {
    const response = await report(market, nameReport());
    expect(response.statusCode, response.body).toBe(201);
    const correction = response.json();
    const rule = t.app.platform.profile.deadlines.correctionReply!;
    expect(correction).toMatchObject({
      state: 'pending',
      side: 'reporter',
      key: { sfzh: rows[0]!.sfzh },
      items: [{ field: 'xm', name: '姓名', current: null, proposed: '张三' }],
      reporter: { departmentName: '市市场监管局', role: 'department_officer' },
      provider: { name: '市公安局' },
      workdaysLeft: rule.workdays,
    });
    expect(correction.dueOn).toBe(t.app.platform.calendar.addWorkdays(correction.receivedOn, rule.workdays));

    const current = await currentRows();
    const disputed = current.items.filter((row) => row._disputed);
    expect(disputed.map((row) => row.sfzh)).toEqual([rows[0]!.sfzh]);
    expect(disputed[0]!.xm).toBe(rows[0]!.xm);
    // Readers serving records by key ask the same question by key values.
    const keys = [[rows[0]!.sfzh], [rows[1]!.sfzh]];
    expect(await disputedKeys(t.database.db, personId, keys)).toEqual([[rows[0]!.sfzh]]);

    const provider = await call(police, 'GET', `/pools/corrections/${correction.id}`);
    expect(provider.json()).toMatchObject({ side: 'provider', items: [{ current: rows[0]!.xm }] });
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', correction.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.open', 'pool.correction.report']),
    );
  });

  it('refuses the provider itself, a key with no current record, bad keys and bad proposals', async () => {
    const own = await report(police, nameReport());
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('导入');
    const absent = await report(market, nameReport(people(8)[7]!.sfzh));
    expect(absent.statusCode).toBe(404);
    const badKey = await report(market, {
      ...nameReport('500103198001010001'),
      key: { sfzh: '123', xm: 'x' },
    });
    expect(badKey.statusCode).toBe(400);
    expect(
      badKey
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/key/sfzh', '/body/key/xm']);
    const badItems = await report(market, {
      key: { sfzh: rows[1]!.sfzh },
      items: [{ field: 'sfzh' }, { field: 'csrq', proposed: '1980-02-30' }, { field: 'nope' }],
      reason: '出生日期有误',
    });
    expect(badItems.statusCode).toBe(400);
    expect(badItems.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/body/items/0/field',
      '/body/items/1/proposed',
      '/body/items/2/field',
    ]);
    const authorityReport = await report(authority, nameReport());
    expect(authorityReport.statusCode).toBe(403);
  });

  it('the public may report on open data only; an application reports for its department', async () => {
    expect((await report(citizen, nameReport())).statusCode).toBe(403);
    const open = await report(
      citizen,
      { key: { xlbh: '0101' }, items: [{ field: 'pj', proposed: 3 }], reason: '票价已调整为 3 元' },
      busId,
    );
    expect(open.statusCode, open.body).toBe(201);
    expect(open.json()).toMatchObject({ reporter: { role: 'public_user', departmentId: null } });
    expect(open.json().items[0]).toMatchObject({ proposed: '3.00', current: null });
    const byApp = await report(marketApp, nameReport(rows[2]!.sfzh, null));
    expect(byApp.statusCode, byApp.body).toBe(201);
    expect(byApp.json().reporter).toMatchObject({ type: 'application', departmentName: '市市场监管局' });

    const mine = await call(citizen, 'GET', '/pools/corrections/reported');
    expect(mine.json().items.map((c: { resource: { id: string } }) => c.resource.id)).toEqual([busId]);
    const marketList = await call(market, 'GET', '/pools/corrections/reported?state=pending');
    expect(marketList.json().total).toBe(2);
    // Someone else's report is not readable by a third party.
    expect((await call(citizen, 'GET', `/pools/corrections/${byApp.json().id}`)).statusCode).toBe(403);
  });
});

describe('deciding', () => {
  it('accepting corrects the record as a new version, with history, and the dispute ends', async () => {
    const before = await currentRows();
    const opened = await report(market, nameReport(rows[3]!.sfzh));
    const id = opened.json().id;
    // Another department cannot answer; a public user has no permission to.
    expect((await call(market, 'POST', `/pools/corrections/${id}/accept`, {})).statusCode).toBe(403);
    expect((await call(citizen, 'POST', `/pools/corrections/${id}/accept`, {})).statusCode).toBe(403);
    const bad = await call(police, 'POST', `/pools/corrections/${id}/accept`, {
      values: { xm: 'x'.repeat(51) },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: '/body/values/xm' });
    const foreign = await call(police, 'POST', `/pools/corrections/${id}/accept`, {
      values: { csrq: '1980-01-02' },
    });
    expect(foreign.statusCode).toBe(400);

    const accepted = await call(police, 'POST', `/pools/corrections/${id}/accept`, {
      note: '已核实户籍档案',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const result = accepted.json();
    expect(result).toMatchObject({
      state: 'accepted',
      decision: { reason: '已核实户籍档案', appliedVersion: before.version + 1 },
      changes: [{ field: 'xm', oldValue: rows[3]!.xm, newValue: '张三', version: before.version + 1 }],
    });
    const after = await currentRows();
    expect(after.version).toBe(before.version + 1);
    const row = after.items.find((r) => r.sfzh === rows[3]!.sfzh)!;
    expect(row).toMatchObject({ xm: '张三', _disputed: false });
    expect(after.items).toHaveLength(before.items.length);
    const old = await call(
      police,
      'GET',
      `/pools/tables/${personId}/rows?version=${before.version}&pageSize=500`,
    );
    expect(old.json().items.find((r: { sfzh: string }) => r.sfzh === rows[3]!.sfzh).xm).toBe(rows[3]!.xm);

    const batches = await call(police, 'GET', `/pools/tables/${personId}/batches`);
    expect(batches.json().items[0]).toMatchObject({
      source: 'correction',
      mode: 'upsert',
      version: after.version,
    });
    const history = await call(
      police,
      'GET',
      `/pools/tables/${personId}/corrections/history?key=${encodeURIComponent(JSON.stringify({ sfzh: rows[3]!.sfzh }))}`,
    );
    expect(history.json()).toMatchObject({ total: 1, items: [{ correctionId: id, oldValue: rows[3]!.xm }] });
    expect((await call(market, 'GET', `/pools/tables/${personId}/corrections/history`)).statusCode).toBe(403);
    const reporterView = (await call(market, 'GET', `/pools/corrections/${id}`)).json();
    expect(reporterView.changes[0]).toMatchObject({ newValue: '张三', oldValue: null });
    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['pool.correction.accept', 'pool.rows.correct'])
      .execute();
    expect(actions).toHaveLength(2);
  });

  it('accepting needs a value when none was proposed, and takes the one given', async () => {
    const opened = await report(market, nameReport(rows[4]!.sfzh, null));
    const id = opened.json().id;
    const none = await call(police, 'POST', `/pools/corrections/${id}/accept`, {});
    expect(none.statusCode).toBe(400);
    expect(none.json().errors[0]).toMatchObject({ path: '/body/values/xm' });
    const given = await call(police, 'POST', `/pools/corrections/${id}/accept`, { values: { xm: '李四' } });
    expect(given.json().changes[0]).toMatchObject({ newValue: '李四' });
  });

  it('rejecting needs a reason; a rejected request cannot be accepted afterwards', async () => {
    const id = (await report(market, nameReport(rows[1]!.sfzh))).json().id;
    expect((await call(police, 'POST', `/pools/corrections/${id}/reject`, {})).statusCode).toBe(400);
    expect((await call(police, 'POST', `/pools/corrections/${id}/reject`, { reason: '  ' })).statusCode).toBe(
      400,
    );
    const rejected = await call(police, 'POST', `/pools/corrections/${id}/reject`, {
      reason: '与户籍档案一致',
    });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ state: 'rejected', decision: { reason: '与户籍档案一致' } });
    expect((await call(police, 'POST', `/pools/corrections/${id}/accept`, {})).statusCode).toBe(409);
    const row = (await currentRows()).items.find((r) => r.sfzh === rows[1]!.sfzh)!;
    expect(row).toMatchObject({ xm: rows[1]!.xm, _disputed: false });
  });

  it('of an acceptance and a rejection at once, exactly one wins', async () => {
    const id = (await report(market, nameReport(rows[1]!.sfzh, '王五'))).json().id;
    const version = (await currentRows()).version;
    const answers = await Promise.all([
      call(police, 'POST', `/pools/corrections/${id}/accept`, {}),
      call(head, 'POST', `/pools/corrections/${id}/reject`, { reason: '数据无误' }),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const final = (await call(police, 'GET', `/pools/corrections/${id}`)).json();
    const after = await currentRows();
    expect(after.version).toBe(final.state === 'accepted' ? version + 1 : version);
    const row = await t.database.db
      .selectFrom('pool_correction_changes')
      .select('id')
      .where('correction_id', '=', id)
      .execute();
    expect(row).toHaveLength(final.state === 'accepted' ? 1 : 0);
  });
});

describe('deadlines and lists', () => {
  it("extends the deadline with the head's approval, within the profile's limit", async () => {
    const id = (await report(market, nameReport(rows[2]!.sfzh))).json().id;
    const before = (await call(police, 'GET', `/pools/corrections/${id}`)).json();
    const limit = t.app.platform.profile.deadlines.correctionReply!.extension!.workdays;
    expect(
      (await call(market, 'POST', `/cases/${id}/extension`, { workdays: 5, reason: '需调取档案' }))
        .statusCode,
    ).toBe(403);
    const asked = await call(police, 'POST', `/cases/${id}/extension`, {
      workdays: limit + 1,
      reason: '需调取档案',
    });
    expect(asked.statusCode).toBe(400);
    const request = await call(police, 'POST', `/cases/${id}/extension`, {
      workdays: 5,
      reason: '需调取档案',
    });
    expect(request.statusCode, request.body).toBe(200);
    expect(
      (await call(police, 'POST', `/cases/${id}/extension/decision`, { approve: true })).statusCode,
    ).toBe(403);
    const approved = await call(head, 'POST', `/cases/${id}/extension/decision`, { approve: true });
    expect(approved.statusCode, approved.body).toBe(200);
    const after = (await call(police, 'GET', `/pools/corrections/${id}`)).json();
    expect(after.dueOn).toBe(t.app.platform.calendar.addWorkdays(before.dueOn, 5));
    expect(after).toMatchObject({
      extensionWorkdays: 5,
      extension: { state: 'approved' },
      originalDueOn: before.dueOn,
    });
  });

  it('the provider lists requests on its resources, by state and overdue', async () => {
    const pending = (await call(police, 'GET', '/pools/corrections/received?state=pending')).json();
    expect(pending.total).toBeGreaterThan(0);
    expect(pending.items.every((c: { state: string }) => c.state === 'pending')).toBe(true);
    const target = pending.items.find((c: { resource: { id: string } }) => c.resource.id === personId);
    // As if it had been received a month ago and left unanswered.
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    await t.database.db
      .updateTable('cases')
      .set({ received_on: daysAgo(30), due_on: daysAgo(10) })
      .where('id', '=', target.id)
      .execute();
    await sweepOverdue(t.database.db);
    const overdue = (await call(police, 'GET', '/pools/corrections/received?overdue=true')).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toEqual([target.id]);
    expect(overdue.items[0]).toMatchObject({ overdue: true });
    expect(overdue.items[0].workdaysLeft).toBeLessThan(0);
    expect((await call(market, 'GET', '/pools/corrections/received')).json().total).toBe(0);
    expect((await call(citizen, 'GET', '/pools/corrections/received')).statusCode).toBe(403);
  });
});
