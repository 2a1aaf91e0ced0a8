import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../platform/db/schema.ts';
import { createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import type { AccessType, ClassKind } from './catalog.tables.ts';
import {
  deleteEntry,
  searchEntries,
  upsertEntry,
  type EntryInput,
  type EntrySearch,
} from './entries.repository.ts';
import { SHARE_FACETS } from './search.schemas.ts';
import { queryWords } from '../../platform/search/segmenter.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let staff: TestSession;
let sequence = 0;

interface Published {
  name: string;
  abstract: string;
  items?: string[];
  keywords?: string[];
  department?: { id: string; name: string; region_id: string };
  classCode?: string;
  shareType?: AccessType;
  openType?: AccessType;
  formats?: string[];
  updateCycle?: string;
  quality?: number;
  modifiedAt?: string;
}

/** A published resource: minimal resource and revision rows, and its entry through upsertEntry. */
async function publish(db: Kysely<DB>, entry: Published): Promise<EntryInput> {
  const department = entry.department ?? world.police;
  const cls = await db
    .selectFrom('catalog_classes')
    .select(['id', 'kind', 'code'])
    .where('code', '=', entry.classCode ?? '101')
    .executeTakeFirstOrThrow();
  const code = `${cls.code}/${String(++sequence).padStart(6, '0')}`;
  const { id: resourceId } = await db
    .insertInto('catalog_resources')
    .values({ code, department_id: department.id, region_id: department.region_id, status: 'published' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const shared = {
    name: entry.name,
    abstract: entry.abstract,
    class_id: cls.id,
    format_type: 'spreadsheet',
    formats: entry.formats ?? ['CSV'],
    keywords: entry.keywords ?? [],
    share_type: entry.shareType ?? 'unconditional',
    open_type: entry.openType ?? 'unconditional',
    security_level: 'general',
    update_cycle: entry.updateCycle ?? 'monthly',
  } as const;
  const { id: revisionId } = await db
    .insertInto('catalog_revisions')
    .values({
      ...shared,
      resource_id: resourceId,
      number: 1,
      state: 'published',
      share_methods: ['api'],
      open_methods: [],
      related_codes: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const modifiedAt = new Date(entry.modifiedAt ?? '2026-01-10T08:00:00Z');
  const input: EntryInput = {
    ...shared,
    resource_id: resourceId,
    revision_id: revisionId,
    code,
    department_id: department.id,
    region_id: department.region_id,
    class_kind: cls.kind as ClassKind,
    class_code: cls.code,
    published_at: modifiedAt,
    modified_at: modifiedAt,
    version_number: 1,
    // These fixtures stand for reviewed resources (保密审查 passed); reviews.test covers the rest.
    share_review_passed: true,
    open_review_passed: true,
    qualityScore: entry.quality ?? 60,
    searchParts: {
      name: entry.name,
      keywords: shared.keywords,
      abstract: entry.abstract,
      items: entry.items ?? [],
      provider: department.name,
      code,
    },
  };
  await upsertEntry(db, input);
  return input;
}

interface Found {
  items: { name: string; shareType?: string; securityLevel?: string }[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, { value: string; label: string; count: number }[]>;
}

async function share(query: string, headers: Record<string, string> = staff.read) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/entries?${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Found;
}
async function open(query: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/open-catalog/datasets?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Found;
}
const q = (text: string) => `q=${encodeURIComponent(text)}`;
const names = (found: Found) => found.items.map((i) => i.name);
const facet = (found: Found, name: string) =>
  Object.fromEntries(found.facets[name]!.map((v) => [v.value, v.count]));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  world = await createWorld(db);
  staff = await login(t.app, 'market.officer', world.users.marketOfficer.password);
  await publish(db, {
    name: '居民户籍信息',
    abstract: '本市户籍人口的登记信息，包括姓名、公民身份号码和住址。',
    items: ['姓名', '公民身份号码', '户籍地址'],
    shareType: 'conditional',
    openType: 'none',
    formats: ['XLSX'],
    updateCycle: 'daily',
    quality: 80,
  });
  await publish(db, {
    name: '市场主体登记信息',
    abstract: '企业和个体工商户的营业执照登记事项，含统一社会信用代码、法定代表人和经营范围。',
    items: ['统一社会信用代码', '企业名称', '法定代表人'],
    department: world.market,
    classCode: '102',
    formats: ['CSV', 'JSON'],
    quality: 90,
  });
  await publish(db, {
    name: '城乡低保对象名册',
    abstract: '享受最低生活保障待遇的家庭和人员名单，按月更新。',
    items: ['户主姓名', '保障人数', '月保障金额'],
    department: world.market,
    classCode: '203',
    openType: 'conditional',
    updateCycle: 'monthly',
  });
  await publish(db, {
    name: '营业执照电子证照',
    abstract: '电子证照库中的证照文件和照面信息。',
    items: ['证照编号'],
    department: world.market,
    classCode: '105',
    formats: ['JSON'],
    quality: 50,
    modifiedAt: '2026-02-01T08:00:00Z',
  });
  await publish(db, {
    name: '公交线路信息',
    abstract: '全市公交线路的起讫站点、首末班时间和票价。',
    items: ['线路编号', '线路名称', '票价'],
    department: world.districtDept,
    classCode: '201',
    formats: ['CSV', 'XLSX'],
    quality: 70,
  });
});
afterAll(async () => {
  await t?.close();
});

describe('Chinese full-text search of the share catalog', () => {
  it('finds words inside longer words: 公安 finds the 市公安局 entry, 营业执照 an abstract that mentions it', async () => {
    const police = await share(q('公安'));
    // 市公安局 provides 居民户籍信息; 渝中区公安分局 provides 公交线路信息.
    expect(names(police).sort()).toEqual(['公交线路信息', '居民户籍信息']);
    const licence = await share(q('营业执照'));
    expect(names(licence).sort()).toEqual(['市场主体登记信息', '营业执照电子证照']);
    // A word of an information item and one of the government dictionary's terms.
    expect(names(await share(q('统一社会信用代码')))).toEqual(['市场主体登记信息']);
    expect(names(await share(q('身份号码')))).toEqual(['居民户籍信息']);
  });

  it('finds a two-character word, which a LIKE/trigram index cannot, and only as a word', async () => {
    expect(names(await share(q('低保')))).toEqual(['城乡低保对象名册']);
    // 保对 is characters across two words, not a word: a substring scan would find it.
    expect((await share(q('保对'))).total).toBe(0);
  });

  it('ANDs the words of a query and ignores punctuation, case and particles', async () => {
    expect(names(await share(q('公交 票价')))).toEqual(['公交线路信息']);
    expect(names(await share(q('公交，线路的票价！')))).toEqual(['公交线路信息']);
    expect((await share(q('公交 低保'))).total).toBe(0);
  });

  it('ranks a name hit above an abstract-only hit, and sorts on request', async () => {
    const ranked = await share(q('营业执照'));
    expect(names(ranked)).toEqual(['营业执照电子证照', '市场主体登记信息']);
    const byQuality = await share(`${q('营业执照')}&sort=-quality`);
    expect(names(byQuality)).toEqual(['市场主体登记信息', '营业执照电子证照']);
    const newest = await share('');
    expect(newest.items[0]!.name).toBe('营业执照电子证照');
    const byName = await share('sort=name');
    expect(names(byName)).toEqual([...names(byName)].sort());
  });

  it('counts facets over the matches, each ignoring its own filter', async () => {
    const all = await share('');
    expect(all.total).toBe(5);
    expect(all).toHaveProperty('facetsExact', true);
    expect(facet(all, 'department')).toEqual({
      [world.police.id]: 1,
      [world.market.id]: 3,
      [world.districtDept.id]: 1,
    });
    expect(all.facets.department!.find((v) => v.value === world.market.id)!.label).toBe('市市场监管局');
    expect(facet(all, 'format')).toEqual({ CSV: 3, XLSX: 2, JSON: 2 });
    expect(facet(all, 'classKind')).toEqual({ base: 3, theme: 2 });
    expect(all.facets.shareType!.find((v) => v.value === 'conditional')!.label).toBe('有条件共享');
    expect(facet(all, 'region')).toEqual({ [world.city.id]: 4, [world.district.id]: 1 });

    const market = await share(`departmentId=${world.market.id}`);
    expect(market.total).toBe(3);
    // The department facet still shows the other departments; the others are narrowed.
    expect(facet(market, 'department')[world.police.id]).toBe(1);
    expect(facet(market, 'classKind')).toEqual({ base: 2, theme: 1 });
    expect(facet(market, 'openType')).toEqual({ unconditional: 2, conditional: 1 });

    // Two filters: each facet applies the other one only.
    const marketBase = await share(`departmentId=${world.market.id}&classKind=base`);
    expect(marketBase.total).toBe(2);
    expect(facet(marketBase, 'department')).toEqual({ [world.police.id]: 1, [world.market.id]: 2 });
    expect(facet(marketBase, 'classKind')).toEqual({ base: 2, theme: 1 });
    expect(facet(marketBase, 'format')).toEqual({ CSV: 1, JSON: 2 });
  });

  it('filters by department, region, class, types, format and update cycle', async () => {
    expect(names(await share(`regionId=${world.district.id}`))).toEqual(['公交线路信息']);
    expect((await share('classKind=theme')).total).toBe(2);
    expect(names(await share('classCode=10&sort=name')).length).toBe(3);
    expect(names(await share('classCode=105'))).toEqual(['营业执照电子证照']);
    expect(names(await share('shareType=conditional'))).toEqual(['居民户籍信息']);
    expect(names(await share('openType=none'))).toEqual(['居民户籍信息']);
    expect(names(await share('format=JSON&sort=name')).sort()).toEqual([
      '市场主体登记信息',
      '营业执照电子证照',
    ]);
    expect(names(await share('updateCycle=daily'))).toEqual(['居民户籍信息']);
    expect(names(await share(`${q('营业执照')}&format=CSV`))).toEqual(['市场主体登记信息']);
  });

  it('pages through the matches', async () => {
    const first = await share('pageSize=2&sort=name');
    const second = await share('pageSize=2&page=2&sort=name');
    const third = await share('pageSize=2&page=3&sort=name');
    expect(first.total).toBe(5);
    expect([first.items.length, second.items.length, third.items.length]).toEqual([2, 2, 1]);
    const seen = [...names(first), ...names(second), ...names(third)];
    expect(new Set(seen).size).toBe(5);
    expect((await share('pageSize=2&page=9')).items).toEqual([]);
  });

  it('follows entries that are rewritten or withdrawn', async () => {
    const db = t.database.db;
    const entry = await publish(db, {
      name: '网约车平台经营许可',
      abstract: '网络预约出租汽车经营者名录。',
    });
    expect(names(await share(q('网约车')))).toEqual(['网约车平台经营许可']);
    const renamed = '巡游出租汽车经营许可';
    await upsertEntry(db, { ...entry, name: renamed, searchParts: { ...entry.searchParts, name: renamed } });
    expect((await share(q('网约车'))).total).toBe(0);
    expect(names(await share(q('巡游出租汽车')))).toEqual([renamed]);
    await deleteEntry(db, entry.resource_id);
    expect((await share(q('出租汽车'))).total).toBe(0);
  });

  it('answers a query of punctuation or particles with a clear 400, a too long one too, never 500', async () => {
    for (const text of ['，。！？', '的', '   ']) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/catalog/entries?${q(text)}`,
        headers: { ...staff.read, 'accept-language': 'en' },
      });
      if (text.trim() === '') {
        // Blank text is no query at all: the whole catalog.
        expect(response.statusCode).toBe(200);
        continue;
      }
      expect(response.statusCode, text).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().detail).toContain('no words to search for');
    }
    const long = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/entries?${q('公安'.repeat(100))}`,
      headers: staff.read,
    });
    expect(long.statusCode).toBe(400);
    const control = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/entries?q=%00%27%5C%26%7C!`,
      headers: staff.read,
    });
    expect(control.statusCode).toBe(400);
    const syntax = await share(q("公安' | !低保 & (:*"));
    expect(names(syntax).sort()).toEqual([]);
  });

  it('needs a signed-in government user, and audits every search', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/entries' });
    expect(anonymous.statusCode).toBe(401);
    const citizen = await createUser(t.database.db, { role: 'public_user', username: 'citizen' });
    const session = await login(t.app, 'citizen', citizen.password);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/catalog/entries',
      headers: session.read,
    });
    expect(denied.statusCode).toBe(403);

    await share(`${q('低保')}&classKind=theme`);
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'catalog.search')
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor_name).toBe('market.officer');
    expect(event.detail).toMatchObject({
      q: '低保',
      words: ['低保'],
      filters: { classKind: 'theme' },
      total: 1,
    });
  });
});

describe('facets of a text search with more matches than the facet sample', () => {
  const search = (q: string, window: Partial<EntrySearch>): EntrySearch => ({
    words: queryWords(q),
    filters: {},
    scope: 'share',
    facets: SHARE_FACETS,
    sort: { by: 'name', direction: 'asc' },
    offset: 0,
    limit: 20,
    ...window,
  });

  it('keeps the total and the pages exact, and says the facets count only some matches', async () => {
    const db = t.database.db;
    const all = await searchEntries(db, search('信息', {}));
    expect(all.facetsExact).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const sampled = await searchEntries(db, search('信息', { facetSample: 1, limit: 1 }));
    expect(sampled.facetsExact).toBe(false);
    expect(sampled.total).toBe(all.total);
    expect(sampled.rows.map((r) => r.name)).toEqual([all.rows[0]!.name]);
    const counted = sampled.facets.filter((f) => f.facet === 'classKind').reduce((n, f) => n + f.count, 0);
    expect(counted).toBeLessThan(all.total);
    const second = await searchEntries(db, search('信息', { facetSample: 1, limit: 1, offset: 1 }));
    expect(second.rows.map((r) => r.name)).toEqual([all.rows[1]!.name]);
  });

  it('knows the total of a page past the end', async () => {
    const past = await searchEntries(t.database.db, search('信息', { facetSample: 1, offset: 100 }));
    const all = await searchEntries(t.database.db, search('信息', {}));
    expect(past.rows).toEqual([]);
    expect(past.total).toBe(all.total);
  });
});

describe('the open catalog', () => {
  it('answers anyone, never shows not-open entries, share types or security levels', async () => {
    const all = await open('');
    expect(all.total).toBe(4);
    expect(names(all)).not.toContain('居民户籍信息');
    expect(all.items[0]).not.toHaveProperty('shareType');
    expect(all.items[0]).not.toHaveProperty('securityLevel');
    expect(all.facets).not.toHaveProperty('shareType');
    // The police department has only a not-open entry: it does not appear, not even with 0.
    expect(facet(all, 'department')[world.police.id]).toBeUndefined();
    expect((await open(q('户籍'))).total).toBe(0);
    expect((await open(q('公民身份号码'))).total).toBe(0);
    expect(names(await open('openType=conditional'))).toEqual(['城乡低保对象名册']);
  });

  it('refuses filters the open catalog does not have', async () => {
    for (const query of ['shareType=none', 'openType=none']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/open-catalog/datasets?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
  });

  it('audits the anonymous search, and names facet values in the caller’s language', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/open-catalog/datasets?${q('公交')}`,
      headers: { 'accept-language': 'en' },
    });
    const found = response.json() as Found;
    expect(names(found)).toEqual(['公交线路信息']);
    expect(found.facets.classKind).toEqual([
      { value: 'theme', label: 'Thematic information resources', count: 1 },
    ]);
    expect(found.facets.openType![0]!.label).toBe('Unconditionally open');
    expect(found.facets.updateCycle![0]!.label).toBe('Monthly');
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'catalog.open.search')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor_type).toBe('anonymous');
    expect(event.detail).toMatchObject({ q: '公交', total: 1 });
  });
});
