import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../platform/calendar/dates.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { addMonths } from './security.dates.ts';
import { call, hoursAgo, securityWorld } from './security.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof securityWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  w = await securityWorld(t);
});
afterAll(() => t.close());

const rules = () => t.app.platform.profile.security;
const row = (body: { items: { department: { id: string } }[] }, id: string) =>
  body.items.find((item) => item.department.id === id);

describe('GET /security/overview', () => {
  it('shows per department the last drill and assessment with overdue flags from the profile, and open incidents', async () => {
    const s = w.as['police.security'];
    const staleDrill = addMonths(todayInChina(), -(rules().drills.months + 1));
    const plan = (
      await call(t, s, 'POST', '/plans', {
        title: '应急预案',
        version: '1',
        scope: '全部',
        body: '……',
        approvedOn: addMonths(todayInChina(), -(rules().planReview.months + 2)),
      })
    ).json();
    await call(t, s, 'POST', `/plans/${plan.id}/drills`, {
      heldOn: staleDrill,
      scenario: '数据泄露',
      participants: '科信处',
      result: 'passed',
    });
    await call(t, s, 'POST', '/assessments', {
      title: '年度风险评估',
      scopes: ['sharing'],
      assessedOn: todayInChina(),
      riskLevel: rules().riskAssessments.riskLevels[0]!.code,
      findings: '无重大风险',
    });
    const dutied = rules().incidents.severities.find((x) => x.reportWithinHours !== null)!;
    await call(t, s, 'POST', '/incidents', {
      title: '未报告事件',
      severity: dutied.code,
      detectedAt: hoursAgo(dutied.reportWithinHours! + 1),
      scope: '接口',
    });

    const overview = (await call(t, w.as.authority, 'GET', '/overview')).json();
    expect(overview.intervals).toEqual({
      planReviewMonths: rules().planReview.months,
      drillMonths: rules().drills.months,
      assessmentMonths: rules().riskAssessments.months,
    });
    expect(row(overview, w.world.police.id)).toEqual({
      department: { id: w.world.police.id, name: '市公安局', kind: 'department' },
      currentPlans: 1,
      planReviewOverdue: true,
      lastDrillOn: staleDrill,
      drillDueOn: addMonths(staleDrill, rules().drills.months),
      drillOverdue: true,
      lastAssessmentOn: todayInChina(),
      assessmentDueOn: addMonths(todayInChina(), rules().riskAssessments.months),
      assessmentOverdue: false,
      openIncidents: 1,
      reportsOverdue: 1,
    });
    // A department that never drilled nor assessed is due at once.
    expect(row(overview, w.world.market.id)).toMatchObject({
      drillDueOn: null,
      drillOverdue: true,
      assessmentOverdue: true,
    });
    // The authority sees the region below too.
    expect(row(overview, w.world.districtDept.id)).toBeDefined();
  });

  it('shows a department only itself, and the public nothing', async () => {
    const own = (await call(t, w.as['market.officer'], 'GET', '/overview')).json();
    expect(own.items.map((i: { department: { id: string } }) => i.department.id)).toEqual([
      w.world.market.id,
    ]);
    expect((await call(t, w.as.citizen, 'GET', '/overview')).statusCode).toBe(403);
  });
});
