import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../../platform/calendar/dates.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../../catalog/catalog.factories.ts';
import { addMonths } from '../security.dates.ts';
import { call, securityWorld } from '../security.fixtures.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof securityWorld>>;
let resources: { id: string; code: string }[];

beforeAll(async () => {
  t = await createTestApp();
  w = await securityWorld(t);
  resources = await publishResources(t, [{ name: '户籍人口信息' }, { name: '机动车登记信息' }]);
});
afterAll(() => t.close());

const level = () => t.app.platform.profile.security.riskAssessments.riskLevels[0]!.code;

const assess = (overrides: object = {}, session = w.as['police.security']) =>
  call(t, session, 'POST', '/assessments', {
    title: '人口与车辆数据关联再识别风险评估',
    scopes: ['aggregation', 'sharing'],
    assessedOn: todayInChina(),
    riskLevel: level(),
    findings: '姓名脱敏后，住址与车牌组合仍可识别个人',
    measures: '共享时住址泛化到区县',
    reidentification: true,
    resourceIds: resources.map((r) => r.id),
    ...overrides,
  });

describe('risk assessments', () => {
  it('records a re-identification assessment with the resources combined', async () => {
    const response = await assess();
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      reidentification: true,
      riskLevel: level(),
      resources: [{ name: '户籍人口信息' }, { name: '机动车登记信息' }],
      experts: [],
      expertsAsked: 0,
    });
  });

  it.each([
    [
      'a re-identification assessment of one resource',
      () => ({ resourceIds: [resources[0]!.id] }),
      '/body/resourceIds',
    ],
    ['a risk level the profile lacks', () => ({ riskLevel: 'catastrophic' }), '/body/riskLevel'],
    [
      'an assessment dated in the future',
      () => ({ assessedOn: addMonths(todayInChina(), 1) }),
      '/body/assessedOn',
    ],
    ['an impossible date', () => ({ assessedOn: '2026-04-31' }), '/body/assessedOn'],
    ['an unknown scope', () => ({ scopes: ['storage'] }), '/body/scopes/0'],
  ])('refuses %s with 400', async (_name, overrides, path) => {
    const response = await assess(overrides());
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('keeps other departments and the public out', async () => {
    const { id } = (await assess()).json();
    expect((await call(t, w.as['market.officer'], 'GET', `/assessments/${id}`)).statusCode).toBe(403);
    expect(
      (await call(t, w.as['market.officer'], 'PATCH', `/assessments/${id}`, { measures: '无' })).statusCode,
    ).toBe(403);
    expect((await call(t, w.as.citizen, 'GET', '/assessments')).statusCode).toBe(403);
    expect((await assess({ departmentId: w.world.police.id }, w.as['yz.officer'])).statusCode).toBe(403);
    expect((await call(t, w.as.auditor, 'GET', `/assessments/${id}`)).statusCode).toBe(200);
  });
});

describe('asking the expert committee (CQO §37(4))', () => {
  it('asks experts; only those asked see the assessment and write an opinion, which the department then sees', async () => {
    const { id } = (await assess()).json();
    const s = w.as['police.security'];
    const notExpert = await call(t, s, 'POST', `/assessments/${id}/experts`, {
      expertIds: [w.world.users.policeOfficer.user.id],
      question: '请评估再识别风险',
    });
    expect(notExpert.statusCode).toBe(400);
    expect(notExpert.json().errors[0].path).toBe('/body/expertIds/0');
    const experts = (await call(t, s, 'GET', '/experts')).json().items;
    expect(experts.map((e: { username: string }) => e.username)).toEqual(
      expect.arrayContaining(['expert.wang', 'expert.li']),
    );
    const asked = await call(t, s, 'POST', `/assessments/${id}/experts`, {
      expertIds: [w.experts.wang.id],
      question: '住址泛化到区县是否足以防止再识别？',
    });
    expect(asked.json()).toMatchObject({
      expertsAsked: 1,
      opinionsGiven: 0,
      expertQuestion: '住址泛化到区县是否足以防止再识别？',
    });

    const wang = w.as['expert.wang'];
    const li = w.as['expert.li'];
    expect(
      (await call(t, wang, 'GET', '/expert/assessments')).json().items.map((a: { id: string }) => a.id),
    ).toEqual([id]);
    expect((await call(t, li, 'GET', '/expert/assessments')).json().items).toEqual([]);
    expect((await call(t, li, 'GET', `/expert/assessments/${id}`)).statusCode).toBe(403);
    expect(
      (await call(t, li, 'PUT', `/expert/assessments/${id}/opinion`, { opinion: '同意' })).statusCode,
    ).toBe(403);
    expect((await call(t, wang, 'GET', `/assessments/${id}`)).statusCode).toBe(403);
    expect(
      (await call(t, wang, 'PUT', `/expert/assessments/${id}/opinion`, { opinion: '  ' })).statusCode,
    ).toBe(400);

    const given = await call(t, wang, 'PUT', `/expert/assessments/${id}/opinion`, {
      opinion: '建议同时去除出生日期',
    });
    expect(given.statusCode).toBe(200);
    expect(given.json().experts).toMatchObject([
      { expert: { id: w.experts.wang.id }, opinion: '建议同时去除出生日期' },
    ]);
    const seen = (await call(t, s, 'GET', `/assessments/${id}`)).json();
    expect(seen).toMatchObject({ opinionsGiven: 1, experts: [{ opinion: '建议同时去除出生日期' }] });
    const trail = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', id)
      .execute();
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'security.assessment.create',
        'security.assessment.ask',
        'security.assessment.opinion',
      ]),
    );
  });
});
