import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDepartment, createUser, login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import { seedOpenCatalog } from '../../dcat/open-catalog.fixtures.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  applicationBody,
  approvedApplication,
  call,
  conditionalWorld,
  createOpenTestApp,
  inDays,
  submitApplication,
  verifiedApplicant,
  type Answer,
  type ConditionalWorld,
} from './applications.fixtures.ts';

// Filing applications for conditionally open data (CQO §24): who may apply, for what, and every
// way an application is refused before anything is stored.

let t: TestApp;
let w: ConditionalWorld;
let sample: Awaited<ReturnType<typeof seedOpenCatalog>>;
let citizen: RegisteredUser;

beforeAll(async () => {
  t = await createOpenTestApp();
  sample = await seedOpenCatalog(t.database.db);
  w = await conditionalWorld(t);
  citizen = await verifiedApplicant(t);
});
afterAll(() => t.close());

const problems = (answer: Answer) =>
  Object.fromEntries(
    ((answer.body.errors ?? []) as { path: string; message: string }[]).map((e) => [e.path, e.message]),
  );
const count = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('open_applications')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('filing an application', () => {
  it('stores the application, opens the provider’s case due per the profile and audits it', async () => {
    const filed = await submitApplication(t, citizen.session, w.dataset.id);
    expect(filed.status, filed.raw.body).toBe(201);
    const rule = t.app.platform.profile.deadlines.conditionalOpenReply!;
    const dueOn = t.app.platform.calendar.addWorkdays(inDays(0), rule.workdays);
    expect(filed.body).toMatchObject({
      state: 'submitted',
      decision: null,
      resource: { id: w.dataset.id, name: w.dataset.name },
      provider: { id: w.provider.departmentId, name: '市公安局' },
      applicant: { id: citizen.id, name: '张三', personType: 'natural' },
      fields: ['xlbh', 'ssqx'],
      items: [
        { field: 'xlbh', name: '线路编号' },
        { field: 'ssqx', name: '所属区县' },
      ],
      methods: ['download'],
      validFrom: inDays(0),
      validUntil: inDays(89),
      dueOn,
      overdue: false,
      workdaysLeft: rule.workdays,
      agreement: null,
      replyRule: { workdays: rule.workdays, article: rule.article },
      case: { dueOn, state: 'submitted', extensionWorkdays: 0 },
    });
    expect((filed.body.applicant as { identityMasked: string }).identityMasked).toMatch(/\*/);
    const kase = await t.database.db
      .selectFrom('cases')
      .select(['type', 'department_id', 'subject', 'due_on', 'rule'])
      .where('id', '=', filed.body.caseId as string)
      .executeTakeFirstOrThrow();
    expect(kase).toMatchObject({
      type: 'opening.conditional_application',
      department_id: w.provider.departmentId,
      rule: 'conditionalOpenReply',
      due_on: dueOn,
    });
    expect(kase.subject).toContain(w.dataset.name);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_name', 'department_id', 'purpose', 'detail'])
      .where('action', '=', 'open.application.submit')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_name: citizen.username,
      department_id: w.provider.departmentId,
      purpose: '公交线网优化研究',
    });
    // The provider and the applicant see it in their lists; the provider's answer closes the case.
    const mine = await call(t, citizen.session, 'GET', '/open/me/applications');
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: filed.body.id, dueOn }] });
    const providers = await call(t, w.sessions.police, 'GET', '/open/applications?state=submitted');
    expect((providers.body.items as { id: string }[]).map((a) => a.id)).toContain(filed.body.id);
  });
});

describe('who may apply', () => {
  it('refuses the anonymous (401), a user without an authenticated identity (403) and department staff (403)', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/applications',
      payload: applicationBody(w.dataset.id),
    });
    expect(anonymous.statusCode).toBe(401);
    const { password } = await createUser(t.database.db, { role: 'public_user', username: 'not.verified' });
    const unverified = await login(t.app, 'not.verified', password);
    const refused = await submitApplication(t, unverified, w.dataset.id);
    expect([refused.status, refused.body.code]).toEqual([403, 'open.identity_required']);
    for (const staff of [w.sessions.police, w.sessions.market, w.sessions.authority])
      expect((await submitApplication(t, staff, w.dataset.id)).status).toBe(403);
  });
});

describe('what may be applied for', () => {
  let applicant: RegisteredUser;
  beforeAll(async () => {
    applicant = await verifiedApplicant(t);
  });

  it('answers 404 for an unknown or closed dataset and 400 for a malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', sample.ids.census]) {
      const answer = await submitApplication(t, applicant.session, id);
      expect(answer.status).toBe(404);
    }
    expect((await submitApplication(t, applicant.session, 'nope')).status).toBe(400);
  });

  it('answers 409 for an unconditionally open dataset and for a conditional one without data', async () => {
    const open = await submitApplication(t, applicant.session, sample.ids.bus);
    expect([open.status, open.body.code]).toEqual([409, 'open.application.not_conditional']);
    expect(open.body.detail).toContain('无须申请');
    const empty = await submitApplication(t, applicant.session, sample.ids.companies, { methods: ['api'] });
    expect([empty.status, empty.body.code]).toEqual([409, 'open.application.no_data']);
  });

  it('names every bad field at once (422) and stores nothing', async () => {
    const before = await count();
    const max = t.app.platform.profile.opening.agreements.maxPeriodDays;
    const answer = await submitApplication(t, applicant.session, w.dataset.id, {
      purpose: '   ',
      scenario: '\t',
      securityMeasures: ' ',
      fields: ['xlbh', 'nope', 'xlbh'],
      validFrom: inDays(1),
      validUntil: inDays(1 + max),
    });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('open.application.invalid');
    const byPath = problems(answer);
    expect(Object.keys(byPath).sort()).toEqual(
      [
        '/body/fields/1',
        '/body/fields/2',
        '/body/purpose',
        '/body/scenario',
        '/body/securityMeasures',
        '/body/validUntil',
      ].sort(),
    );
    expect(byPath['/body/fields/1']).toContain('nope');
    expect(byPath['/body/validUntil']).toContain(`${max} 天`);
    expect(byPath['/body/validUntil']).toContain(t.app.platform.profile.opening.agreements.article!);
    expect(await count()).toBe(before);
  });

  it('refuses a start in the past and an end before the start, in English on request', async () => {
    const past = await submitApplication(t, applicant.session, w.dataset.id, { validFrom: inDays(-1) });
    expect(past.status).toBe(422);
    expect(Object.keys(problems(past))).toEqual(['/body/validFrom']);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/applications',
      headers: { ...applicant.session.write, 'accept-language': 'en' },
      payload: applicationBody(w.dataset.id, { validFrom: inDays(10), validUntil: inDays(5) }),
    });
    expect(raw.statusCode).toBe(422);
    expect(raw.json().errors).toEqual([
      expect.objectContaining({ path: '/body/validUntil', message: 'The end cannot be before the start' }),
    ]);
    // The longest period allowed is accepted: both ends count.
    const max = t.app.platform.profile.opening.agreements.maxPeriodDays;
    const longest = await submitApplication(t, applicant.session, w.dataset.id, {
      validFrom: inDays(1),
      validUntil: inDays(max),
    });
    expect(longest.status, longest.raw.body).toBe(201);
    await call(t, applicant.session, 'POST', `/open/applications/${longest.body.id as string}/withdraw`);
  });

  it('refuses a method the dataset does not offer, and unknown methods at the schema', async () => {
    const downloadOnly = await conditionalWorld(t, { name: '公交站点明细', openMethods: ['download'] });
    const api = await submitApplication(t, applicant.session, downloadOnly.dataset.id, {
      methods: ['download', 'api'],
    });
    expect(api.status).toBe(422);
    expect(problems(api)['/body/methods/1']).toContain('api');
    const model = await submitApplication(t, applicant.session, w.dataset.id, { methods: ['model'] });
    expect(model.status).toBe(400);
  });
});

describe('one waiting application per dataset', () => {
  it('refuses a second one while the first waits (409), and takes one again after a withdrawal', async () => {
    const applicant = await verifiedApplicant(t);
    const first = await submitApplication(t, applicant.session, w.dataset.id);
    expect(first.status).toBe(201);
    const second = await submitApplication(t, applicant.session, w.dataset.id, { purpose: '另一个用途' });
    expect([second.status, second.body.code]).toEqual([409, 'open.application.duplicate']);
    expect(second.body.detail).toContain(w.dataset.name);
    const withdrawn = await call(
      t,
      applicant.session,
      'POST',
      `/open/applications/${first.body.id as string}/withdraw`,
    );
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', dueOn: null, case: { state: 'withdrawn' } });
    expect((withdrawn.body.case as { closedAt: string | null }).closedAt).not.toBeNull();
    expect((await submitApplication(t, applicant.session, w.dataset.id)).status).toBe(201);
  });
});

describe('withdrawing', () => {
  it('lets only the applicant withdraw, only while the answer is pending', async () => {
    const applicant = await verifiedApplicant(t);
    const stranger = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, w.dataset.id);
    const id = filed.body.id as string;
    const theirs = await call(t, stranger.session, 'POST', `/open/applications/${id}/withdraw`);
    expect(theirs.status).toBe(404);
    const decided = await call(t, w.sessions.police, 'POST', `/open/applications/${id}/decision`, {
      decision: 'refuse',
      reason: '申请用途与开放条件不符',
    });
    expect(decided.status).toBe(200);
    const late = await call(t, applicant.session, 'POST', `/open/applications/${id}/withdraw`);
    expect([late.status, late.body.code]).toEqual([409, 'open.application.not_withdrawable']);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'open.application.withdraw')
      .where('target_id', '=', id)
      .execute();
    expect(audit).toHaveLength(0);
  });
});

describe('who sees an application', () => {
  it('shows it to the applicant, the provider, the city authority and the auditor; 404 to everyone else', async () => {
    const applicant = await verifiedApplicant(t);
    const stranger = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, w.dataset.id);
    const id = filed.body.id as string;
    for (const session of [
      applicant.session,
      w.sessions.police,
      w.sessions.head,
      w.sessions.authority,
      w.sessions.auditor,
    ])
      expect((await call(t, session, 'GET', `/open/applications/${id}`)).status).toBe(200);
    for (const session of [stranger.session, w.sessions.market, await districtAuthority()])
      expect((await call(t, session, 'GET', `/open/applications/${id}`)).status).toBe(404);
    const reads = await t.database.db
      .selectFrom('audit_events')
      .select('actor_name')
      .where('action', '=', 'open.application.read')
      .where('target_id', '=', id)
      .execute();
    // The five readers, and the filing's own answer.
    expect(reads).toHaveLength(6);
  });

  it('lists the provider’s and the region’s applications with filters; none for other departments', async () => {
    const applicant = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, w.dataset.id);
    const id = filed.body.id as string;
    const ids = (answer: Answer) => (answer.body.items as { id: string }[]).map((a) => a.id);
    const provider = await call(t, w.sessions.police, 'GET', `/open/applications?resourceId=${w.dataset.id}`);
    expect(ids(provider)).toContain(id);
    expect(ids(provider)[0]).toBe(id);
    const authority = await call(t, w.sessions.authority, 'GET', '/open/applications?state=submitted');
    expect(ids(authority)).toContain(id);
    const refused = await call(t, w.sessions.police, 'GET', '/open/applications?state=refused');
    expect(ids(refused)).not.toContain(id);
    const notLate = await call(t, w.sessions.police, 'GET', '/open/applications?overdue=false&pageSize=200');
    expect(ids(notLate)).toContain(id);
    const market = await call(t, w.sessions.market, 'GET', '/open/applications');
    expect(market.body.total).toBe(0);
    const publicList = await call(t, applicant.session, 'GET', '/open/applications');
    expect(publicList.status).toBe(403);
    const own = await call(t, applicant.session, 'GET', '/open/me/applications');
    expect(own.body).toMatchObject({ total: 1, page: 1, items: [{ id, state: 'submitted' }] });
    expect((await call(t, w.sessions.police, 'GET', '/open/me/applications')).status).toBe(403);
  });

  it('shows the dataset’s level (分级) in the provider’s and the region’s lists, never to the applicant', async () => {
    const graded = await conditionalWorld(t, {
      name: '公交线路运营明细（重要数据）',
      securityLevel: 'important',
      securitySubLevel: 'important-1',
    });
    const applicant = await verifiedApplicant(t);
    const filed = await submitApplication(t, applicant.session, graded.dataset.id);
    const id = filed.body.id as string;
    const level = { securityLevel: 'important', securitySubLevel: 'important-1' };
    const query = `/open/applications?resourceId=${graded.dataset.id}`;
    for (const session of [graded.sessions.police, graded.sessions.authority]) {
      const list = await call(t, session, 'GET', query);
      expect(list.body.items).toEqual([expect.objectContaining({ id, ...level })]);
    }
    expect((await call(t, graded.sessions.police, 'GET', `/open/applications/${id}`)).body).toMatchObject(
      level,
    );
    // The public is not told the grades: the applicant's own list and detail carry none.
    const none = { securityLevel: null, securitySubLevel: null };
    const own = await call(t, applicant.session, 'GET', '/open/me/applications');
    expect(own.body.items).toEqual([expect.objectContaining({ id, ...none })]);
    expect((await call(t, applicant.session, 'GET', `/open/applications/${id}`)).body).toMatchObject(none);
    // A dataset of the general level says so.
    const general = await call(t, w.sessions.police, 'GET', `/open/applications?resourceId=${w.dataset.id}`);
    expect(general.body.items).toContainEqual(expect.objectContaining({ securityLevel: 'general' }));
  });
});

describe('the fixture', () => {
  it('approves an application into an agreement awaiting signatures', async () => {
    const other = await verifiedApplicant(t);
    const approved = await approvedApplication(t, w, other.session);
    expect(approved.agreementNumber).toMatch(/^KF\d{4}\d{6}$/);
    expect(approved.agreementState).toBe('awaiting_signatures');
    expect(approved.application).toMatchObject({ state: 'approved', decision: 'approve', dueOn: null });
  });
});

async function districtAuthority(): Promise<TestSession> {
  const db = t.database.db;
  const district = await db
    .selectFrom('regions')
    .select('id')
    .where('name', '=', '渝中区')
    .executeTakeFirstOrThrow();
  const department = await createDepartment(db, { regionId: district.id, kind: 'authority' });
  const { password } = await createUser(db, {
    role: 'authority_officer',
    username: 'district.authority',
    departmentId: department.id,
    regionId: district.id,
  });
  return login(t.app, 'district.authority', password);
}
