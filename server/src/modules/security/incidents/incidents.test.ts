import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { call, hoursAgo, securityWorld } from '../security.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof securityWorld>>;
let resource: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  w = await securityWorld(t);
  [resource] = (await publishResources(t, [{ name: '户籍人口信息' }])) as [{ id: string; code: string }];
});
afterAll(() => t.close());

/** The profile's severities with and without a report duty. */
const severities = () => {
  const all = t.app.platform.profile.security.incidents.severities;
  return { dutied: all.find((s) => s.reportWithinHours !== null)!, all };
};

const register = (overrides: object = {}, session = w.as['police.security']) =>
  call(t, session, 'POST', '/incidents', {
    title: '人口库接口异常批量调用',
    severity: severities().dutied.code,
    occurredAt: hoursAgo(3),
    detectedAt: hoursAgo(2),
    scope: '人口信息共享接口，约 3 个调用方',
    recordEstimate: 12000,
    resourceIds: [resource.id],
    ...overrides,
  });

describe('registering and working an incident', () => {
  it('registers an open incident with the resources affected and the report due time of the profile', async () => {
    const detectedAt = hoursAgo(1);
    const response = await register({ detectedAt });
    expect(response.statusCode).toBe(201);
    const incident = response.json();
    expect(incident).toMatchObject({
      state: 'open',
      department: { id: w.world.police.id },
      recordEstimate: 12000,
      report: null,
      resources: [{ id: resource.id, code: resource.code, name: '户籍人口信息' }],
    });
    const hours = severities().dutied.reportWithinHours!;
    expect(Date.parse(incident.reportDueAt) - Date.parse(detectedAt)).toBe(hours * 3_600_000);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'department_id'])
      .where('target_id', '=', incident.id)
      .execute();
    expect(audit).toContainEqual({ action: 'security.incident.create', department_id: w.world.police.id });
  });

  it('adds actions, contains and closes, keeping the timeline in time order; a closed incident takes no more actions', async () => {
    const { id } = (await register({ occurredAt: hoursAgo(6), detectedAt: hoursAgo(5) })).json();
    const s = w.as['police.security'];
    expect(
      (
        await call(t, s, 'POST', `/incidents/${id}/actions`, {
          takenAt: hoursAgo(3),
          description: '封禁异常调用方密钥',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call(t, s, 'POST', `/incidents/${id}/actions`, {
          takenAt: hoursAgo(4),
          description: '启动应急预案',
        })
      ).statusCode,
    ).toBe(200);
    const contained = await call(t, s, 'POST', `/incidents/${id}/contain`, {
      containedAt: hoursAgo(2),
      description: '调用已停止',
    });
    expect(contained.json().state).toBe('contained');
    const early = await call(t, s, 'POST', `/incidents/${id}/close`, {
      closedAt: hoursAgo(2.5),
      summary: '处置完毕',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('/body/closedAt');
    const closed = await call(t, s, 'POST', `/incidents/${id}/close`, {
      closedAt: hoursAgo(1),
      summary: '处置完毕',
    });
    expect(closed.json()).toMatchObject({ state: 'closed', closureSummary: '处置完毕' });
    expect(closed.json().timeline.map((e: { kind: string; description: string }) => e.description)).toEqual([
      '启动应急预案',
      '封禁异常调用方密钥',
      '调用已停止',
      '处置完毕',
    ]);
    const late = await call(t, s, 'POST', `/incidents/${id}/actions`, {
      takenAt: hoursAgo(0.5),
      description: '补充',
    });
    expect(late.statusCode).toBe(409);
    expect((await call(t, s, 'PATCH', `/incidents/${id}`, { title: '改名' })).statusCode).toBe(409);
  });

  it('lets the head correct the registration of its department', async () => {
    const { id } = (await register()).json();
    const response = await call(t, w.as['police.officer'], 'PATCH', `/incidents/${id}`, {
      recordEstimate: 50,
      resourceIds: [],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ recordEstimate: 50, resources: [] });
  });
});

describe('the report to the authorities', () => {
  it('flags an unreported incident past the profile hours, filters on it, and records the report once', async () => {
    const hours = severities().dutied.reportWithinHours!;
    const { id } = (
      await register({ title: '逾期未报事件', occurredAt: null, detectedAt: hoursAgo(hours + 1) })
    ).json();
    const s = w.as['police.security'];
    const detail = (await call(t, s, 'GET', `/incidents/${id}`)).json();
    expect(detail.reportOverdue).toBe(true);
    const overdue = (await call(t, s, 'GET', '/incidents?reportOverdue=true&pageSize=100')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(id);
    const reported = await call(t, s, 'POST', `/incidents/${id}/report`, {
      reportedAt: hoursAgo(0.1),
      reportedTo: '市委网信办',
      reference: '渝网信〔2026〕12号',
    });
    expect(reported.statusCode).toBe(200);
    expect(reported.json()).toMatchObject({
      reportOverdue: false,
      reportedLate: true,
      report: { reportedTo: '市委网信办', reference: '渝网信〔2026〕12号' },
    });
    expect(reported.json().timeline.at(-1)).toMatchObject({ kind: 'reported' });
    const again = await call(t, s, 'POST', `/incidents/${id}/report`, {
      reportedAt: hoursAgo(0),
      reportedTo: '市公安局',
    });
    expect(again.statusCode).toBe(409);
    const notOverdue = (await call(t, s, 'GET', '/incidents?reportOverdue=true&pageSize=100')).json();
    expect(notOverdue.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('sets no due time for a severity without a duty in the profile', async () => {
    const free = severities().all.find((s) => s.reportWithinHours === null);
    // The shipped profiles leave the lowest severity (一般) to internal records.
    expect(free).toBeDefined();
    const incident = (
      await register({ severity: free!.code, occurredAt: null, detectedAt: hoursAgo(9000) })
    ).json();
    expect(incident).toMatchObject({ reportDueAt: null, reportOverdue: false });
  });
});

describe('bad input', () => {
  it.each([
    [
      'a detection in the future',
      { detectedAt: new Date(Date.now() + 86_400_000).toISOString() },
      '/body/detectedAt',
    ],
    [
      'an occurrence after the detection',
      { occurredAt: hoursAgo(1), detectedAt: hoursAgo(2) },
      '/body/occurredAt',
    ],
    ['a severity the profile lacks', { severity: 'apocalyptic' }, '/body/severity'],
    [
      'a resource not in the catalog',
      { resourceIds: ['00000000-0000-4000-8000-000000000000'] },
      '/body/resourceIds/0',
    ],
    ['a blank title', { title: '   ' }, '/body/title'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, path) => {
    const response = await register(overrides);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('refuses a malformed time and an action before the detection', async () => {
    expect((await register({ detectedAt: '2026-13-40' })).statusCode).toBe(400);
    const { id } = (await register({ detectedAt: hoursAgo(1) })).json();
    const before = await call(t, w.as['police.security'], 'POST', `/incidents/${id}/actions`, {
      takenAt: hoursAgo(2),
      description: '提前处置',
    });
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].path).toBe('/body/takenAt');
  });
});

describe('scope', () => {
  it('keeps other departments, the public and readers out of a department’s register', async () => {
    const { id } = (await register()).json();
    expect((await call(t, w.as['market.officer'], 'GET', `/incidents/${id}`)).statusCode).toBe(403);
    expect((await register({ departmentId: w.world.police.id }, w.as['market.officer'])).statusCode).toBe(
      403,
    );
    const marketList = (await call(t, w.as['market.officer'], 'GET', '/incidents?pageSize=100')).json();
    expect(marketList.items).toEqual([]);
    expect((await call(t, w.as.citizen, 'GET', '/incidents')).statusCode).toBe(403);
    expect((await call(t, w.as['expert.wang'], 'GET', '/incidents')).statusCode).toBe(403);
    expect((await register({}, w.as.auditor)).statusCode).toBe(403);
    const audited = (await call(t, w.as.auditor, 'GET', `/incidents/${id}`)).json();
    expect(audited.id).toBe(id);
  });

  it('lets the authority keep the incidents of its region but only read those below', async () => {
    const own = await register({ departmentId: w.world.police.id }, w.as.authority);
    expect(own.statusCode).toBe(201);
    const district = (await register({ resourceIds: [] }, w.as['yz.officer'])).json();
    expect((await call(t, w.as.authority, 'GET', `/incidents/${district.id}`)).statusCode).toBe(200);
    const change = await call(t, w.as.authority, 'POST', `/incidents/${district.id}/actions`, {
      takenAt: hoursAgo(0.5),
      description: '督导',
    });
    expect(change.statusCode).toBe(403);
    const filtered = (
      await call(t, w.as.authority, 'GET', `/incidents?departmentId=${w.world.districtDept.id}`)
    ).json();
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([district.id]);
  });
});

describe('statistics', () => {
  it('counts the incidents of this month by severity for the chart', async () => {
    const stats = (await call(t, w.as['police.security'], 'GET', '/incidents/stats?months=3')).json();
    expect(stats.months).toHaveLength(3);
    const listed = (await call(t, w.as['police.security'], 'GET', '/incidents?pageSize=200')).json();
    const counted = stats.counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
    const recent = listed.items.filter(
      (i: { detectedAt: string }) => i.detectedAt.slice(0, 7) >= stats.months[0],
    );
    expect(counted).toBe(recent.length);
  });
});
