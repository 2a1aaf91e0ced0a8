import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createWorld, login, type TestSession } from '../../../test/factories.ts';
import { naturalRegistration, registerPublicUser, type RegisteredUser } from './accounts.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: TestSession;
let alice: RegisteredUser;
let bob: RegisteredUser;

beforeAll(async () => {
  t = await createTestApp({
    config: { registrationsPerIpHour: 1000, personalKeysPerUser: 3, ratePersonalKeyPerWindow: 1000 },
  });
  world = await createWorld(t.database.db);
  admin = await login(t.app, 'admin', world.users.admin.password);
  alice = await registerPublicUser(t.app, naturalRegistration());
  bob = await registerPublicUser(t.app, naturalRegistration({ realName: '王五' }));
});
afterAll(() => t.close());

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const create = (user: RegisteredUser, payload: Record<string, unknown> = { name: '我的分析脚本' }) =>
  t.app.inject({ method: 'POST', url: '/api/v1/open/me/keys', headers: user.session.write, payload });
const revoke = (user: RegisteredUser, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/open/me/keys/${id}/revoke`, headers: user.session.write });
const me = (headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/api/v1/open/me', headers });

describe('personal API keys', () => {
  it('creates a key shown once that acts as its verified public user', async () => {
    const created = await create(alice, { name: '我的分析脚本', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { apiKey, key } = created.json();
    expect(key).toMatch(/^zsk_/);
    expect(key.startsWith(apiKey.tokenPrefix)).toBe(true);
    expect(apiKey).toMatchObject({ name: '我的分析脚本', revokedAt: null, lastUsedAt: null });
    const days = (Date.parse(apiKey.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const stored = await t.database.db.selectFrom('api_keys').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(key);

    const who = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer(key) });
    expect(who.statusCode).toBe(200);
    expect(who.json().user).toMatchObject({ id: alice.id, type: 'user', role: 'public_user' });
    // The actor carries the user's identity flag; no CSRF token is needed with a key.
    const open = await me(bearer(key));
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({ id: alice.id, identityVerified: true });

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/open/me/keys',
      headers: alice.session.read,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1 });
    expect(list.json().items[0]).toMatchObject({ id: apiKey.id, name: '我的分析脚本' });
    expect(JSON.stringify(list.json())).not.toContain(key);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('target_id', '=', apiKey.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'open.key.create',
      actor_id: alice.id,
      actor_role: 'public_user',
    });
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it('stops at once when revoked (401), and the revocation is audited', async () => {
    const { apiKey, key } = (await create(alice, { name: 'batch' })).json();
    expect((await me(bearer(key))).statusCode).toBe(200);
    const revoked = await revoke(alice, apiKey.id);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/v1/open/me',
      headers: { ...bearer(key), 'accept-language': 'en' },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({
      code: 'auth.api_key_revoked',
      detail: 'The API key has been revoked',
    });
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', apiKey.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['open.key.create', 'open.key.revoke']);
    // Revoking again changes nothing and still answers.
    const twice = await revoke(alice, apiKey.id);
    expect(twice.json().revokedAt).toBe(revoked.json().revokedAt);
  });

  it("keeps users apart: another user's key is a 404 and never listed", async () => {
    const { apiKey } = (await create(alice, { name: 'alice only' })).json();
    const theft = await revoke(bob, apiKey.id);
    expect(theft.statusCode).toBe(404);
    const bobs = await t.app.inject({
      method: 'GET',
      url: '/api/v1/open/me/keys',
      headers: bob.session.read,
    });
    expect(bobs.json().total).toBe(0);
    expect((await revoke(bob, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await revoke(bob, 'not-a-uuid')).statusCode).toBe(400);
    // Department key management does not see personal keys either.
    const departmentKeys = await t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: admin.read,
    });
    expect(departmentKeys.json().items.map((k: { id: string }) => k.id)).not.toContain(apiKey.id);
    const adminRevoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/api-keys/${apiKey.id}/revoke`,
      headers: admin.write,
    });
    expect(adminRevoke.statusCode).toBe(404);
  });

  it('a key cannot mint keys; at most the configured number are active', async () => {
    const carol = await registerPublicUser(t.app, naturalRegistration());
    const { key } = (await create(carol, { name: 'first' })).json();
    const minted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/me/keys',
      headers: bearer(key),
      payload: { name: 'second' },
    });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().code).toBe('open.keys.session_only');
    expect((await create(carol, { name: 'second' })).statusCode).toBe(201);
    expect((await create(carol, { name: 'third' })).statusCode).toBe(201);
    const fourth = await create(carol, { name: 'fourth' });
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'open.keys.too_many', detail: expect.stringContaining('3') });
    const bad = await create(carol, { name: '', expiresInDays: 0 });
    expect(bad.statusCode).toBe(400);
  });

  it('stops at once when the user is disabled', async () => {
    const dave = await registerPublicUser(t.app, naturalRegistration());
    const { key } = (await create(dave, { name: 'soon gone' })).json();
    expect((await me(bearer(key))).statusCode).toBe(200);
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${dave.id}`,
      headers: admin.write,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    const after = await me(bearer(key));
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('auth.api_key_owner_disabled');
  });

  it('needs a public user: anonymous 401, officers 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/open/me/keys' })).statusCode).toBe(401);
    const officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/me/keys',
      headers: officer.write,
      payload: { name: 'x' },
    });
    expect(response.statusCode).toBe(403);
    // Without the CSRF token a cookie session cannot create a key.
    const csrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/me/keys',
      headers: alice.session.read,
      payload: { name: 'x' },
    });
    expect(csrf.statusCode).toBe(403);
  });
});

describe('personal key rate limit', () => {
  it('counts per key, apart from the same user signed in', async () => {
    const limited = await createTestApp({
      config: { registrationsPerIpHour: 1000, ratePersonalKeyPerWindow: 3, rateWindowSeconds: 3600 },
    });
    try {
      const user = await registerPublicUser(limited.app, naturalRegistration());
      const issue = async () =>
        (
          await limited.app.inject({
            method: 'POST',
            url: '/api/v1/open/me/keys',
            headers: user.session.write,
            payload: { name: 'k' },
          })
        ).json().key as string;
      const [first, second] = [await issue(), await issue()];
      const call = (key: string) =>
        limited.app.inject({ method: 'GET', url: '/api/v1/open/me', headers: bearer(key) });
      for (let i = 0; i < 3; i++) expect((await call(first)).statusCode).toBe(200);
      const refused = await call(first);
      expect(refused.statusCode).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect((await call(second)).statusCode).toBe(200);
      const session = await limited.app.inject({
        method: 'GET',
        url: '/api/v1/open/me',
        headers: user.session.read,
      });
      expect(session.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
