import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  createParticipationApp,
  participationWorld,
  problemsOf,
  send,
  unverifiedUser,
  verifiedUser,
  type ParticipationWorld,
} from './participation.fixtures.ts';

// The showcase (应用展示, CQO §25(2), §30): what a submission must hold, the authority's review,
// and what the public sees.

let t: TestApp;
let w: ParticipationWorld;
const LIMIT = 3;

beforeAll(async () => {
  t = await createParticipationApp({ showcasePerUserDay: LIMIT });
  w = await participationWorld(t);
});
afterAll(() => t.close());

const entry = (resourceIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: '重庆公交出行助手',
  description: '基于开放的公交线路数据，为市民提供线路查询和换乘规划的小程序。',
  url: 'HTTPS://bus.example.com/app?from=portal',
  kind: 'app',
  resourceIds,
  citation: '数据来源：重庆市公共数据开放平台《公交线路信息》（市公安局）',
  ...overrides,
});
const submit = (user: RegisteredUser, body: object) => send(t, user.session, 'POST', '/open/showcase', body);
const publicList = async (query = '') =>
  (await send(t, null, 'GET', `/open/showcase${query}`)).body as {
    total: number;
    items: Record<string, unknown>[];
  };
const review = (session: Parameters<typeof send>[1], id: string, body: object) =>
  send(t, session, 'POST', `/open/showcase/${id}/review`, body);
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('open_showcase')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('submitting and approving', () => {
  it('waits for the city authority’s review, then is public and found by dataset', async () => {
    const user = await verifiedUser(t);
    const filed = await submit(user, entry([w.ids.bus, w.ids.air]));
    expect(filed.status, filed.raw.body).toBe(201);
    expect(filed.body).toMatchObject({
      state: 'submitted',
      url: 'https://bus.example.com/app?from=portal',
      kind: 'app',
      datasets: [
        { id: w.ids.bus, name: '公交线路信息' },
        { id: w.ids.air, name: '空气质量监测数据' },
      ],
      submitter: { name: '张*' },
      reviewReason: null,
    });
    const id = filed.body.id as string;
    expect((await publicList()).total).toBe(0);
    const mine = await send(t, user.session, 'GET', '/open/me/showcase');
    expect(mine.body).toMatchObject({ total: 1, items: [{ id, state: 'submitted' }] });
    const waiting = await send(t, w.sessions.authority, 'GET', '/open/showcase/entries');
    expect(waiting.body).toMatchObject({
      total: 1,
      items: [{ id, submitter: { id: user.id, name: '张三' } }],
    });
    // The showcase is the portal's: a district authority neither lists nor reviews the entry.
    expect((await send(t, w.sessions.district, 'GET', '/open/showcase/entries')).body.total).toBe(0);
    expect((await review(w.sessions.district, id, { decision: 'approve' })).status).toBe(404);
    const approved = await review(w.sessions.authority, id, { decision: 'approve' });
    expect(approved.status, approved.raw.body).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', reviewedByName: expect.any(String) });
    const shown = await publicList();
    expect(shown).toMatchObject({
      total: 1,
      items: [{ id, state: 'approved', submitter: { id: null, name: '张*' }, reviewReason: null }],
    });
    expect((await publicList(`?resourceId=${w.ids.air}`)).total).toBe(1);
    expect((await publicList(`?resourceId=${w.ids.companies}`)).total).toBe(0);
    expect((await publicList('?kind=paper')).total).toBe(0);
    // A dataset that leaves the open catalog leaves the public entry; the entry stays.
    await t.database.db
      .updateTable('catalog_entries')
      .set({ open_type: 'none' })
      .where('resource_id', '=', w.ids.air)
      .execute();
    expect((await publicList()).items[0]!.datasets).toEqual([
      { id: w.ids.bus, code: expect.any(String), name: '公交线路信息' },
    ]);
    await t.database.db
      .updateTable('catalog_entries')
      .set({ open_type: 'unconditional' })
      .where('resource_id', '=', w.ids.air)
      .execute();
    const trail = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_name'])
      .where('target_id', '=', id)
      .orderBy('id')
      .execute();
    expect(trail.map((a) => a.action)).toEqual(['open.showcase.submit', 'open.showcase.review']);
  });
});

describe('what a submission must hold', () => {
  it('refuses datasets that are not open, addresses that are not http(s) and blank texts (422, nothing stored)', async () => {
    const user = await verifiedUser(t);
    const before = await count();
    const refused = await submit(
      user,
      entry([w.ids.bus, w.ids.census, '00000000-0000-4000-8000-000000000000'], {
        url: 'javascript:alert(document.cookie)',
        citation: '   ',
      }),
    );
    expect(refused.status).toBe(422);
    expect(problemsOf(refused)).toEqual({
      '/body/resourceIds/1': '不是开放目录中的数据集',
      '/body/resourceIds/2': '不是开放目录中的数据集',
      '/body/url': '网址须以 http:// 或 https:// 开头',
      '/body/citation': '此项不能为空',
    });
    const urls: [string, string][] = [
      [' JavaScript:alert(1)', '网址须以 http:// 或 https:// 开头'],
      ['data:text/html,<script>alert(1)</script>', '网址须以 http:// 或 https:// 开头'],
      ['ftp://files.example.com/app', '网址须以 http:// 或 https:// 开头'],
      ['bus.example.com', '网址格式不正确'],
      ['https://user:secret@bus.example.com/', '网址不能包含用户名或密码'],
    ];
    for (const [url, message] of urls) {
      const answer = await submit(user, entry([w.ids.bus], { url }));
      expect([answer.status, problemsOf(answer)], url).toEqual([422, { '/body/url': message }]);
    }
    // At least one dataset, and a citation at all: the schema's (400).
    expect((await submit(user, entry([]))).status).toBe(400);
    const { citation: _citation, ...uncited } = entry([w.ids.bus]);
    expect((await submit(user, uncited)).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses the anonymous (401), an unverified identity (403) and department staff (403)', async () => {
    expect((await send(t, null, 'POST', '/open/showcase', entry([w.ids.bus]))).status).toBe(401);
    const unverified = await unverifiedUser(t, 'showcase.unverified');
    const refused = await send(t, unverified, 'POST', '/open/showcase', entry([w.ids.bus]));
    expect([refused.status, refused.body.code]).toEqual([403, 'open.identity_required']);
    expect((await send(t, w.sessions.police, 'POST', '/open/showcase', entry([w.ids.bus]))).status).toBe(403);
  });

  it('limits entries per user and day (429 with Retry-After)', async () => {
    const user = await verifiedUser(t);
    for (let n = 1; n <= LIMIT; n++)
      expect((await submit(user, entry([w.ids.bus], { name: `应用 ${n} 号` }))).status).toBe(201);
    const refused = await submit(user, entry([w.ids.bus], { name: '再来一个' }));
    expect([refused.status, refused.body.code]).toEqual([429, 'open.showcase.too_many']);
    expect(Number(refused.raw.headers['retry-after'])).toBeGreaterThan(80_000);
  });
});

describe('the review', () => {
  it('is the authority’s: a department officer (403), a public user (403); a rejection needs its reason', async () => {
    const user = await verifiedUser(t);
    const id = (await submit(user, entry([w.ids.companies], { name: '企业画像报告', kind: 'report' }))).body
      .id as string;
    expect((await review(w.sessions.police, id, { decision: 'approve' })).status).toBe(403);
    expect((await review(user.session, id, { decision: 'approve' })).status).toBe(403);
    const bare = await review(w.sessions.authority, id, { decision: 'reject', reason: ' ' });
    expect([bare.status, problemsOf(bare)]).toEqual([422, { '/body/reason': '不予展示时须说明理由' }]);
    const rejected = await review(w.sessions.authority, id, {
      decision: 'reject',
      reason: '未注明数据来源的具体数据集',
    });
    expect(rejected.body).toMatchObject({ state: 'rejected', reviewReason: '未注明数据来源的具体数据集' });
    const again = await review(w.sessions.authority, id, { decision: 'approve' });
    expect([again.status, again.body.code]).toEqual([409, 'open.showcase.not_pending']);
    const mine = await send(t, user.session, 'GET', '/open/me/showcase?state=rejected');
    expect(mine.body).toMatchObject({
      total: 1,
      items: [{ id, reviewReason: '未注明数据来源的具体数据集' }],
    });
    expect((await publicList()).items.map((item) => item.id)).not.toContain(id);
  });

  it('of two reviews at once, one wins and the other gets 409', async () => {
    const user = await verifiedUser(t);
    const id = (await submit(user, entry([w.ids.air], { name: '空气质量论文', kind: 'paper' }))).body
      .id as string;
    const answers = await Promise.all([
      review(w.sessions.authority, id, { decision: 'approve' }),
      review(w.sessions.authority, id, { decision: 'reject', reason: '重复提交' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});
