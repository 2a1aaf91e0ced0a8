import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { registerPublicUser, type RegisteredUser } from '../accounts/accounts.fixtures.ts';
import { conditionalWorld, submitApplication } from '../applications/applications.fixtures.ts';
import { portalWorld } from '../portal/portal.fixtures.ts';

// Objections (异议, CQO §41): a public user objects with evidence; the provider suspends the dataset
// at once (downloads and API calls stop, the dataset page says so) and decides the outcome, which the
// objector sees; the authority sees the region's objections and may suspend on its own finding.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let citizen: RegisteredUser;
let other: RegisteredUser;
let market: TestSession;
let authority: TestSession;
let auditor: TestSession;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000, objectionsPerUserDay: 3 } });
  world = await portalWorld(t);
  citizen = await registerPublicUser(t.app);
  other = await registerPublicUser(t.app);
  market = await login(t.app, 'market.officer', 'Test-password-1');
  authority = await login(t.app, 'authority', 'Test-password-1');
  auditor = await login(t.app, 'auditor', 'Test-password-1');
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload?: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
const statement = '数据集中公开了线路司机的姓名和手机号，属于个人隐私，应当脱敏。';

async function objection(by: RegisteredUser = citizen): Promise<string> {
  const filed = await post('/open/objections', by.session.write, {
    resourceId: world.lines.id,
    ground: 'privacy',
    statement,
  });
  expect(filed.statusCode, filed.body).toBe(201);
  return filed.json().id;
}

const download = (session: TestSession = citizen.session) =>
  get(`/open/datasets/${world.lines.id}/download?format=csv`, session.read);
const events = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'actor_name', 'detail', 'department_id'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('filing an objection', () => {
  it('needs an identity-authenticated public user and an open dataset, and a real statement', async () => {
    expect((await post('/open/objections', {}, { resourceId: world.lines.id })).statusCode).toBe(401);
    const officer = await post('/open/objections', world.police.write, {
      resourceId: world.lines.id,
      ground: 'privacy',
      statement,
    });
    expect(officer.statusCode).toBe(403);
    const unknown = await post('/open/objections', citizen.session.write, {
      resourceId: world.ids.census,
      ground: 'privacy',
      statement,
    });
    expect(unknown.statusCode).toBe(404);
    const short = await post('/open/objections', citizen.session.write, {
      resourceId: world.lines.id,
      ground: 'privacy',
      statement: '侵权',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].path).toBe('/statement');
    expect(short.json().errors[0].message).toContain('10');
  });

  it('opens a case for the provider, takes evidence checked by its bytes, and audits without the statement', async () => {
    const id = await objection();
    const detail = (await get(`/open/objections/${id}`, citizen.session.read)).json();
    expect(detail).toMatchObject({ state: 'received', suspended: false, objector: null, evidenceCount: 0 });
    const caseRow = await t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', detail.caseId)
      .executeTakeFirstOrThrow();
    expect(caseRow).toMatchObject({
      type: 'opening.objection',
      department_id: world.world.police.id,
      due_on: null,
    });

    const pdf = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open/objections/${id}/evidence?name=${encodeURIComponent('截图/说明.pdf')}`,
      headers: { ...citizen.session.write, 'content-type': 'application/pdf' },
      payload: PDF,
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ name: '说明.pdf', mediaType: 'application/pdf', size: PDF.length });
    const liar = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open/objections/${id}/evidence?name=a.png`,
      headers: { ...citizen.session.write, 'content-type': 'image/png' },
      payload: PDF,
    });
    expect(liar.statusCode).toBe(422);
    expect(liar.json().code).toBe('open.objection.evidence_type');
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/open/objections/${id}/evidence?name=b.png`,
      headers: { ...other.session.write, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(foreign.statusCode).toBe(404);

    const stored = await t.database.db
      .selectFrom('open_objection_evidence')
      .select('content_sealed')
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.content_sealed).includes(Buffer.from('%PDF'))).toBe(false);
    const filed = await events('open.objection.file');
    expect(JSON.stringify(filed.at(-1)!.detail)).not.toContain('手机号');
    expect(filed.at(-1)!.department_id).toBe(world.world.police.id);
  });

  it('limits objections per user and day', async () => {
    const limited = await registerPublicUser(t.app);
    for (let i = 0; i < 3; i += 1) await objection(limited);
    const refused = await post('/open/objections', limited.session.write, {
      resourceId: world.lines.id,
      ground: 'trade_secret',
      statement,
    });
    expect(refused.statusCode).toBe(429);
  });
});

describe('suspension and outcome', () => {
  it('the provider suspends at once: downloads, API calls and the chart stop and the dataset page says so', async () => {
    const id = await objection();
    expect((await download()).statusCode).toBe(200);
    const chart = () => get(`/open/datasets/${world.lines.id}/chart`).then((r) => r.json());
    expect((await chart()).reason).not.toBe('suspended');
    expect((await post(`/open/objections/${id}/suspend`, market.write, { reason: '核实' })).statusCode).toBe(
      404,
    );
    expect(
      (await post(`/open/objections/${id}/suspend`, citizen.session.write, { reason: 'x' })).statusCode,
    ).toBe(403);
    const suspended = await post(`/open/objections/${id}/suspend`, world.police.write, {
      reason: '正在核实异议',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ state: 'suspended', suspension: { source: 'objection' } });

    const refused = await download();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'open.data.suspended' });
    expect(refused.json().detail).toContain('暂停开放');
    const api = await get(`/open/datasets/${world.lines.id}/records`, citizen.session.read);
    expect(api.json().code).toBe('open.data.suspended');
    const page = (await get(`/open/datasets/${world.lines.id}`)).json();
    expect(page.suspension).toMatchObject({ withdrawn: false, source: 'objection' });
    expect(JSON.stringify(page)).not.toContain('正在核实异议');
    // Nor do counts of its values show on the page meanwhile.
    expect(await chart()).toEqual({ chart: null, reason: 'suspended' });

    // Every waiting objection of the dataset is now under the suspension; a second suspend is a 409.
    const again = await post(`/open/objections/${id}/suspend`, world.police.write, { reason: '再次' });
    expect(again.statusCode).toBe(409);
  });

  it('restoring one objection keeps the dataset closed while others wait, and reopens with the last', async () => {
    const waiting = (
      await get(`/open/objections?state=suspended&resourceId=${world.lines.id}`, world.police.read)
    ).json();
    expect(waiting.total).toBeGreaterThanOrEqual(2);
    const [first, ...rest] = waiting.items as { id: string }[];
    const restored = await post(`/open/objections/${first!.id}/decision`, world.police.write, {
      outcome: 'restore',
      note: '线路数据不含个人信息，异议不成立',
    });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json().state).toBe('restored');
    expect((await download()).statusCode).toBe(409);
    for (const { id } of rest) {
      const decided = await post(`/open/objections/${id}/decision`, world.police.write, {
        outcome: 'reprocess',
        note: '已对驾驶员信息重新脱敏后恢复开放',
      });
      expect(decided.statusCode, decided.body).toBe(200);
    }
    expect((await download()).statusCode).toBe(200);
    const closed = await post(`/open/objections/${first!.id}/decision`, world.police.write, {
      outcome: 'withdraw',
      note: 'x',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('open.objection.closed');
  });

  it('the objector sees the outcome and the answer, not the officer; the authority and auditors see it in their region', async () => {
    const mine = (await get('/open/me/objections', citizen.session.read)).json();
    const decided = mine.items.find(
      (o: { state: string }) => o.state !== 'received' && o.state !== 'suspended',
    );
    // Nor is the objector told the dataset's level (the public is not told the grades); handlers are.
    expect(decided).toMatchObject({
      decidedBy: null,
      objector: null,
      securityLevel: null,
      securitySubLevel: null,
    });
    expect(decided.outcomeNote).toBeTruthy();
    expect((await get(`/open/objections/${decided.id}`, other.session.read)).statusCode).toBe(404);
    const region = (await get('/open/objections', authority.read)).json();
    expect(
      region.items.some((o: { id: string; objector: unknown }) => o.id === decided.id && o.objector),
    ).toBe(true);
    expect(region.items).toContainEqual(
      expect.objectContaining({ id: decided.id, securityLevel: 'general', securitySubLevel: null }),
    );
    expect((await get(`/open/objections/${decided.id}`, auditor.read)).statusCode).toBe(200);
    expect((await get('/open/objections', market.read)).json().total).toBe(0);
    expect((await get('/open/objections', citizen.session.read)).statusCode).toBe(403);
  });

  it('evidence is read by the provider (audited) and never by another department', async () => {
    const withFile = (await get('/open/me/objections', citizen.session.read))
      .json()
      .items.find((o: { evidenceCount: number }) => o.evidenceCount > 0);
    const detail = (await get(`/open/objections/${withFile.id}`, world.police.read)).json();
    const url = `/open/objections/${withFile.id}/evidence/${detail.evidence[0].id}`;
    const file = await get(url, world.police.read);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await get(url, market.read)).statusCode).toBe(404);
    expect((await events('open.objection.evidence.read')).at(-1)).toMatchObject({
      actor_name: 'police.officer',
    });
  });
});

describe('suspension on an own finding and withdrawal', () => {
  it('the authority suspends on its own finding; a withdrawal closes waiting objections and refuses new ones', async () => {
    const suspended = await post(`/open/datasets/${world.lines.id}/suspension`, authority.write, {
      reason: '平台巡检发现疑似未脱敏字段',
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    expect(suspended.json()).toMatchObject({ source: 'authority', outcome: null });
    expect(
      (await post(`/open/datasets/${world.lines.id}/suspension`, world.police.write, { reason: 'x' }))
        .statusCode,
    ).toBe(409);
    expect(
      (await post(`/open/datasets/${world.lines.id}/suspension`, market.write, { reason: 'x' })).statusCode,
    ).toBe(404);

    // An objection filed now joins the suspension in force.
    const joined = await objection(other);
    expect((await get(`/open/objections/${joined}`, other.session.read)).json().state).toBe('suspended');
    const blocked = await post(`/open/datasets/${world.lines.id}/suspension/decision`, world.police.write, {
      outcome: 'restore',
      note: '复核无问题',
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().code).toBe('open.suspension.objections_waiting');

    const withdrawn = await post(`/open/datasets/${world.lines.id}/suspension/decision`, world.police.write, {
      outcome: 'withdraw',
      note: '含驾驶员个人信息，撤回开放并修改目录',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ outcome: 'withdrawn', liftedAt: null });
    expect((await get(`/open/objections/${joined}`, other.session.read)).json()).toMatchObject({
      state: 'withdrawn',
      outcomeNote: '含驾驶员个人信息，撤回开放并修改目录',
    });
    const gone = await download();
    expect(gone.json().code).toBe('open.data.withdrawn');
    const late = await post('/open/objections', other.session.write, {
      resourceId: world.lines.id,
      ground: 'privacy',
      statement,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('open.objection.withdrawn');
    expect((await get(`/open/datasets/${world.lines.id}`)).json().suspension).toMatchObject({
      withdrawn: true,
    });
    const record = (await get(`/open/datasets/${world.lines.id}/suspensions`, authority.read)).json();
    expect(record.map((s: { outcome: string | null }) => s.outcome)).toEqual(['withdrawn', 'reprocessed']);
    expect((await events('open.dataset.withdraw')).length).toBe(1);
  });
});

describe('suspended conditional data', () => {
  it('takes no application while suspended', async () => {
    const conditional = await conditionalWorld(t, { name: '公交线路运营明细（异议）' });
    const suspended = await post(`/open/datasets/${conditional.dataset.id}/suspension`, world.police.write, {
      reason: '核实中',
    });
    expect(suspended.statusCode, suspended.body).toBe(201);
    const applied = await submitApplication(t, citizen.session, conditional.dataset.id);
    expect(applied.status).toBe(409);
    expect(applied.body.code).toBe('open.data.suspended');
  });
});
