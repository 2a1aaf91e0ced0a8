import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCitizenId } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { grantToMarket } from '../sharing.fixtures.ts';
import { api, apiWorld, call, dataEvents } from './api.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof apiWorld>>;
let provider: http.Server;
let base: string;
const seenTokens: (string | undefined)[] = [];

/** The provider's own system: answers by the last path segment, misbehaving on purpose by prefix. */
function providerSystem() {
  return http.createServer((request, response) => {
    seenTokens.push(request.headers['x-token'] as string | undefined);
    const [, route, key = ''] = (request.url ?? '').split('/');
    const person = world.persons.find((p) => p.sfzh === decodeURIComponent(key));
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    switch (route) {
      case 'people':
        if (!person) return json(404, { error: 'not found' });
        return json(200, { ...person, sfhz: person.sfhz === '是', internal: '不应转出' });
      case 'slow':
        setTimeout(() => json(200, person), 2_000).unref();
        return;
      case 'text':
        response.writeHead(200, { 'content-type': 'text/plain' });
        return response.end('<html>oops</html>');
      case 'other-record':
        return json(
          200,
          world.persons.find((p) => p !== person),
        );
      case 'same-host':
        response.writeHead(302, { location: `/people/${key}` });
        return response.end();
      case 'other-host':
        response.writeHead(302, {
          location: `http://localhost:${(provider.address() as AddressInfo).port}/people/${key}`,
        });
        return response.end();
      default:
        return json(500, { error: 'no such route' });
    }
  });
}

beforeAll(async () => {
  t = await createTestApp();
  world = await apiWorld(t, 6);
  provider = providerSystem();
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  // A short pass-through timeout for the test (the profiles' own value is 5 s).
  t.app.platform.profile.sharing.api.passthroughTimeoutMs = 300;
}, 180_000); // publishing, loading and granting take a while on a loaded machine
afterAll(async () => {
  await new Promise((resolve) => provider.close(resolve));
  await t.close();
});

const system = (path: string, body: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'PUT',
    url: api(world.person.code, '/provider-system'),
    headers: world.sessions.police.write,
    payload: { urlTemplate: `${base}/${path}/{key}`, ...body },
  });
const live = (key = world.persons[0]!.sfzh) =>
  call(t, world.key, api(world.person.code, `/live/${key}`), '户籍信息核验');

describe('PUT/GET/DELETE /share/resources/:code/provider-system', () => {
  it('is the providing department’s; the URL is checked and the header value kept sealed', async () => {
    const market = await t.app.inject({
      method: 'PUT',
      url: api(world.person.code, '/provider-system'),
      headers: world.sessions.market.write,
      payload: { urlTemplate: `${base}/people/{key}` },
    });
    expect(market.statusCode).toBe(403);
    for (const urlTemplate of [
      'ftp://host/{key}',
      `${base}/people`,
      'http://user:pw@host/{key}',
      'not a url {key}',
    ]) {
      const bad = await t.app.inject({
        method: 'PUT',
        url: api(world.person.code, '/provider-system'),
        headers: world.sessions.police.write,
        payload: { urlTemplate },
      });
      expect(bad.statusCode, urlTemplate).toBe(400);
      expect(bad.json().errors[0]).toMatchObject({ path: '/body/urlTemplate' });
    }
    const set = await system('people', { authHeader: { name: 'X-Token', value: 'provider-secret-token' } });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ authHeaderName: 'X-Token', authHeaderSet: true });
    expect(set.body).not.toContain('provider-secret-token');
    const stored = await t.database.db
      .selectFrom('share_provider_systems')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.auth_header_value!).toString('latin1')).not.toContain('provider-secret-token');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'share.provider_system.set')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('provider-secret-token');
    const read = await t.app.inject({
      method: 'GET',
      url: api(world.person.code, '/provider-system'),
      headers: world.sessions.police.read,
    });
    expect(read.json()).toMatchObject({ urlTemplate: `${base}/people/{key}`, authHeaderSet: true });
  });
});

describe('GET /share/resources/:code/live/:key (real-time pass-through)', () => {
  it('asks the provider’s system, keeps the granted items, masks and audits them', async () => {
    const person = world.persons[2]!;
    const response = await live(person.sfzh);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      source: 'provider_system',
      key: { sfzh: person.sfzh },
      grantId: world.personGrant.id,
    });
    expect(Object.keys(body.record)).toEqual(['sfzh', 'xm', 'csrq', 'sg']);
    expect(body.record.sfzh).not.toBe(person.sfzh);
    expect(body.record.csrq).toBe('1980');
    expect(response.body).not.toContain('不应转出');
    expect(seenTokens.at(-1)).toBe('provider-secret-token');
    expect((await dataEvents(t, 'share.data.live')).at(-1)).toMatchObject({
      outcome: 'success',
      target_id: world.personGrant.id,
      detail: { way: 'live', count: 1, keys: [person.sfzh] },
    });
  });

  it('maps the provider’s failures: 404, timeout 504, bad answers 502, foreign redirects 502', async () => {
    const unknown = makeCitizenId('19991231', '500103');
    expect((await live(unknown)).statusCode).toBe(404);
    const cases: [string, number, string][] = [
      ['slow', 504, 'share.live.timeout'],
      ['text', 502, 'share.live.bad_answer'],
      ['other-record', 502, 'share.live.bad_answer'],
      ['other-host', 502, 'share.live.redirect'],
      ['broken', 502, 'share.live.bad_answer'],
    ];
    for (const [path, status, code] of cases) {
      expect((await system(path)).statusCode).toBe(200);
      const response = await live();
      expect(response.statusCode, path).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code });
    }
    expect((await system('same-host')).statusCode).toBe(200);
    expect((await live()).statusCode).toBe(200);
    const events = (await dataEvents(t, 'share.data.live')).slice(-7);
    expect(events.map((e) => [e.outcome, (e.detail as { status?: number }).status ?? 200])).toEqual([
      ['failure', 404],
      ['failure', 504],
      ['failure', 502],
      ['failure', 502],
      ['failure', 502],
      ['failure', 502],
      ['success', 200],
    ]);
  });

  it('checks the grant’s row conditions on the answer (outside them: 404)', async () => {
    await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh', 'sfhz'],
      purpose: '户主核查',
      rowFilter: [{ field: 'sfhz', op: 'eq', value: true }],
    });
    const [head, other] = [world.persons[0]!, world.persons[1]!];
    const url = (key: string) => api(world.person.code, `/live/${key}`);
    const inside = await call(t, world.key, url(head.sfzh), '户主核查');
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json().record).toMatchObject({ sfhz: true });
    const outside = await call(t, world.key, url(other.sfzh), '户主核查');
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toMatchObject({ code: 'share.live.not_found' });
  });

  it('refuses a bad check digit before calling, and answers 404 once the system is removed', async () => {
    const calls = seenTokens.length;
    const good = world.persons[0]!.sfzh;
    const bad = await live(`${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`);
    expect(bad.statusCode).toBe(400);
    expect(seenTokens.length).toBe(calls);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: api(world.person.code, '/provider-system'),
      headers: world.sessions.police.write,
    });
    expect(removed.statusCode).toBe(204);
    const none = await live();
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'share.live.no_system' });
  });
});
