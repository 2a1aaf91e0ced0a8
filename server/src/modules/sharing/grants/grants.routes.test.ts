import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../platform/errors/app-error.ts';
import { createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  askFor,
  call,
  flowWorld,
  marketApplication,
  signIn,
  type FlowWorld,
} from '../requests/requests.fixtures.ts';
import { grantToMarket, MARKET_APP } from '../sharing.fixtures.ts';
import { resolveCallGrant } from './grants.service.ts';

let t: TestApp;
let w: FlowWorld;
let current: string;
let expired: string;
let future: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await flowWorld(t);
  const made = await call(
    t,
    w.sessions.market,
    'POST',
    '/share/requests',
    askFor(w.licence.id, { fields: ['qymc'] }),
  );
  current = made.body.grantId as string;
  const day = 86_400_000;
  const now = Date.now();
  expired = (
    await grantToMarket(t, w, {
      resourceId: w.person.id,
      fields: ['sfzh'],
      purpose: '已到期的核验',
      startsAt: new Date(now - 10 * day),
      endsAt: new Date(now - day),
    })
  ).id;
  future = (
    await grantToMarket(t, w, {
      resourceId: w.person.id,
      fields: ['sfzh'],
      purpose: '下月开始的核验',
      startsAt: new Date(now + day),
      endsAt: new Date(now + 10 * day),
    })
  ).id;
});
afterAll(() => t.close());

const ids = (answer: { body: Record<string, unknown> }) =>
  (answer.body.items as { id: string }[]).map((g) => g.id).sort();

describe('the grant views', () => {
  it("list the consumer's, the provider's and the region's grants with where each stands", async () => {
    const { market, police, authority } = w.sessions;
    const mine = await call(t, market, 'GET', '/share/grants');
    expect(mine.status).toBe(200);
    expect(ids(mine)).toEqual([current, expired, future].sort());
    const byId = new Map(
      (mine.body.items as { id: string; status: string; active: boolean }[]).map((g) => [g.id, g]),
    );
    expect(byId.get(current)).toMatchObject({ status: 'active', active: true, application: MARKET_APP });
    expect(byId.get(expired)).toMatchObject({ status: 'expired', active: false });
    expect(byId.get(future)).toMatchObject({ status: 'not_started', active: false });
    // Each grant carries its resource's published level (分级), for the list's column.
    expect(byId.get(current)).toMatchObject({ securityLevel: 'general', securitySubLevel: null });
    expect(byId.get(expired)).toMatchObject({ securityLevel: 'important', securitySubLevel: null });
    expect(ids(await call(t, market, 'GET', '/share/grants?active=true'))).toEqual([current]);
    expect(ids(await call(t, market, 'GET', '/share/grants?active=false'))).toEqual([expired, future].sort());
    expect(ids(await call(t, market, 'GET', '/share/grants?status=expired'))).toEqual([expired]);
    expect(ids(await call(t, market, 'GET', `/share/grants?resourceId=${w.licence.id}`))).toEqual([current]);
    expect((await call(t, market, 'GET', '/share/grants?side=provider')).body.total).toBe(0);
    expect((await call(t, police, 'GET', '/share/grants?side=provider')).body.total).toBe(3);
    expect((await call(t, police, 'GET', '/share/grants')).body.total).toBe(0);
    // The authority sees every grant of its region tree; so does the auditor.
    expect((await call(t, authority, 'GET', '/share/grants')).body.total).toBe(3);
    expect((await call(t, await signIn(t, 'auditor'), 'GET', '/share/grants?side=region')).body.total).toBe(
      3,
    );
    const refused = await call(t, market, 'GET', '/share/grants?side=region');
    expect([refused.status, refused.body.code]).toEqual([403, 'share.side_not_allowed']);
  });

  it('show one grant to its parties and its region only', async () => {
    const { market, police, authority } = w.sessions;
    for (const session of [market, police, authority]) {
      const one = await call(t, session, 'GET', `/share/grants/${current}`);
      expect(one.body).toMatchObject({ id: current, fields: ['qymc'], consumer: { id: w.market.id } });
    }
    const district = await t.database.db
      .selectFrom('departments')
      .select(['id', 'region_id'])
      .where('name', '=', '渝中区公安分局')
      .executeTakeFirstOrThrow();
    await createUser(t.database.db, {
      role: 'department_officer',
      username: 'district.officer',
      departmentId: district.id,
      regionId: district.region_id,
    });
    const stranger = await call(t, await signIn(t, 'district.officer'), 'GET', `/share/grants/${current}`);
    expect([stranger.status, stranger.body.code]).toEqual([403, 'share.grant.not_yours']);
    expect((await call(t, market, 'GET', `/share/grants/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('revoke with a reason (the provider or the authority); calls under the grant stop at once', async () => {
    const { market, police, authority } = w.sessions;
    const application = marketApplication(w);
    const purpose = '企业登记核验';
    expect((await resolveCallGrant(t.database.db, application, w.licence.code, purpose)).grant.id).toBe(
      current,
    );
    const revoke = (session = police, reason = '核验任务结束', id = current) =>
      call(t, session, 'POST', `/share/grants/${id}/revoke`, { reason });
    const byConsumer = await revoke(market);
    expect([byConsumer.status, byConsumer.body.code]).toEqual([403, 'share.revoke_not_allowed']);
    expect((await revoke(await signIn(t, 'auditor'))).status).toBe(403);
    const blank = await revoke(police, '   ');
    expect([blank.status, blank.body.code]).toEqual([400, 'share.grant_invalid']);
    const revoked = await revoke(police);
    expect(revoked.body).toMatchObject({ status: 'revoked', active: false, revokeReason: '核验任务结束' });
    const refusal = (await resolveCallGrant(t.database.db, application, w.licence.code, purpose).catch(
      (e: unknown) => e,
    )) as AppError;
    expect([refusal.status, refusal.code]).toEqual([403, 'share.no_grant']);
    const twice = await revoke(police);
    expect([twice.status, twice.body.code]).toEqual([409, 'share.grant_already_revoked']);
    const byAuthority = await revoke(authority, '主管部门核查：用途不符', future);
    expect(byAuthority.body).toMatchObject({ status: 'revoked' });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', 'in', [current, future])
      .where('action', '=', 'share.grant.revoke')
      .execute();
    expect(audit.length).toBe(2);
  });
});
