import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { registerPublicUser, type RegisteredUser } from '../accounts/accounts.fixtures.ts';
import { LINES_BY_DISTRICT, portalWorld, setMasking } from '../portal/portal.fixtures.ts';

// Open data for the public: only an identity-authenticated user gets rows, only of unconditionally
// open datasets, masked by the provider's rules, in every format; each read audited and counted.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let citizen: RegisteredUser;
let unverified: TestSession;
const ROWS = Object.values(LINES_BY_DISTRICT).reduce((sum, n) => sum + n, 0);

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000 } });
  world = await portalWorld(t);
  // The provider names each line's name as a nulled item, so masking shows in every format.
  await setMasking(t, world.police, world.lines.id, 'xlmc', { kind: 'null' });
  citizen = await registerPublicUser(t.app);
  const { password } = await createUser(t.database.db, { role: 'public_user', username: 'no.identity' });
  unverified = await login(t.app, 'no.identity', password);
});
afterAll(() => t.close());

const get = (url: string, session?: TestSession | null, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/open/datasets/${url}`,
    headers: { ...(session ? session.read : {}), 'accept-language': 'zh-CN', ...headers },
  });
const events = (action: string) =>
  t.database.db
    .selectFrom('audit_events')
    .select(['outcome', 'actor_name', 'detail'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();
const totals = (id: string) =>
  t.database.db
    .selectFrom('open_usage_totals')
    .select(['downloads', 'api_calls', 'rows'])
    .where('resource_id', '=', id)
    .executeTakeFirst();

describe('who gets open data', () => {
  it('refuses the anonymous (401) and a user without an authenticated identity (403, audited)', async () => {
    const anonymous = await get(`${world.lines.id}/download`);
    expect(anonymous.statusCode).toBe(401);
    const refused = await get(`${world.lines.id}/download`, unverified);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'open.identity_required' });
    expect(refused.json().detail).toContain('实名');
    const denied = await events('open.data.download');
    expect(denied.at(-1)).toMatchObject({ outcome: 'denied', actor_name: 'no.identity' });
  });

  it('answers 404 for an unknown, malformed or not-open dataset and 409 for conditional data', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'nope', world.ids.census])
      expect((await get(`${id}/records`, citizen.session)).statusCode).toBe(404);
    const conditional = await get(`${world.ids.companies}/records`, citizen.session);
    expect(conditional.statusCode).toBe(409);
    expect(conditional.json().detail).toContain('有条件开放');
  });

  it('answers 409 for a method the dataset does not offer and for a dataset without data', async () => {
    const noApi = await get(`${world.ids.air}/records`, citizen.session, { 'accept-language': 'en' });
    expect(noApi.statusCode).toBe(409);
    expect(noApi.json()).toMatchObject({ code: 'open.data.method_not_offered' });
    const empty = await get(`${world.ids.bus}/download`, citizen.session);
    expect(empty.statusCode).toBe(409);
    expect(empty.json()).toMatchObject({ code: 'open.data.no_data' });
  });
});

describe('downloads', () => {
  it('streams CSV with field names, masked items nulled, audited and counted', async () => {
    const before = (await totals(world.lines.id))?.downloads ?? 0;
    const response = await get(`${world.lines.id}/download?format=csv`, citizen.session);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toBe('xlbh,xlmc,ssqx,kxrq,sfyb');
    expect(lines).toHaveLength(ROWS + 1);
    expect(lines[1]).toMatch(/^L001,,渝中区,2020-01-15,true$/);
    const audit = (await events('open.data.download')).at(-1)!;
    expect(audit).toMatchObject({ outcome: 'success', actor_name: citizen.username });
    expect(audit.detail).toMatchObject({ count: ROWS, format: 'csv', complete: true, datasetId: world.lines.id });
    // Nulling is done inside PostgreSQL, so on a server the CSV is one COPY streamed through.
    expect(audit.detail).toMatchObject({ way: t.database.pool ? 'copy' : 'pages' });
    expect((audit.detail as { keys: string[] }).keys[0]).toBe('L001');
    expect((await totals(world.lines.id))?.downloads).toBe(before + 1);
  });

  it('writes one JSON array and JSON lines with the same rows', async () => {
    const json = await get(`${world.lines.id}/download?format=json`, citizen.session);
    expect(json.headers['content-type']).toContain('application/json');
    const records = json.json() as Record<string, unknown>[];
    expect(records).toHaveLength(ROWS);
    expect(records[0]).toEqual({ xlbh: 'L001', xlmc: null, ssqx: '渝中区', kxrq: '2020-01-15', sfyb: true });
    const jsonl = await get(`${world.lines.id}/download?format=jsonl&fields=xlbh,ssqx`, citizen.session);
    const objects = jsonl.body.trimEnd().split('\n').map((line) => JSON.parse(line) as object);
    expect(objects).toHaveLength(ROWS);
    expect(objects[0]).toEqual({ xlbh: 'L001', ssqx: '渝中区' });
  });

  it('writes an XLSX workbook with the items’ names as header', async () => {
    const response = await get(`${world.lines.id}/download?format=xlsx`, citizen.session);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, '线路编号', '线路名称', '所属区县', '开线日期', '是否夜班线']);
    expect(sheet.rowCount).toBe(ROWS + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe('L001');
    expect(sheet.getRow(2).getCell(2).value).toBeNull();
  });

  it('refuses an unknown format or field with a 400 naming it', async () => {
    expect((await get(`${world.lines.id}/download?format=pdf`, citizen.session)).statusCode).toBe(400);
    const field = await get(`${world.lines.id}/download?fields=xlbh,nope`, citizen.session);
    expect(field.statusCode).toBe(400);
    expect(JSON.stringify(field.json())).toContain('nope');
  });
});

describe('the records API', () => {
  it('pages through every record by its cursor and filters on an unmasked item', async () => {
    const seen: string[] = [];
    let url = `${world.lines.id}/records?limit=12&fields=xlbh`;
    for (let i = 0; i < 5; i++) {
      const page = await get(url, citizen.session);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json() as { items: { xlbh: string }[]; next: string | null };
      seen.push(...body.items.map((item) => item.xlbh));
      if (!body.next) break;
      url = `${world.lines.id}/records?limit=12&fields=xlbh&after=${encodeURIComponent(body.next)}`;
    }
    expect(seen).toHaveLength(ROWS);
    expect(new Set(seen).size).toBe(ROWS);
    const district = await get(`${world.lines.id}/records?ssqx=eq.${encodeURIComponent('渝中区')}`, citizen.session);
    expect(district.json().items).toHaveLength(LINES_BY_DISTRICT['渝中区']);
  });

  it('refuses a filter on a masked item (it would tell who is in the data), a bad filter and a page too large', async () => {
    const masked = await get(`${world.lines.id}/records?xlmc=eq.x`, citizen.session);
    expect(masked.statusCode).toBe(403);
    expect(masked.json()).toMatchObject({ code: 'open.data.filter_masked' });
    const syntax = await get(`${world.lines.id}/records?ssqx=around.x`, citizen.session);
    expect(syntax.statusCode).toBe(400);
    const large = await get(`${world.lines.id}/records?limit=100000`, citizen.session);
    expect(large.statusCode).toBe(400);
    expect(large.json().detail).toContain('1000');
  });

  it('answers a personal API key of the user as it answers the session', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/open/me/keys',
      headers: citizen.session.write,
      payload: { name: '科研脚本' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { key } = created.json() as { key: string };
    const before = (await totals(world.lines.id))?.api_calls ?? 0;
    const page = await get(`${world.lines.id}/records?limit=5`, null, { authorization: `Bearer ${key}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(5);
    expect((await totals(world.lines.id))?.api_calls).toBe(before + 1);
    const audit = (await events('open.data.query')).at(-1)!;
    expect(audit).toMatchObject({ outcome: 'success' });
    expect(audit.detail).toMatchObject({ count: 5 });
  });
});

describe('the preview', () => {
  it('shows the profile’s number of first rows with the masked items marked', async () => {
    const response = await get(`${world.lines.id}/preview`, citizen.session);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { items: { field: string; masked: boolean }[]; rows: unknown[] };
    expect(body.rows).toHaveLength(t.app.platform.profile.opening.api.previewRows);
    expect(body.items.find((item) => item.field === 'xlmc')).toMatchObject({ masked: true });
    expect(body.items.find((item) => item.field === 'xlbh')).toMatchObject({ masked: false });
  });
});
