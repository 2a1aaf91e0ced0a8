import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  approvedApplication,
  conditionalWorld,
  createOpenTestApp,
  inDays,
  verifiedApplicant,
  type ConditionalWorld,
} from '../applications/applications.fixtures.ts';

// Usage supervision (CQO §39): a breach suspends the user's access pending rectification by a date;
// the user sees why and reports; the provider accepts (access reopens) or terminates (access ends).
// Under cq18 an approval opens access at once, so each test starts from an agreement in use.

let t: TestApp;
let world: ConditionalWorld;
let user: RegisteredUser;
let stranger: RegisteredUser;
let agreementId: string;

beforeAll(async () => {
  t = await createOpenTestApp('cq18');
  world = await conditionalWorld(t);
  user = await verifiedApplicant(t);
  stranger = await verifiedApplicant(t);
  agreementId = (await approvedApplication(t, world, user.session)).agreementId;
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, session: TestSession) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });
const download = () => get(`/open/datasets/${world.dataset.id}/download?format=csv`, user.session);
const breachBody = (overrides: Record<string, unknown> = {}) => ({
  breach: '使用方将数据提供给第三方公司用于商业营销，违反协议第十条',
  demand: '立即停止提供，删除第三方持有的全部数据并提交书面说明',
  rectifyBy: inDays(10),
  ...overrides,
});
const agreementState = async () =>
  await t.database.db
    .selectFrom('open_agreements')
    .select(['state', 'state_reason'])
    .where('id', '=', agreementId)
    .executeTakeFirstOrThrow();

describe('a breach suspends the user', () => {
  it('only the provider or the region’s authority records one, with a date not in the past', async () => {
    expect((await download()).statusCode).toBe(200);
    const market = await post(
      `/open/agreements/${agreementId}/breaches`,
      world.sessions.market.write,
      breachBody(),
    );
    expect(market.statusCode).toBe(404);
    const self = await post(`/open/agreements/${agreementId}/breaches`, user.session.write, breachBody());
    expect(self.statusCode).toBe(403);
    const past = await post(
      `/open/agreements/${agreementId}/breaches`,
      world.sessions.police.write,
      breachBody({ rectifyBy: inDays(-1) }),
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().errors[0].path).toBe('/body/rectifyBy');
  });

  it('suspends access at once; the user sees why, what to rectify and by when, not who found it', async () => {
    const recorded = await post(
      `/open/agreements/${agreementId}/breaches`,
      world.sessions.police.write,
      breachBody(),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ state: 'open', overdue: false, foundBy: expect.any(String) });
    expect(await agreementState()).toMatchObject({ state: 'suspended' });
    const refused = await download();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('open.agreement.suspended');

    const mine = (await get('/open/breaches', user.session)).json();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ foundBy: null, applicant: null, demand: breachBody().demand });
    // The public is not told the grades; the provider's and the region's lists carry the dataset's level.
    expect(mine[0]).toMatchObject({ securityLevel: null, securitySubLevel: null });
    expect(mine[0].breach).toContain('第三方');
    expect((await get('/open/breaches', stranger.session)).json()).toHaveLength(0);
    expect((await get(`/open/breaches/${mine[0].id}`, stranger.session)).statusCode).toBe(404);
    const region = (await get('/open/breaches', world.sessions.authority)).json();
    expect(region.map((b: { id: string }) => b.id)).toContain(mine[0].id);
    const provider = (await get('/open/breaches', world.sessions.police)).json();
    for (const list of [region, provider])
      expect(list).toContainEqual(
        expect.objectContaining({ id: mine[0].id, securityLevel: 'general', securitySubLevel: null }),
      );
  });

  it('accepting needs the user’s report; the report reopens nothing by itself', async () => {
    const [breach] = (await get('/open/breaches', user.session)).json();
    const early = await post(`/open/breaches/${breach.id}/decision`, world.sessions.police.write, {
      decision: 'accept',
      note: '同意',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('open.supervision.no_report');
    expect(
      (await post(`/open/breaches/${breach.id}/rectification`, stranger.session.write, { report: '已整改' }))
        .statusCode,
    ).toBe(404);
    const reported = await post(`/open/breaches/${breach.id}/rectification`, user.session.write, {
      report: '已与第三方解除合作并删除数据，附删除证明',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().state).toBe('reported');
    expect((await download()).statusCode).toBe(403);
    const accepted = await post(`/open/breaches/${breach.id}/decision`, world.sessions.police.write, {
      decision: 'accept',
      note: '整改到位，恢复访问',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await agreementState()).toMatchObject({ state: 'active', state_reason: null });
    expect((await download()).statusCode).toBe(200);
  });

  it('flags a missed rectification date, and terminating ends access for good', async () => {
    const recorded = await post(
      `/open/agreements/${agreementId}/breaches`,
      world.sessions.authority.write,
      breachBody(),
    );
    expect(recorded.statusCode, recorded.body).toBe(201);
    await t.database.db
      .updateTable('open_agreement_breaches')
      .set({ rectify_by: inDays(-2) })
      .where('id', '=', recorded.json().id)
      .execute();
    const overdue = (await get('/open/breaches?overdue=true', world.sessions.police)).json();
    expect(overdue.map((b: { id: string }) => b.id)).toEqual([recorded.json().id]);
    const terminated = await post(
      `/open/breaches/${recorded.json().id}/decision`,
      world.sessions.police.write,
      {
        decision: 'terminate',
        note: '逾期未整改，终止协议',
      },
    );
    expect(terminated.statusCode, terminated.body).toBe(200);
    expect(await agreementState()).toMatchObject({
      state: 'terminated',
      state_reason: '逾期未整改，终止协议',
    });
    expect((await download()).statusCode).toBe(403);
    const again = await post(
      `/open/agreements/${agreementId}/breaches`,
      world.sessions.police.write,
      breachBody(),
    );
    expect(again.statusCode).toBe(409);
    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', agreementId)
      .where('action', 'like', 'open.agreement.%')
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'open.agreement.suspend',
        'open.agreement.rectification.report',
        'open.agreement.reinstate',
        'open.agreement.terminate',
      ]),
    );
  });
});
