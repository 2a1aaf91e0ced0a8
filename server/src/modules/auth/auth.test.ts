import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorld, login } from '../../test/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await createTestApp({ config: { loginMaxFailures: 3 } });
  world = await createWorld(t.database.db);
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in, sets an HttpOnly SameSite cookie and answers who am I', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'Police.Officer', password: world.users.policeOfficer.password },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'zs_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      cookies: { zs_session: cookie!.value },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      username: 'police.officer',
      departmentName: '市公安局',
      role: 'department_officer',
    });
    expect(me.json().permissions).toContain('apikey.manage');
  });

  it('refuses a wrong password in Chinese by default and in English on request, and audits it', async () => {
    const zh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'auditor', password: 'wrong' },
    });
    expect(zh.statusCode).toBe(401);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({
      status: 401,
      code: 'auth.invalid_credentials',
      detail: '用户名或密码错误',
    });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { username: 'nobody', password: 'wrong' },
    });
    expect(en.json().detail).toBe('Wrong username or password');
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_name'])
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failure')
      .execute();
    expect(events.map((e) => e.actor_name)).toEqual(expect.arrayContaining(['auditor', 'nobody']));
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'market.officer', password: 'x' },
      });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'market.officer', password: 'x' },
    });
    expect(third.statusCode).toBe(423);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'market.officer', password: world.users.marketOfficer.password },
    });
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('auth.locked');
  });

  it('rejects malformed JSON, unknown fields and oversized bodies with problem+json', async () => {
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('request.malformed_json');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b', admin: true },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ path: '/body/admin', message: '不允许的字段 admin' }]);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 'b'.repeat(t.config.bodyLimitBytes + 1) },
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('request.too_large');
  });
});

describe('sessions', () => {
  it('requires the CSRF token for cookie writes', async () => {
    const session = await login(t.app, 'police.head', world.users.policeHead.password);
    const without = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.read });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('auth.csrf');
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: session.write,
    });
    expect(withToken.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.read });
    expect(after.statusCode).toBe(401);
  });

  it('logs out everywhere and changes the password, ending other sessions', async () => {
    const a = await login(t.app, 'authority', world.users.authorityOfficer.password);
    const b = await login(t.app, 'authority', world.users.authorityOfficer.password);
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.write,
      payload: { currentPassword: world.users.authorityOfficer.password, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].path).toBe('/body/newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.write,
      payload: { currentPassword: world.users.authorityOfficer.password, newPassword: 'New-Secret-2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b.read })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.read })).statusCode).toBe(
      200,
    );
    const all = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: a.write });
    expect(all.json().endedSessions).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: a.read })).statusCode).toBe(
      401,
    );
    await login(t.app, 'authority', 'New-Secret-2026');
  });

  it('tells the user when the session has expired', async () => {
    const session = await login(t.app, 'auditor', world.users.auditor.password);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('user_id', '=', world.users.auditor.user.id)
      .execute();
    t.app.platform.authenticator.forgetAll();
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.read });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'auth.session_expired', detail: '登录已过期，请重新登录' });
  });

  it('answers 401 to anonymous calls of protected routes and audits the denial', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('auth.required');
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select(['target_id'])
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied.map((d) => d.target_id)).toContain('GET /api/v1/auth/me');
  });
});

describe('request conventions', () => {
  it('answers unknown routes and wrong content types with problem+json and echoes the request id', async () => {
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/nothing-here',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('trace-123');
    expect(missing.json()).toMatchObject({ code: 'request.not_found', requestId: 'trace-123' });
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<login/>',
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('request.unsupported_media_type');
  });

  it('serves the OpenAPI 3.1 document with the routes in it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/departments']),
    );
  });

  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/ready' })).json()).toMatchObject({ status: 'ready' });
  });
});
