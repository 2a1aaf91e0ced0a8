import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { createDepartment, createRegion } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  askFor,
  call,
  districtAuthority,
  flowWorld,
  problemPaths,
  signIn,
  type FlowWorld,
} from '../requests/requests.fixtures.ts';
import { findCoordinator } from './disputes.repository.ts';

let t: TestApp;
let w: FlowWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await flowWorld(t);
});
afterAll(() => t.close());

const raise = (body: object, session = w.sessions.market) =>
  call(t, session, 'POST', '/share/disputes', body);

describe('a dispute (异议, CQ19 §27)', () => {
  it("about a resource that is not shared is a case for the provider's region's authority, with its deadline", async () => {
    const raised = await raise({ resourceId: w.closed.id, reason: '办理企业注销需核实是否涉案，属法定职责' });
    expect(raised.status).toBe(201);
    const rule = t.app.platform.profile.deadlines.shareDisputeCoordination!;
    const dueOn = t.app.platform.calendar.addWorkdays(todayInChina(), rule.workdays);
    expect(raised.body).toMatchObject({
      state: 'open',
      requestId: null,
      resource: { id: w.closed.id },
      provider: { id: w.police.id },
      applicant: { id: w.market.id },
      coordinator: { name: '市大数据发展局' },
      dueOn,
      overdue: false,
      workdaysLeft: rule.workdays,
      case: { state: 'open', dueOn },
      history: [{ action: 'open', toState: 'open' }],
    });
    const twin = await raise({ resourceId: w.closed.id, reason: '再次提出' });
    expect([twin.status, twin.body.code]).toEqual([409, 'share.dispute.duplicate']);
    const shared = await raise({ resourceId: w.person.id, reason: '希望共享' });
    expect([shared.status, shared.body.code]).toEqual([409, 'share.dispute.request_first']);
    const own = await raise({ resourceId: w.closed.id, reason: '自己的' }, w.sessions.police);
    expect([own.status, own.body.code]).toEqual([409, 'share.dispute.own_resource']);
    const blank = await raise({ resourceId: w.closed.id, reason: '   ' });
    expect([blank.status, problemPaths(blank)]).toEqual([400, ['/body/reason']]);
    expect((await raise({ resourceId: w.closed.id, reason: 'x' }, await signIn(t, 'auditor'))).status).toBe(
      403,
    );
    expect((await raise({ resourceId: crypto.randomUUID(), reason: 'x' })).status).toBe(404);
  });

  it('about a refused request; not about a request that was granted in full, or of another resource', async () => {
    const { market, police } = w.sessions;
    const asked = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, { purpose: '注销核查' }),
    );
    const requestId = asked.body.id as string;
    await call(t, police, 'POST', `/share/requests/${requestId}/decision`, {
      decision: 'refuse',
      reason: '户籍信息不用于企业注销',
    });
    const granted = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.licence.id, { fields: ['qymc'] }),
    );
    const full = await raise({ resourceId: w.licence.id, requestId: granted.body.id, reason: '不服' });
    expect([full.status, full.body.code]).toEqual([409, 'share.dispute.request_not_disputable']);
    const mismatch = await raise({ resourceId: w.licence.id, requestId, reason: '不服' });
    expect([mismatch.status, mismatch.body.code]).toEqual([409, 'share.dispute.request_mismatch']);
    const raised = await raise({
      resourceId: w.person.id,
      requestId,
      reason: '注销须核实股东身份，属法定职责',
    });
    expect(raised.body).toMatchObject({ state: 'open', requestId });
  });

  it('is settled by the coordinating authority only, or withdrawn by the department that raised it', async () => {
    const { market, police, authority } = w.sessions;
    const list = await call(t, authority, 'GET', '/share/disputes?state=open');
    expect(list.body.total).toBe(2);
    const [first, second] = list.body.items as { id: string }[];
    const resolve = (
      session = authority,
      id = first!.id,
      body: object = { resolution: 'shared', outcome: '经协调，提供部门同意按申请共享' },
    ) => call(t, session, 'POST', `/share/disputes/${id}/resolve`, body);
    expect((await resolve(police)).status).toBe(403);
    const outside = await resolve(await districtAuthority(t, w));
    expect([outside.status, outside.body.code]).toEqual([403, 'share.dispute.coordinator_only']);
    const blank = await resolve(authority, first!.id, { resolution: 'other', outcome: ' ' });
    expect([blank.status, problemPaths(blank)]).toEqual([400, ['/body/outcome']]);
    const resolved = await resolve();
    expect(resolved.body).toMatchObject({
      state: 'resolved',
      resolution: 'shared',
      outcome: '经协调，提供部门同意按申请共享',
      dueOn: null,
      case: { state: 'resolved' },
    });
    expect((resolved.body.history as { action: string }[]).map((s) => s.action)).toEqual(['open', 'resolve']);
    const again = await resolve();
    expect([again.status, again.body.code]).toEqual([409, 'share.dispute.not_open']);

    const byProvider = await call(t, police, 'POST', `/share/disputes/${second!.id}/withdraw`);
    expect([byProvider.status, byProvider.body.code]).toEqual([403, 'share.dispute.applicant_only']);
    const withdrawn = await call(t, market, 'POST', `/share/disputes/${second!.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', case: { state: 'withdrawn' } });
    expect((await call(t, market, 'POST', `/share/disputes/${second!.id}/withdraw`)).status).toBe(409);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', 'in', [first!.id, second!.id])
      .where('action', 'like', 'share.dispute.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['share.dispute.raise', 'share.dispute.resolve', 'share.dispute.withdraw']),
    );
  });

  it('is listed for the applicant, the provider and the region', async () => {
    const { market, police, authority } = w.sessions;
    expect((await call(t, market, 'GET', '/share/disputes')).body.total).toBe(2);
    expect((await call(t, police, 'GET', '/share/disputes')).body.total).toBe(0);
    expect((await call(t, police, 'GET', '/share/disputes?side=provider')).body.total).toBe(2);
    expect((await call(t, authority, 'GET', '/share/disputes?state=resolved')).body.total).toBe(1);
    const one = (await call(t, market, 'GET', '/share/disputes')).body.items as { id: string }[];
    // Each dispute carries its resource's published level and sub-level (分级), for the list's column.
    const closed = await call(t, authority, 'GET', `/share/disputes?resourceId=${w.closed.id}`);
    expect(closed.body.items).toContainEqual(
      expect.objectContaining({ securityLevel: 'important', securitySubLevel: 'important-2' }),
    );
    const stranger = await call(t, await districtAuthority(t, w), 'GET', `/share/disputes/${one[0]!.id}`);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'share.dispute.not_yours']);
  });
});

describe('the coordinating authority', () => {
  it('is the nearest data authority up the region tree, or none', async () => {
    const db = t.database.db;
    const province = await createRegion(db, { level: 'province' });
    const coordinator = await createDepartment(db, { regionId: province.id, kind: 'authority' });
    const city = await createRegion(db, { level: 'city', parentId: province.id });
    const district = await createRegion(db, { level: 'district', parentId: city.id });
    expect(await findCoordinator(db, district.id)).toEqual({ id: coordinator.id, region_id: province.id });
    const elsewhere = await createRegion(db, { level: 'province' });
    expect(await findCoordinator(db, elsewhere.id)).toBeUndefined();
  });
});
