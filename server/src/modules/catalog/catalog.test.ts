import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { classIdOf, resourceInput } from './catalog.factories.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let officer: TestSession;
let market: TestSession;
let authority: TestSession;
let auditor: TestSession;
let themeClass: string;
let baseClass: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  market = await login(t.app, 'market.officer', world.users.marketOfficer.password);
  authority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  auditor = await login(t.app, 'auditor', world.users.auditor.password);
  themeClass = await classIdOf(t.database.db, '201');
  baseClass = await classIdOf(t.database.db, '101');
});
afterAll(() => t.close());

const create = (session: TestSession, payload: object, lang = 'zh-CN') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/catalog/resources',
    headers: { ...session.write, 'accept-language': lang },
    payload,
  });

const errorsOf = (body: { errors?: { path: string; message: string }[] }) =>
  Object.fromEntries((body.errors ?? []).map((e) => [e.path, e.message]));

describe('compiling a resource [CQ19 §11]', () => {
  it('creates a draft with a code assigned under its classification, audited', async () => {
    const response = await create(officer, resourceInput(themeClass));
    expect(response.statusCode).toBe(201);
    const resource = response.json();
    expect(resource.code).toMatch(/^201\/\d{6}$/);
    expect(resource).toMatchObject({
      status: 'draft',
      published: null,
      underReview: false,
      provider: { name: '市公安局' },
      draft: { name: '公交线路信息', class: { code: '201', path: ['主题信息资源', '公共服务'] } },
    });
    expect(resource.draft.items.map((i: { fieldName: string }) => i.fieldName)).toEqual([
      'xlbh',
      'xlmc',
      'pj',
    ]);
    const second = (await create(officer, resourceInput(themeClass, { name: '公交站点信息' }))).json();
    expect(Number(second.code.split('/')[1])).toBe(Number(resource.code.split('/')[1]) + 1);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('action', '=', 'catalog.resource.create')
      .execute();
    expect(audit.map((a) => a.target_id)).toContain(resource.id);
  });

  it('refuses a conditional share type without a legal basis, saying which article asks for it [CQ19 §25]', async () => {
    const before = await t.database.db.selectFrom('catalog_resources').select('id').execute();
    const response = await create(
      officer,
      resourceInput(themeClass, {
        shareType: 'conditional',
        shareCondition: '仅限公安机关办案使用',
        openType: 'none',
        openMethods: [],
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response.json())['/body/shareBasis']).toBe(
      '有条件共享必须注明法律、行政法规或国务院政策依据（CQ19 §25）',
    );
    const english = await create(
      officer,
      resourceInput(themeClass, {
        openType: 'conditional',
        openMethods: ['download'],
        openCondition: '科研用途',
      }),
      'en',
    );
    expect(errorsOf(english.json())['/body/openBasis']).toContain('must cite its legal basis');
    const after = await t.database.db.selectFrom('catalog_resources').select('id').execute();
    expect(after).toHaveLength(before.length);
  });

  it('accepts a restricted type with its legal basis and condition', async () => {
    const response = await create(
      officer,
      resourceInput(themeClass, {
        name: '机动车驾驶人信息',
        shareType: 'conditional',
        shareCondition: '用于交通执法和保险理赔核验',
        shareBasis: '《中华人民共和国道路交通安全法》第十九条',
        openType: 'none',
        openMethods: [],
        openBasis: '《中华人民共和国个人信息保护法》第十三条',
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().draft).toMatchObject({ shareType: 'conditional', openMethods: [] });
  });

  it('keeps base resources unconditionally shared [CQ19 §25]', async () => {
    const response = await create(
      officer,
      resourceInput(baseClass, {
        name: '人口基本信息',
        shareType: 'conditional',
        shareCondition: '—',
        shareBasis: '某法',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(errorsOf(response.json())['/body/shareType']).toBe('基础信息资源应当无条件共享（CQ19 §25）');
  });

  it('names every problem at once: binary items, missing lengths, repeated field names, two keys, unknown values', async () => {
    const response = await create(
      officer,
      resourceInput(themeClass, {
        items: [
          { name: '照片', fieldName: 'zp', dataType: 'G', sensitivity: 'personal' },
          { name: '姓名', fieldName: 'xm', dataType: 'C', sensitivity: 'personal', isKey: true },
          { name: '姓名2', fieldName: 'xm', dataType: 'C', length: 10, sensitivity: 'personal', isKey: true },
        ],
        securityLevel: 'topsecret',
        updateCycle: 'other',
      }),
    );
    expect(response.statusCode).toBe(400);
    const errors = errorsOf(response.json());
    expect(errors['/body/items/0/dataType']).toContain('通用型');
    expect(errors['/body/items/1/length']).toBe('字符型和数值型信息项须填写数据长度');
    expect(errors['/body/items/2/fieldName']).toBe('字段名 xm 与第 2 个信息项重复');
    expect(errors['/body/items/2/isKey']).toBeDefined();
    expect(errors['/body/securityLevel']).toContain('general');
    expect(errors['/body/updateCycleNote']).toBeDefined();
  });

  it('refuses bad field names and unknown enum values by schema, with the allowed values', async () => {
    const response = await create(officer, {
      ...resourceInput(themeClass),
      formatType: 'papyrus',
      items: [{ name: 'x', fieldName: 'Bad Name', dataType: 'C', length: 2, sensitivity: 'general' }],
    });
    expect(response.statusCode).toBe(400);
    const errors = errorsOf(response.json());
    expect(errors['/body/formatType']).toContain('database');
    expect(errors['/body/items/0/fieldName']).toBeDefined();
  });

  it('takes a hand-given code only in the profile format, under its class, and once', async () => {
    const good = await create(officer, {
      ...resourceInput(themeClass, { name: '出租车信息' }),
      code: '201/900001',
    });
    expect(good.statusCode).toBe(201);
    const again = await create(officer, {
      ...resourceInput(themeClass, { name: '另一个' }),
      code: '201/900001',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('资源代码 201/900001 已被使用');
    const badFormat = await create(officer, { ...resourceInput(themeClass), code: 'ABC-1' });
    expect(errorsOf(badFormat.json())['/body/code']).toContain('101001/000001');
    const wrongClass = await create(officer, { ...resourceInput(themeClass), code: '101/000009' });
    expect(errorsOf(wrongClass.json())['/body/code']).toContain('201');
  });

  it('checks related resource codes exist', async () => {
    const response = await create(officer, resourceInput(themeClass, { relatedCodes: ['201/999999'] }));
    expect(errorsOf(response.json())['/body/relatedCodes/0']).toBe('关联资源代码 201/999999 不存在');
  });
});

describe('who may compile and read', () => {
  it('lets an officer compile only for their own department; the authority for its region', async () => {
    const forMarket = await create(officer, { ...resourceInput(themeClass), departmentId: world.market.id });
    expect(forMarket.statusCode).toBe(403);
    const byAuthority = await create(authority, {
      ...resourceInput(themeClass, { name: '市场主体名录' }),
      departmentId: world.market.id,
    });
    expect(byAuthority.statusCode).toBe(201);
    expect(byAuthority.json().provider.name).toBe('市市场监管局');
    const byAuditor = await create(auditor, resourceInput(themeClass));
    expect(byAuditor.statusCode).toBe(403);
  });

  it('hides another department’s unpublished drafts and keeps edits to the owner', async () => {
    const mine = (await create(officer, resourceInput(themeClass, { name: '户籍迁移信息' }))).json();
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/resources/${mine.id}`,
      headers: market.read,
    });
    expect(read.statusCode).toBe(404);
    const edit = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/resources/${mine.id}/draft`,
      headers: market.write,
      payload: resourceInput(themeClass),
    });
    expect(edit.statusCode).toBe(403);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/resources?pageSize=200',
      headers: market.read,
    });
    expect(list.json().items.every((r: { providerName: string }) => r.providerName === '市市场监管局')).toBe(
      true,
    );
  });

  it('lets a public user do nothing with the catalog console', async () => {
    const { password } = await createUser(t.database.db, { role: 'public_user', username: 'citizen1' });
    const citizen = await login(t.app, 'citizen1', password);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/resources',
      headers: citizen.read,
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('drafts', () => {
  it('saves and discards a draft; a discarded never-published resource is withdrawn', async () => {
    const created = (await create(officer, resourceInput(themeClass, { name: '临时资源' }))).json();
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/catalog/resources/${created.id}/draft`,
      headers: officer.write,
      payload: resourceInput(themeClass, { name: '临时资源（改）', keywords: [' 公交 ', '公交'] }),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().draft).toMatchObject({ name: '临时资源（改）', keywords: ['公交'], number: 1 });
    const discarded = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/catalog/resources/${created.id}/draft`,
      headers: officer.write,
    });
    expect(discarded.json()).toMatchObject({ status: 'withdrawn', draft: null });
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/catalog/resources/${created.id}/draft`,
      headers: officer.write,
    });
    expect(again.statusCode).toBe(409);
  });

  it('serves the value lists with the profile’s names to anyone', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/vocabulary' });
    expect(response.statusCode).toBe(200);
    const vocabulary = response.json();
    expect(vocabulary.shareTypes.map((s: { name: { 'zh-CN': string } }) => s.name['zh-CN'])).toEqual([
      '无条件共享',
      '有条件共享',
      '不予共享',
    ]);
    expect(vocabulary.openMethods.map((m: { code: string }) => m.code)).toEqual(['download', 'api', 'model']);
    expect(vocabulary.resourceCode.example).toBe('101001/000001');
  });
});

describe('nullable fields', () => {
  it('takes null for optional numbers and texts as "not given", not as 0', async () => {
    const response = await create(
      officer,
      resourceInput(themeClass, {
        name: '空值测试',
        items: [
          {
            name: '编号',
            fieldName: 'bh',
            dataType: 'C',
            length: 10,
            scale: null,
            description: null,
            sensitivity: 'general',
          },
        ],
        contactEmail: null,
        temporalStart: null,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().draft.items[0]).toMatchObject({ scale: null, description: null });
    expect(response.json().draft).toMatchObject({ contactEmail: null, temporalStart: null });
  });
});
