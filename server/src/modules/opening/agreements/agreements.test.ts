import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  approvedApplication,
  call,
  conditionalWorld,
  createOpenTestApp,
  inDays,
  verifiedApplicant,
  type Answer,
  type ConditionalWorld,
} from '../applications/applications.fixtures.ts';
import { agreementDigest } from './agreement-document.ts';
import { activeAgreement, setPeriod, sign, signBoth } from './agreements.fixtures.ts';
import { SIGNATURE_BLOCK_MARKER } from './signature-block.ts';

// Data usage agreements under cq19 (CQO §24–25): both sides sign the digest they were shown, the
// authority reviews, anyone checks a downloaded package, the user reports use on the schedule.

let t: TestApp;
let w: ConditionalWorld;
let citizen: RegisteredUser;
let stranger: RegisteredUser;

beforeAll(async () => {
  t = await createOpenTestApp();
  w = await conditionalWorld(t);
  [citizen, stranger] = [await verifiedApplicant(t), await verifiedApplicant(t)];
});
afterAll(() => t.close());

const audits = (action: string, targetId: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'actor_name', 'detail'])
    .where('action', '=', action)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
const detail = (id: string, session = citizen.session) => call(t, session, 'GET', `/open/agreements/${id}`);

describe('signing', () => {
  let id: string;
  let digest: string;
  beforeAll(async () => {
    id = (await approvedApplication(t, w, citizen.session)).agreementId;
    digest = (await detail(id)).body.digest as string;
  });

  it('shows the applicant the document, its digest and what waits', async () => {
    const shown = await detail(id);
    expect(shown.status, shown.raw.body).toBe(200);
    expect(shown.body).toMatchObject({
      status: 'awaiting_signatures',
      reviewRequired: true,
      signaturesRequired: true,
      awaitingSignatureOf: ['applicant', 'provider'],
      mySide: 'applicant',
      signatures: [],
      feedback: null,
      items: [
        { field: 'xlbh', name: '线路编号' },
        { field: 'ssqx', name: '所属区县' },
      ],
    });
    expect(agreementDigest(shown.body.document as string)).toBe(digest);
  });

  it('refuses a signature on another digest (a changed agreement) and stores nothing', async () => {
    const changed = await sign(t, citizen.session, id, agreementDigest('<p>另一份协议</p>'));
    expect([changed.status, changed.body.code]).toEqual([409, 'open.agreement.changed']);
    expect(changed.body.detail).toContain('不一致');
    expect((await detail(id)).body.signatures).toEqual([]);
  });

  it('tells a stranger, another department and the authority that they are no side', async () => {
    expect((await sign(t, stranger.session, id, digest)).status).toBe(404);
    expect((await detail(id, stranger.session)).status).toBe(404);
    expect((await sign(t, w.sessions.market, id, digest)).status).toBe(404);
    expect((await detail(id, w.sessions.market)).status).toBe(404);
    const authority = await sign(t, w.sessions.authority, id, digest);
    expect([authority.status, authority.body.code]).toEqual([403, 'open.agreement.not_party']);
  });

  it('takes the applicant’s signature once, and refuses a review before both signed', async () => {
    const signed = await sign(t, citizen.session, id, digest);
    expect(signed.status, signed.raw.body).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'awaiting_signatures',
      awaitingSignatureOf: ['provider'],
      mySide: null,
      signatures: [{ party: 'applicant', signerName: '张三', alg: 'SM2-SM3' }],
    });
    const twice = await sign(t, citizen.session, id, digest);
    expect([twice.status, twice.body.code]).toEqual([409, 'open.agreement.already_signed']);
    const early = await call(t, w.sessions.authority, 'POST', `/open/agreements/${id}/review`, {
      decision: 'approve',
    });
    expect([early.status, early.body.code]).toEqual([409, 'open.agreement.not_reviewable']);
  });

  it('awaits the authority after the provider signs; a department officer cannot review', async () => {
    const provider = await sign(t, w.sessions.head, id, digest);
    expect(provider.status, provider.raw.body).toBe(200);
    expect(provider.body).toMatchObject({ status: 'awaiting_review', awaitingSignatureOf: [] });
    const byOfficer = await call(t, w.sessions.police, 'POST', `/open/agreements/${id}/review`, {
      decision: 'approve',
    });
    expect(byOfficer.status).toBe(403);
    const again = await sign(t, w.sessions.police, id, digest);
    expect([again.status, again.body.code]).toEqual([409, 'open.agreement.not_signable']);
    const events = await audits('open.agreement.sign', id);
    expect(events.map((e) => (e.detail as { party: string }).party)).toEqual(['applicant', 'provider']);
    expect(events[1]!.detail).toMatchObject({ state: 'awaiting_review', digest });
  });

  it('keeps one key per party: the department’s key signs its next agreement too', async () => {
    const next = (await approvedApplication(t, w, stranger.session)).agreementId;
    await signBoth(t, w, stranger.session, next);
    const keys = await t.database.db
      .selectFrom('open_agreement_signatures')
      .select(['agreement_id', 'party', 'key_id'])
      .where('party', '=', 'provider')
      .where('agreement_id', 'in', [id, next])
      .execute();
    expect(new Set(keys.map((k) => k.key_id)).size).toBe(1);
    const stored = await t.database.db
      .selectFrom('party_signing_keys')
      .select(['owner_type', 'private_key_sealed'])
      .where('owner_id', '=', w.provider.departmentId)
      .executeTakeFirstOrThrow();
    expect(stored.owner_type).toBe('department');
    // Sealed, not PEM: a database reader cannot sign.
    expect(Buffer.from(stored.private_key_sealed).toString('latin1')).not.toContain('PRIVATE KEY');
  });

  it('needs a reason to refuse; approval puts the agreement in force', async () => {
    const bare = await call(t, w.sessions.authority, 'POST', `/open/agreements/${id}/review`, {
      decision: 'refuse',
      reason: '  ',
    });
    expect([bare.status, bare.body.code]).toEqual([422, 'open.agreement.invalid']);
    expect(JSON.stringify(bare.body)).toContain('/body/reason');
    const approved = await call(t, w.sessions.authority, 'POST', `/open/agreements/${id}/review`, {
      decision: 'approve',
    });
    expect(approved.status, approved.raw.body).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'active',
      review: { decision: 'approve', reason: null },
      feedback: { overdue: false, lastFeedbackOn: null },
    });
    const twice = await call(t, w.sessions.authority, 'POST', `/open/agreements/${id}/review`, {
      decision: 'approve',
    });
    expect(twice.status).toBe(409);
  });

  it('a refusal with a reason ends the agreement before access opens', async () => {
    const other = await verifiedApplicant(t);
    const refusedId = (await approvedApplication(t, w, other.session)).agreementId;
    await signBoth(t, w, other.session, refusedId);
    const refused = await call(t, w.sessions.authority, 'POST', `/open/agreements/${refusedId}/review`, {
      decision: 'refuse',
      reason: '安全保障措施不足',
    });
    expect(refused.status, refused.raw.body).toBe(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      review: { decision: 'refuse', reason: '安全保障措施不足' },
    });
    expect(await audits('open.agreement.review', refusedId)).toHaveLength(1);
  });
});

describe('two acts at once', () => {
  it('of two provider staff signing together one signs, the other is told it is signed (409)', async () => {
    const user = await verifiedApplicant(t);
    const { agreementId } = await approvedApplication(t, w, user.session);
    const { digest } = (await detail(agreementId, user.session)).body as { digest: string };
    const both = await Promise.all([
      sign(t, w.sessions.police, agreementId, digest),
      sign(t, w.sessions.head, agreementId, digest),
    ]);
    expect(both.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(both.find((a) => a.status === 409)!.body.code).toBe('open.agreement.already_signed');
    const signatures = (await detail(agreementId, user.session)).body.signatures as unknown[];
    expect(signatures).toHaveLength(1);
  });
});

describe('the document and the signed package', () => {
  let id: string;
  let number: string;
  beforeAll(async () => {
    const user = await verifiedApplicant(t);
    ({ agreementId: id, agreementNumber: number } = await activeAgreement(t, w, user.session));
    citizenOf.set(id, user);
  });
  const citizenOf = new Map<string, RegisteredUser>();
  const verify = (payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/open/agreements/verify', payload });
  const signedPackage = async () =>
    (await call(t, citizenOf.get(id)!.session, 'GET', `/open/agreements/${id}/signed`)).body as {
      document: string;
      digest: string;
      number: string;
      signatures: { signature: string; signedPayload: string; party: string }[];
      attestation: object;
    };

  it('downloads the document as an HTML attachment that runs nothing, the signed bytes before the marker', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open/agreements/${id}/document`,
      headers: citizenOf.get(id)!.session.read,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${number}.html"`);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    const cut = response.body.indexOf(`\n${SIGNATURE_BLOCK_MARKER}`);
    expect(cut).toBeGreaterThan(0);
    const { digest } = (await detail(id, citizenOf.get(id)!.session)).body as { digest: string };
    expect(agreementDigest(response.body.slice(0, cut))).toBe(digest);
    expect(response.body.slice(cut)).toContain('使用方');
    expect(response.body.slice(cut)).toContain('提供方');
    // Only the parties and the region's authority get it.
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open/agreements/${id}/document`,
      headers: stranger.session.read,
    });
    expect(other.statusCode).toBe(404);
    expect(await audits('open.agreement.document', id)).toHaveLength(1);
  });

  it('hands out a package that anyone can verify, registered and attested by the platform', async () => {
    const pkg = await signedPackage();
    const checked = await verify(pkg);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      wellFormed: true,
      digestMatches: true,
      registered: true,
      valid: true,
      complete: true,
      attestation: { present: true, valid: true, matches: true },
    });
    expect(checked.json().signatures.map((s: { registered: boolean }) => s.registered)).toEqual([true, true]);
    // The platform's attestation is an ordinary signed envelope: the general check takes it too.
    const envelope = await t.app.inject({
      method: 'POST',
      url: '/api/v1/security/signatures/verify',
      payload: pkg.attestation,
    });
    expect(envelope.statusCode, envelope.body).toBe(200);
  });

  it('finds one character of the document changed, and a changed signature', async () => {
    const pkg = await signedPackage();
    const document = pkg.document.replace('数据清单', '数据清丹');
    expect(document).not.toBe(pkg.document);
    const changed = (await verify({ ...pkg, document })).json();
    expect(changed).toMatchObject({ digestMatches: false, valid: false, registered: true });
    const bytes = Buffer.from(pkg.signatures[0]!.signature, 'base64');
    bytes[10] = bytes[10]! ^ 0x01;
    const forged = (
      await verify({
        ...pkg,
        signatures: [{ ...pkg.signatures[0], signature: bytes.toString('base64') }, pkg.signatures[1]],
      })
    ).json();
    expect(forged).toMatchObject({ valid: false, attestation: { valid: true, matches: false } });
    expect(forged.signatures[0]).toMatchObject({ valid: false, problem: 'bad_signature', registered: false });
  });

  it('says nothing about agreements the package does not hold', async () => {
    const pkg = await signedPackage();
    const unknown = (await verify({ ...pkg, number: 'KF2099999999' })).json();
    expect(unknown).toMatchObject({ registered: false, valid: false });
    expect(Object.keys(unknown).sort()).toEqual(
      ['attestation', 'complete', 'digestMatches', 'registered', 'signatures', 'valid', 'wellFormed'].sort(),
    );
    const junk = await verify({ hello: 'world' });
    expect(junk.statusCode).toBe(200);
    expect(junk.json()).toMatchObject({ wellFormed: false, registered: false, signatures: [] });
    expect(JSON.stringify(junk.json())).not.toContain(id);
  });
});

describe('lists', () => {
  it('shows the user their own, the provider its department’s, the authority its region’s', async () => {
    const mine = await call(t, citizen.session, 'GET', '/open/me/agreements');
    expect(mine.status, mine.raw.body).toBe(200);
    const items = mine.body.items as { applicant: { id: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.applicant.id === citizen.id)).toBe(true);
    const provider = await call(t, w.sessions.police, 'GET', '/open/agreements?status=refused');
    expect((provider.body.items as { status: string }[]).map((i) => i.status)).toEqual(['refused']);
    const region = await call(t, w.sessions.authority, 'GET', `/open/agreements?resourceId=${w.dataset.id}`);
    expect(region.body.total).toBeGreaterThanOrEqual(4);
    // The provider's and the region's lists carry the dataset's published level (分级); the user's carries none.
    const levels = (answer: Answer) =>
      new Set((answer.body.items as { securityLevel: string | null }[]).map((i) => i.securityLevel));
    expect(levels(region)).toEqual(new Set(['general']));
    expect(levels(provider)).toEqual(new Set(['general']));
    expect(levels(mine)).toEqual(new Set([null]));
    expect(items).toContainEqual(expect.objectContaining({ securitySubLevel: null }));
    const market = await call(t, w.sessions.market, 'GET', '/open/agreements');
    expect(market.body.total).toBe(0);
    expect((await call(t, citizen.session, 'GET', '/open/agreements')).status).toBe(403);
  });
});

describe('usage feedback', () => {
  let id: string;
  let user: RegisteredUser;
  beforeAll(async () => {
    user = await verifiedApplicant(t);
    id = (await activeAgreement(t, w, user.session)).agreementId;
  });
  const report = (session = user.session, body: object = { summary: '完成线网分布分析，形成论文初稿' }) =>
    call(t, session, 'POST', `/open/agreements/${id}/feedback`, body);

  it('is not taken before access opens', async () => {
    const other = await verifiedApplicant(t);
    const waiting = (await approvedApplication(t, w, other.session)).agreementId;
    const early = await call(t, other.session, 'POST', `/open/agreements/${waiting}/feedback`, {
      summary: '尚未使用',
    });
    expect([early.status, early.body.code]).toEqual([409, 'open.agreement.feedback_not_open']);
  });

  it('is the agreement user’s alone, and checks its texts and links', async () => {
    expect((await report(stranger.session)).status).toBe(404);
    const blank = await report(user.session, {
      summary: ' ',
      outcomes: [{ kind: 'paper', title: 'x', url: 'javascript:alert(1)' }],
    });
    expect(blank.status).toBe(422);
    expect(JSON.stringify(blank.body)).toContain('/body/summary');
    expect(JSON.stringify(blank.body)).toContain('/body/outcomes/0/url');
  });

  it('flags overdue feedback in the detail and the lists, and a report clears it', async () => {
    await setPeriod(t, id, inDays(-100), inDays(30));
    const overdue = await detail(id, user.session);
    expect(overdue.body).toMatchObject({
      status: 'active',
      feedback: { overdue: true, nextDueOn: inDays(-10) },
    });
    const flagged = await call(t, w.sessions.police, 'GET', '/open/agreements?feedbackOverdue=true');
    expect((flagged.body.items as { id: string }[]).map((i) => i.id)).toContain(id);
    const filed = await report(user.session, {
      summary: '完成线网分布分析，形成论文初稿',
      outcomes: [
        {
          kind: 'paper',
          title: '城市公交线网研究',
          citation: '数据来源：重庆市公共数据开放平台',
          url: 'https://example.edu/p/1',
        },
      ],
    });
    expect(filed.status, filed.raw.body).toBe(201);
    expect(filed.body).toMatchObject({
      feedback: { overdue: false, lastFeedbackOn: inDays(0), nextDueOn: inDays(30) },
      feedbackList: [
        {
          summary: '完成线网分布分析，形成论文初稿',
          outcomes: [{ kind: 'paper', title: '城市公交线网研究' }],
        },
      ],
    });
    const cleared = await call(t, w.sessions.police, 'GET', '/open/agreements?feedbackOverdue=true');
    expect((cleared.body.items as { id: string }[]).map((i) => i.id)).not.toContain(id);
    expect(await audits('open.agreement.feedback', id)).toHaveLength(1);
  });

  it('after the end the final report is owed; once in, nothing more is', async () => {
    await setPeriod(t, id, inDays(-200), inDays(-5));
    // The earlier report moves with the period: it was filed well before the end.
    await t.database.db
      .updateTable('open_usage_feedback')
      .set({ created_at: new Date(`${inDays(-50)}T12:00:00+08:00`) })
      .where('agreement_id', '=', id)
      .execute();
    const ended = await detail(id, user.session);
    expect(ended.body).toMatchObject({ status: 'ended', feedback: { overdue: true, nextDueOn: inDays(-5) } });
    const final = await report(user.session, { summary: '期满，数据已删除' });
    expect(final.status, final.raw.body).toBe(201);
    expect(final.body).toMatchObject({ feedback: { overdue: false, nextDueOn: null, finalReportIn: true } });
  });
});
