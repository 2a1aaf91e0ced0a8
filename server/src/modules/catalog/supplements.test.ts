import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { classIdOf, resourceInput } from './catalog.factories.ts';

// The Sichuan profile lets lower levels keep supplementary catalogs filed with the level above (SC §9).
let t: TestApp;
let cityAuthority: TestSession;
let districtAuthority: TestSession;
let districtOfficer: TestSession;
let cityOfficer: TestSession;
let themeClass: string;

beforeAll(async () => {
  t = await createTestApp({ config: { profileId: 'sc' } });
  const db = t.database.db;
  const world = await createWorld(db);
  const districtAuthorityDept = await createDepartment(db, {
    regionId: world.district.id,
    name: '区数据局',
    kind: 'authority',
  });
  await createUser(db, {
    role: 'department_officer',
    username: 'district.officer',
    departmentId: world.districtDept.id,
    regionId: world.district.id,
  });
  await createUser(db, {
    role: 'authority_officer',
    username: 'district.authority',
    departmentId: districtAuthorityDept.id,
    regionId: world.district.id,
  });
  cityAuthority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  cityOfficer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  districtAuthority = await login(t.app, 'district.authority', 'Test-password-1');
  districtOfficer = await login(t.app, 'district.officer', 'Test-password-1');
  themeClass = await classIdOf(db, '210');
});
afterAll(() => t.close());

const post = (session: TestSession, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.write, payload });
const get = (session: TestSession, url: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });

describe('supplementary catalogs [SC §9]', () => {
  it('lets a district authority approve into its supplementary catalog, filed with the city, which acknowledges', async () => {
    const created = await post(
      districtOfficer,
      '/catalog/resources',
      resourceInput(themeClass, { name: '社区网格员信息' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const submission = (
      await post(districtOfficer, '/catalog/submissions', { resourceIds: [created.json().id] })
    ).json();
    const entryId = submission.entries[0].id;
    const decided = await post(districtAuthority, `/catalog/submissions/${submission.id}/decisions`, {
      decisions: [{ entryId, decision: 'approved' }],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().state).toBe('reviewed');

    const filings = (await get(cityAuthority, '/catalog/supplements?acknowledged=false')).json();
    expect(filings).toHaveLength(1);
    expect(filings[0]).toMatchObject({
      id: entryId,
      name: '社区网格员信息',
      regionName: '渝中区',
      acknowledgedAt: null,
    });
    expect((await get(districtAuthority, '/catalog/supplements')).json()).toEqual([]);
    expect((await get(cityOfficer, '/catalog/supplements')).statusCode).toBe(403);

    const byDistrict = await post(districtAuthority, '/catalog/supplements/acknowledge', {
      entryIds: [entryId],
    });
    expect(byDistrict.statusCode).toBe(400);
    const acknowledged = await post(cityAuthority, '/catalog/supplements/acknowledge', {
      entryIds: [entryId],
    });
    expect(acknowledged.json()).toEqual({ acknowledged: 1 });
    expect((await get(cityAuthority, '/catalog/supplements?acknowledged=false')).json()).toEqual([]);

    const published = await post(cityAuthority, '/catalog/versions', { note: '纳入全省目录统一管理' });
    expect(published.json()).toMatchObject({ added: 1 });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'in', ['catalog.submission.decide', 'catalog.supplement.acknowledge'])
      .execute();
    expect(audit).toHaveLength(2);
  });
});
