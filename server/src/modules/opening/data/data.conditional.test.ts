import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import { activeAgreement, setPeriod } from '../agreements/agreements.fixtures.ts';
import {
  approvedApplication,
  CONDITIONAL_ROWS,
  conditionalWorld,
  createOpenTestApp,
  inDays,
  verifiedApplicant,
  type ConditionalWorld,
} from '../applications/applications.fixtures.ts';
import type { AccessAgreementRow } from './data.repository.ts';
import { agreementForRead } from './open-plan.ts';

// Conditionally open data through the ordinary data routes (CQO §24–25): only under the user's
// agreement in force, within its period, by an agreed method, and only the agreed items; every read
// names the agreement in its audit event.

let t: TestApp;
let w: ConditionalWorld;

beforeAll(async () => {
  t = await createOpenTestApp();
  w = await conditionalWorld(t);
});
afterAll(() => t.close());

const get = (user: RegisteredUser, path: string) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/open/datasets/${w.dataset.id}/${path}`,
    headers: { ...user.session.read, 'accept-language': 'zh-CN' },
  });
const lastAudit = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'purpose', 'detail'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();

describe('without an agreement in force', () => {
  it('points a user without an agreement to applying (409), whichever method', async () => {
    const user = await verifiedApplicant(t);
    for (const path of ['download', 'records']) {
      const refused = await get(user, path);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'open.data.conditional' });
      expect(refused.json().detail).toContain('申请使用');
    }
  });

  it('refuses while the agreement awaits signatures (409), and after its end (403 ended)', async () => {
    const user = await verifiedApplicant(t);
    await approvedApplication(t, w, user.session);
    const pending = await get(user, 'download');
    expect([pending.statusCode, pending.json().code]).toEqual([409, 'open.agreement.pending']);
    expect(pending.json().detail).toContain('待签署');
    const later = await verifiedApplicant(t);
    const { agreementId, agreementNumber } = await activeAgreement(t, w, later.session);
    await setPeriod(t, agreementId, inDays(-30), inDays(-1));
    const ended = await get(later, 'download');
    expect([ended.statusCode, ended.json().code]).toEqual([403, 'open.agreement.ended']);
    expect(ended.json().detail).toContain(agreementNumber);
    expect((await lastAudit('open.data.download')).outcome).toBe('denied');
  });

  it('refuses before the first day (403 not_started) and while suspended (403 suspended)', async () => {
    const user = await verifiedApplicant(t);
    const { agreementId } = await activeAgreement(t, w, user.session, {
      application: { validFrom: inDays(3), validUntil: inDays(60) },
    });
    const early = await get(user, 'download');
    expect([early.statusCode, early.json().code]).toEqual([403, 'open.agreement.not_started']);
    expect(early.json().detail).toContain(inDays(3));
    await setPeriod(t, agreementId, inDays(0), inDays(60));
    expect((await get(user, 'download')).statusCode).toBe(200);
    await t.database.db
      .updateTable('open_agreements')
      .set({ state: 'suspended', state_reason: '向第三方提供数据' })
      .where('id', '=', agreementId)
      .execute();
    const suspended = await get(user, 'download');
    expect([suspended.statusCode, suspended.json().code]).toEqual([403, 'open.agreement.suspended']);
    expect(suspended.json().detail).toContain('向第三方提供数据');
  });
});

describe('under an agreement in force', () => {
  let user: RegisteredUser;
  let agreementId: string;
  beforeAll(async () => {
    user = await verifiedApplicant(t);
    ({ agreementId } = await activeAgreement(t, w, user.session));
  });

  it('downloads only the agreed items, audited with the agreement and its purpose', async () => {
    const response = await get(user, 'download?format=csv');
    expect(response.statusCode, response.body).toBe(200);
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toBe('xlbh,ssqx');
    expect(lines).toHaveLength(CONDITIONAL_ROWS + 1);
    const audit = await lastAudit('open.data.download');
    expect(audit).toMatchObject({ outcome: 'success', purpose: '公交线网优化研究' });
    expect(audit.detail).toMatchObject({ agreementId, count: CONDITIONAL_ROWS, complete: true });
  });

  it('refuses an item outside the agreement, and the API when only download was agreed', async () => {
    const other = await get(user, 'download?fields=xlbh,xlmc');
    expect(other.statusCode).toBe(400);
    expect(JSON.stringify(other.json())).toContain('xlmc');
    const api = await get(user, 'records');
    expect([api.statusCode, api.json().code]).toEqual([403, 'open.agreement.method_not_agreed']);
  });

  it('gives another user nothing under this agreement', async () => {
    const stranger = await verifiedApplicant(t);
    expect((await get(stranger, 'download')).json()).toMatchObject({ code: 'open.data.conditional' });
  });

  it('serves the records API where the agreement names it, with the agreed items only', async () => {
    const apiUser = await verifiedApplicant(t);
    const { agreementId: apiAgreement } = await activeAgreement(t, w, apiUser.session, {
      application: { methods: ['api'], fields: ['xlbh', 'kxrq', 'sfyb'] },
    });
    const page = await get(apiUser, 'records?limit=5');
    expect(page.statusCode, page.body).toBe(200);
    const items = page.json().items as Record<string, unknown>[];
    expect(items).toHaveLength(5);
    expect(Object.keys(items[0]!)).toEqual(['xlbh', 'kxrq', 'sfyb']);
    expect((await lastAudit('open.data.query')).detail).toMatchObject({ agreementId: apiAgreement });
    const download = await get(apiUser, 'download');
    expect([download.statusCode, download.json().code]).toEqual([403, 'open.agreement.method_not_agreed']);
  });
});

describe('agreementForRead', () => {
  const row = (over: Partial<AccessAgreementRow>): AccessAgreementRow => ({
    id: 'a',
    number: 'KF2026000001',
    state: 'active',
    valid_from: '2026-03-01',
    valid_until: '2026-05-31',
    fields: ['xlbh'],
    methods: ['download'],
    purpose: '研究',
    state_reason: null,
    ...over,
  });
  const code = (rows: AccessAgreementRow[], method: 'download' | 'api' = 'download', today = '2026-04-01') => {
    try {
      return agreementForRead(rows, method, today, '数据集').id;
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('picks the agreement in force for the method among ended and waiting ones', () => {
    const rows = [
      row({ id: 'old', valid_from: '2025-01-01', valid_until: '2025-12-31' }),
      row({ id: 'now' }),
      row({ id: 'next', state: 'awaiting_signatures' }),
    ];
    expect(code(rows)).toBe('now');
    expect(code(rows, 'api')).toBe('open.agreement.method_not_agreed');
  });

  it('names the refusal that fits: suspended, not started, pending, ended, terminated', () => {
    expect(code([row({ state: 'suspended' })])).toBe('open.agreement.suspended');
    expect(code([row({})], 'download', '2026-02-01')).toBe('open.agreement.not_started');
    expect(code([row({ state: 'awaiting_review' }), row({ valid_until: '2026-03-31' })])).toBe('open.agreement.pending');
    expect(code([row({ valid_until: '2026-03-31' })])).toBe('open.agreement.ended');
    expect(code([row({ state: 'terminated' })])).toBe('open.agreement.terminated');
    expect(code([])).toBe('open.data.conditional');
  });
});
