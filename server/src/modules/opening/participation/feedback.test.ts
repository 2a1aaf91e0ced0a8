import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// Ratings and comments on open datasets: who may write, what is refused (out of range, spam, the
// limit), that text comes back exactly as typed, and hiding by the provider and the authority.

let t: TestApp;
let w: ParticipationWorld;
const LIMIT = 3;

beforeAll(async () => {
  t = await createParticipationApp({ commentsPerUserHour: LIMIT });
  w = await participationWorld(t);
});
afterAll(() => t.close());

const feedback = (id: string, query = '') => send(t, null, 'GET', `/open/datasets/${id}/feedback${query}`);
const audits = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['actor_name', 'outcome', 'department_id', 'target_id', 'detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('ratings', () => {
  it('keeps one changeable rating per user and summarises them', async () => {
    const [one, two] = [await verifiedUser(t), await verifiedUser(t)];
    const first = await send(t, one.session, 'PUT', `/open/datasets/${w.ids.bus}/rating`, { stars: 4 });
    expect(first.status, first.raw.body).toBe(200);
    expect(first.body).toMatchObject({ rating: { average: 4, count: 1 }, myRating: 4 });
    const changed = await send(t, one.session, 'PUT', `/open/datasets/${w.ids.bus}/rating`, { stars: 2 });
    expect(changed.body).toMatchObject({ rating: { average: 2, count: 1 }, myRating: 2 });
    await send(t, two.session, 'PUT', `/open/datasets/${w.ids.bus}/rating`, { stars: 5 });
    const read = await feedback(w.ids.bus);
    expect(read.body).toMatchObject({
      resource: { id: w.ids.bus, name: '公交线路信息' },
      rating: {
        average: 3.5,
        count: 2,
        distribution: [
          { stars: 1, count: 0 },
          { stars: 2, count: 1 },
          { stars: 3, count: 0 },
          { stars: 4, count: 0 },
          { stars: 5, count: 1 },
        ],
      },
      myRating: null,
    });
    const own = await send(t, two.session, 'GET', `/open/datasets/${w.ids.bus}/feedback`);
    expect(own.body.myRating).toBe(5);
    const trail = (await audits('open.rating.set')).filter((a) => a.actor_name === one.username);
    expect(trail.map((a) => a.detail)).toEqual([
      { stars: 4, previous: null },
      { stars: 2, previous: 4 },
    ]);
    expect(trail[0]!.department_id).toBe(w.world.police.id);
  });

  it('refuses 0, 6 and fractions (400), and datasets that are not open (404)', async () => {
    const user = await verifiedUser(t);
    for (const stars of [0, 6, 3.5, -1])
      expect(
        (await send(t, user.session, 'PUT', `/open/datasets/${w.ids.bus}/rating`, { stars })).status,
      ).toBe(400);
    for (const id of [w.ids.census, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const refused = await send(t, user.session, 'PUT', `/open/datasets/${id}/rating`, { stars: 3 });
      expect(refused.status).toBe(404);
    }
    expect((await feedback(w.ids.census)).status).toBe(404);
    expect((await feedback(w.ids.bus)).body).toMatchObject({ rating: { count: 2 } });
  });

  it('refuses the anonymous (401), an unverified identity (403) and department staff (403)', async () => {
    expect((await send(t, null, 'PUT', `/open/datasets/${w.ids.air}/rating`, { stars: 3 })).status).toBe(401);
    const unverified = await unverifiedUser(t, 'rating.unverified');
    const refused = await send(t, unverified, 'PUT', `/open/datasets/${w.ids.air}/rating`, { stars: 3 });
    expect([refused.status, refused.body.code]).toEqual([403, 'open.identity_required']);
    for (const staff of [w.sessions.police, w.sessions.authority])
      expect((await send(t, staff, 'PUT', `/open/datasets/${w.ids.air}/rating`, { stars: 3 })).status).toBe(
        403,
      );
    expect((await feedback(w.ids.air)).body).toMatchObject({ rating: { count: 0, average: null } });
  });
});

describe('comments', () => {
  it('returns the text exactly as typed, HTML included, with the author’s masked name', async () => {
    const user = await verifiedUser(t);
    const html = '<script>alert("x")</script><b>数据很好</b> &amp; 谢谢\n  第二行  ';
    const posted = await send(t, user.session, 'POST', `/open/datasets/${w.ids.companies}/comments`, {
      text: html,
    });
    expect(posted.status, posted.raw.body).toBe(201);
    expect(posted.body).toMatchObject({ text: html, author: { name: '张*' }, mine: true });
    expect(posted.raw.headers['content-type']).toContain('application/json');
    await send(t, user.session, 'POST', `/open/datasets/${w.ids.companies}/comments`, {
      text: '第二条：更新很及时',
    });
    const read = await feedback(w.ids.companies);
    expect(read.raw.headers['content-type']).toContain('application/json');
    // Neither escaped nor stripped: the JSON carries the characters themselves.
    expect(read.raw.body).toContain('<script>alert(\\"x\\")</script><b>数据很好</b> &amp; 谢谢');
    expect(read.body.comments).toMatchObject({
      total: 2,
      items: [
        { text: '第二条：更新很及时', author: { name: '张*' }, mine: false },
        { text: html, mine: false },
      ],
    });
    expect(JSON.stringify(read.body)).not.toContain(user.username);
    const mine = await send(t, user.session, 'GET', `/open/datasets/${w.ids.companies}/feedback?pageSize=1`);
    expect(mine.body.comments).toMatchObject({ total: 2, pageSize: 1, items: [{ mine: true }] });
    const stored = await t.database.db
      .selectFrom('open_comments')
      .select(['body', 'department_id'])
      .where('id', '=', posted.body.id as string)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: html, department_id: w.world.market.id });
  });

  it('refuses spam: mostly links, many links, repeats, control characters, blanks, the same text again', async () => {
    const user = await verifiedUser(t);
    const post = (text: string) =>
      send(t, user.session, 'POST', `/open/datasets/${w.ids.air}/comments`, { text });
    const cases: [string, string][] = [
      [
        '看这里 https://spam.example.com/win?x=1 http://spam.example.com/more',
        '内容主要是链接（或超过 3 个链接），不予发布',
      ],
      ['a.com b.cn c.net d.org 都不错', '内容主要是链接（或超过 3 个链接），不予发布'],
      ['顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶顶', '内容大量重复，不予发布'],
      ['buy now buy now buy now buy now buy now buy now', '内容大量重复，不予发布'],
      ['正常\u0000内容', '不能包含控制字符或不可见的文字方向控制符'],
      ['   \n  ', '此项不能为空'],
    ];
    for (const [text, message] of cases) {
      const refused = await post(text);
      expect(refused.status, text).toBe(422);
      expect(problemsOf(refused)).toEqual({ '/body/text': message });
    }
    expect((await post('x'.repeat(1001))).status).toBe(400);
    const fine = await post(
      '监测站点覆盖较全，数据更新及时，建议增加逐小时的数据和历史数据下载，数据来源见 https://data.example.gov.cn/air',
    );
    expect(fine.status, fine.raw.body).toBe(201);
    const again = await post(
      '监测站点覆盖较全，数据更新及时，建议增加逐小时的数据和历史数据下载，数据来源见 https://data.example.gov.cn/air ',
    );
    expect([again.status, problemsOf(again)]).toEqual([422, { '/body/text': '您最近已发表过相同的评论' }]);
    expect((await feedback(w.ids.air)).body.comments).toMatchObject({ total: 1 });
  });

  it('limits comments per user and hour (429 with Retry-After, audited), others unaffected', async () => {
    const [busy, other] = [await verifiedUser(t), await verifiedUser(t)];
    for (let n = 1; n <= LIMIT; n++) {
      const posted = await send(t, busy.session, 'POST', `/open/datasets/${w.ids.bus}/comments`, {
        text: `第 ${n} 条意见：线路数据有用`,
      });
      expect(posted.status).toBe(201);
    }
    // Deleting a comment does not give its place back.
    const own = await feedback(w.ids.bus);
    const first = (own.body.comments as { items: { id: string }[] }).items[0]!.id;
    expect((await send(t, busy.session, 'DELETE', `/open/comments/${first}`)).status).toBe(204);
    const refused = await send(t, busy.session, 'POST', `/open/datasets/${w.ids.bus}/comments`, {
      text: '第四条意见',
    });
    expect([refused.status, refused.body.code]).toEqual([429, 'open.comment.too_many']);
    expect(Number(refused.raw.headers['retry-after'])).toBeGreaterThan(3000);
    expect(refused.body.detail).toMatch(/^1 小时内最多发表 3 条评论/);
    const denied = (await audits('open.comment.post')).filter((a) => a.outcome === 'denied');
    expect(denied).toMatchObject([{ actor_name: busy.username, detail: { reason: 'rate_limited', max: 3 } }]);
    const fine = await send(t, other.session, 'POST', `/open/datasets/${w.ids.bus}/comments`, {
      text: '另一位用户的意见',
    });
    expect(fine.status).toBe(201);
  });

  it('refuses the anonymous (401), an unverified identity (403) and department staff (403)', async () => {
    const url = `/open/datasets/${w.ids.bus}/comments`;
    expect((await send(t, null, 'POST', url, { text: '匿名' })).status).toBe(401);
    const unverified = await unverifiedUser(t, 'comment.unverified');
    const refused = await send(t, unverified, 'POST', url, { text: '未认证' });
    expect([refused.status, refused.body.code]).toEqual([403, 'open.identity_required']);
    expect((await send(t, w.sessions.police, 'POST', url, { text: '部门' })).status).toBe(403);
    const user = await verifiedUser(t);
    expect(
      (await send(t, user.session, 'POST', `/open/datasets/${w.ids.census}/comments`, { text: '不开放' }))
        .status,
    ).toBe(404);
  });

  it('lets only the author delete a comment', async () => {
    const [author, stranger] = [await verifiedUser(t), await verifiedUser(t)];
    const posted = await send(t, author.session, 'POST', `/open/datasets/${w.districtDataset}/comments`, {
      text: '停车场数据缺少收费标准',
    });
    const id = posted.body.id as string;
    expect((await send(t, stranger.session, 'DELETE', `/open/comments/${id}`)).status).toBe(404);
    expect((await send(t, w.sessions.police, 'DELETE', `/open/comments/${id}`)).status).toBe(403);
    expect((await send(t, author.session, 'DELETE', `/open/comments/${id}`)).status).toBe(204);
    expect((await send(t, author.session, 'DELETE', `/open/comments/${id}`)).status).toBe(404);
    expect((await feedback(w.districtDataset)).body.comments).toMatchObject({ total: 0 });
    expect((await audits('open.comment.delete')).filter((a) => a.target_id === id)).toMatchObject([
      { actor_name: author.username },
    ]);
  });
});

describe('hiding comments', () => {
  async function comment(resourceId: string, text: string) {
    const user = await verifiedUser(t);
    const posted = await send(t, user.session, 'POST', `/open/datasets/${resourceId}/comments`, { text });
    expect(posted.status, posted.raw.body).toBe(201);
    return posted.body.id as string;
  }
  const hide = (session: Parameters<typeof send>[1], id: string, reason = '含有辱骂内容') =>
    send(t, session, 'POST', `/open/comments/${id}/hide`, { reason });

  it('the provider hides a comment on its data with a reason: it leaves the public list, audited', async () => {
    const id = await comment(w.ids.bus, '这个数据一无是处，垃圾');
    const before = (await feedback(w.ids.bus)).body.comments as { total: number };
    expect((await hide(w.sessions.market, id)).status).toBe(404);
    expect((await hide(w.sessions.district, id)).status).toBe(404);
    const hidden = await hide(w.sessions.police, id);
    expect(hidden.status, hidden.raw.body).toBe(200);
    expect(hidden.body).toMatchObject({
      id,
      hidden: { reason: '含有辱骂内容' },
      resource: { id: w.ids.bus },
    });
    const after = (await feedback(w.ids.bus)).body.comments as { total: number; items: { id: string }[] };
    expect(after.total).toBe(before.total - 1);
    expect(after.items.map((c) => c.id)).not.toContain(id);
    expect([(await hide(w.sessions.head, id)).status, (await hide(w.sessions.head, id)).body.code]).toEqual([
      409,
      'open.comment.already_hidden',
    ]);
    expect(await audits('open.comment.hide')).toMatchObject([
      {
        target_id: id,
        department_id: w.world.police.id,
        detail: { reason: '含有辱骂内容', by: 'provider', resourceId: w.ids.bus },
      },
    ]);
  });

  it('the authority hides in its region; public users and auditors may not (403)', async () => {
    const city = await comment(w.ids.air, '广告：低价代办各类证件');
    const district = await comment(w.districtDataset, '广告：代开发票');
    const user = await verifiedUser(t);
    expect((await hide(user.session, city)).status).toBe(403);
    expect([
      (await hide(w.sessions.auditor, city)).status,
      (await hide(w.sessions.auditor, city)).body.code,
    ]).toEqual([403, 'open.participation.staff_only']);
    expect((await hide(w.sessions.district, city)).status).toBe(404);
    expect((await hide(w.sessions.authority, city)).status).toBe(200);
    expect((await hide(w.sessions.district, district)).status).toBe(200);
    const blank = await hide(
      w.sessions.authority,
      await comment(w.ids.air, '正常的意见，但原因是空的'),
      '   ',
    );
    expect(blank.status).toBe(422);
  });

  it('lists the comments a handler may moderate, hidden ones with their reason', async () => {
    const police = await send(t, w.sessions.police, 'GET', '/open/participation/comments?hidden=true');
    expect(police.status).toBe(200);
    const items = police.body.items as { resource: { id: string }; hidden: { reason: string } | null }[];
    expect(items.length).toBe(1);
    expect(items.every((c) => c.resource.id === w.ids.bus && c.hidden?.reason === '含有辱骂内容')).toBe(true);
    const city = await send(t, w.sessions.authority, 'GET', '/open/participation/comments?hidden=true');
    expect((city.body.items as unknown[]).length).toBe(3);
    const district = await send(t, w.sessions.district, 'GET', '/open/participation/comments');
    expect(
      (district.body.items as { resource: { id: string } }[]).every(
        (c) => c.resource.id === w.districtDataset,
      ),
    ).toBe(true);
    const user = await verifiedUser(t);
    expect((await send(t, user.session, 'GET', '/open/participation/comments')).status).toBe(403);
  });
});
