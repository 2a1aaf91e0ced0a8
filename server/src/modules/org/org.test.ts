import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createWorld, login, makeCitizenId, makeCreditCode, type TestSession } from '../../test/factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let admin: TestSession;
let authority: TestSession;
let officer: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  admin = await login(t.app, 'admin', world.users.admin.password);
  authority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
});
afterAll(() => t.close());

const auditActions = async () =>
  (await t.database.db.selectFrom('audit_events').select(['action', 'outcome', 'target_id']).execute()).map(
    (e) => `${e.action}:${e.outcome}`,
  );

describe('regions', () => {
  it('lists the hierarchy and lets the admin add a district below the city', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: admin.write,
      payload: { code: '500105', name: '江北区', level: 'district', parentId: world.city.id },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: '江北区', parentName: '重庆市', level: 'district' });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/regions?parentId=${world.city.id}`,
      headers: officer.read,
    });
    expect(list.json().items.map((r: { name: string }) => r.name)).toEqual(['渝中区', '江北区']);
  });

  it('refuses a district without a parent, a duplicate code and non-admins', async () => {
    const orphan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: admin.write,
      payload: { code: '500106', name: '沙坪坝区', level: 'district' },
    });
    expect(orphan.statusCode).toBe(400);
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { ...admin.write, 'accept-language': 'en' },
      payload: { code: '500103', name: '另一个区', level: 'district', parentId: world.city.id },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail).toBe('Region code 500103 is already in use');
    const byAuthority = await t.app.inject({
      method: 'POST',
      url: '/api/v1/regions',
      headers: authority.write,
      payload: { code: '500107', name: '九龙坡区', level: 'district', parentId: world.city.id },
    });
    expect(byAuthority.statusCode).toBe(403);
  });
});

describe('departments', () => {
  it('lets the authority register a department with a valid credit code, audited', async () => {
    const creditCode = makeCreditCode();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: authority.write,
      payload: {
        name: '市生态环境局',
        creditCode: creditCode.toLowerCase(),
        regionId: world.city.id,
        kind: 'department',
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ name: '市生态环境局', creditCode, regionName: '重庆市' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/departments?q=生态',
      headers: officer.read,
    });
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    // Typed wildcards are text: no department name holds a % or an _.
    for (const q of ['%', '_']) {
      const literal = await t.app.inject({
        method: 'GET',
        url: `/api/v1/departments?q=${encodeURIComponent(q)}`,
        headers: officer.read,
      });
      expect(literal.json().total, q).toBe(0);
    }
    expect(await auditActions()).toContain('org.department.create:success');
  });

  it('refuses an invalid credit code with a field error in both languages, and writes nothing', async () => {
    const valid = makeCreditCode();
    const bad = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    for (const [lang, text] of [
      ['zh-CN', '统一社会信用代码不正确'],
      ['en', 'Not a valid unified social credit code'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/departments',
        headers: { ...authority.write, 'accept-language': lang },
        payload: { name: '市交通运输局', creditCode: bad, regionId: world.city.id, kind: 'department' },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ path: '/body/creditCode' });
      expect(response.json().errors[0].message).toContain(text);
    }
    const found = await t.database.db
      .selectFrom('departments')
      .select('id')
      .where('name', '=', '市交通运输局')
      .execute();
    expect(found).toEqual([]);
  });

  it('refuses a second authority for a region and a duplicate credit code', async () => {
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.write,
      payload: {
        name: '另一个大数据局',
        creditCode: makeCreditCode(),
        regionId: world.city.id,
        kind: 'authority',
      },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('org.department.authority_exists');
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.write,
      payload: {
        name: '重名测试',
        creditCode: world.police.credit_code,
        regionId: world.city.id,
        kind: 'department',
      },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('forbids a department officer from registering departments, and audits the denial', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: officer.write,
      payload: { name: 'x', creditCode: makeCreditCode(), regionId: world.city.id, kind: 'department' },
    });
    expect(response.statusCode).toBe(403);
    expect(await auditActions()).toContain('access.denied:denied');
  });

  it('refuses to make a department its own ancestor', async () => {
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/departments',
      headers: admin.write,
      payload: {
        name: '市公安局交警总队',
        creditCode: makeCreditCode(),
        regionId: world.city.id,
        kind: 'department',
        parentId: world.police.id,
      },
    });
    expect(child.statusCode).toBe(201);
    const cycle = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/departments/${world.police.id}`,
      headers: admin.write,
      payload: { parentId: child.json().id },
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().code).toBe('org.department.parent_cycle');
  });
});

describe('users', () => {
  it('creates a department officer with a generated password that works once shown', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: authority.write,
      payload: {
        username: 'market.head',
        displayName: '张局长',
        role: 'department_head',
        departmentId: world.market.id,
      },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.user).toMatchObject({
      role: 'department_head',
      departmentName: '市市场监管局',
      regionId: world.city.id,
    });
    expect(body.initialPassword).toMatch(/.{16}/);
    await login(t.app, 'market.head', body.initialPassword);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('detail')
      .where('action', '=', 'org.user.create')
      .execute();
    expect(JSON.stringify(events)).not.toContain(body.initialPassword);
  });

  it('refuses roles the authority may not grant and placements that make no sense', async () => {
    const auditor = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: authority.write,
      payload: { username: 'sneaky', displayName: 'x', role: 'platform_admin' },
    });
    expect(auditor.statusCode).toBe(403);
    const noDept = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.write,
      payload: { username: 'nodept', displayName: 'x', role: 'department_officer' },
    });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().errors[0].path).toBe('/body/departmentId');
    const wrongAuthority = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.write,
      payload: {
        username: 'fakeauth',
        displayName: 'x',
        role: 'authority_officer',
        departmentId: world.police.id,
      },
    });
    expect(wrongAuthority.statusCode).toBe(400);
    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.write,
      payload: { username: 'ADMIN', displayName: 'x', role: 'expert' },
    });
    expect(taken.statusCode).toBe(409);
  });

  it('validates public users by citizen ID check digit', async () => {
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.write,
      payload: {
        username: 'citizen1',
        displayName: '李四',
        role: 'public_user',
        personType: 'natural',
        identityNumber: makeCitizenId(),
      },
    });
    expect(good.statusCode).toBe(201);
    const id = makeCitizenId();
    const wrong = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.write,
      payload: {
        username: 'citizen2',
        displayName: '王五',
        role: 'public_user',
        personType: 'natural',
        identityNumber: wrong,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('org.user.bad_citizen_id');
  });

  it('disabling a user ends their sessions at once; reset-password gives a working new one', async () => {
    const session = await login(t.app, 'market.officer', world.users.marketOfficer.password);
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${world.users.marketOfficer.user.id}`,
      headers: authority.write,
      payload: { disabled: true },
    });
    expect(disabled.statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.read })).statusCode,
    ).toBe(401);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${world.users.marketOfficer.user.id}`,
      headers: authority.write,
      payload: { disabled: false },
    });
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${world.users.marketOfficer.user.id}/reset-password`,
      headers: authority.write,
    });
    expect(reset.statusCode).toBe(200);
    await login(t.app, 'market.officer', reset.json().password);
  });

  it('keeps the authority to its own region and away from the admin account', async () => {
    const other = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${world.users.admin.user.id}`,
      headers: authority.write,
      payload: { displayName: 'hijacked' },
    });
    expect(other.statusCode).toBe(403);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?pageSize=200',
      headers: authority.read,
    });
    const names = list.json().items.map((u: { username: string }) => u.username);
    expect(names).toContain('police.officer');
    expect(names).not.toContain('admin');
    const byOfficer = await t.app.inject({ method: 'GET', url: '/api/v1/users', headers: officer.read });
    expect(byOfficer.statusCode).toBe(403);
    const adminAccount = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${world.users.admin.user.id}`,
      headers: authority.read,
    });
    expect(adminAccount.statusCode).toBe(403);
  });

  it('audits every look at the accounts, since they hold contact details', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/users?role=department_officer', headers: admin.read });
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${world.users.policeOfficer.user.id}`,
      headers: admin.read,
    });
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'target_id', 'detail'])
      .where('action', 'in', ['org.user.list', 'org.user.read'])
      .where('actor_name', '=', 'admin')
      .execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['org.user.list', 'org.user.read']));
    expect(JSON.stringify(events)).toContain('department_officer');
  });
});

describe('grantable roles', () => {
  it('tells the console which roles the signed-in user may give', async () => {
    const asAuthority = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: authority.read })
    ).json();
    expect(asAuthority.grantableRoles).toEqual([
      'authority_officer',
      'department_officer',
      'department_head',
      'security_officer',
      'expert',
    ]);
    const asAdmin = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.read })
    ).json();
    expect(asAdmin.grantableRoles).toContain('auditor');
    const asOfficer = (
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: officer.read })
    ).json();
    expect(asOfficer.grantableRoles).toEqual([]);
  });
});
