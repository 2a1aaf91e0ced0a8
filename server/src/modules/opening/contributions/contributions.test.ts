import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  organisationRegistration,
  registerPublicUser,
  type RegisteredUser,
} from '../accounts/accounts.fixtures.ts';

// Multi-source opening (CQO §31): an organisation publishes its own CSV dataset; the authority
// reviews it before it appears; authenticated users download it, counted and audited.

let t: TestApp;
let company: RegisteredUser;
let person: RegisteredUser;
let authority: TestSession;
let police: TestSession;

const CSV =
  '站点编号,站点名称,充电桩数量,备注\nS001,解放碑站,12,\nS002,观音桥站,8,"=HYPERLINK(""http://x"")"\n';
const body = (overrides: Record<string, unknown> = {}) => ({
  name: '主城区公共充电站点分布',
  description: '本公司运营的公共充电站点及充电桩数量，每月更新。',
  keywords: ['充电桩', '新能源'],
  licence: 'CC BY 4.0',
  updateCycle: '每月',
  sourceNote: '来自本公司运营管理系统，经人工核对',
  csv: CSV,
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000 } });
  await createWorld(t.database.db);
  company = await registerPublicUser(t.app, organisationRegistration());
  person = await registerPublicUser(t.app);
  authority = await login(t.app, 'authority', 'Test-password-1');
  police = await login(t.app, 'police.officer', 'Test-password-1');
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers = {}) => t.app.inject({ url: `/api/v1${url}`, headers });

describe('publishing an organisation’s dataset', () => {
  let id: string;

  it('only organisations publish; a malformed file is reported by row and nothing is stored', async () => {
    expect((await post('/open/contributions', person.session.write, body())).statusCode).toBe(403);
    expect((await post('/open/contributions', police.write, body())).statusCode).toBe(403);
    const broken = await post('/open/contributions', company.session.write, body({ csv: 'a,a\n1\n1,2,3\n' }));
    expect(broken.statusCode).toBe(422);
    expect(broken.json().errors.map((e: { path: string }) => e.path)).toEqual(['/csv/1', '/csv/2', '/csv/3']);
    const stored = await t.database.db.selectFrom('open_contributions').select('id').execute();
    expect(stored).toHaveLength(0);
  });

  it('waits for the authority: not public, not downloadable, visible to its publisher', async () => {
    const submitted = await post('/open/contributions', company.session.write, body());
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(submitted.json()).toMatchObject({
      state: 'submitted',
      rows: 2,
      publisher: '重庆某某数据科技有限公司',
    });
    id = submitted.json().id;
    expect((await get('/open/contributions')).json()).toEqual([]);
    expect((await get(`/open/contributions/${id}`)).statusCode).toBe(404);
    expect((await get(`/open/contributions/${id}/download`, person.session.read)).statusCode).toBe(404);
    expect((await get('/open/me/contributions', company.session.read)).json()).toHaveLength(1);
  });

  it('the authority reviews: a department cannot, a rejection needs a reason, approval makes it public', async () => {
    expect(
      (await post(`/open/contributions/${id}/review`, police.write, { decision: 'approve' })).statusCode,
    ).toBe(403);
    const noReason = await post(`/open/contributions/${id}/review`, authority.write, { decision: 'reject' });
    expect(noReason.statusCode).toBe(422);
    // Named like every other field error, so the console puts it beside the reason field.
    expect(noReason.json().errors).toEqual([
      expect.objectContaining({ path: '/body/reason', message: '不通过须说明理由' }),
    ]);
    const waiting = (await get('/open/contributions/review', authority.read)).json();
    expect(waiting.map((c: { id: string }) => c.id)).toEqual([id]);
    const approved = await post(`/open/contributions/${id}/review`, authority.write, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(
      (await post(`/open/contributions/${id}/review`, authority.write, { decision: 'approve' })).statusCode,
    ).toBe(409);
    const list = (await get('/open/contributions?q=充电')).json();
    expect(list.map((c: { id: string }) => c.id)).toEqual([id]);
    const page = (await get(`/open/contributions/${id}`)).json();
    expect(page.preview).toEqual([
      ['S001', '解放碑站', '12', ''],
      ['S002', '观音桥站', '8', `'=HYPERLINK("http://x")`],
    ]);
    expect(page.reviewReason).toBeNull();
  });

  it('downloads need an authenticated identity; formulas are neutralised; each is counted and audited', async () => {
    expect((await get(`/open/contributions/${id}/download`)).statusCode).toBe(401);
    const file = await get(`/open/contributions/${id}/download`, person.session.read);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.body.split('\n')[2]).toBe(`S002,观音桥站,8,"'=HYPERLINK(""http://x"")"`);
    expect((await get(`/open/contributions/${id}`)).json().downloads).toBe(1);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('actor_name')
      .where('action', '=', 'open.contribution.download')
      .execute();
    expect(audit).toEqual([{ actor_name: person.username }]);
  });

  it('the publisher withdraws it and it disappears', async () => {
    expect((await post(`/open/contributions/${id}/withdraw`, person.session.write)).statusCode).toBe(404);
    expect((await post(`/open/contributions/${id}/withdraw`, company.session.write)).statusCode).toBe(200);
    expect((await get('/open/contributions')).json()).toEqual([]);
    expect((await get(`/open/contributions/${id}/download`, person.session.read)).statusCode).toBe(404);
  });
});
