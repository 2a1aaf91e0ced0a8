import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOf, dayNumber, todayInChina } from '../../../platform/calendar/dates.ts';
import { sweepOverdue } from '../../../platform/cases/sweep.ts';
import type { TestApp } from '../../../test/test-app.ts';
import {
  createParticipationApp,
  participationWorld,
  problemsOf,
  send,
  unverifiedUser,
  verifiedUser,
  type ParticipationWorld,
} from './participation.fixtures.ts';

// Requests answered in the portal: open-catalog corrections and data error reports for the provider,
// opinions for the authority. Who files, who sees, who answers, the due dates of the profile, the
// refusals (unverified, not open, blank or unknown items), one answer only, and the trail.

let t: TestApp;
let w: ParticipationWorld;

beforeAll(async () => {
  t = await createParticipationApp();
  w = await participationWorld(t);
});
afterAll(() => t.close());

const STATEMENT = '数据更新频率标注为每日，但最近一次更新是三个月前。';
const correction = (session: Parameters<typeof send>[1], id: string, body: object = {}) =>
  send(t, session, 'POST', `/open/datasets/${id}/catalog-corrections`, {
    topic: 'update_cycle',
    statement: STATEMENT,
    proposal: '更新频率改为每季度',
    ...body,
  });
const audits = (action: string, targetId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_name', 'outcome', 'department_id', 'detail'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
const dueAfter = (workdays: number) => t.app.platform.calendar.addWorkdays(todayInChina(), workdays);

describe('open-catalog corrections (CQ19 §32)', () => {
  it('reach the provider with the profile’s due date, are answered once, and the requester reads the answer', async () => {
    const user = await verifiedUser(t);
    const filed = await correction(user.session, w.ids.bus);
    expect(filed.status, filed.raw.body).toBe(201);
    const rule = t.app.platform.profile.deadlines.openCatalogCorrectionReply!;
    expect(filed.body).toMatchObject({
      kind: 'catalog_correction',
      state: 'submitted',
      resource: { id: w.ids.bus, name: '公交线路信息' },
      responsible: { id: w.world.police.id },
      requester: null,
      topic: 'update_cycle',
      statement: STATEMENT,
      proposal: '更新频率改为每季度',
      answer: null,
      dueOn: dueAfter(rule.workdays),
      overdue: false,
      replyRule: { workdays: rule.workdays },
    });
    const id = filed.body.id as string;

    // The provider's list names the requester; the market (another provider) is told nothing exists.
    const handled = await send(
      t,
      w.sessions.police,
      'GET',
      '/open/participation/requests?kind=catalog_correction',
    );
    const listed = (handled.body.items as { id: string; requester: { name: string } }[]).find(
      (r) => r.id === id,
    );
    expect(listed?.requester.name).toBeTruthy();
    expect((await send(t, w.sessions.market, 'GET', `/open/participation/requests/${id}`)).status).toBe(404);
    const marketList = await send(t, w.sessions.market, 'GET', '/open/participation/requests');
    expect((marketList.body.items as { id: string }[]).map((r) => r.id)).not.toContain(id);
    expect(
      (await send(t, (await verifiedUser(t)).session, 'GET', `/open/participation/requests/${id}`)).status,
    ).toBe(404);

    // The authority sees it but does not answer it; the auditor is no handler.
    expect((await send(t, w.sessions.authority, 'GET', `/open/participation/requests/${id}`)).status).toBe(
      200,
    );
    const byAuthority = await send(
      t,
      w.sessions.authority,
      'POST',
      `/open/participation/requests/${id}/answer`,
      {
        decision: 'accept',
        answer: '已转交',
      },
    );
    expect(byAuthority.status).toBe(403);
    expect((await send(t, w.sessions.auditor, 'GET', '/open/participation/requests')).status).toBe(403);

    const blank = await send(t, w.sessions.police, 'POST', `/open/participation/requests/${id}/answer`, {
      decision: 'accept',
      answer: '   ',
    });
    expect(blank.status).toBe(422);
    const answered = await send(t, w.sessions.police, 'POST', `/open/participation/requests/${id}/answer`, {
      decision: 'accept',
      answer: '已将更新频率更正为每季度。',
    });
    expect(answered.status, answered.raw.body).toBe(200);
    expect(answered.body).toMatchObject({ state: 'accepted', dueOn: null, answer: { decision: 'accept' } });
    const again = await send(t, w.sessions.police, 'POST', `/open/participation/requests/${id}/answer`, {
      decision: 'reject',
      answer: '改变主意',
    });
    expect(again.status).toBe(409);

    const own = await send(t, user.session, 'GET', '/open/me/participation');
    expect(own.body.items).toEqual([
      expect.objectContaining({
        id,
        state: 'accepted',
        requester: null,
        answer: expect.objectContaining({ text: '已将更新频率更正为每季度。', answeredByName: null }),
      }),
    ]);

    // The trail names the request, never its words.
    const [fileEvent] = await audits('open.request.file', id);
    expect(fileEvent).toMatchObject({ actor_name: user.username, department_id: w.world.police.id });
    expect(JSON.stringify(fileEvent!.detail)).not.toContain('三个月');
    const answers = await audits('open.request.answer', id);
    expect(answers.map((a) => a.outcome)).toEqual(['success']);
    expect(answers[0]!.detail).toMatchObject({ decision: 'accept', kind: 'catalog_correction' });
  });

  it('refuses the unverified (403), datasets that are not open (404), and statements that say nothing (422)', async () => {
    const anonymous = await unverifiedUser(t, 'not.verified');
    expect((await correction(anonymous, w.ids.bus)).status).toBe(403);
    const user = await verifiedUser(t);
    for (const id of [w.ids.census, '00000000-0000-4000-8000-000000000000'])
      expect((await correction(user.session, id)).status).toBe(404);
    expect((await correction(null, w.ids.bus)).status).toBe(401);
    const short = await correction(user.session, w.ids.bus, { statement: '错了' });
    expect(short.status).toBe(422);
    expect(Object.keys(problemsOf(short))).toEqual(['/body/statement']);
    const spam = await correction(user.session, w.ids.bus, {
      statement: 'http://a.example.com http://b.example.com http://c.example.com http://d.example.com',
    });
    expect(spam.status).toBe(422);
    expect((await correction(user.session, w.ids.bus, { topic: 'colour' })).status).toBe(400);
    const own = await send(t, user.session, 'GET', '/open/me/participation');
    expect(own.body.total).toBe(0);
  });
});

describe('data error reports (CQO §22)', () => {
  it('name only the dataset’s items, and are due per correctionReply', async () => {
    const user = await verifiedUser(t);
    const url = `/open/datasets/${w.ids.bus}/error-reports`;
    const unknown = await send(t, user.session, 'POST', url, {
      statement: '第 12 路的首班车时间与站牌不符。',
      fields: ['nonexistent_item', 'nonexistent_item'],
    });
    expect(unknown.status).toBe(422);
    expect(Object.keys(problemsOf(unknown)).sort()).toEqual(['/body/fields/0', '/body/fields/1']);
    expect(problemsOf(unknown)['/body/fields/0']).toContain('nonexistent_item');

    const filed = await send(t, user.session, 'POST', url, {
      statement: '第 12 路的首班车时间与站牌不符。',
      location: '线路编号 12',
    });
    expect(filed.status, filed.raw.body).toBe(201);
    const rule = t.app.platform.profile.deadlines.correctionReply!;
    expect(filed.body).toMatchObject({
      kind: 'data_error',
      responsible: { id: w.world.police.id },
      location: '线路编号 12',
      dueOn: dueAfter(rule.workdays),
    });
    const rejected = await send(
      t,
      w.sessions.police,
      'POST',
      `/open/participation/requests/${filed.body.id}/answer`,
      {
        decision: 'reject',
        answer: '经核对，站牌为旧版，数据无误。',
      },
    );
    expect(rejected.body).toMatchObject({ state: 'rejected', answer: { decision: 'reject' } });
  });

  it('take one answer when two officers answer at the same moment', async () => {
    const user = await verifiedUser(t);
    const filed = await send(t, user.session, 'POST', `/open/datasets/${w.ids.bus}/error-reports`, {
      statement: '站点名称有错别字，请核对。',
    });
    const url = `/open/participation/requests/${filed.body.id}/answer`;
    const answers = await Promise.all([
      send(t, w.sessions.police, 'POST', url, { decision: 'accept', answer: '已更正。' }),
      send(t, w.sessions.head, 'POST', url, { decision: 'reject', answer: '无误。' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await audits('open.request.answer', filed.body.id as string)).toHaveLength(1);
  });
});

describe('opinions on the open service (CQ19 §37)', () => {
  it('go to the authority of the dataset’s region, or of the portal’s, without a due date', async () => {
    const user = await verifiedUser(t);
    const general = await send(t, user.session, 'POST', '/open/opinions', {
      statement: '希望增加更多交通类数据。',
    });
    expect(general.status, general.raw.body).toBe(201);
    expect(general.body).toMatchObject({ kind: 'opinion', resource: null, dueOn: null, replyRule: null });
    expect((general.body.responsible as { name: string }).name).not.toBe('渝中区大数据发展局');

    const district = await send(t, user.session, 'POST', '/open/opinions', {
      resourceId: w.districtDataset,
      statement: '停车场数据能否按小时更新空余车位？',
    });
    expect(district.status, district.raw.body).toBe(201);
    expect(district.body).toMatchObject({ responsible: { id: w.districtAuthority.id } });
    const id = district.body.id as string;

    // The provider never sees opinions; the district authority answers, the city's oversees.
    expect((await send(t, w.sessions.police, 'GET', `/open/participation/requests/${id}`)).status).toBe(404);
    expect((await send(t, w.sessions.authority, 'GET', `/open/participation/requests/${id}`)).status).toBe(
      200,
    );
    const districtList = await send(
      t,
      w.sessions.district,
      'GET',
      '/open/participation/requests?kind=opinion',
    );
    expect((districtList.body.items as { id: string }[]).map((r) => r.id)).toEqual([id]);
    const answered = await send(t, w.sessions.district, 'POST', `/open/participation/requests/${id}/answer`, {
      decision: 'accept',
      answer: '已列入明年的开放计划。',
    });
    expect(answered.status, answered.raw.body).toBe(200);

    const closed = await send(t, user.session, 'POST', '/open/opinions', {
      resourceId: w.ids.census,
      statement: '请开放人口普查数据。',
    });
    expect(closed.status).toBe(404);
  });
});

describe('late answers', () => {
  it('are listed as overdue once the sweep has run past their due date', async () => {
    const user = await verifiedUser(t);
    const filed = await correction(user.session, w.ids.bus);
    const id = filed.body.id as string;
    const due = filed.body.dueOn as string;
    await sweepOverdue(t.database.db, dateOf(dayNumber(due)! + 1));
    const late = await send(
      t,
      w.sessions.police,
      'GET',
      '/open/participation/requests?overdue=true&pageSize=100',
    );
    expect((late.body.items as { id: string; overdue: boolean }[]).find((r) => r.id === id)?.overdue).toBe(
      true,
    );
    const notLate = await send(
      t,
      w.sessions.police,
      'GET',
      '/open/participation/requests?overdue=false&pageSize=100',
    );
    expect((notLate.body.items as { id: string }[]).map((r) => r.id)).not.toContain(id);
  });
});

describe('under a profile without these deadlines (Sichuan)', () => {
  it('files corrections without a due date, never overdue', async () => {
    const sc = await createParticipationApp({ profileId: 'sc' });
    try {
      const world = await participationWorld(sc);
      const user = await verifiedUser(sc);
      const filed = await send(
        sc,
        user.session,
        'POST',
        `/open/datasets/${world.ids.bus}/catalog-corrections`,
        {
          topic: 'name',
          statement: '数据集名称与实际内容不一致。',
        },
      );
      expect(filed.status, filed.raw.body).toBe(201);
      expect(filed.body).toMatchObject({ dueOn: null, overdue: false, replyRule: null });
    } finally {
      await sc.close();
    }
  });
});
