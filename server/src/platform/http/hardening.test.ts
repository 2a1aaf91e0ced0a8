// Hardening of the HTTP platform as a caller meets it: security headers, rate limits with 429 and
// Retry-After, sign-in throttling, session fixation and expiry, cookie flags, CSRF on every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorld, login } from '../../test/factories.ts';
import { RateLimiter } from '../ratelimit/rate-limiter.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await createTestApp({
    config: {
      rateWindowSeconds: 3600,
      rateUserPerWindow: 4,
      rateApiKeyPerWindow: 3,
      rateAnonymousPerIp: 1000,
      loginFailureWindowMinutes: 60,
      loginFailuresPerName: 3,
      loginFailuresPerIp: 5,
    },
  });
  world = await createWorld(t.database.db);
});
afterAll(() => t.close());

/** A request from its own address, so each test's anonymous budget is its own. */
const from = (ip: string) => ({ remoteAddress: ip });
const password = () => world.users.auditor.password;

describe('security headers', () => {
  it('sends CSP, nosniff, frame and referrer rules on API answers, errors and 404s, HSTS only over TLS', async () => {
    for (const url of ['/health', '/api/v1/auth/me', '/api/v1/nothing-here', '/api/openapi.json']) {
      const response = await t.app.inject({ url, ...from('10.9.0.1') });
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(response.headers['permissions-policy']).toContain('camera=()');
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('over TLS sends HSTS, marks the session cookie Secure and upgrades insecure requests', async () => {
    const tls = await createTestApp({ config: { secureCookies: true } });
    try {
      const users = await createWorld(tls.database.db);
      const response = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'auditor', password: users.users.auditor.password },
      });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const cookie = response.cookies.find((c) => c.name === 'zs_session')!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
    } finally {
      await tls.close();
    }
  });
});

describe('rate limits', () => {
  it('limits a user over every session with a bilingual 429 and Retry-After, audited once', async () => {
    const a = await login(t.app, 'police.head', world.users.policeHead.password);
    const b = await login(t.app, 'police.head', world.users.policeHead.password);
    for (const session of [a, a, b, b]) {
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: session.read })).statusCode).toBe(200);
    }
    const refused = await t.app.inject({ url: '/api/v1/auth/me', headers: b.read });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ code: 'rate.limited' });
    expect(refused.json().detail).toMatch(/^请求过于频繁，请在 \d+ 秒后重试$/);
    const english = await t.app.inject({
      url: '/api/v1/auth/me',
      headers: { ...a.read, 'accept-language': 'en' },
    });
    expect(english.json().detail).toMatch(/^Too many requests; please try again in \d+ seconds$/);
    const audited = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'access.denied')
      .where('actor_id', '=', world.users.policeHead.user.id)
      .execute();
    expect(audited.filter((e) => e.detail.reason === 'rate.limited')).toHaveLength(1);
    // Other users are not affected.
    const other = await login(t.app, 'market.officer', world.users.marketOfficer.password);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: other.read })).statusCode).toBe(200);
  });

  it('limits an API key on its own', async () => {
    const officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/api-keys',
      headers: officer.write,
      payload: { application: '限流测试' },
    });
    const key = { authorization: `Bearer ${created.json().key as string}` };
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.app.inject({ url: '/api/v1/auth/me', headers: key })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('limits anonymous callers by IP, wrong keys included, whatever X-Forwarded-For they forge', async () => {
    const anon = await createTestApp({ config: { rateAnonymousPerIp: 3, rateWindowSeconds: 3600 } });
    try {
      const wrongKey = { authorization: 'Bearer zsk_guessed' };
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        const response = await anon.app.inject({
          url: '/api/v1/auth/me',
          headers: wrongKey,
          ...from('203.0.113.7'),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      // X-Forwarded-For from a peer that is not a trusted proxy does not buy a fresh budget.
      const forged = await anon.app.inject({
        url: '/api/v1/auth/me',
        headers: { 'x-forwarded-for': '198.51.100.1' },
        ...from('203.0.113.7'),
      });
      expect(forged.statusCode).toBe(429);
      // Another address has its own budget; liveness is never limited.
      expect((await anon.app.inject({ url: '/api/v1/auth/me', ...from('203.0.113.8') })).statusCode).toBe(
        401,
      );
      expect((await anon.app.inject({ url: '/health', ...from('203.0.113.7') })).statusCode).toBe(200);
    } finally {
      await anon.close();
    }
  });

  it('shares counters between app instances through PostgreSQL', async () => {
    const limit = { bucket: 'test:shared', max: 4, windowSeconds: 3600 };
    const first = new RateLimiter(t.database.db, { flushMs: 0 });
    const second = new RateLimiter(t.database.db, { flushMs: 0 });
    expect([1, 2, 3].map(() => first.hit(limit).allowed)).toEqual([true, true, true]);
    await first.flush();
    expect(second.hit(limit).allowed).toBe(true);
    await second.flush();
    // The second instance now knows the first one's hits: 4 in all, the next is refused.
    expect(second.hit(limit).allowed).toBe(false);
    // The first instance learns the total with its next flush; until then it may let one flush
    // interval's hits through on what it knew (the documented overshoot), then it refuses too.
    expect(first.hit(limit).allowed).toBe(true);
    await first.flush();
    expect(first.hit(limit).allowed).toBe(false);
    const stored = await t.database.db
      .selectFrom('rate_limit_hits')
      .select('hits')
      .where('bucket', '=', 'test:shared')
      .executeTakeFirstOrThrow();
    expect(stored.hits).toBe(5);
  });
});

describe('sign-in throttling', () => {
  const attempt = (username: string, pass: string, ip: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: pass },
      ...from(ip),
    });

  it('refuses a name after its failures, even with the right password and from another IP', async () => {
    for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3']) {
      expect((await attempt('auditor', 'wrong', ip)).statusCode).toBe(401);
    }
    const right = await attempt('auditor', password(), '10.2.0.4');
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'auth.too_many_attempts' });
    expect(right.json().detail).toContain('登录失败次数过多');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.some((e) => e.detail.reason === 'rate_limited')).toBe(true);
  });

  it('refuses an IP that tries many names (password spraying), unknown names included', async () => {
    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) {
      expect((await attempt(name, 'Spring-2026', '10.3.0.1')).statusCode).toBe(401);
    }
    const next = await attempt('police.officer', world.users.policeOfficer.password, '10.3.0.1');
    expect(next.statusCode).toBe(429);
    // The same user from elsewhere still signs in: the limit is on the address.
    expect((await attempt('police.officer', world.users.policeOfficer.password, '10.3.0.2')).statusCode).toBe(
      200,
    );
  });
});

describe('sessions', () => {
  it('gives a new session on every sign-in and ends the one the browser brought', async () => {
    const first = await login(t.app, 'authority', world.users.authorityOfficer.password);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: first.write,
      payload: { username: 'authority', password: world.users.authorityOfficer.password },
    });
    expect(again.statusCode).toBe(200);
    const second = again.cookies.find((c) => c.name === 'zs_session')!.value;
    expect(`zs_session=${second}`).not.toBe(first.cookie);
    expect(again.json().csrfToken).not.toBe(first.csrfToken);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: first.read })).statusCode).toBe(401);

    // A planted cookie of the attacker's choosing is never adopted.
    const planted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      cookies: { zs_session: 'attacker-chosen-value' },
      payload: { username: 'authority', password: world.users.authorityOfficer.password },
    });
    expect(planted.cookies.find((c) => c.name === 'zs_session')!.value).not.toBe('attacker-chosen-value');
  });

  it('ends a session left idle past the idle limit', async () => {
    const idle = await createTestApp({ config: { sessionIdleMinutes: 30 } });
    try {
      const users = await createWorld(idle.database.db);
      const session = await login(idle.app, 'auditor', users.users.auditor.password);
      expect((await idle.app.inject({ url: '/api/v1/auth/me', headers: session.read })).statusCode).toBe(200);
      await idle.database.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
        .execute();
      idle.app.platform.authenticator.forgetAll();
      const expired = await idle.app.inject({ url: '/api/v1/auth/me', headers: session.read });
      expect(expired.statusCode).toBe(401);
      expect(expired.json().code).toBe('auth.session_expired');
    } finally {
      await idle.close();
    }
  });
});

describe('CSRF', () => {
  it('refuses every cookie-authenticated write without the token, uploads included', async () => {
    const routes: { method: string; url: string; permission: string }[] = [];
    const walk = await createTestApp({ onRouteRegistered: (route) => routes.push(route) });
    try {
      const users = await createWorld(walk.database.db);
      const admin = await login(walk.app, 'admin', users.users.admin.password);
      const writes = routes.filter(
        (r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && r.permission !== 'public',
      );
      expect(writes.length).toBeGreaterThan(50);
      const uuid = '00000000-0000-4000-8000-000000000000';
      const codes = new Set<string>();
      for (const route of writes) {
        const response = await walk.app.inject({
          method: route.method as 'POST',
          url: route.url.replace(/:\w+/g, uuid).replace('*', 'x'),
          headers: { cookie: admin.cookie },
        });
        // Before the body is parsed or a handler runs: the gate answers 403.
        expect([route.method, route.url, response.statusCode]).toEqual([route.method, route.url, 403]);
        codes.add(response.json().code);
      }
      expect([...codes].sort()).toEqual(['auth.csrf', 'policy.forbidden']);
      // Admin may not upload pool files; the department officer may, and still needs the token.
      const officer = await login(walk.app, 'police.officer', users.users.policeOfficer.password);
      for (const [url, type] of [
        [`/api/v1/pools/tables/${uuid}/batches`, 'text/csv'],
        ['/api/v1/catalog/resources/import', 'application/octet-stream'],
      ] as const) {
        const upload = await walk.app.inject({
          method: 'POST',
          url,
          headers: { ...officer.read, 'content-type': type },
          payload: 'a,b\n1,2\n',
        });
        expect([url, upload.statusCode, upload.json().code]).toEqual([url, 403, 'auth.csrf']);
      }
    } finally {
      await walk.close();
    }
  });
});
