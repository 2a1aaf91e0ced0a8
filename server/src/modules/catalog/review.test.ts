import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { classIdOf, resourceInput } from './catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let officer: TestSession;
let head: TestSession;
let authority: TestSession;
let market: TestSession;
let districtOfficer: TestSession;
let districtAuthority: TestSession;
let themeClass: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  const db = t.database.db;
  const districtAuthorityDept = await createDepartment(db, {
    regionId: world.district.id,
    name: '渝中区大数据局',
    kind: 'authority',
  });
  await createUser(db, {
    role: 'department_officer',
    username: 'yz.officer',
    departmentId: world.districtDept.id,
    regionId: world.district.id,
  });
  await createUser(db, {
    role: 'authority_officer',
    username: 'yz.authority',
    departmentId: districtAuthorityDept.id,
    regionId: world.district.id,
  });
  officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  head = await login(t.app, 'police.head', world.users.policeHead.password);
  market = await login(t.app, 'market.officer', world.users.marketOfficer.password);
  authority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  districtOfficer = await login(t.app, 'yz.officer', 'Test-password-1');
  districtAuthority = await login(t.app, 'yz.authority', 'Test-password-1');
  themeClass = await classIdOf(db, '201');
});
afterAll(() => t.close());

async function post(session: TestSession, url: string, payload: object = {}) {
  return t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: session.write, payload });
}
async function get(session: TestSession, url: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: session.read });
}
async function createResource(session: TestSession, name: string, overrides = {}) {
  const response = await post(
    session,
    '/catalog/resources',
    resourceInput(themeClass, { name, ...overrides }),
  );
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; code: string };
}
const approveAll = (submission: { entries: { id: string }[] }) => ({
  decisions: submission.entries.map((entry) => ({ entryId: entry.id, decision: 'approved' })),
});

describe('a city department’s list: submit, review, publish [CQ19 §12]', () => {
  let first: { id: string; code: string };
  let second: { id: string; code: string };
  let submission: { id: string; entries: { id: string; resourceId: string }[] };

  it('submits drafts, locks them, and gives the authority a case without a deadline for a first compilation', async () => {
    first = await createResource(officer, '道路交通事故信息');
    second = await createResource(officer, '机动车登记信息');
    const response = await post(officer, '/catalog/submissions', {
      resourceIds: [first.id, second.id],
      note: '首次编制',
    });
    expect(response.statusCode, response.body).toBe(201);
    submission = response.json();
    expect(submission).toMatchObject({
      kind: 'compile',
      state: 'pending',
      holderRegionName: '重庆市',
      entryCount: 2,
      dueOn: null,
    });
    expect(submission.entries.map((e) => (e as unknown as { change: string }).change)).toEqual([
      'add',
      'add',
    ]);
    const locked = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/resources/${first.id}/draft`,
      headers: officer.write,
      payload: resourceInput(themeClass, { name: '改名' }),
    });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toContain('审核中');
    const twice = await post(officer, '/catalog/submissions', { resourceIds: [first.id] });
    expect(twice.statusCode).toBe(400);
  });

  it('shows the authority its inbox; a department officer cannot decide', async () => {
    const inbox = await get(authority, '/catalog/submissions?inbox=true&state=pending');
    expect(inbox.json().items.map((s: { id: string }) => s.id)).toContain(submission.id);
    const byOfficer = await post(
      officer,
      `/catalog/submissions/${submission.id}/decisions`,
      approveAll(submission),
    );
    expect(byOfficer.statusCode).toBe(403);
    const elsewhere = await get(market, `/catalog/submissions/${submission.id}`);
    expect(elsewhere.statusCode).toBe(403);
  });

  it('refuses a return without a reason, then approves one entry and returns the other', async () => {
    const [a, b] = submission.entries;
    const noReason = await post(authority, `/catalog/submissions/${submission.id}/decisions`, {
      decisions: [{ entryId: b!.id, decision: 'returned' }],
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: '/body/decisions/0/reason' });
    const decided = await post(authority, `/catalog/submissions/${submission.id}/decisions`, {
      decisions: [
        { entryId: a!.id, decision: 'approved' },
        { entryId: b!.id, decision: 'returned', reason: '信息项缺少数据来源说明' },
      ],
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ state: 'reviewed', pendingCount: 0 });
    const again = await post(
      authority,
      `/catalog/submissions/${submission.id}/decisions`,
      approveAll(submission),
    );
    expect(again.statusCode).toBe(409);
    const returned = (await get(officer, `/catalog/resources/${second.id}`)).json();
    expect(returned).toMatchObject({ underReview: false, draft: { state: 'returned' } });
  });

  it('publishes the approved change as version 1; only the top authority may publish', async () => {
    const pending = (await get(authority, '/catalog/versions/pending')).json();
    expect(pending.map((p: { code: string }) => p.code)).toEqual([first.code]);
    expect((await post(officer, '/catalog/versions')).statusCode).toBe(403);
    expect((await post(districtAuthority, '/catalog/versions')).statusCode).toBe(403);
    const published = await post(authority, '/catalog/versions', { note: '第一版' });
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ added: 1, changed: 0, removed: 0 });
    const nothing = await post(authority, '/catalog/versions');
    expect(nothing.statusCode).toBe(409);
    const resource = (await get(market, `/catalog/resources/${first.id}`)).json();
    expect(resource).toMatchObject({ status: 'published', draft: null, published: { state: 'published' } });
    expect(resource.firstPublishedAt).not.toBeNull();
    const entry = await t.database.db
      .selectFrom('catalog_entries')
      .select(['code', 'version_number', 'quality_score'])
      .where('resource_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ code: first.code, version_number: 1 });
    const quality = (await get(market, `/catalog/resources/${first.id}/quality`)).json();
    const criteria = Object.fromEntries(
      quality.criteria.map((c: { code: string; met: boolean }) => [c.code, c.met]),
    );
    // The factory's resource has keywords, a machine-readable open format and a contact; its data
    // has not been loaded yet (pools come later), and its items are not all described.
    expect(criteria).toMatchObject({
      keywords: true,
      openFormat: true,
      contactPoint: true,
      timely: false,
      itemsDocumented: false,
    });
    expect(quality.score).toBe(entry.quality_score);
    const departments = (await get(authority, '/catalog/quality/departments')).json();
    expect(departments).toContainEqual({
      departmentId: world.police.id,
      departmentName: '市公安局',
      resources: 1,
      average: entry.quality_score,
    });
  });

  it('takes a change of a published resource as an update with the profile’s review deadline, and diffs it [CQ19 §14]', async () => {
    const changed = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/resources/${first.id}/draft`,
      headers: officer.write,
      payload: resourceInput(themeClass, {
        name: '道路交通事故信息',
        updateCycle: 'weekly',
        items: [
          {
            name: '线路编号',
            fieldName: 'xlbh',
            dataType: 'C',
            length: 30,
            sensitivity: 'general',
            isKey: true,
          },
          { name: '事故地点', fieldName: 'sgdd', dataType: 'C', length: 200, sensitivity: 'general' },
        ],
      }),
    });
    expect(changed.json()).toMatchObject({ published: { number: 1 }, draft: { number: 2 } });
    // The officer sees what the draft changes before submitting it; another department sees no draft.
    const own = (await get(officer, `/catalog/resources/${first.id}`)).json();
    expect(own.draftChanges.fields).toContainEqual({
      field: 'updateCycle',
      before: 'monthly',
      after: 'weekly',
    });
    expect((await get(market, `/catalog/resources/${first.id}`)).json()).toMatchObject({
      draft: null,
      draftChanges: null,
    });
    const response = await post(officer, '/catalog/submissions', { resourceIds: [first.id] });
    const update = response.json();
    expect(update.kind).toBe('update');
    expect(update.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [entry] = update.entries;
    expect(entry.change).toBe('change');
    expect(entry.diff.fields).toContainEqual({ field: 'updateCycle', before: 'monthly', after: 'weekly' });
    expect(entry.diff.items.added.map((i: { fieldName: string }) => i.fieldName)).toEqual(['sgdd']);
    expect(entry.diff.items.removed.map((i: { fieldName: string }) => i.fieldName)).toEqual(['xlmc', 'pj']);
    expect(entry.diff.items.changed).toEqual([
      { fieldName: 'xlbh', changes: [{ field: 'length', before: 20, after: 30 }] },
    ]);
    const reviewCase = (await get(authority, `/cases/${update.caseId}`)).json();
    expect(reviewCase).toMatchObject({ type: 'catalog.update_review', rule: 'catalogUpdateReview' });
    await post(authority, `/catalog/submissions/${update.id}/decisions`, approveAll(update));
    expect((await post(authority, '/catalog/versions')).json()).toMatchObject({ changed: 1 });
    const history = (await get(market, `/catalog/resources/${first.id}/history`)).json();
    expect(
      history.map((h: { versionNumber: number; change: string }) => [h.versionNumber, h.change]),
    ).toEqual([
      [1, 'added'],
      [2, 'changed'],
    ]);
    const version = (await get(market, '/catalog/versions/2')).json();
    expect(version.changes[0].diff.fields).toContainEqual({
      field: 'updateCycle',
      before: 'monthly',
      after: 'weekly',
    });
  });

  it('withdraws a published resource through an approved removal, taking it out of the published view', async () => {
    const response = await post(officer, '/catalog/submissions', {
      resourceIds: [],
      removals: [{ resourceId: first.id, note: '职能划转至市交通运输委' }],
    });
    expect(response.statusCode, response.body).toBe(201);
    const removal = response.json();
    expect(removal.entries[0]).toMatchObject({
      change: 'remove',
      note: '职能划转至市交通运输委',
      after: null,
    });
    await post(authority, `/catalog/submissions/${removal.id}/decisions`, approveAll(removal));
    expect((await post(authority, '/catalog/versions')).json()).toMatchObject({ removed: 1 });
    expect((await get(officer, `/catalog/resources/${first.id}`)).json().status).toBe('withdrawn');
    const entries = await t.database.db
      .selectFrom('catalog_entries')
      .select('code')
      .where('resource_id', '=', first.id)
      .execute();
    expect(entries).toEqual([]);
  });
});

describe('a district department’s list climbs the region tree [CQ19 §12]', () => {
  it('goes to the district authority, which forwards it; the city authority reviews', async () => {
    const resource = await createResource(districtOfficer, '渝中区个体工商户名录');
    const submitted = (
      await post(districtOfficer, '/catalog/submissions', { resourceIds: [resource.id] })
    ).json();
    expect(submitted.holderRegionName).toBe('渝中区');
    const cityInbox = (await get(authority, '/catalog/submissions?inbox=true')).json();
    expect(cityInbox.items.map((s: { id: string }) => s.id)).not.toContain(submitted.id);
    const approveBelow = await post(
      districtAuthority,
      `/catalog/submissions/${submitted.id}/decisions`,
      approveAll(submitted),
    );
    expect(approveBelow.statusCode).toBe(409);
    expect(approveBelow.json().code).toBe('catalog.review_top_only');
    const forwarded = await post(districtAuthority, `/catalog/submissions/${submitted.id}/forward`, {
      note: '区级汇总',
    });
    expect(forwarded.json()).toMatchObject({ holderRegionName: '重庆市', state: 'pending' });
    const again = await post(districtAuthority, `/catalog/submissions/${submitted.id}/forward`);
    expect(again.statusCode).toBe(403);
    const topForward = await post(authority, `/catalog/submissions/${submitted.id}/forward`);
    expect(topForward.statusCode).toBe(409);
    const decided = await post(
      authority,
      `/catalog/submissions/${submitted.id}/decisions`,
      approveAll(submitted),
    );
    expect(decided.json().state).toBe('reviewed');
    const cases = await t.database.db
      .selectFrom('cases')
      .select(['type', 'state'])
      .where('type', '=', 'catalog.review')
      .execute();
    expect(cases.map((c) => c.state)).toEqual(expect.arrayContaining(['forwarded', 'reviewed']));
  });

  it('lets the department withdraw a pending list and edit its drafts again; others cannot', async () => {
    const resource = await createResource(officer, '暂住登记信息');
    const submitted = (await post(officer, '/catalog/submissions', { resourceIds: [resource.id] })).json();
    expect((await post(market, `/catalog/submissions/${submitted.id}/withdraw`)).statusCode).toBe(403);
    const withdrawn = await post(head, `/catalog/submissions/${submitted.id}/withdraw`);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await get(officer, `/catalog/resources/${resource.id}`)).json()).toMatchObject({
      underReview: false,
      draft: { state: 'draft' },
    });
    expect(
      (await post(authority, `/catalog/submissions/${submitted.id}/decisions`, approveAll(submitted)))
        .statusCode,
    ).toBe(409);
  });

  it('lets one of two simultaneous decisions win and refuses the other', async () => {
    const resource = await createResource(officer, '出入境证件信息');
    const submitted = (await post(officer, '/catalog/submissions', { resourceIds: [resource.id] })).json();
    const [a, b] = await Promise.all([
      post(authority, `/catalog/submissions/${submitted.id}/decisions`, approveAll(submitted)),
      post(authority, `/catalog/submissions/${submitted.id}/decisions`, {
        decisions: [{ entryId: submitted.entries[0].id, decision: 'returned', reason: '重复' }],
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });
});
