import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../../platform/policy/actor.ts';
import { makeCitizenId } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { revokeGrant } from '../grants/grants.service.ts';
import { grantToMarket } from '../sharing.fixtures.ts';
import { api, apiWorld, call, dataEvents } from './api.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof apiWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await apiWorld(t);
}, 180_000); // publishing, loading and granting take a while on a loaded machine
afterAll(() => t.close());

describe('GET /share/resources/:code (the grant as API docs)', () => {
  it('lists the granted items with their masking, the limits and example URLs', async () => {
    const response = await call(t, world.key, api(world.person.code));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      resource: { code: world.person.code },
      grant: { id: world.personGrant.id },
      purpose: '户籍信息核验',
      key: ['sfzh'],
      paging: { defaultPageSize: 100, maxPageSize: 1000 },
      live: { registered: false },
    });
    expect(body.items.map((i: { fieldName: string }) => i.fieldName)).toEqual(['sfzh', 'xm', 'csrq', 'sg']);
    const id = body.items.find((i: { fieldName: string }) => i.fieldName === 'sfzh');
    expect(id.masking.kind).not.toBe('none');
    expect(id.filterOperators).toEqual(['eq', 'in', 'null', 'not_null']);
    expect(body.examples.lookup).toBe(`${api(world.person.code)}/records/{sfzh}`);
  });
});

describe('GET /share/resources/:code/records/:key', () => {
  it('serves the record masked under the grant and audits keys, not values', async () => {
    const person = world.persons[3]!;
    const response = await call(t, world.key, api(world.person.code, `/records/${person.sfzh}`));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      resourceCode: world.person.code,
      grantId: world.personGrant.id,
      purpose: '户籍信息核验',
      key: { sfzh: person.sfzh },
      disputed: false,
      correction: null,
    });
    expect(Object.keys(body.record)).toEqual(['sfzh', 'xm', 'csrq', 'sg']);
    expect(body.record.sfzh).not.toBe(person.sfzh);
    expect(body.record.sfzh.slice(0, 6)).toBe(person.sfzh.slice(0, 6));
    expect(body.record.xm).not.toBe(person.xm);
    const events = await dataEvents(t, 'share.data.lookup');
    expect(events.at(-1)).toMatchObject({
      outcome: 'success',
      actor_type: 'application',
      actor_name: '市场主体登记系统',
      department_id: world.market.id,
      target_type: 'share_grant',
      target_id: world.personGrant.id,
      purpose: '户籍信息核验',
      detail: {
        resourceCode: world.person.code,
        resourceId: world.person.id,
        grantId: world.personGrant.id,
        way: 'lookup',
        count: 1,
        keys: [person.sfzh],
      },
    });
    expect(JSON.stringify(events.at(-1)!.detail)).not.toContain(person.xm);
  });

  it('answers only the fields asked for, and 403 for one outside the grant', async () => {
    const person = world.persons[0]!;
    const some = await call(t, world.key, api(world.person.code, `/records/${person.sfzh}?fields=sg,csrq`));
    expect(some.statusCode).toBe(200);
    expect(Object.keys(some.json().record)).toEqual(['csrq', 'sg']);
    const outside = await call(t, world.key, api(world.person.code, `/records/${person.sfzh}?fields=sfhz`));
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'share.api.field_outside_grant' });
    expect(outside.headers['content-type']).toContain('application/problem+json');
  });

  it('is 404 for a key not within the grant, audited as a failure', async () => {
    const absent = makeCitizenId('19991231', '500103');
    const response = await call(t, world.key, api(world.person.code, `/records/${absent}`));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'share.api.record_not_found' });
    expect((await dataEvents(t, 'share.data.lookup')).at(-1)).toMatchObject({
      outcome: 'failure',
      detail: { count: 0, keys: [absent], reason: 'share.api.record_not_found' },
    });
  });

  it('checks a citizen ID or credit code for its check digit before reading (400, audited)', async () => {
    const good = world.persons[0]!.sfzh;
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`;
    const response = await call(t, world.key, api(world.person.code, `/records/${bad}`));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'share.api.bad_citizen_id' });
    expect(response.json().errors[0]).toMatchObject({ path: '/params/key' });
    const code = world.companies[0]!.tyshxydm;
    const wrong = `${code.slice(0, 17)}${code[17] === 'A' ? 'B' : 'A'}`;
    const licence = await call(t, world.key, api(world.licence.code, `/records/${wrong}`));
    expect(licence.statusCode).toBe(400);
    expect(licence.json()).toMatchObject({ code: 'share.api.bad_credit_code' });
    const ok = await call(t, world.key, api(world.licence.code, `/records/${code}`));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().record).toMatchObject({ tyshxydm: code });
    expect((await dataEvents(t, 'share.data.lookup')).at(-2)).toMatchObject({
      outcome: 'failure',
      detail: { reason: 'share.api.bad_credit_code', status: 400 },
    });
  });

  it('refuses another application of the department and an unknown resource, audited', async () => {
    const sfzh = world.persons[0]!.sfzh;
    const other = await call(t, world.otherKey, api(world.person.code, `/records/${sfzh}`));
    expect(other.statusCode).toBe(403);
    expect(other.json()).toMatchObject({ code: 'share.grant_other_application' });
    expect((await dataEvents(t, 'share.data.lookup')).at(-1)).toMatchObject({
      outcome: 'denied',
      actor_name: '信用监管系统',
      target_id: null,
      detail: { reason: 'share.grant_other_application', count: 0 },
    });
    const unknown = await call(t, world.key, api('999999/000009', `/records/${sfzh}`));
    expect(unknown.statusCode).toBe(404);
    expect((await dataEvents(t, 'share.data.lookup')).at(-1)).toMatchObject({
      outcome: 'failure',
      detail: { resourceCode: '999999/000009', reason: 'resource.not_found' },
    });
  });

  it('marks a record with a pending correction as disputed, and still serves it', async () => {
    const person = world.persons[5]!;
    const reported = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${world.person.id}/corrections`,
      headers: world.sessions.market.write,
      payload: { key: { sfzh: person.sfzh }, items: [{ field: 'xm', proposed: '张三' }], reason: '姓名有误' },
    });
    expect(reported.statusCode).toBe(201);
    const response = await call(t, world.key, api(world.person.code, `/records/${person.sfzh}`));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      disputed: true,
      correction: { id: reported.json().id, state: 'pending' },
    });
  });

  it('stops at once when the grant is revoked (the kept plan is checked in the lookup itself)', async () => {
    const grant = await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh', 'sg'],
      purpose: '临时核查',
    });
    const sfzh = world.persons[1]!.sfzh;
    // Two purposes in force now: a call must name one.
    const none = await call(t, world.key, api(world.person.code, `/records/${sfzh}`));
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'share.purpose_required' });
    const first = await call(t, world.key, api(world.person.code, `/records/${sfzh}`), '临时核查');
    expect(first.statusCode).toBe(200);
    expect(Object.keys(first.json().record)).toEqual(['sfzh', 'sg']);
    await t.database.db
      .transaction()
      .execute((trx) => revokeGrant(trx, systemContext('test'), grant.id, '核查结束'));
    const after = await call(t, world.key, api(world.person.code, `/records/${sfzh}`), '临时核查');
    expect(after.statusCode).toBe(403);
    expect(after.json()).toMatchObject({ code: 'share.purpose_outside_grant' });
    // Back to one purpose: the grant's default applies again.
    expect((await call(t, world.key, api(world.person.code, `/records/${sfzh}`))).statusCode).toBe(200);
  });

  it('applies a changed masking rule on the next call', async () => {
    const person = world.persons[2]!;
    const url = api(world.person.code, `/records/${person.sfzh}`);
    const before = (await call(t, world.key, url)).json().record;
    expect(before.sg).toBe('170.50');
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/security/masking/resources/${world.person.id}/items/sg`,
      headers: world.sessions.police.write,
      payload: { rule: { kind: 'range', width: 10 } },
    });
    expect(set.statusCode).toBeLessThan(300);
    const after = (await call(t, world.key, url)).json().record;
    expect(after.sg).not.toBe('170.50');
    expect(after.sg).toContain('170');
  });
});

describe('the purpose header', () => {
  it('is read as raw UTF-8 (curl) and percent-encoded (fetch) through a real socket', async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    const path = api(world.person.code, `/records/${world.persons[0]!.sfzh}`);
    // Raw UTF-8 bytes on the wire, as curl -H 'X-Purpose: 户籍信息核验' sends them.
    const raw = await new Promise<number>((resolve, reject) => {
      const request = http.get(
        {
          host: '127.0.0.1',
          port,
          path,
          headers: {
            authorization: `Bearer ${world.key}`,
            'x-purpose': Buffer.from('户籍信息核验', 'utf8').toString('latin1'),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
    });
    expect(raw).toBe(200);
    const encoded = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { authorization: `Bearer ${world.key}`, 'x-purpose': encodeURIComponent('户籍信息核验') },
    });
    expect(encoded.status).toBe(200);
    const wrong = await fetch(`http://127.0.0.1:${port}${path}`, {
      headers: { authorization: `Bearer ${world.key}`, 'x-purpose': encodeURIComponent('营销') },
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { code: string }).code).toBe('share.purpose_outside_grant');
    // undici's fetch refuses a header value that is not a byte string: it must be percent-encoded.
    expect(() => new Headers({ 'x-purpose': '户籍信息核验' })).toThrow();
  });
});
