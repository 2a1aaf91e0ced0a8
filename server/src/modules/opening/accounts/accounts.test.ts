import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createUser, createWorld, login, makeCitizenId, makeCreditCode } from '../../../test/factories.ts';
import { citizenIdCheckChar } from '../../../platform/identifiers/citizen-id.ts';
import { naturalRegistration, organisationRegistration, registerPublicUser } from './accounts.fixtures.ts';
import { openIdentity } from './identity.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000 } });
  world = await createWorld(t.database.db);
});
afterAll(() => t.close());

const registerRaw = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/open/accounts', payload, headers });

/** A citizen ID whose check character is wrong. */
function wrongCheck(id: string): string {
  const right = citizenIdCheckChar(id.slice(0, 17))!;
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** A fresh citizen ID whose check character is X (people write it in lower case, too). */
function citizenIdEndingInX(): string {
  for (let sequence = Math.floor(Math.random() * 900); ; sequence++) {
    const first17 = `50010419851231${String(sequence % 1000).padStart(3, '0')}`;
    if (citizenIdCheckChar(first17) === 'X') return `${first17}X`;
  }
}

const auditOf = (targetId: string) =>
  t.database.db.selectFrom('audit_events').selectAll().where('target_id', '=', targetId).execute();

describe('registration', () => {
  it('registers a natural person, verified by check digit, the number stored only protected', async () => {
    const body = naturalRegistration();
    const response = await registerRaw(body);
    expect(response.statusCode).toBe(201);
    const result = response.json();
    expect(result.user).toMatchObject({ username: body.username, displayName: '张三', role: 'public_user' });
    expect(result.identity).toMatchObject({ kind: 'natural', verified: true, method: 'check-digit' });
    expect(result.identity.maskedNumber).toBe(
      `${body.citizenId.slice(0, 6)}********${body.citizenId.slice(-4)}`,
    );
    expect(result.identity.verifiedAt).not.toBeNull();

    const row = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', result.user.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      role: 'public_user',
      person_type: 'natural',
      identity_number: null,
      identity_method: 'check-digit',
      identity_masked: result.identity.maskedNumber,
      phone: '13812345678',
    });
    expect(row.identity_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(row.identity_verified_at).not.toBeNull();
    // No column holds the plain number; the sealed one opens with the keyring, bound to its row.
    const { identity_sealed: sealed, ...readable } = row;
    expect(JSON.stringify(readable)).not.toContain(body.citizenId);
    expect(openIdentity(t.app.platform.keyring, row.id, sealed!)).toBe(body.citizenId);
    expect(() => openIdentity(t.app.platform.keyring, world.users.admin.user.id, sealed!)).toThrow();

    const audit = await auditOf(result.user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'open.account.register',
      outcome: 'success',
      actor_type: 'anonymous',
      actor_name: body.username,
    });
    expect(audit[0]!.detail).toMatchObject({ kind: 'natural', method: 'check-digit', mobile: '138****5678' });
    const trail = JSON.stringify(audit);
    expect(trail).not.toContain(body.citizenId);
    expect(trail).not.toContain(body.password);
  });

  it('registers an organisation by its credit code, with its contact person', async () => {
    const body = organisationRegistration();
    const response = await registerRaw(body);
    expect(response.statusCode).toBe(201);
    expect(response.json().identity).toMatchObject({
      kind: 'organisation',
      verified: true,
      maskedNumber: `${body.creditCode.slice(0, 6)}********${body.creditCode.slice(-4)}`,
    });
    const row = await t.database.db
      .selectFrom('users')
      .select(['person_type', 'contact_name', 'display_name', 'email'])
      .where('id', '=', response.json().user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      person_type: 'legal',
      contact_name: '李四',
      display_name: '重庆某某数据科技有限公司',
      email: 'contact@example.com',
    });
  });

  it('refuses a wrong check digit, naming the field, in both languages', async () => {
    const citizenId = wrongCheck(makeCitizenId());
    const zh = await registerRaw(naturalRegistration({ citizenId }));
    expect(zh.statusCode).toBe(400);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json().errors).toEqual([
      { path: '/body/citizenId', message: '居民身份证号码校验位不正确，请核对' },
    ]);
    const en = await registerRaw(naturalRegistration({ citizenId }), { 'accept-language': 'en' });
    expect(en.json().errors[0].message).toMatch(/check character of the citizen ID/);

    const code = makeCreditCode();
    const badCode = code.slice(0, 17) + (code[17] === 'A' ? 'B' : 'A');
    const org = await registerRaw(organisationRegistration({ creditCode: badCode }));
    expect(org.statusCode).toBe(400);
    expect(org.json().errors.map((e: { path: string }) => e.path)).toEqual(['/body/creditCode']);
  });

  it('names every mistake at once: weak password, malformed mobile, missing name, fields of the other kind', async () => {
    const response = await registerRaw(
      naturalRegistration({
        password: 'short',
        mobile: '1234',
        realName: '  ',
        creditCode: makeCreditCode(),
        citizenId: '50010319900101123',
      }),
    );
    expect(response.statusCode).toBe(400);
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths.sort()).toEqual(
      ['/body/citizenId', '/body/creditCode', '/body/mobile', '/body/password', '/body/realName'].sort(),
    );
    const weak = await registerRaw(naturalRegistration({ password: 'alllowercase1' }), {
      'accept-language': 'en',
    });
    expect(weak.json().errors).toEqual([
      {
        path: '/body/password',
        message: 'The password must mix at least three of: upper case, lower case, digits, symbols',
      },
    ]);
    const mobile = await registerRaw(naturalRegistration({ mobile: '12812345678' }));
    expect(mobile.json().errors).toEqual([{ path: '/body/mobile', message: '请填写 11 位中国大陆手机号码' }]);
    const org = await registerRaw(organisationRegistration({ contactName: undefined, orgName: undefined }));
    expect(
      org
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/body/contactName', '/body/orgName']);
    // Schema checks come back the same way.
    const schema = await registerRaw({ ...naturalRegistration(), kind: 'robot', extra: 1 });
    expect(schema.statusCode).toBe(400);
    expect(schema.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/kind', '/body/extra']),
    );
  });

  it('accepts the number and the mobile as people write them (x, spaces, +86)', async () => {
    const id = citizenIdEndingInX();
    const lower = id.replace('X', 'x');
    const response = await registerRaw(
      naturalRegistration({
        citizenId: ` ${lower.slice(0, 6)} ${lower.slice(6)} `,
        mobile: '+86 138-1234-5678',
      }),
    );
    expect(response.statusCode).toBe(201);
    const again = await registerRaw(naturalRegistration({ citizenId: id }));
    expect(again.statusCode).toBe(409);
  });

  it('allows one account per identity and kind, audited without the number', async () => {
    const first = naturalRegistration();
    expect((await registerRaw(first)).statusCode).toBe(201);
    const second = await registerRaw(naturalRegistration({ citizenId: first.citizenId }));
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'open.account.identity_taken' });
    expect(second.json().errors).toEqual([
      { path: '/body/citizenId', message: '该证件号码已注册过账号，每个证件只能注册一个账号' },
    ]);
    const refused = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'open.account.register')
      .where('outcome', '=', 'failure')
      .execute();
    expect(refused.some((e) => (e.detail as { reason?: string }).reason === 'identity_taken')).toBe(true);
    expect(JSON.stringify(refused)).not.toContain(first.citizenId);

    // An account an administrator made with the plain number counts too.
    const { user } = await createUser(t.database.db, { role: 'public_user' });
    const taken = await registerRaw(naturalRegistration({ citizenId: user.identity_number }));
    expect(taken.statusCode).toBe(409);
  });

  it('refuses a username that is taken, whatever its case', async () => {
    const first = naturalRegistration();
    expect((await registerRaw(first)).statusCode).toBe(201);
    const again = await registerRaw(naturalRegistration({ username: first.username.toUpperCase() }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: '/body/username', message: '该用户名已被使用，请换一个' }]);
    const admin = await registerRaw(naturalRegistration({ username: 'admin' }));
    expect(admin.statusCode).toBe(409);
    const bad = await registerRaw(naturalRegistration({ username: '-bad name' }));
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['/body/username']);
  });
});

describe('the account afterwards', () => {
  it('signs in, /auth/me and /open/me show the verified public user', async () => {
    const user = await registerPublicUser(t.app, naturalRegistration());
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: user.session.read });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({
      id: user.id,
      type: 'user',
      role: 'public_user',
      displayName: '张三',
    });
    expect(me.json().permissions).toEqual(expect.arrayContaining(['open.data', 'open.key.manage']));

    const open = await t.app.inject({ method: 'GET', url: '/api/v1/open/me', headers: user.session.read });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({
      id: user.id,
      kind: 'natural',
      displayName: '张三',
      identityVerified: true,
      mobile: '138****5678',
      identity: { verified: true, method: 'check-digit' },
    });
    expect(open.json().identity.maskedNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('an unverified public user (made by an administrator) is not identity-verified', async () => {
    const { user, password } = await createUser(t.database.db, { role: 'public_user' });
    const session = await login(t.app, user.username, password);
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/open/me', headers: session.read });
    expect(open.statusCode).toBe(200);
    expect(open.json()).toMatchObject({
      identityVerified: false,
      identity: { verified: false, method: null },
    });
    expect(open.json().identity.maskedNumber).toBe(
      `${user.identity_number!.slice(0, 6)}********${user.identity_number!.slice(-4)}`,
    );
    // The data routes' check (requireVerifiedIdentity) refuses such a user; key issuing uses it too.
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/me/keys',
      headers: session.write,
      payload: { name: 'x' },
    });
    expect(key.statusCode).toBe(403);
    expect(key.json()).toMatchObject({ code: 'open.identity_required' });
    expect(key.json().detail).toMatch(/^请先完成实名身份认证/);
  });

  it('is for public users only: anonymous 401, officers 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/open/me' })).statusCode).toBe(401);
    const officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/open/me', headers: officer.read });
    expect(response.statusCode).toBe(403);
  });
});

describe('registration rate limit', () => {
  it('refuses attempts past the limit per IP with 429 and Retry-After, audited; other IPs go on', async () => {
    const limited = await createTestApp({ config: { registrationsPerIpHour: 2 } });
    try {
      const send = (payload: Record<string, unknown>, remoteAddress: string) =>
        limited.app.inject({ method: 'POST', url: '/api/v1/open/accounts', payload, remoteAddress });
      expect((await send(naturalRegistration(), '203.0.113.7')).statusCode).toBe(201);
      // A refused attempt counts as well: each one could probe whether an identity is registered.
      expect((await send(naturalRegistration({ mobile: 'x' }), '203.0.113.7')).statusCode).toBe(400);
      const third = await send(naturalRegistration(), '203.0.113.7');
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.json().code).toBe('open.account.too_many_registrations');
      expect((await send(naturalRegistration(), '203.0.113.8')).statusCode).toBe(201);
      const denied = await limited.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'open.account.register')
        .where('outcome', '=', 'denied')
        .execute();
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ ip: '203.0.113.7', detail: { reason: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});
