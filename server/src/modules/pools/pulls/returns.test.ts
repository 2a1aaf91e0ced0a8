// The return flow (回流): records an upper-level platform sends back, received by the authority of
// the resource's region (or its application) into the provider's pool as one upsert batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { people, poolSessions, publishPersonResource } from '../pools.fixtures.ts';

let t: TestApp;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let authority: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police, market, authority } = await poolSessions(t));
});
afterAll(() => t.close());

const ORIGIN = '国家数据共享交换平台（回流）';
const returnsUrl = () => `/api/v1/pools/tables/${resourceId}/returns`;

function send(headers: Record<string, string>, records: Record<string, unknown>[], origin = ORIGIN) {
  return t.app.inject({ method: 'POST', url: returnsUrl(), headers, payload: { origin, records } });
}

async function keyOf(session: TestSession, application: string) {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: session.write,
    payload: { application },
  });
  expect(created.statusCode, created.body).toBe(201);
  return { authorization: `Bearer ${created.json().key as string}` };
}

const rowCount = async () =>
  (await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows`, headers: police.read })).json().total;

describe('return flow', () => {
  it("lands returned records as a 'return' batch in the provider's pool, with its origin, audited", async () => {
    const response = await send(authority.write, people(5));
    expect(response.statusCode, response.body).toBe(201);
    const batch = response.json();
    expect(batch).toMatchObject({
      state: 'loaded',
      source: 'return',
      mode: 'upsert',
      rowsLoaded: 5,
      origin: ORIGIN,
    });
    expect(await rowCount()).toBe(5);
    const listed = await t.app.inject({
      url: `/api/v1/pools/tables/${resourceId}/batches`,
      headers: police.read,
    });
    expect(listed.json().items[0]).toMatchObject({ id: batch.id, origin: ORIGIN });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'detail'])
      .where('action', '=', 'pool.return.receive')
      .where('target_id', '=', batch.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_role: 'authority_officer', detail: { origin: ORIGIN, records: 5 } });
  });

  it("accepts the authority's application key, not a department's", async () => {
    const authorityKey = await keyOf(authority, '省级平台回流接收');
    const accepted = await send(authorityKey, people(2, 50));
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(await rowCount()).toBe(7);
    const policeKey = await keyOf(police, '户籍系统');
    const refused = await send(policeKey, people(1, 60));
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('pool.return.forbidden');
  });

  it('refuses other roles (403): the providing department itself, another department, an authority elsewhere', async () => {
    expect((await send(police.write, people(1, 70))).statusCode).toBe(403);
    expect((await send(market.write, people(1, 70))).statusCode).toBe(403);
    const district = await t.database.db
      .selectFrom('regions')
      .select('id')
      .where('level', '=', 'district')
      .executeTakeFirstOrThrow();
    const districtAuthority = await createDepartment(t.database.db, {
      regionId: district.id,
      name: '渝中区大数据局',
      kind: 'authority',
    });
    await createUser(t.database.db, {
      role: 'authority_officer',
      username: 'district.authority',
      departmentId: districtAuthority.id,
      regionId: district.id,
    });
    const elsewhere = await login(t.app, 'district.authority', 'Test-password-1');
    const refused = await send(elsewhere.write, people(1, 70));
    expect(refused.statusCode).toBe(403);
    expect(await rowCount()).toBe(7);
  });

  it('a bad record is a 422 with the row report; nothing lands, the failed batch keeps the origin', async () => {
    const records = [...people(2, 80), { ...people(1, 90)[0], sfzh: '500103198001010000' }];
    const response = await send(authority.write, records);
    expect(response.statusCode).toBe(422);
    const problem = response.json();
    expect(problem.code).toBe('pool.ingest.rows_refused');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(['/rows/3/公民身份号码']);
    expect(await rowCount()).toBe(7);
    const batchUrl = String(response.headers.location);
    const batch = await t.app.inject({ url: batchUrl, headers: police.read });
    expect(batch.json()).toMatchObject({ state: 'failed', source: 'return', origin: ORIGIN });
  });

  it('validates the body: an origin is required', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: returnsUrl(),
      headers: authority.write,
      payload: { records: people(1) },
    });
    expect(response.statusCode).toBe(400);
  });
});
