import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { addMonths } from '../security.dates.ts';
import { call, securityWorld } from '../security.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof securityWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await securityWorld(t);
});
afterAll(() => t.close());

const rules = () => t.app.platform.profile.security;
const monthsAgo = (months: number) => addMonths(todayInChina(), -months);

const plan = (overrides: object = {}, session = w.as['police.security']) =>
  call(t, session, 'POST', '/plans', {
    title: '公安数据共享平台数据安全应急预案',
    version: 'v1.0',
    scope: '人口、出入境数据的共享接口',
    body: '一、总则……二、组织机构……三、处置流程……',
    approvedOn: monthsAgo(1),
    ...overrides,
  });

const drill = (planId: string, overrides: object = {}, session = w.as['police.security']) =>
  call(t, session, 'POST', `/plans/${planId}/drills`, {
    heldOn: monthsAgo(0),
    scenario: '共享接口密钥泄露',
    participants: '科信处、网安支队、平台运维',
    result: 'partial',
    findings: '通知链条过长',
    followUps: ['更新通讯录', '缩短上报时限'],
    ...overrides,
  });

describe('emergency plans', () => {
  it('registers a plan whose review falls due the profile interval after approval', async () => {
    const approvedOn = monthsAgo(1);
    const response = await plan({ approvedOn });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      version: 'v1.0',
      approvedOn,
      reviewDueOn: addMonths(approvedOn, rules().planReview.months),
      reviewOverdue: false,
      lastDrillOn: null,
      drillOverdue: true,
      drills: [],
    });
  });

  it('flags a plan approved longer ago than the review interval, and a revision clears the flag', async () => {
    const { id } = (
      await plan({ title: '旧预案', approvedOn: monthsAgo(rules().planReview.months + 1) })
    ).json();
    const listed = (await call(t, w.as['police.security'], 'GET', '/plans?pageSize=100')).json();
    expect(listed.items.find((p: { id: string }) => p.id === id)).toMatchObject({ reviewOverdue: true });
    const revised = await call(t, w.as['police.officer'], 'PATCH', `/plans/${id}`, {
      version: 'v2.0',
      approvedOn: monthsAgo(0),
    });
    expect(revised.json()).toMatchObject({ version: 'v2.0', reviewOverdue: false });
  });

  it('refuses a future approval, an impossible date and a blank text', async () => {
    const future = await plan({ approvedOn: addMonths(todayInChina(), 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('/body/approvedOn');
    expect((await plan({ approvedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await plan({ scope: ' ' })).json().errors[0].path).toBe('/body/scope');
  });
});

describe('drills', () => {
  it('records a drill on a plan; the next one is due the profile interval later', async () => {
    const { id } = (await plan()).json();
    const heldOn = monthsAgo(2);
    const response = await drill(id, { heldOn });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      lastDrillOn: heldOn,
      drillDueOn: addMonths(heldOn, rules().drills.months),
      drillOverdue: false,
      drills: [{ heldOn, result: 'partial', followUps: ['更新通讯录', '缩短上报时限'] }],
    });
    const listed = (await call(t, w.as.auditor, 'GET', `/drills?planId=${id}`)).json();
    expect(listed.items).toHaveLength(1);
  });

  it('flags a plan whose last drill is older than the interval', async () => {
    const { id } = (await plan({ title: '久未演练的预案' })).json();
    const response = await drill(id, { heldOn: monthsAgo(rules().drills.months + 1) });
    expect(response.json()).toMatchObject({ drillOverdue: true });
  });

  it('refuses a drill in the future, on a retired plan, or of another department', async () => {
    const { id } = (await plan()).json();
    const future = await drill(id, { heldOn: addMonths(todayInChina(), 2) });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].path).toBe('/body/heldOn');
    expect((await drill(id, { result: 'excellent' })).statusCode).toBe(400);
    expect((await drill(id, {}, w.as['market.officer'])).statusCode).toBe(403);
    expect((await call(t, w.as['market.officer'], 'GET', `/plans/${id}`)).statusCode).toBe(403);
    expect((await call(t, w.as.citizen, 'GET', '/plans')).statusCode).toBe(403);
    await call(t, w.as['police.security'], 'PATCH', `/plans/${id}`, { retired: true });
    expect((await drill(id)).statusCode).toBe(409);
    const current = (await call(t, w.as['police.security'], 'GET', '/plans?pageSize=100')).json();
    expect(current.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });
});
