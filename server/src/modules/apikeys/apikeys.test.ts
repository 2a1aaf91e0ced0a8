import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorld, login, type TestSession } from '../../test/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let police: TestSession;
let market: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  police = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  market = await login(t.app, 'market.officer', world.users.marketOfficer.password);
});
afterAll(() => t.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('API keys', () => {
  it('issues a key shown once that authenticates as the department application', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: police.write,
      payload: { application: '人口信息查询系统' },
    });
    expect(created.statusCode).toBe(201);
    const { apiKey, key } = created.json();
    expect(key).toMatch(/^zsk_/);
    expect(apiKey).toMatchObject({
      departmentName: '市公安局',
      application: '人口信息查询系统',
      revokedAt: null,
    });
    expect(key.startsWith(apiKey.tokenPrefix)).toBe(true);
    const stored = await t.database.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key);

    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(key) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      type: 'application',
      role: 'department_application',
      departmentId: world.police.id,
    });
    // A key needs no CSRF token, but it cannot do what its role does not allow.
    const write = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: bearer(key),
      payload: { code: '500199', name: 'x', level: 'district', parentId: world.city.id },
    });
    expect(write.statusCode).toBe(403);

    // The last-used time is written off the request path; give it a moment to land.
    let lastUsedAt = null;
    for (let attempt = 0; attempt < 50 && !lastUsedAt; attempt++) {
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: police.read });
      lastUsedAt = list.json().items[0].lastUsedAt;
      if (!lastUsedAt) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(lastUsedAt).not.toBeNull();
  });

  it('stops working the moment it is revoked, with a clear message', async () => {
    const { apiKey, key } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: police.write,
        payload: { application: 'batch' },
      })
    ).json();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(key) })).statusCode,
    ).toBe(200);
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${apiKey.id}/revoke`,
      headers: police.write,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { ...bearer(key), 'accept-language': 'en' },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().detail).toBe('The API key has been revoked');
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'access.denied')
      .execute();
    expect(JSON.stringify(denied)).toContain('auth.api_key_revoked');
  });

  it('rejects unknown and malformed keys and expired ones', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer('zsk_nope') })).json()
        .code,
    ).toBe('auth.api_key_invalid');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Basic abc' } }))
        .statusCode,
    ).toBe(401);
    const past = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: police.write,
      payload: { application: 'old', expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.statusCode).toBe(400);
  });

  it('keeps departments apart: no issuing, listing or revoking for another department', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: market.write,
      payload: { application: 'x', departmentId: world.police.id },
    });
    expect(other.statusCode).toBe(403);
    const policeKey = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: police.write,
        payload: { application: 'y' },
      })
    ).json().apiKey;
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${policeKey.id}/revoke`,
      headers: market.write,
    });
    expect(revoke.statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: market.read });
    expect(list.json().total).toBe(0);
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/v1/api-keys?departmentId=${world.police.id}`,
      headers: market.read,
    });
    expect(peek.statusCode).toBe(403);
  });
});
