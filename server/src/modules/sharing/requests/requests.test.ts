import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { resolveCallGrant } from '../grants/grants.service.ts';
import {
  askFor,
  call,
  flowWorld,
  inDays,
  marketApplication,
  problemPaths,
  signIn,
  type FlowWorld,
} from './requests.fixtures.ts';

// Profile cq19: conditional requests have no reply deadline and no authority step.
let t: TestApp;
let w: FlowWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await flowWorld(t);
});
afterAll(() => t.close());

const auditOf = (targetId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['action', 'actor_id'])
    .where('target_id', '=', targetId)
    .orderBy('occurred_at')
    .execute();

describe('an unconditionally shared resource', () => {
  it('is granted at once for the items, rows and period asked, audited, and the grant serves calls', async () => {
    const { market } = w.sessions;
    const created = await call(t, market, 'POST', '/share/requests', {
      ...askFor(w.licence.id, { fields: ['tyshxydm', 'qymc'], purpose: '登记核验（无条件）' }),
      legalBasis: undefined,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'unconditional',
      state: 'granted',
      caseId: null,
      case: null,
      dueOn: null,
      applicant: { id: w.market.id },
      provider: { id: w.police.id },
      grant: { basis: 'unconditional', fields: ['tyshxydm', 'qymc'], status: 'active', active: true },
      history: [{ action: 'grant', toState: 'granted' }],
    });
    const grant = created.body.grant as { id: string; endsAt: string };
    // The grant ends when the last day asked for ends in China.
    expect(new Date(grant.endsAt).getTime()).toBe(new Date(`${inDays(31)}T00:00:00+08:00`).getTime());
    const found = await resolveCallGrant(
      t.database.db,
      marketApplication(w),
      w.licence.code,
      '登记核验（无条件）',
    );
    expect(found.grant.id).toBe(grant.id);
    expect((await auditOf(created.body.id as string)).map((a) => a.action)).toEqual([
      'share.request.create',
      'share.request.read',
    ]);
    expect((await auditOf(grant.id)).map((a) => a.action)).toContain('share.grant.create');
  });

  it('refuses the own resource, a resource that is not shared, wrong roles and bad input', async () => {
    const { market, police } = w.sessions;
    const own = await call(t, police, 'POST', '/share/requests', askFor(w.licence.id, { fields: ['qymc'] }));
    expect([own.status, own.body.code]).toEqual([409, 'share.request.own_resource']);
    const closed = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.closed.id, { fields: ['ajbh'] }),
    );
    expect([closed.status, closed.body.code]).toEqual([409, 'share.not_requestable']);
    expect(String(closed.body.detail)).toContain('异议');
    const auditor = await signIn(t, 'auditor');
    expect((await call(t, auditor, 'POST', '/share/requests', askFor(w.licence.id))).status).toBe(403);
    const missing = await call(t, market, 'POST', '/share/requests', askFor(crypto.randomUUID()));
    expect(missing.status).toBe(404);
    const bad = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, {
        legalBasis: ' ',
        fields: ['sfzh', 'nope', 'sfzh'],
        rowScope: [{ field: 'sg', op: 'prefix', value: '17' }],
        validFrom: inDays(-1),
        validUntil: inDays(t.app.platform.profile.sharing.requests.maxValidityDays + 1),
      }),
    );
    expect([bad.status, bad.body.code]).toEqual([400, 'share.request.invalid']);
    expect(problemPaths(bad)).toEqual([
      '/body/legalBasis',
      '/body/fields/1',
      '/body/fields/2',
      '/body/rowScope/0/op',
      '/body/validFrom',
      '/body/validUntil',
    ]);
  });
});

describe('a conditional request', () => {
  it('opens a case for the provider, who may approve in part only by narrowing, with the reason', async () => {
    const { market, police, authority } = w.sessions;
    const asked = askFor(w.person.id, {
      fields: ['sfzh', 'xm', 'csrq'],
      rowScope: [{ field: 'sfhz', op: 'eq', value: true }],
      purpose: '户主信息核验',
    });
    const created = await call(t, market, 'POST', '/share/requests', asked);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'conditional',
      state: 'submitted',
      grant: null,
      // cq19 sets no reply deadline (CQ19 §26: through the share catalog).
      case: { state: 'submitted', dueOn: null, overdue: false, closedAt: null },
      history: [{ action: 'open', toState: 'submitted' }],
    });
    const id = created.body.id as string;
    const twin = await call(t, market, 'POST', '/share/requests', asked);
    expect([twin.status, twin.body.code]).toEqual([409, 'share.request.duplicate']);

    const decide = (session = police, body: object) =>
      call(t, session, 'POST', `/share/requests/${id}/decision`, body);
    // Wrong role (no share.answer) and the wrong department.
    expect((await decide(authority, { decision: 'approve' })).status).toBe(403);
    const applicant = await decide(market, { decision: 'approve' });
    expect([applicant.status, applicant.body.code]).toEqual([403, 'share.request.provider_only']);
    // A refusal without a reason is not accepted (CQ18 §19, CQ19 §25).
    for (const reason of [undefined, '  ']) {
      const refusal = await decide(police, { decision: 'refuse', reason });
      expect([refusal.status, problemPaths(refusal)]).toEqual([400, ['/body/reason']]);
    }
    const wider = await decide(police, {
      decision: 'approve_in_part',
      fields: ['sfzh', 'sg'],
      rowScope: [],
      validUntil: inDays(60),
    });
    expect([wider.status, problemPaths(wider)]).toEqual([
      400,
      ['/body/reason', '/body/fields/1', '/body/rowScope', '/body/validUntil'],
    ]);
    const same = await decide(police, { decision: 'approve_in_part', reason: '同上' });
    expect([same.status, problemPaths(same)]).toEqual([400, ['/body']]);
    const changedApproval = await decide(police, { decision: 'approve', fields: ['sfzh'] });
    expect([changedApproval.status, problemPaths(changedApproval)]).toEqual([400, ['/body/fields']]);
    const badMasking = await decide(police, { decision: 'approve', masking: { csrq: { kind: 'name' } } });
    expect([badMasking.status, problemPaths(badMasking)]).toEqual([400, ['/body/masking/csrq']]);

    const partial = await decide(police, {
      decision: 'approve_in_part',
      fields: ['sfzh', 'xm'],
      rowScope: [...asked.rowScope, { field: 'csrq', op: 'gte', value: '1980-01-01' }],
      validUntil: inDays(20),
      masking: { xm: { kind: 'name' } },
      reason: '出生日期与核验无关，不予提供',
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({
      state: 'granted',
      decision: 'approve_in_part',
      decidedFields: ['sfzh', 'xm'],
      decidedUntil: inDays(20),
      decisionReason: '出生日期与核验无关，不予提供',
      case: { state: 'approved' },
      grant: {
        basis: 'conditional',
        fields: ['sfzh', 'xm'],
        rowFilter: [
          // The app's validator coerces (coerceTypes) a condition's value to the union's first type, text.
          { field: 'sfhz', op: 'eq', value: 'true' },
          { field: 'csrq', op: 'gte', value: '1980-01-01' },
        ],
        masking: { xm: { kind: 'name' } },
        status: 'active',
      },
    });
    expect((partial.body.history as { action: string }[]).map((s) => s.action)).toEqual(['open', 'approve']);
    expect((partial.body.case as { closedAt: string | null }).closedAt).not.toBeNull();
    const again = await decide(police, { decision: 'refuse', reason: '再议' });
    expect([again.status, again.body.code]).toEqual([409, 'share.request.not_pending']);
    expect((await auditOf(id)).map((a) => a.action)).toContain('share.request.decide');
  });

  it('is refused with its reason, or withdrawn by the applicant while it waits', async () => {
    const { market, police } = w.sessions;
    const refused = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, { purpose: '双随机抽查' }),
    );
    const answer = await call(t, police, 'POST', `/share/requests/${refused.body.id as string}/decision`, {
      decision: 'refuse',
      reason: '抽查对象为企业，不需要个人户籍信息',
    });
    expect(answer.body).toMatchObject({
      state: 'refused',
      decision: 'refuse',
      decisionReason: '抽查对象为企业，不需要个人户籍信息',
      grantId: null,
      case: { state: 'refused' },
    });

    const pending = await call(
      t,
      market,
      'POST',
      '/share/requests',
      askFor(w.person.id, { purpose: '联合惩戒' }),
    );
    const id = pending.body.id as string;
    const byProvider = await call(t, police, 'POST', `/share/requests/${id}/withdraw`);
    expect([byProvider.status, byProvider.body.code]).toEqual([403, 'share.request.applicant_only']);
    const withdrawn = await call(t, market, 'POST', `/share/requests/${id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', case: { state: 'withdrawn' } });
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    const twice = await call(t, market, 'POST', `/share/requests/${id}/withdraw`);
    expect([twice.status, twice.body.code]).toEqual([409, 'share.request.not_withdrawable']);
    const late = await call(t, police, 'POST', `/share/requests/${id}/decision`, { decision: 'approve' });
    expect([late.status, late.body.code]).toEqual([409, 'share.request.not_pending']);
  });
});

describe('the request lists', () => {
  it("show the applicant's, the provider's and the region's requests, with filters", async () => {
    const { market, police, authority } = w.sessions;
    const list = (session = market, query = '') => call(t, session, 'GET', `/share/requests${query}`);
    const mine = await list(market);
    expect(mine.status).toBe(200);
    const total = mine.body.total as number;
    expect(total).toBeGreaterThanOrEqual(4);
    expect((await list(market, '?side=provider')).body.total).toBe(0);
    expect((await list(police, '?side=provider')).body.total).toBe(total);
    expect((await list(authority)).body.total).toBe(total);
    const refused = await list(police, '?side=provider&state=refused');
    expect((refused.body.items as { state: string }[]).map((r) => r.state)).toEqual(['refused']);
    const byKind = await list(market, `?kind=unconditional&resourceId=${w.licence.id}`);
    expect(byKind.body.total).toBe(1);
    // Each request carries its resource's published level (分级): the licence general, the person register important.
    expect(byKind.body.items).toMatchObject([{ securityLevel: 'general', securitySubLevel: null }]);
    const person = await list(police, `?side=provider&resourceId=${w.person.id}`);
    expect((person.body.items as { securityLevel: string }[]).map((r) => r.securityLevel)).toEqual(
      Array.from({ length: person.body.total as number }, () => 'important'),
    );
    expect(person.body.total).toBeGreaterThan(0);
    const notMine = await list(market, '?side=authority');
    expect([notMine.status, notMine.body.code]).toEqual([403, 'share.side_not_allowed']);
    const auditor = await signIn(t, 'auditor');
    expect((await list(auditor)).body.total).toBe(total);
  });
});
